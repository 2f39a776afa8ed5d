// A dossier as the engine holds it after reading: typed values laid out in the order of
// the schema, in one arena per dossier. Objects are arrays of slots (one per schema field,
// Missing when the dossier does not give the field); fields the schema does not know are
// not stored, as no rule can name them, but their names are kept for the outputs. Strings view into the arena.
#pragma once

#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/date.hpp"
#include "decimal/decimal.hpp"
#include "io/schema.hpp"

namespace subsidia::io {

enum class Kind : std::uint8_t { Missing, Null, Boolean, Integer, Decimal, String, Date, Object, Array };

struct Value {
  Kind kind = Kind::Missing;
  bool boolean = false;
  decimal::Decimal number;   // Integer (scale 0) and Decimal (money and shares alike)
  calendar::Date date;
  std::string_view text;     // String (enum values too); for numbers, their JSON text
  const Value* items = nullptr;  // Object: one slot per schema field; Array: the elements
  std::uint32_t count = 0;
  const schema::Node* schema = nullptr;  // the schema node this value was read against

  bool present() const { return kind != Kind::Missing && kind != Kind::Null; }
  std::span<const Value> elements() const { return {items, count}; }
  const Value& slot(int index) const { return items[index]; }  // Object only
};

class Dossier {
 public:
  Dossier();
  Dossier(Dossier&&) noexcept;
  Dossier& operator=(Dossier&&) noexcept;
  ~Dossier();

  const Value& root() const { return *root_; }
  std::string_view id() const;    // the "id" field ("" when it could not be read)
  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }  // 1-based line in a JSONL file, 0 otherwise
  // JSON Pointers of the keys the schema does not know ("/commentaire"), in reading order:
  // no rule can read them, and every output lists them so that nothing given is ignored
  // without a word.
  const std::vector<std::string>& unknown_fields() const { return unknown_fields_; }

 private:
  friend class DossierReader;
  std::shared_ptr<const schema::Schema> schema_;  // what the values' schema nodes and enum texts point into
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena_;
  const Value* root_ = nullptr;
  std::string file_;
  std::size_t line_ = 0;
  std::vector<std::string> unknown_fields_;
};

}  // namespace subsidia::io
