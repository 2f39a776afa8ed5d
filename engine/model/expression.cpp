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
  if (type.kind == TypeKind::List) {
    // « liste d'entiers », « liste de textes », « liste de dates » (review 22: « liste de entier »).
    switch (type.element) {
      case TypeKind::Integer: return "liste d'entiers";
      case TypeKind::Object: return "liste d'objets";
      case TypeKind::Boolean: return "liste de booléens";
      case TypeKind::Decimal: return "liste de décimaux";
      case TypeKind::Money: return "liste de montants";
      case TypeKind::Text: return "liste de textes";
      case TypeKind::Date: return "liste de dates";
      case TypeKind::List: return "liste de listes";
      default: return "liste";
    }
  }
  return kind_french(type.kind);
}

int Table::column_index(const std::string& column) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == column) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace subsidia::model
