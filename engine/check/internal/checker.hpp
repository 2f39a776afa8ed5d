// The checker's internals (check/): one Checker walks the AST in named stages, each in its
// own file:
//   names.cpp        stage 1: sources, tables and definitions by name; tables read; dates
//   expressions.cpp  paths against the schema, types, operators, memberships, quantifiers
//   calls.cpp        the built-in functions (functions.hpp, one declarative table) and arrondi
//   rules.cpp        a rule version: clauses, period, conditions, messages
//   versions.cpp     the versions of each rule: duplicates, overlaps, gaps; the families
//   model_from_ast.cpp  the list of stages
// Not part of the checker's interface (check/model_from_ast.hpp, check/load.hpp).
#pragma once

#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/model_from_ast.hpp"
#include "model/expression.hpp"

namespace subsidia::check::internal {

using model::NodeId;
using model::Op;
using model::Type;
using model::TypeKind;

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");
inline Type scalar(TypeKind kind) { return Type{kind, TypeKind::Invalid, nullptr}; }
inline Type invalid() { return Type{}; }
inline bool is_invalid(const Type& t) { return t.kind == TypeKind::Invalid; }
inline bool plain_number(TypeKind k) { return k == TypeKind::Integer || k == TypeKind::Decimal; }
// The type of a value read against a schema node.
Type type_of_schema(const schema::Node& node);
// Two types a value of either may take (sinon, min, lists): Integer widens to Decimal.
std::optional<Type> merge(const Type& a, const Type& b);

struct Variable {
  std::string name;
  int id = -1;
  Type type;
};

struct Scope {
  std::vector<Variable> variables;
  const Variable* find(const std::string& name) const {
    for (auto it = variables.rbegin(); it != variables.rend(); ++it) {
      if (it->name == name) return &*it;
    }
    return nullptr;
  }
};

struct DefinitionEntry {
  const ast::DefinitionDecl* decl = nullptr;
  enum class State { NotStarted, InProgress, Done } state = State::NotStarted;
  NodeId node = model::kNoNode;
  // A text with placeholders (decl->text_template): compiled once, spliced into the messages
  // that name it; it has no node and no value of its own.
  std::optional<model::MessageTemplate> text;
};

struct TableEntry {
  const ast::TableDecl* decl = nullptr;
  int index = -1;  // in the arena; -1 when the file could not be read
};

// A rule version checked, with where its id is written (for the versions' diagnostics).
struct RuleVersion {
  model::Rule rule;
  diag::SourceSpan id_span;
};

class Checker {
 public:
  Checker(const diag::SourceSet& sources, const schema::Schema& schema, const FileReader& read_file)
      : sources_(sources), schema_(schema), read_file_(read_file), arena_(std::make_shared<model::ExpressionArena>()) {}

  // The stages, in order (model_from_ast.cpp): each reports every error it finds; the model
  // is built only when none did.
  ModelResult run(const std::vector<ParsedFile>& files);

 private:
  // --- diagnostics
  void error(diag::Code code, diag::SourceSpan span, std::string message, std::string expected = {}) {
    diagnostics_.push_back(diag::Diagnostic{code, span, std::move(message), std::move(expected)});
  }
  // Printed with the base, which still loads (diag::Level::Warning).
  void warn(diag::Code code, diag::SourceSpan span, std::string message, std::string expected = {}) {
    warnings_.push_back(diag::Diagnostic{code, span, std::move(message), std::move(expected), diag::Level::Warning});
  }
  std::string source_text(diag::SourceSpan span) const;

  // --- nodes
  NodeId add(model::Node node) {
    arena_->nodes.push_back(std::move(node));
    return static_cast<NodeId>(arena_->nodes.size() - 1);
  }
  NodeId add_invalid(diag::SourceSpan span) {
    model::Node n;
    n.type = invalid();
    n.span = span;
    return add(std::move(n));
  }
  const Type& type(NodeId id) const { return arena_->nodes[id].type; }
  model::Node make(Op op, Type t, diag::SourceSpan span) const {
    model::Node n;
    n.op = op;
    n.type = t;
    n.span = span;
    n.text = source_text(span);
    return n;
  }

