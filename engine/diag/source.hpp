// Rule source files and positions in them.
//
// A SourceSpan is a pair of byte offsets into one file of a SourceSet. Line and column are
// computed only when a message is printed, from a table of line starts; columns count
// Unicode code points (a lawyer's "é" is one column), starting at 1.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::diag {

using FileId = std::uint32_t;

struct SourceSpan {
  FileId file = 0;
  std::uint32_t begin = 0;  // byte offset of the first byte
  std::uint32_t end = 0;    // byte offset one past the last byte
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};

struct LineColumn {
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in code points
};

// A carriage return that no line feed follows (old Mac files, some exports) ends a line as
// much as a line feed does: it becomes one, byte for byte, so that offsets do not move.
// Without this a `#` comment ran to the end of such a file and silently took its rules.
void lone_carriage_returns_to_line_feeds(std::string& text);

class SourceFile {
 public:
  // `text` gets its lone carriage returns turned into line feeds (see above).
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  LineColumn locate(std::uint32_t offset) const;
  // The text of a 1-based line, without its line end.
  std::string_view line_text(std::uint32_t line) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

// Every file read during one load of the rule base; FileId indexes it.
class SourceSet {
 public:
  FileId add(std::string path, std::string text);
  const SourceFile& file(FileId id) const { return files_.at(id); }
  std::size_t size() const { return files_.size(); }

 private:
  std::vector<SourceFile> files_;
};

}  // namespace subsidia::diag
