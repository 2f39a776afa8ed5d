#include "reports/zone_table.hpp"

#include <fstream>
#include <sstream>

namespace subsidia::reports {

namespace {

// One CSV record (RFC 4180: quoted fields may hold commas and doubled quotes).
bool split_record(std::string_view line, std::vector<std::string>& cells) {
  cells.clear();
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return !quoted;
}

}  // namespace

std::optional<ZoneTable> ZoneTable::parse(std::string_view text, std::string_view name, std::string* error) {
  auto fail = [&](std::size_t line, const std::string& what) -> std::optional<ZoneTable> {
    if (error) *error = std::string(name) + ":" + std::to_string(line) + ": " + what;
    return std::nullopt;
  };
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  ZoneTable table;
  table.source_ = std::string(name);
  std::vector<std::string> cells;
  int col_code = -1, col_name = -1, col_zone = -1;
  std::size_t line_no = 0;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (!split_record(line, cells)) return fail(line_no, "guillemet non fermé");
    if (col_code < 0) {
      for (int i = 0; i < static_cast<int>(cells.size()); ++i) {
        if (cells[i] == "pays") col_code = i;
        if (cells[i] == "nom") col_name = i;
        if (cells[i] == "zone") col_zone = i;
      }
      if (col_code < 0 || col_zone < 0) return fail(line_no, "colonnes « pays » et « zone » attendues");
      continue;
    }
    int needed = std::max(col_code, std::max(col_name, col_zone));
    if (static_cast<int>(cells.size()) <= needed) return fail(line_no, "ligne incomplète");
    Row row{col_name >= 0 ? cells[col_name] : cells[col_code], cells[col_zone]};
    if (!table.rows_.emplace(cells[col_code], std::move(row)).second)
      return fail(line_no, "pays en double : " + cells[col_code]);
  }
  if (col_code < 0) return fail(line_no, "table vide");
  return table;
}

std::optional<ZoneTable> ZoneTable::load(const std::filesystem::path& file, std::string* error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (error) *error = file.string() + " : lecture impossible";
    return std::nullopt;
  }
  std::ostringstream content;
  content << in.rdbuf();
  return parse(content.str(), file.string(), error);
}

const std::string* ZoneTable::zone_of(std::string_view country) const {
  auto it = rows_.find(country);
  return it == rows_.end() ? nullptr : &it->second.zone;
}

std::string_view ZoneTable::country_name(std::string_view country) const {
  auto it = rows_.find(country);
  return it == rows_.end() ? country : std::string_view(it->second.name);
}

}  // namespace subsidia::reports
