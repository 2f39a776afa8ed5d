// The checked, typed expressions of a rule, as check/ builds them and eval/ compiles them.
//
// Every expression of a rule base lives in one arena (`ExpressionArena::nodes`) and refers
// to its operands by index, so a definition used by ten rules is one sub-tree, compiled
// once. Paths are already resolved against the dossier schema into slot indices; literals
// are already exact Decimals and Dates; tables are already read. Nothing here is mutable
// after the checker hands the rule base over.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "calendar/date.hpp"
#include "decimal/decimal.hpp"
#include "diag/source.hpp"
#include "io/schema.hpp"

namespace subsidia::model {

// The types of the rule language. `Invalid` only exists inside the checker, to stop an
// error from cascading into every enclosing expression.
enum class TypeKind : std::uint8_t { Invalid, NoValue, Boolean, Integer, Decimal, Money, Text, Date, Object, List };

struct Type {
  TypeKind kind = TypeKind::Invalid;
  TypeKind element = TypeKind::Invalid;  // List: the type of the items
  const schema::Node* node = nullptr;    // Object / enum Text: its schema node; List: the items' node
  bool is_numeric() const { return kind == TypeKind::Integer || kind == TypeKind::Decimal || kind == TypeKind::Money; }
  Type element_type() const { return Type{element, TypeKind::Invalid, node}; }
};

// "montant", "décimal", "liste de texte", ...: for messages.
std::string type_french(const Type& type);

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

enum class Op : std::uint8_t {
  Constant,          // `constant`
  Path,              // `steps` from the dossier root (variable < 0) or from a bound variable
  DeliberationDate,  // deliberation.date, read like a path
  ListLiteral,       // children: the items
  Not, Negate, Exists, IsAbsent, IsKnown, IsNull,   // children[0]
  And, Or,                                          // children[0], children[1]
  Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual,
  Add, Subtract, Multiply,
  Otherwise,         // children[0] sinon children[1]
  StartsWith,
  InList,            // children[0] dans children[1] (a ListLiteral); `negated`
  InTable,           // tuple = children, table `table` columns `columns`; `negated`
  TableLookup,       // key expressions = children, matched against `columns`; result `result_column`
  All, Some, None,   // children: collection, condition; binds `variable`
  Sum, Count, CountDistinct, Min, Max,  // children: collection[, element][, filter]; binds `variable` (or -1)
  Collect,           // the same children: the list of the (filtered) elements themselves
  AtLeast,           // children: count, collection; `distinct`
  Round,             // children: value, or the two operands of a division (`divide`); `digits`, `rounding`
  Start, End,        // debut(s, n), fin(s, n)
  Length, Abs, Year, // longueur(s), abs(x), annee(d)
  Min2, Max2,        // min(a, b), max(a, b)
  Trim,              // sans_blancs(s): s without the white space at its two ends
  Choose,            // selon(c, a, b): a when c is true, b when it is false; unknown c, unknown
};

struct Constant {
  TypeKind kind = TypeKind::NoValue;
  bool boolean = false;
  decimal::Decimal number;
  calendar::Date date;
  std::string text;
};

// How many [*] one path may cross: the evaluator records the index of each in a fixed
// array (eval/frame.hpp, Location::index), the checker rejects deeper paths.
inline constexpr std::size_t kMaxListDepth = 4;

struct PathStep {
  std::string name;
  int slot = -1;           // index in the parent object's fields
  bool all_items = false;  // "[*]": iterate the array at this step
};

// A table read from its CSV file: every cell is text.
struct Table {
  std::string name;
  std::string file;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> row_lines;  // the line of each row in its file, for messages
  int column_index(const std::string& column) const;
};

struct Node {
  Op op = Op::Constant;
  Type type;
  diag::SourceSpan span;
  std::string text;  // the source text of the expression, for explanations
  std::vector<NodeId> children;

  Constant constant;             // Constant

  int variable = -1;             // Path: -1 = dossier root, else the bound variable it starts from
                                 // All/Some/None/Sum/...: the variable it binds (-1 when none)
  std::vector<PathStep> steps;   // Path
  std::string path_text;         // Path: "financement.plan[*].part" (from the root when variable < 0)
  // Path: the number of steps up to and including the first [*], 0xFF when there is none; a
  // missing list is named by these steps ("financement.plan").
  std::uint8_t first_list_step() const {
    for (std::size_t i = 0; i < steps.size(); ++i) {
      if (steps[i].all_items) return static_cast<std::uint8_t>(i + 1);
    }
    return 0xFF;
  }

  int table = -1;                // InTable, TableLookup: index in ExpressionArena::tables
  std::vector<int> columns;      // InTable / TableLookup key columns
  int result_column = -1;        // TableLookup
  bool negated = false;          // InList, InTable
  bool distinct = false;         // AtLeast
  bool divide = false;           // Round: children are the dividend and the divisor
  int digits = 2;                // Round
  decimal::RoundingMode rounding = decimal::RoundingMode::HalfAwayFromZero;
};

// Every expression and table of one rule base.
struct ExpressionArena {
  std::vector<Node> nodes;
  std::vector<Table> tables;
  int variable_count = 0;  // variables are numbered across the whole base
  // Slots of deliberation.date in the schema (-1 when the schema has none): it selects the
  // version of each rule.
  int deliberation_slot = -1;
  int deliberation_date_slot = -1;
};

// A template: text pieces and placeholders, in order.
struct TemplatePiece {
  std::string text;           // used when expression == kNoNode
  NodeId expression = kNoNode;
};
struct MessageTemplate {
  std::vector<TemplatePiece> pieces;
};

// What check/ compiles a rule version into.
struct CompiledRule {
  std::shared_ptr<const ExpressionArena> arena;
  NodeId applies_if = kNoNode;  // kNoNode: always applies
  NodeId requirement = kNoNode;
  std::optional<MessageTemplate> when_respected;
  std::optional<MessageTemplate> when_violated;
  std::optional<MessageTemplate> when_unknown;
  std::optional<MessageTemplate> when_not_applicable;
};

}  // namespace subsidia::model
