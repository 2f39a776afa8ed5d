// Lexical parsers of the rule language, written by hand on bytes (internal to parse/).
//
// X3 composes them; they do the byte-level work where hand-written code is both clearer and
// cheaper to compile than combinators: keywords of several words, identifiers, numbers with
// their units, dates, and quoted strings with escapes and adjacent-string joining.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include "parse/ast.hpp"
#include "parse/config.hpp"
#include "parse/keywords.hpp"

namespace subsidia::parse {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_word_char(char c) { return is_alpha(c) || is_digit(c) || c == '_'; }

template <class Attribute, class Value>
void assign_attribute(Attribute& attribute, Value&& value) {
  if constexpr (!std::is_same_v<std::remove_const_t<Attribute>, x3::unused_type>) {
    attribute = std::forward<Value>(value);
  }
}

// Leaves the iterator where it was unless the parse succeeded: a parser that fails must not
// even consume the blanks before it, or spans would end after trailing blanks.
template <class Iterator>
struct RestoreOnFailure {
  Iterator& it;
  Iterator saved;
  bool done = false;
  ~RestoreOnFailure() {
    if (!done) it = saved;
  }
};

template <class Iterator>
[[noreturn]] void fail_expecting(Iterator where, std::string_view expected) {
  boost::throw_exception(x3::expectation_failure<Iterator>(where, std::string(expected)));
}

// A keyword or a punctuation mark, in any of its spellings. Words of a multi-word spelling
// may be separated by anything the skipper skips; a spelling ending in a letter must not be
// followed by a letter, a digit or '_' ("et" does not match the start of "etat").
struct Token : x3::parser<Token> {
  using attribute_type = x3::unused_type;
  static bool const has_attribute = false;
  constexpr explicit Token(Keyword k) : keyword(k) {}
  Keyword keyword;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute&) const {
    Iterator it0 = first;
    x3::skip_over(it0, last, context);
    std::string_view rest = keyword.spellings;
    while (!rest.empty()) {
      const std::size_t bar = rest.find('|');
      const std::string_view spelling = rest.substr(0, bar);
      rest = bar == std::string_view::npos ? std::string_view{} : rest.substr(bar + 1);
      Iterator it = it0;
      if (match(it, last, context, spelling)) {
        first = it;
        return true;
      }
    }
    return false;
  }

  template <class Iterator, class Context>
  static bool match(Iterator& it, const Iterator& last, const Context& context, std::string_view spelling) {
    bool first_word = true;
    while (!spelling.empty()) {
      const std::size_t space = spelling.find(' ');
      const std::string_view word = spelling.substr(0, space);
      spelling = space == std::string_view::npos ? std::string_view{} : spelling.substr(space + 1);
      if (!first_word) x3::skip_over(it, last, context);
      first_word = false;
      for (char c : word) {
        if (it == last || *it != c) return false;
        ++it;
      }
      if (is_word_char(word.back()) && it != last && is_word_char(*it)) return false;
    }
    return true;
  }
};

constexpr Token token(Keyword k) { return Token{k}; }
constexpr Token punct(std::string_view text, std::string_view expected) { return Token{Keyword{text, expected}}; }

// Letters, digits and '_', starting with a letter. `allow_reserved = false` refuses the words
// of keywords::reserved_words (a path head there would be ambiguous).
struct Identifier : x3::parser<Identifier> {
  using attribute_type = std::string;
  static bool const has_attribute = true;
  constexpr explicit Identifier(bool allow_reserved_words = true) : allow_reserved(allow_reserved_words) {}
  bool allow_reserved;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute& attribute) const {
    Iterator start = first;
    x3::skip_over(start, last, context);
    if (start == last || !is_alpha(*start)) return false;
    Iterator it = start;
    while (it != last && is_word_char(*it)) ++it;
    std::string word(start, it);
    if (!allow_reserved && is_reserved_word(word)) return false;
    assign_attribute(attribute, std::move(word));
    first = it;
    return true;
  }
};

// `base_legale.interet_local`, `base_legale.v2014`: segments after the first may start with a digit.
struct RuleId : x3::parser<RuleId> {
  using attribute_type = std::string;
  static bool const has_attribute = true;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute& attribute) const {
    Iterator start = first;
    x3::skip_over(start, last, context);
    if (start == last || !is_alpha(*start)) return false;
    Iterator it = start;
    while (it != last && is_word_char(*it)) ++it;
    while (it != last && *it == '.' && it + 1 != last && is_word_char(it[1])) {
      ++it;
      while (it != last && is_word_char(*it)) ++it;
    }
    assign_attribute(attribute, std::string(start, it));
    first = it;
    return true;
  }
};

// Numbers, money and percents: `0.20`, `10 000 €`, `5 000,50 €`, `12 EUR`, `20 %`, `80,5 %`.
// The text is normalised (no group separators, '.' for the decimal mark); the checker turns
// it into an exact Decimal. Spaces between digit groups and the decimal comma are only
// accepted in amounts and percents, where nothing else could follow: `f(1,5)` stays two
// arguments.
struct Number : x3::parser<Number> {
  using attribute_type = ast::NumberLiteral;
  static bool const has_attribute = true;

