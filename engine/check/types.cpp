// Types of the rule language as the checker computes them: from the schema, and merged.
#include "check/internal/checker.hpp"

namespace subsidia::check::internal {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += separator;
    out += s;
  }
  return out;
}


Type type_of_schema(const schema::Node& node) {
  switch (node.type) {
    case schema::Type::Object: return Type{TypeKind::Object, TypeKind::Invalid, &node};
    case schema::Type::Array: {
      const Type item = node.items ? type_of_schema(*node.items) : scalar(TypeKind::Text);
      return Type{TypeKind::List, item.kind, node.items.get()};
    }
    case schema::Type::String:
    case schema::Type::Country: return Type{TypeKind::Text, TypeKind::Invalid, &node};
    case schema::Type::Enum: return Type{TypeKind::Text, TypeKind::Invalid, &node};
    case schema::Type::Integer: return scalar(TypeKind::Integer);
    case schema::Type::Boolean: return scalar(TypeKind::Boolean);
    case schema::Type::Money: return scalar(TypeKind::Money);
    case schema::Type::Decimal: return scalar(TypeKind::Decimal);
    case schema::Type::Date: return scalar(TypeKind::Date);
  }
  return invalid();
}

std::optional<Type> merge(const Type& a, const Type& b) {
  if (is_invalid(a)) return b;
  if (is_invalid(b)) return a;
  if (a.kind == TypeKind::NoValue) return b;
  if (b.kind == TypeKind::NoValue) return a;
  if (plain_number(a.kind) && plain_number(b.kind)) {
    return scalar(a.kind == TypeKind::Integer && b.kind == TypeKind::Integer ? TypeKind::Integer : TypeKind::Decimal);
  }
  if (a.kind != b.kind) return std::nullopt;
  if (a.kind == TypeKind::List && a.element != b.element) {
    // The empty list `[]` has no element type: it goes with any list.
    if (a.element == TypeKind::NoValue) return b;
    if (b.element == TypeKind::NoValue) return a;
    if (plain_number(a.element) && plain_number(b.element)) return Type{TypeKind::List, TypeKind::Decimal, nullptr};
    return std::nullopt;
  }
  return a.node ? a : b;
}

}  // namespace subsidia::check::internal
