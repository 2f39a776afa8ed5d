// Expressions: paths resolved against the schema, types, operators, memberships, quantifiers and aggregates.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "check/internal/checker.hpp"
#include "diag/spelling.hpp"
#include "io/scalar_checks.hpp"
#include "io/string_pattern.hpp"

namespace subsidia::check::internal {

using diag::nearest_names;

NodeId Checker::expr(const ast::Expression& e, Scope& scope) {
  return std::visit(
      [&](const auto& n) -> NodeId {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::NumberLiteral>) {
          return number(n);
        } else if constexpr (std::is_same_v<T, ast::DateLiteral>) {
          auto d = date(n);
          if (!d) return add_invalid(n.span);
          model::Node node = make(Op::Constant, scalar(TypeKind::Date), n.span);
          node.constant.kind = TypeKind::Date;
          node.constant.date = *d;
          return add(std::move(node));
        } else if constexpr (std::is_same_v<T, ast::StringLiteral>) {
          model::Node node = make(Op::Constant, scalar(TypeKind::Text), n.span);
          node.constant.kind = TypeKind::Text;
          node.constant.text = n.value;
          return add(std::move(node));
        } else if constexpr (std::is_same_v<T, ast::BooleanLiteral>) {
          model::Node node = make(Op::Constant, scalar(TypeKind::Boolean), n.span);
          node.constant.kind = TypeKind::Boolean;
          node.constant.boolean = n.value;
          return add(std::move(node));
        } else if constexpr (std::is_same_v<T, ast::ListLiteral>) {
          return list(n, scope);
        } else if constexpr (std::is_same_v<T, ast::Path>) {
          return path(n, scope);
        } else if constexpr (std::is_same_v<T, ast::DeliberationDate>) {
          // Read exactly like the path deliberation.date, so that its absence is listed as such.
          ast::Path p;
          p.span = n.span;
          p.segments = {ast::PathSegment{n.span, "deliberation", false}, ast::PathSegment{n.span, "date", false}};
          Scope empty;
          return path(p, empty);
        } else if constexpr (std::is_same_v<T, ast::Unary>) {
          return unary(n, scope);
        } else if constexpr (std::is_same_v<T, ast::Binary>) {
          return binary(n, scope);
        } else if constexpr (std::is_same_v<T, ast::Membership>) {
          return membership(n, scope);
        } else if constexpr (std::is_same_v<T, ast::TableLookup>) {
          return lookup(n, scope);
        } else if constexpr (std::is_same_v<T, ast::Quantified>) {
          return quantified(n, scope);
        } else if constexpr (std::is_same_v<T, ast::Aggregation>) {
          return aggregation(n, scope);
        } else if constexpr (std::is_same_v<T, ast::AtLeast>) {
          return at_least(n, scope);
        } else {
          return call(n, scope);
        }
      },
      e.node);
}

NodeId Checker::number(const ast::NumberLiteral& n) {
  decimal::ParseError why{};
  auto value = decimal::Decimal::parse(n.text, &why);
  if (!value) {
    error(diag::Code::InvalidLiteral, n.span,
          "nombre invalide : " + n.text + " (" + std::string(decimal::parse_error_french(why)) + ")",
          "un nombre décimal exact, par exemple 0.20 ou 10000");
    return add_invalid(n.span);
  }
  TypeKind kind = n.text.find('.') == std::string::npos ? TypeKind::Integer : TypeKind::Decimal;
  if (n.unit == ast::NumberLiteral::Unit::Euro) {
    // An amount in euros has cents at most. `23.000 €`, written with a dot between thousands,
    // reads 23 €: a threshold of the law silently divided by a thousand.
    if (value->scale() > 2) {
      const std::string whole = n.text.substr(0, n.text.find('.'));
      error(diag::Code::InvalidLiteral, n.span,
            "montant en euros à plus de deux décimales : " + n.text + " € (le point ou la virgule sépare les "
                "centimes, pas les milliers)",
            "au plus deux décimales (" + whole + " € ou " + whole + ".00 €) ; les milliers se séparent par une "
                "espace : 23 000 €");
      return add_invalid(n.span);
    }
    kind = TypeKind::Money;
  }
  if (n.unit == ast::NumberLiteral::Unit::Percent) {
    // 1 % is 0.01, exactly: two more digits of scale.
    auto shifted = decimal::Decimal::from_parts(value->coefficient(), value->scale() + 2);
    if (!shifted) {
      error(diag::Code::InvalidLiteral, n.span, "pourcentage trop précis : " + n.text, "au plus 28 décimales");
      return add_invalid(n.span);
    }
    value = shifted;
    kind = TypeKind::Decimal;
  }
  model::Node node = make(Op::Constant, scalar(kind), n.span);
  node.constant.kind = kind;
  node.constant.number = *value;
  return add(std::move(node));
}

int Checker::bind(const std::string& name, Type type, Scope& scope) {
  const int id = arena_->variable_count++;
  scope.variables.push_back(Variable{name, id, type});
  return id;
}