  template <class Iterator>
  static std::size_t group_separator(Iterator it, const Iterator& last) {
    const auto left = static_cast<std::size_t>(last - it);
    if (left >= 1 && *it == ' ') return 1;
    if (left >= 2 && it[0] == '\xC2' && it[1] == '\xA0') return 2;                                      // no-break space
    if (left >= 3 && it[0] == '\xE2' && it[1] == '\x80' && (it[2] == '\xAF' || it[2] == '\x89')) return 3;  // narrow, thin
    return 0;
  }

  template <class Iterator>
  static bool three_digits(Iterator it, const Iterator& last) {
    if (last - it < 3 || !is_digit(it[0]) || !is_digit(it[1]) || !is_digit(it[2])) return false;
    return last - it == 3 || !is_digit(it[3]);
  }

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute& attribute) const {
    RestoreOnFailure<Iterator> restore{first, first};
    x3::skip_over(first, last, context);
    if (first == last || !is_digit(*first)) return false;
    const ParseState& state = state_of(context);
    Iterator it = first;
    while (it != last && is_digit(*it)) ++it;
    const std::string integer(first, it);

    // An amount: digit groups, a decimal mark, then the currency.
    {
      std::string digits = integer;
      Iterator m = it;
      for (;;) {
        const std::size_t sep = group_separator(m, last);
        if (sep == 0 || !three_digits(m + sep, last)) break;
        digits.append(m + sep, m + sep + 3);
        m += sep + 3;
      }
      if (m != last && (*m == '.' || *m == ',') && m + 1 != last && is_digit(m[1])) {
        digits += '.';
        ++m;
        while (m != last && is_digit(*m)) digits += *m++;
      }
      Iterator e = m;
      x3::skip_over(e, last, context);
      const auto left = last - e;
      bool euro = false;
      if (left >= 3 && e[0] == '\xE2' && e[1] == '\x82' && e[2] == '\xAC') euro = true;
      if (left >= 3 && e[0] == 'E' && e[1] == 'U' && e[2] == 'R' && (left == 3 || !is_word_char(e[3]))) euro = true;
      if (euro) {
        e += 3;
        assign_attribute(attribute, ast::NumberLiteral{state.span(first, e), std::move(digits), ast::NumberLiteral::Unit::Euro});
        first = e;
        restore.done = true;
        return true;
      }
      // A percent takes the decimal comma too (`80,5 %`), as an amount does: a lawyer writes it
      // so, and it was refused with « attendu : le mot-clé fin ».
      if (left >= 1 && e[0] == '%') {
        e += 1;
        assign_attribute(attribute,
                         ast::NumberLiteral{state.span(first, e), std::move(digits), ast::NumberLiteral::Unit::Percent});
        first = e;
        restore.done = true;
        return true;
      }
    }

    std::string text = integer;
    if (it != last && *it == '.' && it + 1 != last && is_digit(it[1])) {
      text += '.';
      ++it;
      while (it != last && is_digit(*it)) text += *it++;
    }
    auto unit = ast::NumberLiteral::Unit::None;
    Iterator end = it;
    Iterator p = it;
    x3::skip_over(p, last, context);
    if (p != last && *p == '%') {
      unit = ast::NumberLiteral::Unit::Percent;
      end = p + 1;
    }
    assign_attribute(attribute, ast::NumberLiteral{state.span(first, end), std::move(text), unit});
    first = end;
    restore.done = true;
    return true;
  }
};

// `2014-07-09`. A day that does not exist is reported (date_invalide) and parsing goes on.
struct Date : x3::parser<Date> {
  using attribute_type = ast::DateLiteral;
  static bool const has_attribute = true;

  static bool exists(int year, int month, int day) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
  }

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute& attribute) const {
    RestoreOnFailure<Iterator> restore{first, first};
    x3::skip_over(first, last, context);
    if (last - first < 10) return false;
    static constexpr std::string_view shape = "dddd-dd-dd";
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (shape[i] == 'd' ? !is_digit(first[i]) : first[i] != '-') return false;
    }
    if (last - first > 10 && is_word_char(first[10])) return false;
    auto number = [&](int from, int count) {
      int n = 0;
      for (int i = from; i < from + count; ++i) n = n * 10 + (first[i] - '0');
      return n;
    };
    ParseState& state = state_of(context);
    ast::DateLiteral date{state.span(first, first + 10), number(0, 4), number(5, 2), number(8, 2)};
    if (!exists(date.year, date.month, date.day)) {
      state.diagnostics.push_back({diag::Code::InvalidDate, date.span,
                                   "date invalide : « " + std::string(first, first + 10) + " » n'existe pas",
                                   "une date AAAA-MM-JJ qui existe"});
    }
    assign_attribute(attribute, std::move(date));
    first += 10;
    restore.done = true;
    return true;
  }
};

inline constexpr std::string_view expected_closing_quote = "un guillemet fermant";
// A `{` of a message with no `}` after it on its line.
inline constexpr std::string_view expected_placeholder_close =
    "une accolade fermante } sur la même ligne : {montant} affiche une valeur, {{ écrit une accolade";
