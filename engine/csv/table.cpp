#include "csv/table.hpp"

#include "csv/encoding.hpp"

namespace subsidia::csv {

int Table::column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

TableResult read_table(std::string_view text, char separator) {
  TableResult result;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  Tokenizer tokens(text, {separator, true});
  Record record;
  bool header_seen = false;
  while (tokens.next(record)) {
    if (record.blank()) continue;
    for (const Field& field : record.fields) {
      for (std::size_t i = 0; i < field.value.size();) {
        std::size_t length = utf8_sequence_length(field.value, i);
        if (length == 0) {
          std::size_t offset = field.offset + (field.quoted ? 1 : 0) + i;
          result.error = Issue{IssueCode::InvalidUtf8, tokens.position_of(record, offset),
                               "octet qui n'est pas de l'UTF-8"};
          return result;
        }
        i += length;
      }
    }
    std::vector<std::string> cells;
    cells.reserve(record.fields.size());
    for (const Field& field : record.fields) cells.emplace_back(field.value);
    if (!header_seen) {
      header_seen = true;
      result.table.header = std::move(cells);
      continue;
    }
    if (cells.size() != result.table.header.size()) {
      result.error = Issue{IssueCode::RowWidth, {record.line, 1},
                           "la ligne a " + std::to_string(cells.size()) + " cellule(s), l'en-tête en a " +
                               std::to_string(result.table.header.size())};
      return result;
    }
    result.table.rows.push_back({record.line, std::move(cells)});
  }
  if (tokens.failed()) {
    result.error = tokens.issues().front();
    return result;
  }
  if (!header_seen) result.error = Issue{IssueCode::EmptyTable, {1, 1}, "fichier vide : une ligne d'en-tête est attendue"};
  return result;
}

}  // namespace subsidia::csv
