#include "reports/zone_table.hpp"

#include <fstream>
#include <sstream>

#include "csv/table.hpp"

namespace subsidia::reports {

std::optional<ZoneTable> ZoneTable::parse(std::string_view text, std::string_view name, std::string* error) {
  auto fail = [&](std::size_t line, std::size_t column, const std::string& what) -> std::optional<ZoneTable> {
    if (error) *error = std::string(name) + ":" + std::to_string(line) + (column ? ":" + std::to_string(column) : "") + ": " + what;
    return std::nullopt;
  };
  // The project's one CSV reader, strict: UTF-8, RFC 4180 quotes (cells may hold commas and
  // line breaks), every row as wide as the header.
  csv::TableResult read = csv::read_table(text);
  if (read.error) return fail(read.error->position.line, read.error->position.column, read.error->message);
  const int col_code = read.table.column("pays"), col_name = read.table.column("nom"), col_zone = read.table.column("zone");
  if (col_code < 0 || col_zone < 0) return fail(1, 0, "colonnes « pays » et « zone » attendues");
  ZoneTable table;
  table.source_ = std::string(name);
  for (csv::TableRow& row : read.table.rows) {
    const std::string& code = row.cells[static_cast<std::size_t>(col_code)];
    Row entry{col_name >= 0 ? row.cells[static_cast<std::size_t>(col_name)] : code, row.cells[static_cast<std::size_t>(col_zone)]};
    if (!table.rows_.emplace(code, std::move(entry)).second) return fail(row.line, 0, "pays en double : " + code);
  }
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
