// Countries -> zones of the 2012 survey (pays-zones.csv: columns pays, nom, zone).
//
// Where the table comes from: the rule base's copy (`<regles>/tables/pays-zones.csv`) when
// it exists, so that lawyers tune one file; otherwise the copy compiled into the program
// from rules/tables/pays-zones.csv, the repository's one copy of the shared data table.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::reports {

class ZoneTable {
 public:
  // Parses the CSV text (header line, comma separator, RFC 4180 quotes). On error returns
  // std::nullopt and sets `error` (French, with the line number).
  static std::optional<ZoneTable> parse(std::string_view csv_text, std::string_view name, std::string* error);
  static std::optional<ZoneTable> load(const std::filesystem::path& file, std::string* error);
  // The copy compiled into the program (parsed on each call: no global state; it is small).
  static ZoneTable builtin();

  // Zone of an ISO code, or nullptr when the table does not list it.
  const std::string* zone_of(std::string_view country) const;
  // French name of the country, or the code itself.
  std::string_view country_name(std::string_view country) const;
  const std::string& source() const { return source_; }  // where it was read, for the notes

 private:
  struct Row {
    std::string name;
    std::string zone;
  };
  std::map<std::string, Row, std::less<>> rows_;
  std::string source_;
};

}  // namespace subsidia::reports