NodeId Checker::path(const ast::Path& p, Scope& scope) {
  if (p.segments.empty()) return add_invalid(p.span);
  const ast::PathSegment& head = p.segments.front();
  model::Node node = make(Op::Path, invalid(), p.span);
  std::size_t first = 0;
  Type current;
  std::string shown;  // the path as written so far, for messages
  if (const Variable* v = scope.find(head.name)) {
    node.variable = v->id;
    current = v->type;
    first = 1;
    shown = head.name;
    if (head.all_items) {
      error(diag::Code::NotAList, head.span, "[*] sur une variable : " + head.name, "un chemin vers une liste");
      return add_invalid(p.span);
    }
  } else if (p.segments.size() == 1 && definitions_.count(head.name) && !head.all_items) {
    return definition(head.name, head.span);
  } else {
    current = Type{TypeKind::Object, TypeKind::Invalid, &schema_.root()};
  }
  bool in_list = false;  // a [*] was crossed: the value is a list of what follows
  std::size_t list_depth = 0;
  for (std::size_t i = first; i < p.segments.size(); ++i) {
    const ast::PathSegment& seg = p.segments[i];
    if (current.kind != TypeKind::Object || current.node == nullptr) {
      if (current.kind == TypeKind::List) {
        error(diag::Code::NotAList, seg.span,
              "« " + shown + " » est une liste : écrivez " + shown + "[*]." + seg.name + " ou quantifiez",
              shown + "[*]." + seg.name);
      } else if (i == 0) {
        error(diag::Code::UnknownName, seg.span, "nom inconnu : " + seg.name);
      } else {
        error(diag::Code::UnknownPath, seg.span, "« " + shown + " » n'a pas de champ " + seg.name,
              "un chemin qui s'arrête à " + shown);
      }
      return add_invalid(p.span);
    }
    const int slot = current.node->field_index(seg.name);
    if (slot < 0) {
      std::vector<std::string> names;
      for (const schema::Field& f : current.node->fields) names.push_back(f.name);
      // A definition or a variable is a name, not a field: suggested only for a lone name
      // (a variable may also start a longer path).
      if (i == 0 && node.variable < 0) {
        if (p.segments.size() == 1) {
          for (const auto& [name, entry] : definitions_) names.push_back(name);
        }
        for (const Variable& v : scope.variables) names.push_back(v.name);
      }
      std::vector<std::string> near = nearest_names(seg.name, names);
      const std::string hint = diag::did_you_mean(seg.name, near, shown.empty() ? "" : shown + ".");
      for (std::string& s : near) s = shown.empty() ? s : shown + "." + s;
      const std::string full = shown.empty() ? seg.name : shown + "." + seg.name;
      error(i == 0 && p.segments.size() == 1 ? diag::Code::UnknownName : diag::Code::UnknownPath, seg.span,
            (i == 0 && p.segments.size() == 1 ? "nom inconnu : " : "chemin inconnu : ") + full + hint, join(near));
      return add_invalid(p.span);
    }
    const schema::Field& field = current.node->fields[static_cast<std::size_t>(slot)];
    Type next = type_of_schema(*field.node);
    shown = shown.empty() ? seg.name : shown + "." + seg.name;
    if (seg.all_items) {
      if (next.kind != TypeKind::List) {
        error(diag::Code::NotAList, seg.span, "[*] sur un champ qui n'est pas une liste : " + shown,
              shown + " sans [*]");
        return add_invalid(p.span);
      }
      if (++list_depth > model::kMaxListDepth) {
        error(diag::Code::NotAList, seg.span,
              "plus de " + std::to_string(model::kMaxListDepth) + " niveaux de [*] dans un même chemin : " + shown,
              "au plus " + std::to_string(model::kMaxListDepth) + " [*], ou un quantificateur par niveau");
        return add_invalid(p.span);
      }
      in_list = true;
      next = next.element_type();
      shown += "[*]";
    }
    node.steps.push_back(model::PathStep{seg.name, slot, seg.all_items});
    current = next;
  }
  if (in_list) {
    if (current.kind == TypeKind::List) {
      error(diag::Code::NotAList, p.span, "liste de listes : " + shown, "un seul niveau de liste, avec [*]");
      return add_invalid(p.span);
    }
    current = Type{TypeKind::List, current.kind, current.node};
  }
  node.type = current;
  node.path_text = shown;
  return add(std::move(node));
}

NodeId Checker::list(const ast::ListLiteral& l, Scope& scope) {
  model::Node node = make(Op::ListLiteral, invalid(), l.span);
  Type element = scalar(TypeKind::NoValue);
  bool ok = true;
  for (const ast::Expression& item : l.items) {
    const NodeId id = expr(item, scope);
    node.children.push_back(id);
    const Type& t = type(id);
    if (is_invalid(t)) {
      ok = false;
      continue;
    }
    if (t.kind == TypeKind::List || t.kind == TypeKind::Object) {
      error(diag::Code::TypeMismatch, arena_->nodes[id].span, "élément de liste de type " + model::type_french(t),
            "des valeurs simples");
      ok = false;
      continue;
    }
    auto m = merge(element, t);
    if (!m) {
      error(diag::Code::TypeMismatch, arena_->nodes[id].span,
            "liste mêlant " + model::type_french(element) + " et " + model::type_french(t),
            "des éléments d'un même type");
      ok = false;
      continue;
    }
    element = *m;
  }
  if (!ok) return add_invalid(l.span);
  node.type = Type{TypeKind::List, element.kind, nullptr};
  return add(std::move(node));
}

