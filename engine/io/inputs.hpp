// What the command line names, turned into a sequence of dossier texts, in input order:
// a dossier file (one JSON object), a JSON array of dossiers, a .jsonl file (one dossier a
// line, read as a stream), or a folder (every *.json / *.jsonl in it and in its subfolders,
// any case, hidden entries and *.attendu.json left out, sorted by name).
// Memory stays flat: a .jsonl file is read line by line, never whole.
// A file or folder reached twice (named twice, through a link, or named and inside a named
// folder) is read once.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/reader.hpp"

namespace subsidia::io {

// Line breaks in [begin, end): \n, \r\n, and \r alone (old Mac files), each counted once.
inline std::size_t count_line_breaks(const char* begin, const char* end) {
  std::size_t n = 0;
  for (const char* p = begin; p < end; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n'))) ++n;
  }
  return n;
}


struct InputItem {
  std::string file;   // as named on the command line (or folder / name)
  std::size_t line = 0;  // JSONL line, or 0
  std::size_t index = 0; // position in a JSON array, or 0
  bool in_array = false; // an element of a JSON array of dossiers (index is then meaningful)
  std::size_t first_line = 1;  // line of the file where `text` starts (a .json file's object or element)
  std::string text;   // the JSON text of one dossier
};

// The reader sees one dossier's text; a person looks at the file. For an element of a JSON
// array the JSON pointer starts with its index ("/2/montant"), and a line counted inside the
// text becomes a line of the file.
void locate_in_file(const InputItem& item, std::vector<InputError>& errors);

// Pulls items one at a time. next() returns false at the end. Unreadable files, an empty
// file, or a top-level JSON value that is neither an object nor an array come out as
// errors (set in `error`), and reading continues with the next item.
class InputStream {
 public:
  explicit InputStream(std::vector<std::filesystem::path> paths);
  ~InputStream();
  // Fills either `item` (returns true, error empty) or `error` (returns true); false at the end.
  bool next(InputItem& item, std::optional<InputError>& error);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace subsidia::io
