// Calls of built-in functions (functions.hpp) and arrondi.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "check/functions.hpp"
#include "check/internal/checker.hpp"
#include "diag/spelling.hpp"

namespace subsidia::check::internal {

using diag::nearest_names;

NodeId Checker::rounding(const ast::Call& c, Scope& scope) {
  if (c.arguments.size() < 2 || c.arguments.size() > 3) {
    for (const auto& arg : c.arguments) expr(arg, scope);
    error(diag::Code::WrongArgumentCount, c.span, "arrondi attend 2 ou 3 arguments", "arrondi(x, 0.01) ou arrondi(x, 0.01, demi_pair)");
    return add_invalid(c.span);
  }
  model::Node n = make(Op::Round, invalid(), c.span);
  Type result;
  const ast::Expression& value = c.arguments[0];
  const auto* division = std::get_if<ast::Binary>(&value.node);
  if (division && division->op == ast::BinaryOp::Divide) {
    const NodeId a = expr(*division->left, scope);
    const NodeId b = expr(*division->right, scope);
    const Type& ta = type(a);
    const Type& tb = type(b);
    if (is_invalid(ta) || is_invalid(tb)) return add_invalid(c.span);
    if (!ta.is_numeric() || !tb.is_numeric() || (tb.kind == TypeKind::Money && ta.kind != TypeKind::Money)) {
      error(diag::Code::TypeMismatch, division->span,
            "division impossible entre " + model::type_french(ta) + " et " + model::type_french(tb),
            "montant / montant, montant / nombre ou nombre / nombre");
      return add_invalid(c.span);
    }
    // A divisor written as zero would make the rule indéterminée on every dossier, with nothing
    // to ask for: the base is refused where it says so.
    if (const model::Node& divisor = arena_->nodes[b]; divisor.op == Op::Constant && divisor.constant.number.is_zero()) {
      error(diag::Code::InvalidLiteral, divisor.span, "division par zéro", "un diviseur qui n'est pas nul");
      return add_invalid(c.span);
    }
    result = scalar(ta.kind == TypeKind::Money && tb.kind != TypeKind::Money ? TypeKind::Money : TypeKind::Decimal);
    n.children = {a, b};
    n.divide = true;
  } else {
    const NodeId a = expr(value, scope);
    if (is_invalid(type(a))) return add_invalid(c.span);
    if (!type(a).is_numeric()) {
      error(diag::Code::TypeMismatch, c.span, "arrondi d'une valeur de type " + model::type_french(type(a)),
            "un nombre ou un montant");
      return add_invalid(c.span);
    }
    result = type(a);
    n.children = {a};
  }
  // The step: 1, 0.1, 0.01, ... written as a literal.
  const auto* step = std::get_if<ast::NumberLiteral>(&c.arguments[1].node);
  std::optional<decimal::Decimal> q;
  if (step && step->unit == ast::NumberLiteral::Unit::None) q = decimal::Decimal::parse(step->text);
  std::optional<decimal::Decimal> unit;
  if (q) unit = decimal::Decimal::from_parts(1, q->normalized().scale());
  if (!q || !unit || !(*q == *unit)) {
    const ast::Expression& a1 = c.arguments[1];
    diag::SourceSpan span = c.span;
    std::visit([&](const auto& x) { if constexpr (requires { x.span; }) span = x.span; }, a1.node);
    error(diag::Code::TypeMismatch, span, "pas d'arrondi invalide", "1, 0.1, 0.01, 0.001, ...");
    return add_invalid(c.span);
  }
  n.digits = q->normalized().scale();
  if (c.arguments.size() == 3) {
    static const std::vector<std::pair<std::string, decimal::RoundingMode>> modes = {
        {"demi_eloigne_de_zero", decimal::RoundingMode::HalfAwayFromZero},
        {"demi_pair", decimal::RoundingMode::HalfEven},
        {"vers_zero", decimal::RoundingMode::TowardZero},
        {"vers_le_haut", decimal::RoundingMode::Up},
        {"vers_le_bas", decimal::RoundingMode::Down}};
    const auto* mode = std::get_if<ast::Path>(&c.arguments[2].node);
    bool found = false;
    if (mode && mode->segments.size() == 1) {
      for (const auto& [name, m] : modes) {
        if (name == mode->segments[0].name) {
          n.rounding = m;
          found = true;
        }
      }
    }
    if (!found) {
      std::vector<std::string> names;
      for (const auto& [name, m] : modes) names.push_back(name);
      diag::SourceSpan span = mode ? mode->span : c.span;
      error(diag::Code::UnknownName, span, "mode d'arrondi inconnu", join(names));
      return add_invalid(c.span);
    }
  }
  if (result.kind == TypeKind::Integer) result = scalar(TypeKind::Integer);
  n.type = result;
  return add(std::move(n));
}

namespace {

bool accepts(ArgumentKind kind, const Type& t) {
  switch (kind) {
    case ArgumentKind::Text: return t.kind == TypeKind::Text;
    case ArgumentKind::Integer: return t.kind == TypeKind::Integer;
    case ArgumentKind::Numeric: return t.is_numeric();
    case ArgumentKind::NumericOrDate: return t.is_numeric() || t.kind == TypeKind::Date;
    case ArgumentKind::Date: return t.kind == TypeKind::Date;
  }
  return false;
}

}  // namespace

// selon(condition, si_vrai, si_faux): a message names the ground that applies instead of
// stating every branch (« hors convention, l'intérêt local est documenté (0 indice) » under a
// convention, review 17). Both values have one type; an unknown condition gives an unknown.
NodeId Checker::choice(const ast::Call& c, Scope& scope) {
  std::vector<NodeId> args;
  for (const ast::Expression& a : c.arguments) args.push_back(expr(a, scope));
  if (args.size() != 3) {
    error(diag::Code::WrongArgumentCount, c.span, "selon attend 3 arguments, pas " + std::to_string(args.size()),
          "selon(condition, valeur si vraie, valeur si fausse)");
    return add_invalid(c.span);
  }
  for (NodeId a : args) {
    if (is_invalid(type(a))) return add_invalid(c.span);
  }
  if (type(args[0]).kind != TypeKind::Boolean) {
    error(diag::Code::NotABoolean, c.span, "le premier argument de selon est de type " + model::type_french(type(args[0])),
          "une condition : selon(convention_avec_autorite_locale, \"…\", \"…\")");
    return add_invalid(c.span);
  }
  const std::optional<Type> merged = merge(type(args[1]), type(args[2]));
  if (!merged || merged->kind == TypeKind::Object) {
    error(diag::Code::TypeMismatch, c.span,
          "selon donne deux valeurs de types différents : " + model::type_french(type(args[1])) + " et " +
              model::type_french(type(args[2])),
          "deux valeurs de même type");
    return add_invalid(c.span);
  }
  model::Node n = make(Op::Choose, *merged, c.span);
  n.children = args;
  return add(std::move(n));
}

NodeId Checker::call(const ast::Call& c, Scope& scope) {
  if (c.function == "arrondi") return rounding(c, scope);
  if (c.function == "selon") return choice(c, scope);
  const FunctionSignature* sig = nullptr;
  for (const FunctionSignature& s : kFunctions) {
    if (c.function == s.name) sig = &s;
  }
  std::vector<NodeId> args;
  bool ok = true;
  for (const ast::Expression& a : c.arguments) {
    args.push_back(expr(a, scope));
    if (is_invalid(type(args.back()))) ok = false;
  }
  if (sig == nullptr) {
    error(diag::Code::UnknownName, c.span, "fonction inconnue : " + c.function, std::string(function_names()));
    return add_invalid(c.span);
  }
  if (args.size() != sig->arity) {
    error(diag::Code::WrongArgumentCount, c.span,
          c.function + " attend " + std::to_string(sig->arity) + " argument(s), pas " + std::to_string(args.size()),
          c.function + (sig->arity == 1 ? "(x)" : "(x, y)"));
    return add_invalid(c.span);
  }
  if (!ok) return add_invalid(c.span);
  auto wrong = [&] {
    error(diag::Code::TypeMismatch, c.span,
          c.function + " ne s'applique pas à " + model::type_french(type(args[0])) +
              (args.size() > 1 ? " et " + model::type_french(type(args[1])) : ""),
          std::string(sig->expected));
    return add_invalid(c.span);
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (!accepts(sig->arguments[i], type(args[i]))) return wrong();
  }
  model::Node n = make(sig->op, invalid(), c.span);
  n.children = args;
  switch (sig->result) {
    case ResultKind::Text: n.type = scalar(TypeKind::Text); break;
    case ResultKind::Integer: n.type = scalar(TypeKind::Integer); break;
    case ResultKind::LikeFirst: n.type = scalar(type(args[0]).kind); break;
    case ResultKind::MergedFirst: {
      const std::optional<Type> t = merge(type(args[0]), type(args[1]));
      if (!t || !accepts(sig->arguments[0], *t)) return wrong();
      n.type = scalar(t->kind);
      break;
    }
  }
  return add(std::move(n));
}

}  // namespace subsidia::check::internal