inline constexpr std::string_view expected_escape = "une séquence d'échappement (\\\", \\\\ ou \\n)";

// Reads one escape after a backslash; throws on an unknown one.
template <class Iterator>
char read_escape(Iterator& it, const Iterator& last) {
  const Iterator backslash = it;
  ++it;
  if (it == last) fail_expecting(backslash, expected_escape);
  const char c = *it;
  if (c == '"' || c == '\\') { ++it; return c; }
  if (c == 'n') { ++it; return '\n'; }
  fail_expecting(backslash, expected_escape);
}

// `"…"`, several adjacent strings joined. A string ends on its line: a missing closing quote
// is reported at the end of that line rather than swallowing the rest of the file.
struct String : x3::parser<String> {
  using attribute_type = ast::StringLiteral;
  static bool const has_attribute = true;

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext&, Attribute& attribute) const {
    RestoreOnFailure<Iterator> restore{first, first};
    x3::skip_over(first, last, context);
    if (first == last || *first != '"') return false;
    ParseState& state = state_of(context);
    std::string value;
    Iterator it = first;
    for (;;) {
      state.string_open = it;
      ++it;
      for (;;) {
        if (it == last || *it == '\n' || *it == '\r') fail_expecting(it, expected_closing_quote);
        if (*it == '"') { ++it; break; }
        if (*it == '\\') { value += read_escape(it, last); continue; }
        value += *it++;
      }
      Iterator next = it;
      x3::skip_over(next, last, context);
      if (next == last || *next != '"') break;
      it = next;
    }
    assign_attribute(attribute, ast::StringLiteral{state.span(first, it), std::move(value)});
    first = it;
    restore.done = true;
    return true;
  }
};

// Bounds recursion: the subject runs one level deeper, and past max_depth the input is refused.
template <class Subject>
struct Nested : x3::unary_parser<Subject, Nested<Subject>> {
  using base_type = x3::unary_parser<Subject, Nested<Subject>>;
  static bool const is_pass_through_unary = true;
  constexpr Nested(const Subject& subject) : base_type(subject) {}

  template <class Iterator, class Context, class RContext, class Attribute>
  bool parse(Iterator& first, const Iterator& last, const Context& context, RContext& rcontext, Attribute& attribute) const {
    ParseState& state = state_of(context);
    if (state.depth >= max_depth) {
      Iterator at = first;
      x3::skip_over(at, last, context);
      fail_expecting(at, "une expression moins imbriquée (" + std::to_string(max_depth) + " niveaux au plus)");
    }
    // A top-level expression starts a new operator count; an alternative that fails gives
    // back the operators it folded, so backtracking never uses up the bound.
    if (state.depth == 0) state.operators = 0;
    const int operators_before = state.operators;
    struct Level {
      int& depth;
      explicit Level(int& d) : depth(d) { ++depth; }
      ~Level() { --depth; }
      Level(const Level&) = delete;
      Level& operator=(const Level&) = delete;
    } level(state.depth);
    const bool parsed = this->subject.parse(first, last, context, rcontext, attribute);
    if (!parsed) state.operators = operators_before;
    return parsed;
  }
};

struct NestedGen {
  template <class Subject>
  constexpr Nested<typename x3::extension::as_parser<Subject>::value_type> operator[](const Subject& subject) const {
    return {x3::as_parser(subject)};
  }
};
inline constexpr NestedGen nested{};

}  // namespace subsidia::parse

namespace boost::spirit::x3 {
// Names shown in "attendu : …" when an expectation on one of these fails.
template <>
struct get_info<subsidia::parse::Token> {
  using result_type = std::string;
  std::string operator()(const subsidia::parse::Token& t) const { return std::string(t.keyword.expected); }
};
// Composite parsers are named after what they expect first, so that "attendu : …" never shows
// a C++ type: `a > b >> c` expects `b >> c`, i.e. first a b.
template <class Subject, class Action>
struct get_info<action<Subject, Action>> {
  using result_type = std::string;
  std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
template <class Left, class Right>
struct get_info<sequence<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const sequence<Left, Right>& p) const { return what(p.left); }
};
template <class Left, class Right>
struct get_info<expect_directive<sequence<Left, Right>>> {
  using result_type = std::string;
  std::string operator()(const expect_directive<sequence<Left, Right>>& p) const { return what(p.subject); }
};
template <class Left, class Right>
struct get_info<alternative<Left, Right>> {
  using result_type = std::string;
  std::string operator()(const alternative<Left, Right>& p) const { return what(p.left) + " ou " + what(p.right); }
};
template <class Subject>
struct get_info<subsidia::parse::Nested<Subject>> {
  using result_type = std::string;
  std::string operator()(const subsidia::parse::Nested<Subject>& p) const { return what(p.subject); }
};
template <>
struct get_info<subsidia::parse::Identifier> {
  using result_type = std::string;
  std::string operator()(const subsidia::parse::Identifier&) const { return "un nom"; }
};
}  // namespace boost::spirit::x3
