// A small CSV reader for rule tables: RFC 4180 quotes, comma separator, CRLF or LF line
// ends, every cell text. The first line is the header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace subsidia::check {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct CsvResult {
  CsvTable table;
  std::string error;  // French, empty when the text was read; names the line
};

CsvResult read_csv(std::string_view text);

}  // namespace subsidia::check
