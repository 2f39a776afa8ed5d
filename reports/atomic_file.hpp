// Writing a report file all at once or not at all: the content goes to FILE.tmp-XXXXXX in
// the same folder (same file system, so the rename is atomic), then is renamed over FILE.
// On any error the temporary file is removed and FILE is left as it was (absent or the
// previous version): a reader never sees a half-written report.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace subsidia::reports {

// `produce` writes the content at the temporary path it is given and returns an error
// message (French) or std::nullopt. Returns the error, or std::nullopt once FILE is in place.
std::optional<std::string> write_atomically(
    const std::filesystem::path& file,
    const std::function<std::optional<std::string>(const std::filesystem::path& temporary)>& produce);

std::optional<std::string> write_file_atomically(const std::filesystem::path& file, std::string_view content);

}  // namespace subsidia::reports
