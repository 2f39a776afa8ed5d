// A whole small CSV table (rule tables, the zone table) read strictly: header line, then rows
// of exactly the header's width, each with its line. UTF-8 only (a byte-order mark is
// skipped); blank lines are skipped. The first problem stops the reading, with its line and
// column.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "csv/tokenizer.hpp"

namespace subsidia::csv {

struct TableRow {
  std::size_t line = 0;
  std::vector<std::string> cells;
};

struct Table {
  std::vector<std::string> header;
  std::vector<TableRow> rows;

  // Index of a header name, or -1.
  int column(std::string_view name) const;
};

struct TableResult {
  Table table;
  std::optional<Issue> error;  // French message with its position
};

TableResult read_table(std::string_view text, char separator = ',');

}  // namespace subsidia::csv