bool Checker::require_boolean(NodeId id, diag::SourceSpan span, std::string_view what) {
  const Type& t = type(id);
  if (is_invalid(t)) return false;
  if (t.kind == TypeKind::Boolean) return true;
  error(diag::Code::TypeMismatch, span, std::string(what) + " attend une condition, pas une valeur de type " + model::type_french(t),
        "une condition (vrai ou faux)");
  return false;
}

NodeId Checker::unary(const ast::Unary& u, Scope& scope) {
  const NodeId operand = expr(*u.operand, scope);
  const Type& t = type(operand);
  switch (u.op) {
    case ast::UnaryOp::Not: {
      if (!require_boolean(operand, arena_->nodes[operand].span, "« non »")) return add_invalid(u.span);
      model::Node n = make(Op::Not, scalar(TypeKind::Boolean), u.span);
      n.children = {operand};
      return add(std::move(n));
    }
    case ast::UnaryOp::Negate: {
      if (is_invalid(t)) return add_invalid(u.span);
      if (!t.is_numeric()) {
        error(diag::Code::TypeMismatch, u.span, "signe moins devant une valeur de type " + model::type_french(t),
              "un nombre ou un montant");
        return add_invalid(u.span);
      }
      model::Node n = make(Op::Negate, scalar(t.kind), u.span);
      n.children = {operand};
      return add(std::move(n));
    }
    case ast::UnaryOp::Exists:
    case ast::UnaryOp::IsAbsent:
    case ast::UnaryOp::IsKnown:
    case ast::UnaryOp::IsNull: {
      if (is_invalid(t)) return add_invalid(u.span);
      const Op op = u.op == ast::UnaryOp::Exists     ? Op::Exists
                    : u.op == ast::UnaryOp::IsAbsent ? Op::IsAbsent
                    : u.op == ast::UnaryOp::IsKnown  ? Op::IsKnown
                                                     : Op::IsNull;
      model::Node n = make(op, scalar(TypeKind::Boolean), u.span);
      n.children = {operand};
      return add(std::move(n));
    }
  }
  return add_invalid(u.span);
}

void Checker::check_column_value(const model::Table& t, int column, NodeId literal, const std::string& what) {
  const model::Node& l = arena_->nodes[literal];
  if (l.op != Op::Constant || l.constant.kind != TypeKind::Text || column < 0) return;
  const std::size_t c = static_cast<std::size_t>(column);
  std::vector<std::string> values;  // the column's values, each once, in table order
  for (const std::vector<std::string>& row : t.rows) {
    if (c >= row.size()) continue;
    if (row[c] == l.constant.text) return;
    if (std::find(values.begin(), values.end(), row[c]) == values.end()) values.push_back(row[c]);
  }
  const std::vector<std::string> near = nearest_names(l.constant.text, values, values.size());
  std::vector<std::string> shown(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(12, values.size())));
  std::string listed = join(shown);
  if (values.size() > shown.size()) listed += "… (" + std::to_string(values.size()) + " valeurs)";
  error(diag::Code::UnknownEnumValue, l.span,
        "valeur « " + l.constant.text + " » absente de la colonne " + t.columns[c] + " de la table " + t.name + " (" +
            t.file + ") : " + what + " ; valeurs de la colonne : " + listed,
        join(std::vector<std::string>(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, near.size())))));
}

