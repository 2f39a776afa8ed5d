// One `.regles` file through `subsidia fmt`: read, refused if the parser refuses it (every
// syntax error as file:line:column with a caret, the file left alone), laid out, checked to
// mean the same, and, when asked and when it changes, written atomically (a temporary file in
// the same folder renamed over it).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace subsidia::workbench::fmt {

enum class FileOutcome { Unchanged, Changed, Error };

struct FileResult {
  FileOutcome outcome = FileOutcome::Unchanged;
  std::string formatted;  // the laid-out text (Unchanged, Changed)
  std::string error;      // French, with positions (Error)
};

// `write`: put the formatted text in place when it differs.
FileResult format_file(const std::filesystem::path& file, bool write);

// The .regles files a path names: itself, or every *.regles under a folder, sorted.
std::vector<std::filesystem::path> rule_files(const std::filesystem::path& path);

}  // namespace subsidia::workbench::fmt
