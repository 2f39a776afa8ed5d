// A JSONL file read whole and split into lines before any clock starts: the kit's protocol
// times parsing and rules, never the disk.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::bench {

struct LineFile {
  std::string text;                     // the whole file
  std::vector<std::string_view> lines;  // views into `text`, without the '\n'; empty lines dropped
  std::vector<std::size_t> line_numbers;  // 1-based line of each entry of `lines`
  std::size_t bytes() const { return text.size(); }
};

// std::nullopt when the file cannot be read (the caller prints the message).
std::optional<LineFile> read_line_file(const std::filesystem::path& file);

}  // namespace subsidia::bench