void Checker::check_enum_value(NodeId path, NodeId literal) {
  const model::Node& p = arena_->nodes[path];
  const model::Node& l = arena_->nodes[literal];
  if (p.op == Op::TableLookup && p.table >= 0) {
    check_column_value(arena_->tables[static_cast<std::size_t>(p.table)], p.result_column, literal,
                       "la comparaison serait toujours fausse");
    return;
  }
  const schema::Node* node = p.type.node;  // the enum's node, for a value and for a list alike
  if (node == nullptr || l.op != Op::Constant || l.constant.kind != TypeKind::Text) return;
  if (node->type == schema::Type::Country) {
    // The reader accepts only assigned ISO codes in capitals: any other literal never matches.
    if (const std::optional<io::ScalarProblem> problem = io::check_country(l.constant.text, l.constant.text, *node)) {
      const std::string name = p.path_text.empty() ? p.text : p.path_text;
      error(diag::Code::ValueOutsidePattern, l.span,
            "valeur « " + l.constant.text + " » impossible pour " + name + " (" + problem->message +
                ") : la comparaison serait toujours fausse",
            "un code pays ISO 3166-1 en majuscules, comme \"FR\"");
    }
    return;
  }
  if (node->type == schema::Type::String && node->pattern) {
    // A dossier can never hold a value its field's pattern refuses (the reader rejects it), so
    // such a literal makes the comparison always false and the rule silently never apply:
    // `"gp"` in a list of French territories would read Guadeloupe as abroad.
    if (io::StringPattern(*node->pattern).matches(l.constant.text)) return;
    const std::string name = p.path_text.empty() ? p.text : p.path_text;
    error(diag::Code::ValueOutsidePattern, l.span,
          "valeur « " + l.constant.text + " » impossible pour " + name + " : le schéma n'accepte que le motif " +
              *node->pattern + " ; la comparaison serait toujours fausse",
          "une valeur qui suit le motif " + *node->pattern);
    return;
  }
  if (node->type != schema::Type::Enum) return;
  const auto& values = node->enum_values;
  if (std::find(values.begin(), values.end(), l.constant.text) != values.end()) return;
  const std::string name = p.path_text.empty() ? p.text : p.path_text;
  const std::vector<std::string> near = nearest_names(l.constant.text, values, values.size());
  error(diag::Code::UnknownEnumValue, l.span,
        "valeur « " + l.constant.text + " » inconnue pour " + name + " ; valeurs possibles : " + join(values) +
            " (une valeur nouvelle s'ajoute à l'énumération de ce champ dans dossier.schema.json de la base)",
        join(std::vector<std::string>(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, near.size())))));
}

// `x commence par "O4"`: a prefix no value of the field can begin with makes the test always
// false (review 22: « O4 » for « 04 » loaded and made every 04x function « pas 04x »).
void Checker::check_prefix_value(NodeId path, NodeId literal) {
  const model::Node& p = arena_->nodes[path];
  const model::Node& l = arena_->nodes[literal];
  const schema::Node* node = p.type.node;
  if (node == nullptr || l.op != Op::Constant || l.constant.kind != TypeKind::Text) return;
  const std::string& prefix = l.constant.text;
  bool possible = true;
  std::string expected;
  if (node->type == schema::Type::Enum) {
    possible = std::any_of(node->enum_values.begin(), node->enum_values.end(),
                           [&](const std::string& v) { return v.starts_with(prefix); });
    expected = "le début d'une valeur permise : " + join(node->enum_values);
  } else if (node->type == schema::Type::Country) {
    possible = prefix.size() <= 2 && std::all_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    expected = "le début d'un code pays ISO 3166-1 en majuscules";
  } else if (node->type == schema::Type::String && node->pattern) {
    possible = io::StringPattern(*node->pattern).accepts_prefix(prefix);
    expected = "le début d'une valeur qui suit le motif " + *node->pattern;
  }
  if (possible) return;
  const std::string name = p.path_text.empty() ? p.text : p.path_text;
  error(diag::Code::ValueOutsidePattern, l.span,
        "aucune valeur de " + name + " ne peut commencer par « " + prefix + " » : le test serait toujours faux",
        expected);
}

bool Checker::comparable(NodeId left, NodeId right, diag::SourceSpan span, bool ordering) {
  const Type& a = type(left);
  const Type& b = type(right);
  if (is_invalid(a) || is_invalid(b)) return false;
  // The hint names how to write the kind on either side that a literal most often gets wrong.
  auto hint = [&]() -> std::string {
    auto either = [&](TypeKind k) { return a.kind == k || b.kind == k; };
    if (either(TypeKind::Money)) return "deux valeurs de même type (un montant s'écrit 10 000 €)";
    if (either(TypeKind::Date)) return "deux valeurs de même type (une date s'écrit 2024-03-01, sans guillemets)";
    if (either(TypeKind::Boolean)) return "deux valeurs de même type (vrai ou faux, sans guillemets)";
    return "deux valeurs de même type";
  };
  auto mismatch = [&] {
    error(diag::Code::TypeMismatch, span,
          "comparaison impossible entre " + model::type_french(a) + " et " + model::type_french(b), hint());
    return false;
  };
  if (a.kind == TypeKind::List || b.kind == TypeKind::List || a.kind == TypeKind::Object || b.kind == TypeKind::Object) {
    return mismatch();
  }
  if (plain_number(a.kind) && plain_number(b.kind)) return true;
  if (a.kind != b.kind) return mismatch();
  if (ordering && (a.kind == TypeKind::Boolean || a.kind == TypeKind::Text)) {
    error(diag::Code::TypeMismatch, span, "pas d'ordre entre deux valeurs de type " + model::type_french(a),
          "= ou ≠, ou des nombres, montants ou dates");
    return false;
  }
  if (a.kind == TypeKind::Text) {
    check_enum_value(left, right);
    check_enum_value(right, left);
  }
  return true;
}

