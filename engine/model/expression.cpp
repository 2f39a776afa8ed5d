#include "model/expression.hpp"

namespace subsidia::model {

namespace {

std::string kind_french(TypeKind kind) {
  switch (kind) {
    case TypeKind::Invalid: return "invalide";
    case TypeKind::NoValue: return "sans valeur";
    case TypeKind::Boolean: return "booléen";
    case TypeKind::Integer: return "entier";
    case TypeKind::Decimal: return "décimal";
    case TypeKind::Money: return "montant";
    case TypeKind::Text: return "texte";
    case TypeKind::Date: return "date";
    case TypeKind::Object: return "objet";
    case TypeKind::List: return "liste";
  }
  return "invalide";
}

}  // namespace

std::string type_french(const Type& type) {
  if (type.kind == TypeKind::List) return "liste de " + kind_french(type.element);
  return kind_french(type.kind);
}

int Table::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace subsidia::model