  // --- stages
  void locate_deliberation_date();
  void collect_names(const std::vector<ParsedFile>& files);
  void build_sources(model::RuleBase& base);
  void compile_definitions();
  std::vector<RuleVersion> check_rules(const std::vector<ParsedFile>& files);
  void check_versions(const std::vector<RuleVersion>& versions);
  void check_unused_sources(const std::vector<ParsedFile>& files);
  void build_families(std::vector<RuleVersion>&& versions, model::RuleBase& base);
  void read_table(const ParsedFile& file, const ast::TableDecl& decl);
  std::optional<model::Period> period(const ast::Period& p);
  std::optional<calendar::Date> date(const ast::DateLiteral& d);
  void check_rule(const ast::RuleDecl& decl, std::vector<RuleVersion>& out);
  std::optional<model::MessageTemplate> message(const std::optional<ast::Template>& t);
  model::MessageTemplate message_pieces(const ast::Template& t);
  // The pieces of a definition that is a text with placeholders, or null after an error
  // (a cycle through its placeholders).
  const model::MessageTemplate* text_definition(const std::string& name, diag::SourceSpan span);
  // `{phrase}` where phrase is such a definition: its name, else null.
  const std::string* spliced_text_definition(const ast::Expression& e) const;
  NodeId condition(const ast::Expression& e, Scope& scope);

  // --- expressions
  NodeId expr(const ast::Expression& e, Scope& scope);
  NodeId number(const ast::NumberLiteral& n);
  NodeId path(const ast::Path& p, Scope& scope);
  NodeId definition(const std::string& name, diag::SourceSpan span);
  NodeId list(const ast::ListLiteral& l, Scope& scope);
  NodeId unary(const ast::Unary& u, Scope& scope);
  NodeId binary(const ast::Binary& b, Scope& scope);
  NodeId membership(const ast::Membership& m, Scope& scope);
  NodeId in_list(const ast::Membership& m, NodeId set, const std::vector<NodeId>& tuple, bool ok);
  NodeId in_table(const ast::Membership& m, const ast::TableColumns& cols, const std::vector<NodeId>& tuple, bool ok);
  bool lookup_is_unambiguous(const model::Table& t, const std::vector<int>& columns, int result, diag::SourceSpan span);
  // The rows of a table whose key (those columns) an earlier row already has, each with that
  // earlier row: found once per table and key, for every lookup on them (a per-year table of
  // 5 000 rows is looked up by several definitions, each for its own column).
  using RepeatedKeys = std::vector<std::pair<std::size_t, std::size_t>>;  // (row, first row of its key)
  const RepeatedKeys& repeated_keys(const model::Table& t, const std::vector<int>& columns);
  std::map<std::pair<const model::Table*, std::vector<int>>, RepeatedKeys> repeated_keys_;
  NodeId lookup(const ast::TableLookup& t, Scope& scope);
  NodeId quantified(const ast::Quantified& q, Scope& scope);
  NodeId aggregation(const ast::Aggregation& a, Scope& scope);
  NodeId at_least(const ast::AtLeast& a, Scope& scope);
  NodeId call(const ast::Call& c, Scope& scope);
  NodeId rounding(const ast::Call& c, Scope& scope);
  NodeId choice(const ast::Call& c, Scope& scope);

  bool require_boolean(NodeId id, diag::SourceSpan span, std::string_view what);
  bool comparable(NodeId a, NodeId b, diag::SourceSpan span, bool ordering);
  void check_enum_value(NodeId path, NodeId literal);
  void check_prefix_value(NodeId path, NodeId literal);
  // A text literal compared with a lookup's result, or given as a lookup key, that is not in
  // that column of the table: the comparison is always false (« comission_permanente », « Oui »
  // for « oui »), the lookup never finds its row. Refused like a value outside an enumeration.
  void check_column_value(const model::Table& t, int column, NodeId literal, const std::string& what);
  std::optional<Type> arithmetic(model::Op op, const Type& a, const Type& b, diag::SourceSpan span);
  const model::Table* table(const std::string& name, diag::SourceSpan span, int* index);
  int column(const model::Table& t, const std::string& name, diag::SourceSpan span);
  int bind(const std::string& name, Type type, Scope& scope);

  const diag::SourceSet& sources_;
  const schema::Schema& schema_;
  const FileReader& read_file_;
  std::shared_ptr<model::ExpressionArena> arena_;
  std::vector<diag::Diagnostic> diagnostics_;
  std::vector<diag::Diagnostic> warnings_;

  std::map<std::string, const ast::SourceDecl*> source_decls_;
  std::map<std::string, TableEntry> tables_;
  std::map<std::string, DefinitionEntry> definitions_;
  std::map<std::string, model::LegalSource>* legal_sources_ = nullptr;
  // Sources whose period is in error (an end before the start, an impossible date): a rule
  // citing one has no known period, and checking its versions against the others would report
  // an overlap « en vigueur à toute date » that the lawyer never wrote.
  std::set<std::string> sources_without_period_;
};

}  // namespace subsidia::check::internal