std::optional<Type> Checker::arithmetic(Op op, const Type& a, const Type& b, diag::SourceSpan span) {
  if (is_invalid(a) || is_invalid(b)) return std::nullopt;
  const char* name = op == Op::Add ? "addition" : op == Op::Subtract ? "soustraction" : "multiplication";
  if (!a.is_numeric() || !b.is_numeric()) {
    error(diag::Code::TypeMismatch, span,
          std::string(name) + " impossible entre " + model::type_french(a) + " et " + model::type_french(b),
          "des nombres ou des montants");
    return std::nullopt;
  }
  if (op == Op::Multiply) {
    if (a.kind == TypeKind::Money && b.kind == TypeKind::Money) {
      error(diag::Code::MoneyTimesMoney, span, "multiplication d'un montant par un montant",
            "un montant multiplié par un nombre (une part, un taux)");
      return std::nullopt;
    }
    if (a.kind == TypeKind::Money || b.kind == TypeKind::Money) return scalar(TypeKind::Money);
  } else {
    if (a.kind == TypeKind::Money && b.kind == TypeKind::Money) return scalar(TypeKind::Money);
    if (a.kind == TypeKind::Money || b.kind == TypeKind::Money) {
      error(diag::Code::TypeMismatch, span,
            std::string(name) + " impossible entre " + model::type_french(a) + " et " + model::type_french(b),
            "deux montants (écrivez 100 €) ou deux nombres");
      return std::nullopt;
    }
  }
  return scalar(a.kind == TypeKind::Integer && b.kind == TypeKind::Integer ? TypeKind::Integer : TypeKind::Decimal);
}

NodeId Checker::binary(const ast::Binary& b, Scope& scope) {
  if (b.op == ast::BinaryOp::Divide) {
    expr(*b.left, scope);
    expr(*b.right, scope);
    error(diag::Code::TypeMismatch, b.span, "division sans arrondi explicite",
          "arrondi(a / b, 0.01) ou arrondi(a / b, 0.01, demi_pair)");
    return add_invalid(b.span);
  }
  const NodeId left = expr(*b.left, scope);
  const NodeId right = expr(*b.right, scope);
  const Type& a = type(left);
  const Type& c = type(right);
  model::Node n = make(Op::Constant, invalid(), b.span);
  n.children = {left, right};
  switch (b.op) {
    case ast::BinaryOp::And:
    case ast::BinaryOp::Or: {
      const char* what = b.op == ast::BinaryOp::And ? "« et »" : "« ou »";
      const bool l = require_boolean(left, arena_->nodes[left].span, what);
      const bool r = require_boolean(right, arena_->nodes[right].span, what);
      if (!l || !r) return add_invalid(b.span);
      n.op = b.op == ast::BinaryOp::And ? Op::And : Op::Or;
      n.type = scalar(TypeKind::Boolean);
      return add(std::move(n));
    }
    case ast::BinaryOp::Equal:
    case ast::BinaryOp::NotEqual:
    case ast::BinaryOp::Less:
    case ast::BinaryOp::LessEqual:
    case ast::BinaryOp::Greater:
    case ast::BinaryOp::GreaterEqual: {
      const bool ordering = b.op != ast::BinaryOp::Equal && b.op != ast::BinaryOp::NotEqual;
      if (!comparable(left, right, b.span, ordering)) return add_invalid(b.span);
      static constexpr Op ops[] = {Op::Equal, Op::NotEqual, Op::Less, Op::LessEqual, Op::Greater, Op::GreaterEqual};
      n.op = ops[static_cast<int>(b.op) - static_cast<int>(ast::BinaryOp::Equal)];
      n.type = scalar(TypeKind::Boolean);
      return add(std::move(n));
    }
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Subtract:
    case ast::BinaryOp::Multiply: {
      n.op = b.op == ast::BinaryOp::Add ? Op::Add : b.op == ast::BinaryOp::Subtract ? Op::Subtract : Op::Multiply;
      auto t = arithmetic(n.op, a, c, b.span);
      if (!t) return add_invalid(b.span);
      n.type = *t;
      return add(std::move(n));
    }
    case ast::BinaryOp::Otherwise: {
      if (is_invalid(a) || is_invalid(c)) return add_invalid(b.span);
      auto t = merge(a, c);
      if (!t || a.kind == TypeKind::Object) {
        error(diag::Code::TypeMismatch, b.span,
              "« sinon » entre " + model::type_french(a) + " et " + model::type_french(c),
              "une valeur par défaut du même type (un montant s'écrit 0 €)");
        return add_invalid(b.span);
      }
      // The default of an enum path may be outside its values ("" as "not given"); the
      // result keeps the enum, so comparing it with a literal is still checked.
      n.op = Op::Otherwise;
      n.type = *t;
      return add(std::move(n));
    }
    case ast::BinaryOp::StartsWith: {
      if (is_invalid(a) || is_invalid(c)) return add_invalid(b.span);
      if (a.kind != TypeKind::Text || c.kind != TypeKind::Text) {
        error(diag::Code::TypeMismatch, b.span,
              "« commence par » entre " + model::type_french(a) + " et " + model::type_french(c), "deux textes");
        return add_invalid(b.span);
      }
      check_prefix_value(left, right);
      n.op = Op::StartsWith;
      n.type = scalar(TypeKind::Boolean);
      return add(std::move(n));
    }
    case ast::BinaryOp::Divide: break;
  }
  return add_invalid(b.span);
}

