// A field of a dossier named by its schema path ({"beneficiaire", "siege", "pays"}), resolved
// to slot indices once, then followed in any number of dossiers. A name the schema does not
// know resolves to an empty path, which reads as absent.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "io/dossier.hpp"
#include "io/schema.hpp"

namespace subsidia::reports {

class ValuePath {
 public:
  ValuePath() = default;
  ValuePath(const schema::Node& root, std::initializer_list<std::string_view> names);

  // The value, or nullptr when the path is empty or a step is missing or null.
  const io::Value* follow(const io::Value& root) const;
  // The text of a string or enum value, or "".
  std::string text(const io::Value& root) const;
  std::string_view view(const io::Value& root) const;  // the same, as a view into the dossier
  // True only for a boolean true.
  bool flag(const io::Value& root) const;

 private:
  std::vector<int> slots_;
};

// A field of an object value by name (array elements carry their schema node), or nullptr.
const io::Value* field_of(const io::Value& object, std::string_view name);

}  // namespace subsidia::reports
