// The grammar of the rule language: rule definitions and the semantic actions that build the
// AST (internal to parse/; included by grammar.cpp only).
//
// Attributes are built by semantic actions rather than Fusion adaptation: the AST is made of
// std::variant and Box, which X3 cannot fill by itself, and actions keep compile time low.
// Spans: every rule whose attribute has a `span` gets [first byte, one past last byte) of its
// match from spanned[] (or from the hand-written parser that reads it); nodes built by folding (binary operators, postfix
// operators, memberships) take theirs from their operands.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "parse/ast.hpp"
#include "parse/config.hpp"
#include "parse/grammar.hpp"
#include "parse/keywords.hpp"
#include "parse/syntax_error.hpp"
#include "parse/tokens.hpp"

namespace subsidia::parse::grammar {

using diag::SourceSpan;
using x3::_attr;
using x3::_pass;
using x3::_val;

// ---------------------------------------------------------------------------
// Intermediate attributes: shapes that exist only while parsing
// ---------------------------------------------------------------------------

struct Name {
  SourceSpan span;
  std::string text;
};
struct SeverityWord {
  SourceSpan span;
  ast::Severity value = ast::Severity::Blocking;
};
// `( e )` or the tuple `(a, b)`, which may only stand before `dans`.
struct ParenGroup {
  SourceSpan span;
  std::vector<ast::Expression> items;
};
// `name( ... )`: a call, an aggregate or a table lookup, told apart once its arguments are read.
struct Application {
  SourceSpan span;
  std::string name;
  std::vector<ast::Expression> arguments;
  std::vector<ast::TableKey> keys;  // lookup: column = value
  bool lookup = false;
  std::string result_column;
  std::optional<std::string> variable;  // "pour l dans e" / "l dans e"
  std::optional<ast::Expression> collection;
  std::optional<ast::Expression> filter;
};
using MembershipSet = decltype(ast::Membership::set);

// ---------------------------------------------------------------------------
// Spans
// ---------------------------------------------------------------------------

inline SourceSpan span_of(const ast::Expression& e) {
  return std::visit([](const auto& node) { return node.span; }, e.node);
}
inline SourceSpan span_of(const MembershipSet& s) {
  return std::visit([](const auto& node) { return node.span; }, s);
}
inline SourceSpan join(SourceSpan a, SourceSpan b) { return {a.file, a.begin, b.end}; }

// spanned[p]: sets the span of the enclosing rule's attribute to what p matched. (X3 hands a
// rule's attribute to on_success only when its definition has no semantic action, and ours
// all have some; with actions, the attribute travels as the "rule context" instead.)
template <class Subject>
struct Spanned : x3::unary_parser<Subject, Spanned<Subject>> {
  using base_type = x3::unary_parser<Subject, Spanned<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr Spanned(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext, Attribute& attribute) const {
    RestoreOnFailure<Iterator> restore{first, first};
    x3::skip_over(first, last, context);
    const Iterator begin = first;
    if (!this->subject.parse(first, last, context, rcontext, attribute)) return false;
    static_assert(requires { rcontext.span = SourceSpan{}; }, "spanned[] needs a rule whose attribute has a span");
    rcontext.span = state_of(context).span(begin, first);
    restore.done = true;
    return true;
  }
};
struct SpannedGen {
  template <class Subject>
  constexpr Spanned<typename x3::extension::as_parser<Subject>::value_type> operator[](const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr SpannedGen spanned{};

// The tuple `(a, b)` travels from the primary to its `dans` as a call without a name.
inline bool is_tuple(const ast::Expression& e) {
  const auto* call = std::get_if<ast::Call>(&e.node);
  return call != nullptr && call->function.empty();
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

inline constexpr Token import_tok = token(kw::import_), source_tok = token(kw::source), table_tok = token(kw::table),
                       definition_tok = token(kw::definition), rule_tok = token(kw::rule), end_tok = token(kw::end),
                       title_tok = token(kw::title), reference_tok = token(kw::reference), note_tok = token(kw::note),
                       date_origin_tok = token(kw::date_origin), disputed_dates_tok = token(kw::disputed_dates),
                       in_force_tok = token(kw::in_force), from_tok = token(kw::from), to_tok = token(kw::to),
                       until_tok = token(kw::until), always_tok = token(kw::always), severity_tok = token(kw::severity),
                       blocking_tok = token(kw::blocking), warning_tok = token(kw::warning),
                       applies_if_tok = token(kw::applies_if), requires_tok = token(kw::requires_),
                       if_respected_tok = token(kw::if_respected), if_violated_tok = token(kw::if_violated),
                       if_unknown_tok = token(kw::if_unknown),
                       if_not_applicable_tok = token(kw::if_not_applicable), and_tok = token(kw::and_), or_tok = token(kw::or_),
                       not_tok = token(kw::not_), in_tok = token(kw::in), not_in_tok = token(kw::not_in),
                       exists_tok = token(kw::exists), is_tok = token(kw::is), absent_tok = token(kw::absent),
                       known_tok = token(kw::known), null_tok = token(kw::null_), otherwise_tok = token(kw::otherwise),
                       starts_with_tok = token(kw::starts_with), all_tok = token(kw::all), some_tok = token(kw::some),
                       none_tok = token(kw::none), at_least_tok = token(kw::at_least), among_tok = token(kw::among),
                       distinct_tok = token(kw::distinct), for_tok = token(kw::for_), if_tok = token(kw::if_),
                       true_tok = token(kw::true_), false_tok = token(kw::false_),
                       deliberation_date_tok = token(kw::deliberation_date);

inline constexpr Token lparen = punct("(", "une parenthèse ouvrante ("), rparen = punct(")", "une parenthèse fermante )"),
                       lbracket = punct("[", "un crochet ouvrant ["), rbracket = punct("]", "un crochet fermant ]"),
                       all_items = punct("[ * ]", "[*]"), comma = punct(",", "une virgule"),
                       colon = punct(":", "deux-points :"), dot = punct(".", "un point ."),
                       equals = punct("=", "le signe ="), not_equal = punct("≠|!=", "≠"),
                       less_equal = punct("<=|≤", "<="), less = punct("<", "<"), greater_equal = punct(">=|≥", ">="),
                       greater = punct(">", ">"), plus = punct("+", "+"), minus = punct("-", "-"),
                       times = punct("*|×", "*"), divided = punct("/", "/");

// `in` is a membership unless it starts the clause `in force` (`requires x` ⏎ `in force …`).
inline constexpr Token force_word = punct("force", "force");

inline constexpr Identifier identifier{};
inline constexpr Identifier path_word{false};

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

#define SUBSIDIA_RULE(name, attribute, expected) \
  struct name##_class {};                        \
  inline const x3::rule<name##_class, attribute> name = expected;

SUBSIDIA_RULE(name_rule, Name, "un nom")
SUBSIDIA_RULE(new_name, Name, "un nom qui n'est pas un mot-clé")
SUBSIDIA_RULE(rule_id, Name, "un identifiant de règle (theme.nom)")
SUBSIDIA_RULE(expression, ast::Expression, "une expression")
SUBSIDIA_RULE(or_expr, ast::Expression, "une expression")
SUBSIDIA_RULE(and_expr, ast::Expression, "une expression")
SUBSIDIA_RULE(not_expr, ast::Expression, "une expression")
SUBSIDIA_RULE(comparison, ast::Expression, "une expression")
SUBSIDIA_RULE(otherwise_expr, ast::Expression, "une expression")
SUBSIDIA_RULE(additive, ast::Expression, "une expression")
SUBSIDIA_RULE(multiplicative, ast::Expression, "une expression")
SUBSIDIA_RULE(unary_expr, ast::Expression, "une expression")
SUBSIDIA_RULE(primary, ast::Expression, "une expression")
SUBSIDIA_RULE(not_prefix, ast::Unary, "une expression")
SUBSIDIA_RULE(negation, ast::Unary, "une expression")
SUBSIDIA_RULE(paren_group, ParenGroup, "une expression entre parenthèses")
SUBSIDIA_RULE(tuple_follow, x3::unused_type, "le mot-clé dans après un n-uplet (a, b)")
SUBSIDIA_RULE(list_literal, ast::ListLiteral, "une liste [...]")
SUBSIDIA_RULE(number_literal, ast::NumberLiteral, "un nombre")
SUBSIDIA_RULE(date_literal, ast::DateLiteral, "une date AAAA-MM-JJ")
SUBSIDIA_RULE(string_literal, ast::StringLiteral, "une chaîne entre guillemets")
SUBSIDIA_RULE(boolean_literal, ast::BooleanLiteral, "vrai ou faux")
SUBSIDIA_RULE(deliberation_date, ast::DeliberationDate, "date de la délibération")
SUBSIDIA_RULE(quantified, ast::Quantified, "une expression")
SUBSIDIA_RULE(at_least, ast::AtLeast, "une expression")
SUBSIDIA_RULE(application, Application, "une expression")
SUBSIDIA_RULE(path, ast::Path, "un chemin")
SUBSIDIA_RULE(path_head, ast::PathSegment, "un chemin")
SUBSIDIA_RULE(path_segment, ast::PathSegment, "un nom de champ")
SUBSIDIA_RULE(membership_set, MembershipSet, "une liste [...], une table et ses colonnes, ou un nom de liste")
SUBSIDIA_RULE(table_columns, ast::TableColumns, "une table et ses colonnes")
SUBSIDIA_RULE(presence, ast::UnaryOp, "absent ou renseigné")
SUBSIDIA_RULE(period, ast::Period, "en vigueur")
SUBSIDIA_RULE(period_body, ast::Period, "du AAAA-MM-JJ au AAAA-MM-JJ, jusqu'au AAAA-MM-JJ ou à toute date")
SUBSIDIA_RULE(disputed_dates, ast::DisputedDates, "date discutée du AAAA-MM-JJ au AAAA-MM-JJ \"raison\"")
SUBSIDIA_RULE(severity_word, SeverityWord, "bloquante ou avertissement")
SUBSIDIA_RULE(message, ast::Template, "un message entre guillemets")
SUBSIDIA_RULE(import_decl, ast::Import, "importer")
SUBSIDIA_RULE(source_decl, ast::SourceDecl, "source")
SUBSIDIA_RULE(table_decl, ast::TableDecl, "table")
SUBSIDIA_RULE(definition_decl, ast::DefinitionDecl, "définition")
SUBSIDIA_RULE(rule_decl, ast::RuleDecl, "règle")

#undef SUBSIDIA_RULE

struct declaration_class {
  // Expectation failures anywhere in a declaration end up here: record, then fail the
  // declaration; grammar.cpp resumes at the next declaration keyword.
  template <class Iterator, class Exception, class Context>
  x3::error_handler_result on_error(Iterator&, const Iterator& last, const Exception& x, const Context& context) const {
    ParseState& state = state_of(context);
    const std::string_view text(state.begin, static_cast<std::size_t>(last - state.begin));
    const std::uint32_t open = state.string_open != nullptr ? state.offset(state.string_open) : 0;
    state.diagnostics.push_back(syntax_error(text, state.file, state.offset(x.where()), x.which(), open));
    state.failed_at = x.where();
    return x3::error_handler_result::fail;
  }
};
inline const declaration_type declaration_rule = "une déclaration (règle, source, table, définition ou importer)";

// ---------------------------------------------------------------------------
// Semantic actions
// ---------------------------------------------------------------------------

inline constexpr auto assign = [](auto& ctx) { _val(ctx) = std::move(_attr(ctx)); };
inline constexpr auto wrap = [](auto& ctx) { _val(ctx).node = std::move(_attr(ctx)); };
inline constexpr auto nothing = [](auto&) {};

template <class Context>
void report(const Context& ctx, diag::Code code, SourceSpan span, std::string message, std::string expected = {}) {
  state_of(ctx).diagnostics.push_back({code, span, std::move(message), std::move(expected)});
}

// Offset just past what the action's subject matched.
template <class Context>
std::uint32_t end_offset(const Context& ctx) {
  return state_of(ctx).offset(x3::_where(ctx).begin());
}

struct Fold {
  ast::BinaryOp op;
  template <class Context>
  void operator()(Context& ctx) const {
    ParseState& state = state_of(ctx);
    if (++state.operators > max_operators) {  // reported at the operand one operator too far
      fail_expecting(state.begin + span_of(_attr(ctx)).begin, "une expression plus courte (" +
                                                                   std::to_string(max_operators) +
                                                                   " opérateurs au plus ; découpez-la en définitions)");
    }
    ast::Expression& left = _val(ctx);
    ast::Expression right = std::move(_attr(ctx));
    const SourceSpan span = join(span_of(left), span_of(right));
    ast::Binary node{span, op, std::move(left), std::move(right)};
    left.node = std::move(node);
  }
};

struct Postfix {
  template <class Context>
  void apply(Context& ctx, ast::UnaryOp op) const {
    ast::Expression& operand = _val(ctx);
    SourceSpan span = span_of(operand);
    span.end = end_offset(ctx);
    ast::Unary node{span, op, std::move(operand)};
    operand.node = std::move(node);
  }
};
struct PostfixOp : Postfix {
  ast::UnaryOp op;
  template <class Context>
  void operator()(Context& ctx) const { apply(ctx, op); }
};
struct PresenceOp : Postfix {
  template <class Context>
  void operator()(Context& ctx) const { apply(ctx, _attr(ctx)); }
};

struct MakeMembership {
  bool negated;
  template <class Context>
  void operator()(Context& ctx) const {
    ast::Expression& left = _val(ctx);
    ast::Membership node;
    node.span = join(span_of(left), span_of(_attr(ctx)));
    if (is_tuple(left)) {
      node.tuple = std::move(std::get<ast::Call>(left.node).arguments);
    } else {
      node.tuple.push_back(std::move(left));
    }
    node.set = std::move(_attr(ctx));
    node.negated = negated;
    left.node = std::move(node);
  }
};

struct SetUnaryOperand {
  ast::UnaryOp op;
  template <class Context>
  void operator()(Context& ctx) const {
    _val(ctx).op = op;
    _val(ctx).operand = std::move(_attr(ctx));
  }
};

// `-3` is a number, not the negation of 3; a tuple cannot be negated.
inline constexpr auto fold_negation = [](auto& ctx) {
  ast::Unary& u = _attr(ctx);
  ast::Expression& operand = *u.operand;
  if (is_tuple(operand)) {
    _pass(ctx) = false;
    return;
  }
  if (auto* number = std::get_if<ast::NumberLiteral>(&operand.node); number != nullptr && number->text[0] != '-') {
    _val(ctx).node = ast::NumberLiteral{u.span, "-" + number->text, number->unit};
    return;
  }
  _val(ctx).node = std::move(u);
};

inline constexpr auto push_item = [](auto& ctx) { _val(ctx).items.push_back(std::move(_attr(ctx))); };

inline constexpr auto single_item = [](auto& ctx) { _pass(ctx) = _val(ctx).items.size() == 1; };

inline constexpr auto paren_to_expression = [](auto& ctx) {
  ParenGroup& group = _attr(ctx);
  if (group.items.size() == 1) {
    _val(ctx) = std::move(group.items.front());
  } else {
    _val(ctx).node = ast::Call{group.span, "", std::move(group.items)};
  }
};

inline constexpr auto set_name = [](auto& ctx) { _val(ctx).name = std::move(_attr(ctx)); };
inline constexpr auto set_text = [](auto& ctx) { _val(ctx).text = std::move(_attr(ctx)); };
inline constexpr auto set_all_items = [](auto& ctx) { _val(ctx).all_items = true; };
inline constexpr auto push_segment = [](auto& ctx) { _val(ctx).segments.push_back(std::move(_attr(ctx))); };

struct SetValue {
  bool value;
  template <class Context>
  void operator()(Context& ctx) const { _val(ctx).value = value; }
};
struct SetQuantifier {
  ast::Quantifier quantifier;
  template <class Context>
  void operator()(Context& ctx) const { _val(ctx).quantifier = quantifier; }
};
struct SetPresence {
  ast::UnaryOp op;
  template <class Context>
  void operator()(Context& ctx) const { _val(ctx) = op; }
};
struct SetSeverity {
  ast::Severity severity;
  template <class Context>
  void operator()(Context& ctx) const { _val(ctx).value = severity; }
};

inline constexpr auto set_variable = [](auto& ctx) {
  Name& name = _attr(ctx);
  _val(ctx).variable = std::move(name.text);
  _val(ctx).variable_span = name.span;
};
inline constexpr auto set_collection = [](auto& ctx) { _val(ctx).collection = std::move(_attr(ctx)); };
inline constexpr auto set_condition = [](auto& ctx) { _val(ctx).condition = std::move(_attr(ctx)); };
inline constexpr auto set_count = [](auto& ctx) { _val(ctx).count = std::move(_attr(ctx)); };
inline constexpr auto set_distinct = [](auto& ctx) { _val(ctx).distinct = true; };

// Application
inline constexpr auto start_key = [](auto& ctx) {
  _val(ctx).lookup = true;
  _val(ctx).keys.push_back(ast::TableKey{std::move(_attr(ctx)), ast::Expression{}});
};
inline constexpr auto set_key_value = [](auto& ctx) { _val(ctx).keys.back().value = std::move(_attr(ctx)); };
inline constexpr auto set_result_column = [](auto& ctx) { _val(ctx).result_column = std::move(_attr(ctx)); };
inline constexpr auto set_binder = [](auto& ctx) { _val(ctx).variable = std::move(_attr(ctx)); };
inline constexpr auto set_text_binder = [](auto& ctx) { _val(ctx).variable = std::move(_attr(ctx).text); };
inline constexpr auto set_filter = [](auto& ctx) { _val(ctx).filter = std::move(_attr(ctx)); };
inline constexpr auto push_argument = [](auto& ctx) { _val(ctx).arguments.push_back(std::move(_attr(ctx))); };
inline constexpr auto push_column = [](auto& ctx) { _val(ctx).columns.push_back(std::move(_attr(ctx))); };
inline constexpr auto set_table = [](auto& ctx) { _val(ctx).table = std::move(_attr(ctx)); };

inline std::optional<ast::Aggregate> aggregate_named(std::string_view name) {
  if (name == "somme" || name == "sum") return ast::Aggregate::Sum;
  if (name == "nombre" || name == "count") return ast::Aggregate::Count;
  if (name == "distincts" || name == "distinct") return ast::Aggregate::CountDistinct;
  if (name == "min") return ast::Aggregate::Min;
  if (name == "max") return ast::Aggregate::Max;
  if (name == "liste" || name == "list") return ast::Aggregate::Collect;
  return std::nullopt;
}

// A call, an aggregate or a lookup: `min(a, b)` is a call, `min(e)` the least item of a list.
inline constexpr auto application_to_expression = [](auto& ctx) {
  Application& a = _attr(ctx);
  ast::Expression& out = _val(ctx);
  if (a.lookup) {
    out.node = ast::TableLookup{a.span, std::move(a.name), std::move(a.keys), std::move(a.result_column)};
    return;
  }
  const std::optional<ast::Aggregate> aggregate = aggregate_named(a.name);
  if (aggregate && (a.variable || a.arguments.size() == 1)) {
    ast::Aggregation node;
    node.span = a.span;
    node.aggregate = *aggregate;
    if (a.variable) {
      node.variable = std::move(a.variable);
      node.collection = std::move(*a.collection);
      if (!a.arguments.empty()) node.element = ast::Box<ast::Expression>(std::move(a.arguments.front()));
      if (a.filter) node.filter = ast::Box<ast::Expression>(std::move(*a.filter));
    } else {
      node.collection = std::move(a.arguments.front());
    }
    out.node = std::move(node);
    return;
  }
  if (a.variable) {
    report(ctx, diag::Code::SyntaxError, a.span, "« pour … dans » ne s'emploie pas avec " + a.name,
           "somme, nombre, distincts, min ou max");
  }
  out.node = ast::Call{a.span, std::move(a.name), std::move(a.arguments)};
};

// Declarations
template <class Field>
struct SetOnce {
  Field field;
  std::string_view clause;
  template <class Context>
  void operator()(Context& ctx) const {
    auto& slot = _val(ctx).*field;
    auto& value = _attr(ctx);
    if (slot) {
      report(ctx, diag::Code::SyntaxError, value.span, "clause « " + std::string(clause) + " » en double");
      return;
    }
    slot = std::move(value);
  }
};
template <class Field>
constexpr SetOnce<Field> set_once(Field field, std::string_view clause) {
  return {field, clause};
}

inline constexpr auto set_decl_name = [](auto& ctx) {
  _val(ctx).name = std::move(_attr(ctx).text);
  _val(ctx).name_span = _attr(ctx).span;
};
inline constexpr auto set_rule_id = [](auto& ctx) {
  _val(ctx).id = std::move(_attr(ctx).text);
  _val(ctx).id_span = _attr(ctx).span;
};
inline constexpr auto set_file = [](auto& ctx) { _val(ctx).file = std::move(_attr(ctx)); };
inline constexpr auto set_value = [](auto& ctx) { _val(ctx).value = std::move(_attr(ctx)); };
inline constexpr auto set_from = [](auto& ctx) { _val(ctx).from = std::move(_attr(ctx)); };
inline constexpr auto set_to = [](auto& ctx) { _val(ctx).to = std::move(_attr(ctx)); };

inline constexpr auto set_source_period = [](auto& ctx) {
  ast::SourceDecl& source = _val(ctx);
  if (source.period.span.end != 0) {
    report(ctx, diag::Code::SyntaxError, _attr(ctx).span, "clause « en vigueur » en double");
    return;
  }
  source.period = std::move(_attr(ctx));
};
// A source without `en vigueur` would silently be in force at every date: refuse it.
inline constexpr auto push_disputed = [](auto& ctx) { _val(ctx).disputed.push_back(std::move(_attr(ctx))); };
inline constexpr auto set_reason = [](auto& ctx) { _val(ctx).reason = std::move(_attr(ctx)); };
inline constexpr auto check_source_period = [](auto& ctx) {
  const ast::SourceDecl& source = _val(ctx);
  if (source.period.span.end == 0) {
    report(ctx, diag::Code::SyntaxError, source.name_span, "la source " + source.name + " n'a pas de clause « en vigueur »",
           "en vigueur du AAAA-MM-JJ au AAAA-MM-JJ, jusqu'au AAAA-MM-JJ ou à toute date");
  }
};

inline constexpr auto start_sources = [](auto& ctx) {
  if (!_val(ctx).sources.empty()) {
    const std::uint32_t end = end_offset(ctx);
    report(ctx, diag::Code::SyntaxError, {state_of(ctx).file, end, end}, "clause « source » en double");
  }
};
inline constexpr auto push_source = [](auto& ctx) {
  _val(ctx).sources.emplace_back(std::move(_attr(ctx).text), _attr(ctx).span);
};
inline constexpr auto set_severity = [](auto& ctx) {
  if (_val(ctx).severity) {
    report(ctx, diag::Code::SyntaxError, _attr(ctx).span, "clause « gravité » en double");
    return;
  }
  _val(ctx).severity = _attr(ctx).value;
  _val(ctx).severity_span = _attr(ctx).span;
};
template <class Field>
struct SetExpressionOnce {
  Field field;
  std::string_view clause;
  template <class Context>
  void operator()(Context& ctx) const {
    auto& slot = _val(ctx).*field;
    if (slot) {
      report(ctx, diag::Code::SyntaxError, span_of(_attr(ctx)), "clause « " + std::string(clause) + " » en double");
      return;
    }
    slot = std::move(_attr(ctx));
  }
};

// ---------------------------------------------------------------------------
// Message templates: text and `{expression}` placeholders, read on the file's bytes so that
// every placeholder's expression keeps its own position in the file.
// ---------------------------------------------------------------------------

struct Message : x3::parser<Message> {
  using attribute_type = ast::Template;
  static bool const has_attribute = true;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext, Attribute& attribute) const {
    RestoreOnFailure<Iterator> restore{first, first};
    x3::skip_over(first, last, context);
    if (first == last || *first != '"') return false;
    ParseState& state = state_of(context);
    ast::Template result;
    // Consecutive text, escapes and `{{` `}}` form one part, across adjacent strings too.
    auto add_text = [&](Iterator from, Iterator to, std::string text) {
      if (!result.parts.empty() && std::holds_alternative<std::string>(result.parts.back().part)) {
        std::get<std::string>(result.parts.back().part) += text;
        result.parts.back().span.end = state.offset(to);
      } else {
        result.parts.push_back({state.span(from, to), std::move(text)});
      }
    };
    Iterator it = first;
    for (;;) {
      const Iterator open = it;
      state.string_open = open;
      ++it;
      for (;;) {
        if (it == last || *it == '\n' || *it == '\r') fail_expecting(it, expected_closing_quote);
        const char c = *it;
        if (c == '"') {
          ++it;
          break;
        }
        const Iterator from = it;
        if (c == '\\') {
          const char e = read_escape(it, last);
          add_text(from, it, std::string(1, e));
        } else if (c == '{' && it + 1 != last && it[1] == '{') {
          it += 2;
          add_text(from, it, "{");
        } else if (c == '}' && it + 1 != last && it[1] == '}') {
          it += 2;
          add_text(from, it, "}");
        } else if (c == '}') {
          fail_expecting(it, "}} pour écrire une accolade fermante");
        } else if (c == '{') {
          // A placeholder closes on its line. Without a `}` there, say so at the `{`, rather
          // than what the expression parser would have wanted after its first words.
          Iterator close = it + 1;
          while (close != last && *close != '}' && *close != '\n' && *close != '\r') ++close;
          if (close == last || *close != '}') fail_expecting(it, expected_placeholder_close);
          ++it;
          ast::Expression value;
          Iterator at = it;
          x3::skip_over(at, last, context);
          if (!expression.parse(it, last, context, rcontext, value)) fail_expecting(at, "une expression");
          x3::skip_over(it, last, context);
          if (it == last || *it != '}') fail_expecting(it, "une accolade fermante }");
          ++it;
          state.string_open = open;
          result.parts.push_back({state.span(from, it), std::move(value)});
        } else {
          Iterator run = it;
          while (run != last && *run != '"' && *run != '\\' && *run != '{' && *run != '}' && *run != '\n' &&
                 *run != '\r') {
            ++run;
          }
          add_text(from, run, std::string(from, run));
          it = run;
        }
      }
      Iterator next = it;
      x3::skip_over(next, last, context);
      if (next == last || *next != '"') break;
      it = next;
    }
    result.span = state.span(first, it);
    assign_attribute(attribute, std::move(result));
    first = it;
    restore.done = true;
    return true;
  }
};

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

inline const auto name_rule_def = spanned[identifier[set_text]];
// Definitions, tables and variables are named by paths later: a keyword there could never be used.
inline const auto new_name_def = spanned[path_word[set_text]];
inline const auto rule_id_def = spanned[RuleId{}[set_text]];

// Expressions, loosest first.
inline const auto expression_def = nested[or_expr[assign]];
inline const auto or_expr_def = and_expr[assign] >> *(or_tok > and_expr)[Fold{ast::BinaryOp::Or}];
inline const auto and_expr_def = not_expr[assign] >> *(and_tok > not_expr)[Fold{ast::BinaryOp::And}];
inline const auto not_expr_def = not_prefix[wrap] | comparison[assign];
inline const auto not_prefix_def = spanned[not_tok > nested[not_expr][SetUnaryOperand{ast::UnaryOp::Not}]];

inline const auto comparison_def =
    otherwise_expr[assign] >>
    -((equals > otherwise_expr)[Fold{ast::BinaryOp::Equal}] | (not_equal > otherwise_expr)[Fold{ast::BinaryOp::NotEqual}] |
      (less_equal > otherwise_expr)[Fold{ast::BinaryOp::LessEqual}] | (less > otherwise_expr)[Fold{ast::BinaryOp::Less}] |
      (greater_equal > otherwise_expr)[Fold{ast::BinaryOp::GreaterEqual}] |
      (greater > otherwise_expr)[Fold{ast::BinaryOp::Greater}] |
      (starts_with_tok > otherwise_expr)[Fold{ast::BinaryOp::StartsWith}] |
      ((in_tok >> !force_word) > membership_set)[MakeMembership{false}] | (not_in_tok > membership_set)[MakeMembership{true}] |
      exists_tok[PostfixOp{{}, ast::UnaryOp::Exists}] | (is_tok > presence)[PresenceOp{}]);
inline const auto presence_def = absent_tok[SetPresence{ast::UnaryOp::IsAbsent}] | known_tok[SetPresence{ast::UnaryOp::IsKnown}] |
                                 null_tok[SetPresence{ast::UnaryOp::IsNull}];

inline const auto otherwise_expr_def = additive[assign] >> *(otherwise_tok > additive)[Fold{ast::BinaryOp::Otherwise}];
inline const auto additive_def = multiplicative[assign] >> *((plus > multiplicative)[Fold{ast::BinaryOp::Add}] |
                                                             (minus > multiplicative)[Fold{ast::BinaryOp::Subtract}]);
inline const auto multiplicative_def = unary_expr[assign] >> *((times > unary_expr)[Fold{ast::BinaryOp::Multiply}] |
                                                               (divided > unary_expr)[Fold{ast::BinaryOp::Divide}]);
inline const auto unary_expr_def = negation[fold_negation] | primary[assign];
inline const auto negation_def = spanned[minus > nested[unary_expr][SetUnaryOperand{ast::UnaryOp::Negate}]];

// Dates before numbers; calls, aggregates and lookups before paths; `au moins un` (a
// quantifier) before `au moins N parmi`.
inline const auto primary_def = paren_group[paren_to_expression] | list_literal[wrap] | date_literal[wrap] |
                                number_literal[wrap] | string_literal[wrap] | boolean_literal[wrap] |
                                deliberation_date[wrap] | quantified[wrap] | at_least[wrap] |
                                application[application_to_expression] | path[wrap];

// Parenthesised as C++ groups them anyway (>> binds tighter than >), which clang asks for.
inline const auto paren_group_def = spanned[lparen > (expression[push_item] >> *(comma > expression[push_item])) >
                                    (rparen >> (x3::eps[single_item] | x3::expect[tuple_follow]))];
inline const auto tuple_follow_def = &((in_tok >> !force_word) | not_in_tok);
inline const auto list_literal_def = spanned[(lbracket >> -(expression[push_item] >> *(comma > expression[push_item]))) > rbracket];
inline const auto number_literal_def = Number{};
inline const auto date_literal_def = Date{};
inline const auto string_literal_def = String{};
inline const auto boolean_literal_def = spanned[true_tok[SetValue{true}] | false_tok[SetValue{false}]];
inline const auto deliberation_date_def = spanned[deliberation_date_tok[nothing]];

inline const auto quantified_def = spanned[(all_tok[SetQuantifier{ast::Quantifier::All}] | some_tok[SetQuantifier{ast::Quantifier::Some}] |
                                    none_tok[SetQuantifier{ast::Quantifier::None}]) >
                                   new_name[set_variable] > in_tok > expression[set_collection] > colon >
                                   expression[set_condition]];
inline const auto at_least_def = spanned[at_least_tok > additive[set_count] > among_tok > otherwise_expr[set_collection] >>
                                 -(distinct_tok >> !lparen)[set_distinct]];

inline const auto lookup_arguments = (identifier >> equals)[start_key] > expression[set_key_value] >>
                                     *(comma > identifier[start_key] > equals > expression[set_key_value]) > rparen >
                                     dot > identifier[set_result_column];
inline const auto binder_arguments = (path_word >> in_tok)[set_binder] > expression[set_collection] >>
                                     -(if_tok > expression[set_filter]) > rparen;
inline const auto call_arguments =
    -(expression[push_argument] >>
      ((for_tok > new_name[set_text_binder] > in_tok > expression[set_collection] >> -(if_tok > expression[set_filter])) |
       *(comma > expression[push_argument]))) > rparen;
inline const auto application_def = spanned[identifier[set_name] >> lparen >> (lookup_arguments | binder_arguments | call_arguments)];

inline const auto path_def = spanned[path_head[push_segment] >> *(dot > path_segment[push_segment])];
inline const auto path_head_def = spanned[path_word[set_name] >> -all_items[set_all_items]];
inline const auto path_segment_def = spanned[identifier[set_name] >> -all_items[set_all_items]];

inline const auto membership_set_def = list_literal[assign] | table_columns[assign] | path[assign];
inline const auto table_columns_def = spanned[(identifier[set_table] >> lparen) > (identifier[push_column] >>
                                      *(comma > identifier[push_column])) > rparen];

// Declarations.
inline const auto period_def = spanned[in_force_tok > period_body[assign]];
inline const auto period_body_def = (from_tok > date_literal[set_from] >> -(to_tok > date_literal[set_to])) |
                                    (until_tok > date_literal[set_to]) | always_tok[nothing];
inline const auto disputed_dates_def = spanned[disputed_dates_tok > from_tok > date_literal[set_from] >>
                                               -(to_tok > date_literal[set_to]) > string_literal[set_reason]];
inline const auto severity_word_def = spanned[blocking_tok[SetSeverity{ast::Severity::Blocking}] |
                                      warning_tok[SetSeverity{ast::Severity::Warning}]];
inline const auto message_def = Message{};

inline const auto import_decl_def = spanned[import_tok > string_literal[set_file]];
inline const auto table_decl_def = spanned[table_tok > new_name[set_decl_name] > equals > string_literal[set_file]];
// A definition that is one string, the whole of it, is read as a message: its placeholders
// are kept for the messages that name it (`{phrase}`). Any other definition is an expression,
// so `"aucun" dans liste` still reads as a condition.
inline constexpr auto set_text_definition = [](auto& ctx) {
  ast::Template& text = _attr(ctx);
  const bool has_placeholder = std::any_of(text.parts.begin(), text.parts.end(), [](const ast::TemplatePart& part) {
    return std::holds_alternative<ast::Expression>(part.part);
  });
  if (has_placeholder) {
    _val(ctx).text_template = std::move(text);
    return;
  }
  ast::StringLiteral literal{text.span, {}};
  for (const ast::TemplatePart& part : text.parts) literal.value += std::get<std::string>(part.part);
  _val(ctx).value = ast::Expression{std::move(literal)};
};
inline const auto declaration_start = import_tok | source_tok | table_tok | definition_tok | rule_tok;
inline const auto definition_decl_def = spanned[definition_tok > new_name[set_decl_name] > equals >
    ((message >> &(declaration_start | x3::eoi))[set_text_definition] | expression[set_value])];
inline const auto source_decl_def = spanned[source_tok > name_rule[set_decl_name] >
    *((title_tok > string_literal[set_once(&ast::SourceDecl::title, "intitulé")]) |
      (reference_tok > string_literal[set_once(&ast::SourceDecl::reference, "référence")]) |
      (note_tok > string_literal[set_once(&ast::SourceDecl::note, "note")]) |
      (date_origin_tok > string_literal[set_once(&ast::SourceDecl::date_origin, "origine de la date")]) |
      disputed_dates[push_disputed] | period[set_source_period]) >
    end_tok[check_source_period]];
inline const auto rule_decl_def = spanned[rule_tok > rule_id[set_rule_id] >
    *((title_tok > string_literal[set_once(&ast::RuleDecl::title, "titre")]) |
      (source_tok[start_sources] > name_rule[push_source] >> *(comma > name_rule[push_source])) |
      period[set_once(&ast::RuleDecl::period, "en vigueur")] | (severity_tok > severity_word[set_severity]) |
      (applies_if_tok > expression[SetExpressionOnce<decltype(&ast::RuleDecl::applies_if)>{&ast::RuleDecl::applies_if, "s'applique si"}]) |
      (requires_tok > expression[SetExpressionOnce<decltype(&ast::RuleDecl::requires_)>{&ast::RuleDecl::requires_, "exige"}]) |
      (if_respected_tok > message[set_once(&ast::RuleDecl::when_respected, "si respectée")]) |
      (if_violated_tok > message[set_once(&ast::RuleDecl::when_violated, "si violée")]) |
      (if_unknown_tok > message[set_once(&ast::RuleDecl::when_unknown, "si indéterminée")]) |
      (if_not_applicable_tok > message[set_once(&ast::RuleDecl::when_not_applicable, "si sans objet")])) >
    end_tok];
inline const auto declaration_rule_def = import_decl[assign] | source_decl[assign] | table_decl[assign] |
                                         definition_decl[assign] | rule_decl[assign];

BOOST_SPIRIT_DEFINE(name_rule, new_name, rule_id, expression, or_expr, and_expr, not_expr, not_prefix, comparison, presence,
                    otherwise_expr, additive, multiplicative, unary_expr, negation, primary, paren_group, tuple_follow,
                    list_literal, number_literal, date_literal, string_literal, boolean_literal, deliberation_date,
                    quantified, at_least, application, path, path_head, path_segment, membership_set, table_columns,
                    period, period_body, disputed_dates, severity_word, message, import_decl, table_decl, definition_decl, source_decl,
                    rule_decl, declaration_rule)

const declaration_type& declaration() { return declaration_rule; }

}  // namespace subsidia::parse::grammar