const model::Table* Checker::table(const std::string& name, diag::SourceSpan span, int* index) {
  auto it = tables_.find(name);
  if (it == tables_.end()) {
    std::vector<std::string> names;
    for (const auto& [n, e] : tables_) names.push_back(n);
    const std::vector<std::string> near = nearest_names(name, names);
    error(diag::Code::UnknownTable, span, "table inconnue : " + name + diag::did_you_mean(name, near), join(near));
    return nullptr;
  }
  if (it->second.index < 0) return nullptr;  // already reported: unreadable
  *index = it->second.index;
  return &arena_->tables[static_cast<std::size_t>(it->second.index)];
}

int Checker::column(const model::Table& t, const std::string& name, diag::SourceSpan span) {
  const int i = t.column_index(name);
  if (i < 0) {
    const std::vector<std::string> near = nearest_names(name, t.columns);
    error(diag::Code::UnknownColumn, span,
          "colonne inconnue dans la table " + t.name + " : " + name + diag::did_you_mean(name, near), join(near));
  }
  return i;
}

// Table cells are text: a key is text, or an integer compared through its digits.

static bool table_key_type(const Type& t) { return t.kind == TypeKind::Text || t.kind == TypeKind::Integer; }

NodeId Checker::membership(const ast::Membership& m, Scope& scope) {
  std::vector<NodeId> tuple;
  bool ok = true;
  for (const ast::Expression& e : m.tuple) {
    tuple.push_back(expr(e, scope));
    if (is_invalid(type(tuple.back()))) ok = false;
  }
  // The set: a list literal, table columns, or (newer parsers) a list-valued path.
  return std::visit(
      [&](const auto& set) -> NodeId {
        using S = std::decay_t<decltype(set)>;
        if constexpr (std::is_same_v<S, ast::TableColumns>) {
          return in_table(m, set, tuple, ok);
        } else if constexpr (std::is_same_v<S, ast::ListLiteral>) {
          return in_list(m, list(set, scope), tuple, ok);
        } else {
          return in_list(m, path(set, scope), tuple, ok);
        }
      },
      m.set);
}

NodeId Checker::in_list(const ast::Membership& m, NodeId set, const std::vector<NodeId>& tuple, bool ok) {
  if (!ok || is_invalid(type(set))) return add_invalid(m.span);
  if (tuple.size() != 1) {
    error(diag::Code::TypeMismatch, m.span, "un n-uplet ne peut être cherché que dans une table",
          "(a, b) dans table(colonne_a, colonne_b)");
    return add_invalid(m.span);
  }
  const Type& x = type(tuple[0]);
  const Type& s = type(set);
  if (s.kind != TypeKind::List) {
    error(diag::Code::NotAList, arena_->nodes[set].span,
          "« " + arena_->nodes[set].text + " » n'est pas une liste (" + model::type_french(s) + ")",
          "[a, b], une table(colonne) ou un chemin vers une liste");
    return add_invalid(m.span);
  }
  if (x.kind == TypeKind::List || x.kind == TypeKind::Object ||
      (s.element != TypeKind::NoValue && !merge(x, s.element_type()))) {
    error(diag::Code::TypeMismatch, m.span,
          "appartenance d'une valeur de type " + model::type_french(x) + " à une " + model::type_french(s),
          "une liste de valeurs du même type");
    return add_invalid(m.span);
  }
  if (x.kind == TypeKind::Text && arena_->nodes[set].op == Op::ListLiteral) {
    for (NodeId item : arena_->nodes[set].children) check_enum_value(tuple[0], item);
  } else if (x.kind == TypeKind::Text) {
    // `"re" dans action.pays`: the literal against the list's items (review 22: it loaded and
    // read La Réunion as abroad).
    check_enum_value(set, tuple[0]);
  }
  model::Node n = make(Op::InList, scalar(TypeKind::Boolean), m.span);
  n.children = {tuple[0], set};
  n.negated = m.negated;
  return add(std::move(n));
}

NodeId Checker::in_table(const ast::Membership& m, const ast::TableColumns& cols, const std::vector<NodeId>& tuple,
                         bool ok) {
  int index = -1;
  const model::Table* t = table(cols.table, cols.span, &index);
  if (t == nullptr) return add_invalid(m.span);
  model::Node n = make(Op::InTable, scalar(TypeKind::Boolean), m.span);
  for (const std::string& c : cols.columns) {
    const int i = column(*t, c, cols.span);
    if (i < 0) ok = false;
    n.columns.push_back(i);
  }
  if (!ok) return add_invalid(m.span);
  if (cols.columns.size() != tuple.size()) {
    error(diag::Code::TypeMismatch, m.span,
          std::to_string(tuple.size()) + " valeur(s) cherchée(s) dans " + std::to_string(cols.columns.size()) +
              " colonne(s) de " + cols.table,
          "autant de valeurs que de colonnes");
    return add_invalid(m.span);
  }
  for (NodeId id : tuple) {
    if (!table_key_type(type(id))) {
      error(diag::Code::TypeMismatch, arena_->nodes[id].span,
            "une table contient du texte, pas une valeur de type " + model::type_french(type(id)),
            "un texte ou un entier");
      return add_invalid(m.span);
    }
  }
  n.children = tuple;
  n.table = index;
  n.negated = m.negated;
  return add(std::move(n));
}

