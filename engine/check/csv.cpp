#include "check/csv.hpp"

namespace subsidia::check {

CsvResult read_csv(std::string_view text) {
  CsvResult result;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string cell;
  std::size_t line = 1;
  std::size_t record_line = 1;
  bool in_quotes = false;
  bool cell_was_quoted = false;
  bool record_started = false;
  // A UTF-8 byte order mark is not part of the first column's name.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  auto end_record = [&] {
    record.push_back(std::move(cell));
    cell.clear();
    records.push_back(std::move(record));
    record.clear();
    cell_was_quoted = false;
    record_started = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    if (!record_started) {
      record_started = true;
      record_line = line;
    }
    if (c == '"') {
      if (!cell.empty() || cell_was_quoted) {
        result.error = "guillemet inattendu au milieu d'une cellule, ligne " + std::to_string(line);
        return result;
      }
      in_quotes = true;
      cell_was_quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(cell));
      cell.clear();
      cell_was_quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_record();
      ++line;
    } else {
      if (cell_was_quoted) {
        result.error = "texte après une cellule entre guillemets, ligne " + std::to_string(line);
        return result;
      }
      cell += c;
    }
  }
  if (in_quotes) {
    result.error = "guillemet non fermé, à partir de la ligne " + std::to_string(record_line);
    return result;
  }
  if (record_started) end_record();
  // Blank lines (a trailing newline, an empty last line) are not records.
  std::vector<std::vector<std::string>> kept;
  std::vector<std::size_t> lines;
  for (auto& r : records) {
    if (r.size() == 1 && r[0].empty()) continue;
    kept.push_back(std::move(r));
  }
  if (kept.empty()) {
    result.error = "fichier vide : une ligne d'en-tête est attendue";
    return result;
  }
  result.table.header = std::move(kept[0]);
  for (std::size_t i = 1; i < kept.size(); ++i) {
    if (kept[i].size() != result.table.header.size()) {
      result.error = "la ligne de données " + std::to_string(i) + " a " + std::to_string(kept[i].size()) +
                     " cellules, l'en-tête en a " + std::to_string(result.table.header.size());
      return result;
    }
    result.table.rows.push_back(std::move(kept[i]));
  }
  return result;
}

}  // namespace subsidia::check
