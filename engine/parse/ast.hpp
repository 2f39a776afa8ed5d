// The surface language of the rule files, as plain data.
//
// Every node carries the span it was parsed from, so the checker can point at it. Nodes
// have no behaviour. Alternatives are std::variant; recursion goes through
// std::unique_ptr-free boxes (std::vector or Box<T>) so that the AST is copyable.
// This header is the contract between parse/ (which builds it) and check/ (which reads
// it); nothing else includes it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/source.hpp"

namespace subsidia::ast {

using diag::SourceSpan;

// A copyable owning pointer, for recursive variants.
template <class T>
class Box {
 public:
  Box() : ptr_(std::make_unique<T>()) {}
  Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit on purpose
  Box(const Box& other) : ptr_(std::make_unique<T>(*other.ptr_)) {}
  Box(Box&&) noexcept = default;
  Box& operator=(const Box& other) { ptr_ = std::make_unique<T>(*other.ptr_); return *this; }
  Box& operator=(Box&&) noexcept = default;
  T& operator*() { return *ptr_; }
  const T& operator*() const { return *ptr_; }
  T* operator->() { return ptr_.get(); }
  const T* operator->() const { return ptr_.get(); }
 private:
  std::unique_ptr<T> ptr_;
};

// ---------------------------------------------------------------------------
// Literals
// ---------------------------------------------------------------------------

// Number literals keep their text: the checker turns it into an exact Decimal.
struct NumberLiteral {
  SourceSpan span;
  std::string text;  // normalised: digits, optional '-', optional '.', no spaces ("10000.50")
  enum class Unit { None, Euro, Percent } unit = Unit::None;  // "10 000 €", "1 %"
};
struct DateLiteral { SourceSpan span; int year = 0, month = 0, day = 0; };
struct StringLiteral { SourceSpan span; std::string value; };  // escapes resolved
struct BooleanLiteral { SourceSpan span; bool value = false; };

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

struct Expression;

// A dotted path: `convention.partenaire.categorie`, `financement.plan[*].part`,
// `l.montant` (l bound by a quantifier), or a definition name (`hors_convention`).
// The checker decides which of these the head names.
struct PathSegment {
  SourceSpan span;
  std::string name;
  bool all_items = false;  // followed by "[*]"
};
struct Path { SourceSpan span; std::vector<PathSegment> segments; };

// `date de la délibération`: the date that selects the versions of the law.
struct DeliberationDate { SourceSpan span; };

struct ListLiteral { SourceSpan span; std::vector<Expression> items; };

enum class UnaryOp { Not, Negate, Exists, IsAbsent, IsKnown, IsNull };
// IsNull: `x est nul` -- true when the dossier gives null (an explicit "none": `"convention":
// null`), false when it gives a value, *unknown* when it says nothing.
// IsKnown: `x est renseigné` -- true when present, *unknown* (missing evidence) when absent.
struct Unary { SourceSpan span; UnaryOp op; Box<Expression> operand; };

enum class BinaryOp {
  And, Or,
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  Add, Subtract, Multiply, Divide,
  Otherwise,   // `a sinon b`: a when present, else b
  StartsWith,  // `a commence par b`
};
struct Binary { SourceSpan span; BinaryOp op; Box<Expression> left; Box<Expression> right; };

// `x dans [a, b]`, `x dans nom_table(colonne)`,
// `(x, y) dans nom_table(colonne1, colonne2)`; `negated` for `x hors de ...` / `x pas dans ...`.
// `x dans nom` / `x hors de action.pays`: the set is a list-valued path or definition (Path).
struct TableColumns { SourceSpan span; std::string table; std::vector<std::string> columns; };
struct Membership {
  SourceSpan span;
  std::vector<Expression> tuple;  // one element for `x dans ...`
  std::variant<ListLiteral, TableColumns, Path> set;
  bool negated = false;
};

// `nom_table(colonne1 = e1, colonne2 = e2).colonne_resultat`: the value of a column in the
// single row that matches; no matching row gives "no value" (not missing evidence).
// A key is a named struct, defined after Expression, and not a std::pair: instantiating
// std::pair<std::string, Expression> checks traits of Expression, whose variant holds this
// node, while the pair is still incomplete; clang rejects that cycle.
struct TableKey;
struct TableLookup {
  SourceSpan span;
  std::string table;
  std::vector<TableKey> keys;
  std::string result_column;
};

// `tous l dans financement.plan : condition`, `au moins un l dans ... : ...`,
// `aucun l dans ... : ...`.
enum class Quantifier { All, Some, None };
struct Quantified {
  SourceSpan span;
  Quantifier quantifier;
  std::string variable;
  SourceSpan variable_span;
  Box<Expression> collection;
  Box<Expression> condition;
};

// `somme(e)`, `nombre(e)`, `somme(f pour l dans e si c)`, `nombre(l dans e si c)`,
// `distincts(e)` (number of distinct values), `min(e)`, `max(e)` over a list.
// Collect: `liste(l.financeur pour l dans financement.plan si …)`, the items themselves (a
// filtered list, for messages and memberships).
enum class Aggregate { Sum, Count, CountDistinct, Min, Max, Collect };
struct Aggregation {
  SourceSpan span;
  Aggregate aggregate;
  Box<Expression> collection;               // a list-valued expression (path with [*], or the e of "pour l dans e")
  std::optional<std::string> variable;      // "pour l dans e" / "l dans e"
  std::optional<Box<Expression>> element;   // f in "somme(f pour l dans e ...)"
  std::optional<Box<Expression>> filter;    // c in "... si c"
};

// `au moins 2 parmi interet_local.indices[*].type distincts`
// (`distincts` optional: without it duplicates count).
struct AtLeast {
  SourceSpan span;
  Box<Expression> count;
  Box<Expression> collection;
  bool distinct = false;
};

// Named functions: arrondi(x, 0.01[, mode]), debut(s, n), fin(s, n), longueur(s),
// abs(x), annee(d), min(a, b), max(a, b). The checker knows the list and their types.
struct Call { SourceSpan span; std::string function; std::vector<Expression> arguments; };

struct Expression {
  std::variant<NumberLiteral, DateLiteral, StringLiteral, BooleanLiteral, ListLiteral, Path, DeliberationDate,
               Unary, Binary, Membership, TableLookup, Quantified, Aggregation, AtLeast, Call>
      node;
};

struct TableKey { std::string column; Expression value; };  // `colonne1 = e1` of a TableLookup

// ---------------------------------------------------------------------------
// Message templates: "Subvention de {montant} à {beneficiaire.nom}"
// ---------------------------------------------------------------------------

struct TemplatePart {
  SourceSpan span;
  std::variant<std::string, Expression> part;  // text, or a placeholder's expression
};
struct Template { SourceSpan span; std::vector<TemplatePart> parts; };

// ---------------------------------------------------------------------------
// Declarations
// ---------------------------------------------------------------------------

// `en vigueur du 2007-02-06 au 2014-07-08`, `en vigueur du 2021-08-06`,
// `en vigueur jusqu'au 1992-02-07`, `en vigueur à toute date`. Bounds are inclusive.
struct Period {
  SourceSpan span;
  std::optional<DateLiteral> from;
  std::optional<DateLiteral> to;
};

// `date discutée du 2007-02-06 au 2007-02-06 "raison"`: days on which the text's being in
// force is open to doubt (Légifrance's version date against art. 1 of the Code civil, …).
struct DisputedDates {
  SourceSpan span;
  std::optional<DateLiteral> from;
  std::optional<DateLiteral> to;  // absent: the single day `from`
  StringLiteral reason;
};

struct SourceDecl {
  SourceSpan span;
  std::string name;  // identifier used by rules: CGCT_L1115_1_2007
  SourceSpan name_span;
  std::optional<StringLiteral> title;      // intitulé "CGCT, art. L1115-1, rédaction ..."
  std::optional<StringLiteral> reference;  // référence "JORF n° 0031 du 6 février 2007 ..." (free text or URL)
  std::optional<StringLiteral> note;       // note "à vérifier par un juriste : ..."
  std::optional<StringLiteral> date_origin;  // origine de la date "version de Légifrance : jour du JO"
  std::vector<DisputedDates> disputed;       // date discutée du … au … "raison"
  Period period;
};

struct TableDecl {
  SourceSpan span;
  std::string name;
  SourceSpan name_span;
  StringLiteral file;  // CSV path, relative to the file that declares the table
};

struct DefinitionDecl {
  SourceSpan span;
  std::string name;
  SourceSpan name_span;
  Expression value;
  // `définition phrase = "Premier versement le {paiement.date_premier_versement}"`: a text
  // with placeholders, a piece of message. Set instead of `value` when the definition is one
  // string (adjacent strings joined) holding at least one `{…}`; a message that names it as a
  // whole placeholder (`{phrase}`) takes its pieces in its own place.
  std::optional<Template> text_template;
};

enum class Severity { Blocking, Warning };  // bloquante, avertissement

struct RuleDecl {
  SourceSpan span;
  std::string id;  // dotted: "base_legale.interet_local"
  SourceSpan id_span;
  std::optional<StringLiteral> title;
  std::vector<std::pair<std::string, SourceSpan>> sources;
  std::optional<Period> period;  // narrows the sources' period further, optional
  std::optional<Severity> severity;
  SourceSpan severity_span;
  std::optional<Expression> applies_if;  // absent: always applies (within its period)
  std::optional<Expression> requires_;   // mandatory; the checker reports its absence
  std::optional<Template> when_respected;
  std::optional<Template> when_violated;
  std::optional<Template> when_unknown;
  std::optional<Template> when_not_applicable;  // says what was checked to find the rule sans objet
};

struct Import { SourceSpan span; StringLiteral file; };

using Declaration = std::variant<Import, SourceDecl, TableDecl, DefinitionDecl, RuleDecl>;

struct RuleFile {
  diag::FileId file = 0;
  std::vector<Declaration> declarations;
};

}  // namespace subsidia::ast