// Two rows with the same key and different answers: the evaluator would take the first, and a
// corrected row appended below the old one (a spreadsheet habit) would silently change nothing.
const Checker::RepeatedKeys& Checker::repeated_keys(const model::Table& t, const std::vector<int>& columns) {
  const auto cached = repeated_keys_.find({&t, columns});
  if (cached != repeated_keys_.end()) return cached->second;
  RepeatedKeys repeated;
  std::unordered_map<std::string, std::size_t> first_row;  // key -> row index
  first_row.reserve(t.rows.size());
  std::string key;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    key.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) key += '\x1f';
      key += t.rows[r][static_cast<std::size_t>(columns[i])];
    }
    const auto [it, added] = first_row.emplace(key, r);
    if (!added) repeated.emplace_back(r, it->second);
  }
  return repeated_keys_.emplace(std::pair{&t, columns}, std::move(repeated)).first->second;
}

bool Checker::lookup_is_unambiguous(const model::Table& t, const std::vector<int>& columns, int result,
                                    diag::SourceSpan span) {
  for (const auto& [r, first_r] : repeated_keys(t, columns)) {
    const std::vector<std::string>& first = t.rows[first_r];
    const std::vector<std::string>& again = t.rows[r];
    const std::size_t answer = static_cast<std::size_t>(result);
    if (first[answer] == again[answer]) continue;
    std::string shown;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::size_t c = static_cast<std::size_t>(columns[i]);
      shown += (i > 0 ? ", " : "") + t.columns[c] + " = « " + again[c] + " »";
    }
    auto line_of = [&](std::size_t row) {
      return row < t.row_lines.size() ? std::to_string(t.row_lines[row]) : std::string("?");
    };
    error(diag::Code::TableError, span,
          "table " + t.name + " (" + t.file + ") : les lignes " + line_of(first_r) + " et " + line_of(r) +
              " ont la même clé (" + shown + ") mais des « " + t.columns[answer] + " » différents (« " +
              first[answer] + " », « " + again[answer] + " ») : la recherche serait ambiguë",
          "une seule ligne par clé : corriger la ligne existante plutôt qu'en ajouter une");
    return false;
  }
  return true;
}

NodeId Checker::lookup(const ast::TableLookup& l, Scope& scope) {
  model::Node n = make(Op::TableLookup, scalar(TypeKind::Text), l.span);
  std::vector<NodeId> keys;
  bool ok = true;
  for (const auto& [col, e] : l.keys) {
    keys.push_back(expr(e, scope));
    const Type& t = type(keys.back());
    if (is_invalid(t)) {
      ok = false;
    } else if (!table_key_type(t)) {
      error(diag::Code::TypeMismatch, arena_->nodes[keys.back()].span,
            "une table contient du texte, pas une valeur de type " + model::type_french(t), "un texte ou un entier");
      ok = false;
    }
  }
  int index = -1;
  const model::Table* t = table(l.table, l.span, &index);
  if (t == nullptr) return add_invalid(l.span);
  for (const auto& [col, e] : l.keys) {
    const int i = column(*t, col, l.span);
    if (i < 0) ok = false;
    n.columns.push_back(i);
  }
  n.result_column = column(*t, l.result_column, l.span);
  if (!ok || n.result_column < 0) return add_invalid(l.span);
  if (!lookup_is_unambiguous(*t, n.columns, n.result_column, l.span)) return add_invalid(l.span);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    check_column_value(*t, n.columns[i], keys[i], "la recherche ne trouverait jamais de ligne");
  }
  n.children = keys;
  n.table = index;
  return add(std::move(n));
}

NodeId Checker::quantified(const ast::Quantified& q, Scope& scope) {
  const NodeId collection = expr(*q.collection, scope);
  const Type& c = type(collection);
  if (is_invalid(c)) return add_invalid(q.span);
  if (c.kind != TypeKind::List) {
    error(diag::Code::NotAList, arena_->nodes[collection].span,
          "« " + arena_->nodes[collection].text + " » n'est pas une liste (" + model::type_french(c) + ")",
          "une liste : un chemin vers un tableau du dossier, ou [a, b]");
    return add_invalid(q.span);
  }
  Scope inner = scope;
  const int variable = bind(q.variable, c.element_type(), inner);
  const NodeId cond = expr(*q.condition, inner);
  if (is_invalid(type(cond))) return add_invalid(q.span);
  if (type(cond).kind != TypeKind::Boolean) {
    error(diag::Code::NotABoolean, arena_->nodes[cond].span, "la condition d'un quantificateur doit être vraie ou fausse",
          "une condition");
    return add_invalid(q.span);
  }
  const Op op = q.quantifier == ast::Quantifier::All ? Op::All : q.quantifier == ast::Quantifier::Some ? Op::Some : Op::None;
  model::Node n = make(op, scalar(TypeKind::Boolean), q.span);
  n.children = {collection, cond};
  n.variable = variable;
  return add(std::move(n));
}

