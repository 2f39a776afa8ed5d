// The dossier schema (dossier.schema.json, vendored in rules/), compiled into a tree of
// typed nodes. The reader validates dossiers against it and stores object fields in
// schema order (slots), and the checker resolves rule paths against it, so a rule path
// becomes a list of slot indices once, before any dossier is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace subsidia::schema {

enum class Type {
  Object,
  Array,
  String,   // free text (may carry a pattern: chapitre "^[0-9]{2,5}$")
  Enum,     // a string among enum_values
  Integer,
  Boolean,
  Money,    // $defs/montant: euros, exact, at most two decimals, string or number
  Decimal,  // $defs/decimal: exact decimal, string or number (shares)
  Date,     // $defs/date: "YYYY-MM-DD"
  Country,  // $defs/pays: ISO 3166-1 alpha-2
};

struct Node;

struct Field {
  std::string name;
  bool required = false;
  std::unique_ptr<Node> node;
};

struct Node {
  Type type = Type::String;
  bool nullable = false;  // "type": ["object", "null"]
  std::string description;
  std::vector<Field> fields;                // Object: slot i is fields[i]
  std::unique_ptr<Node> items;              // Array
  std::vector<std::string> enum_values;     // Enum
  std::optional<std::string> pattern;       // String: the schema's regex, as text
  std::optional<std::int64_t> minimum, maximum;  // Integer
  std::optional<std::size_t> min_length;    // String, Enum
  // Array or String, "x-empty-means-absent": true: an empty list, or a text of blanks alone, is
  // read as no value at all. The countries where an action takes place, given as [] (a form's
  // empty choice), say nothing about where it is; read as an empty list, they would place it in
  // France by omission. An empty list of clues of local interest, or a competence « » written
  // as blanks, is no evidence: missing (incomplet), not an answer that there is none.
  bool empty_means_absent = false;

  // Slot of a field, or -1.
  int field_index(std::string_view name) const;
};

class Schema;

// A schema, or why it cannot be used (French, naming the file and the line or JSON pointer).
struct SchemaResult {
  std::shared_ptr<const Schema> schema;  // null on error
  std::string error;
};

// The way programs load a schema: errors are values.
SchemaResult load_schema(const std::filesystem::path& file);
SchemaResult parse_schema(std::string_view json_text, std::string_view file_name);

class Schema {
 public:
  // Reads a JSON Schema of the shape of dossier.schema.json ($defs montant, decimal, date,
  // pays; properties, required, enum, type, items, pattern, minimum, maximum, minLength, and
  // x-empty-means-absent, our own keyword: validators ignore it, as JSON Schema allows).
  // Throws std::runtime_error with a message naming the file and the JSON pointer of the
  // construct it does not understand: for tests and tools, where a broken schema is a bug;
  // programs use load_schema().
  static Schema load(const std::filesystem::path& file);
  static Schema parse(std::string_view json_text, std::string_view file_name);

  const Node& root() const { return *root_; }

 private:
  std::shared_ptr<Node> root_;
};

// A schema that outlives every dossier read against it (a static one, in a test or a tool),
// shared without ownership. Everything else shares the schema it loaded.
inline std::shared_ptr<const Schema> unowned(const Schema& schema) {
  return std::shared_ptr<const Schema>(std::shared_ptr<const void>(), &schema);
}

// French name of a type, for messages: "montant", "date", "texte", ...
std::string_view type_french(Type type);

}  // namespace subsidia::schema