NodeId Checker::aggregation(const ast::Aggregation& a, Scope& scope) {
  const NodeId collection = expr(*a.collection, scope);
  const Type& c = type(collection);
  if (is_invalid(c)) return add_invalid(a.span);
  if (c.kind != TypeKind::List) {
    error(diag::Code::NotAList, arena_->nodes[collection].span,
          "« " + arena_->nodes[collection].text + " » n'est pas une liste (" + model::type_french(c) + ")",
          "un chemin avec [*] ou vers un tableau, par exemple financement.plan[*].part");
    return add_invalid(a.span);
  }
  static constexpr Op ops[] = {Op::Sum, Op::Count, Op::CountDistinct, Op::Min, Op::Max, Op::Collect};
  model::Node n = make(ops[static_cast<int>(a.aggregate)], invalid(), a.span);
  n.children = {collection};
  Scope inner = scope;
  Type element = c.element_type();
  if (a.variable) {
    n.variable = bind(*a.variable, element, inner);
    if (a.element) {
      const NodeId e = expr(**a.element, inner);
      if (is_invalid(type(e))) return add_invalid(a.span);
      n.children.push_back(e);
      element = type(e);
    }
    if (a.filter) {
      const NodeId f = expr(**a.filter, inner);
      if (is_invalid(type(f))) return add_invalid(a.span);
      if (type(f).kind != TypeKind::Boolean) {
        error(diag::Code::NotABoolean, arena_->nodes[f].span, "le filtre « si » doit être une condition",
              "une condition");
        return add_invalid(a.span);
      }
      if (!a.element) n.children.push_back(model::kNoNode);
      n.children.push_back(f);
    }
  }
  switch (a.aggregate) {
    case ast::Aggregate::Count:
    case ast::Aggregate::CountDistinct:
      n.type = scalar(TypeKind::Integer);
      break;
    case ast::Aggregate::Sum:
      if (!element.is_numeric()) {
        error(diag::Code::TypeMismatch, a.span, "somme de valeurs de type " + model::type_french(element),
              "des nombres ou des montants");
        return add_invalid(a.span);
      }
      n.type = scalar(element.kind);
      break;
    case ast::Aggregate::Collect:
      if (element.kind == TypeKind::List || element.kind == TypeKind::Object) {
        error(diag::Code::TypeMismatch, a.span, "liste de valeurs de type " + model::type_french(element),
              "des valeurs simples : liste(l.financeur pour l dans financement.plan)");
        return add_invalid(a.span);
      }
      n.type = Type{TypeKind::List, element.kind, element.node};
      break;
    case ast::Aggregate::Min:
    case ast::Aggregate::Max:
      if (!element.is_numeric() && element.kind != TypeKind::Date) {
        error(diag::Code::TypeMismatch, a.span, "minimum ou maximum de valeurs de type " + model::type_french(element),
              "des nombres, des montants ou des dates");
        return add_invalid(a.span);
      }
      n.type = scalar(element.kind);
      break;
  }
  return add(std::move(n));
}

NodeId Checker::at_least(const ast::AtLeast& a, Scope& scope) {
  const NodeId count = expr(*a.count, scope);
  const NodeId collection = expr(*a.collection, scope);
  if (is_invalid(type(count)) || is_invalid(type(collection))) return add_invalid(a.span);
  if (type(count).kind != TypeKind::Integer) {
    error(diag::Code::TypeMismatch, arena_->nodes[count].span,
          "« au moins N parmi » attend un entier, pas " + model::type_french(type(count)), "un entier, par exemple 2");
    return add_invalid(a.span);
  }
  if (type(collection).kind != TypeKind::List) {
    error(diag::Code::NotAList, arena_->nodes[collection].span,
          "« " + arena_->nodes[collection].text + " » n'est pas une liste", "un chemin avec [*]");
    return add_invalid(a.span);
  }
  model::Node n = make(Op::AtLeast, scalar(TypeKind::Boolean), a.span);
  n.children = {count, collection};
  n.distinct = a.distinct;
  return add(std::move(n));
}

NodeId Checker::condition(const ast::Expression& e, Scope& scope) {
  const NodeId id = expr(e, scope);
  const Type& t = type(id);
  if (is_invalid(t)) return id;
  if (t.kind != TypeKind::Boolean) {
    error(diag::Code::NotABoolean, arena_->nodes[id].span,
          "une condition est attendue, pas une valeur de type " + model::type_french(t), "une condition (vrai ou faux)");
    return add_invalid(arena_->nodes[id].span);
  }
  return id;
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

}  // namespace subsidia::check::internal
