#include "check/model_from_ast.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "csv/table.hpp"
#include "diag/spelling.hpp"
#include "model/expression.hpp"

namespace subsidia::check {

using model::NodeId;
using model::Op;
using model::Type;
using model::TypeKind;

using diag::edit_distance;
using diag::nearest_names;

namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += separator;
    out += s;
  }
  return out;
}

Type scalar(TypeKind kind) { return Type{kind, TypeKind::Invalid, nullptr}; }
Type invalid() { return Type{}; }
bool is_invalid(const Type& t) { return t.kind == TypeKind::Invalid; }
bool plain_number(TypeKind k) { return k == TypeKind::Integer || k == TypeKind::Decimal; }

// The type of a value read against a schema node.
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

// Two types a value of either may take (sinon, min, lists): Integer widens to Decimal.
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
};

struct TableEntry {
  const ast::TableDecl* decl = nullptr;
  int index = -1;  // in the arena; -1 when the file could not be read
};

constexpr const char* kFunctions = "arrondi, debut, fin, longueur, abs, annee, min, max";

class Checker {
 public:
  Checker(const diag::SourceSet& sources, const schema::Schema& schema, const FileReader& read_file)
      : sources_(sources), schema_(schema), read_file_(read_file), arena_(std::make_shared<model::ExpressionArena>()) {}

  ModelResult run(const std::vector<ParsedFile>& files);

 private:
  // --- diagnostics
  void error(diag::Code code, diag::SourceSpan span, std::string message, std::string expected = {}) {
    diagnostics_.push_back(diag::Diagnostic{code, span, std::move(message), std::move(expected)});
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
  void collect_names(const std::vector<ParsedFile>& files);
  void read_table(const ParsedFile& file, const ast::TableDecl& decl);
  std::optional<model::Period> period(const ast::Period& p);
  std::optional<calendar::Date> date(const ast::DateLiteral& d);
  void check_rule(const ast::RuleDecl& decl, std::vector<model::Rule>& out, std::vector<diag::SourceSpan>& id_spans);
  std::optional<model::MessageTemplate> message(const std::optional<ast::Template>& t);
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
  NodeId lookup(const ast::TableLookup& t, Scope& scope);
  NodeId quantified(const ast::Quantified& q, Scope& scope);
  NodeId aggregation(const ast::Aggregation& a, Scope& scope);
  NodeId at_least(const ast::AtLeast& a, Scope& scope);
  NodeId call(const ast::Call& c, Scope& scope);
  NodeId rounding(const ast::Call& c, Scope& scope);

  bool require_boolean(NodeId id, diag::SourceSpan span, std::string_view what);
  bool comparable(NodeId a, NodeId b, diag::SourceSpan span, bool ordering);
  void check_enum_value(NodeId path, NodeId literal);
  std::optional<Type> arithmetic(model::Op op, const Type& a, const Type& b, diag::SourceSpan span);
  const model::Table* table(const std::string& name, diag::SourceSpan span, int* index);
  int column(const model::Table& t, const std::string& name, diag::SourceSpan span);
  int bind(const std::string& name, Type type, Scope& scope);

  const diag::SourceSet& sources_;
  const schema::Schema& schema_;
  const FileReader& read_file_;
  std::shared_ptr<model::ExpressionArena> arena_;
  std::vector<diag::Diagnostic> diagnostics_;

  std::map<std::string, const ast::SourceDecl*> source_decls_;
  std::map<std::string, TableEntry> tables_;
  std::map<std::string, DefinitionEntry> definitions_;
  std::map<std::string, model::LegalSource>* legal_sources_ = nullptr;
};

std::string Checker::source_text(diag::SourceSpan span) const {
  if (span.file >= sources_.size()) return {};
  const std::string& text = sources_.file(span.file).text();
  if (span.begin >= text.size() || span.end <= span.begin) return {};
  const std::string_view raw = std::string_view(text).substr(span.begin, std::min<std::size_t>(span.end, text.size()) - span.begin);
  // An expression may span lines: one space stands for any run of blanks.
  std::string out;
  bool blank = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Stage 1: names (sources, tables, definitions)
// ---------------------------------------------------------------------------

void Checker::collect_names(const std::vector<ParsedFile>& files) {
  for (const ParsedFile& file : files) {
    for (const ast::Declaration& d : file.ast.declarations) {
      if (const auto* s = std::get_if<ast::SourceDecl>(&d)) {
        if (source_decls_.count(s->name)) {
          error(diag::Code::DuplicateSource, s->name_span, "source déclarée deux fois : " + s->name,
                "un nom de source unique");
          continue;
        }
        source_decls_[s->name] = s;
      } else if (const auto* t = std::get_if<ast::TableDecl>(&d)) {
        if (tables_.count(t->name)) {
          error(diag::Code::DuplicateTable, t->name_span, "table déclarée deux fois : " + t->name,
                "un nom de table unique");
          continue;
        }
        tables_[t->name].decl = t;
        read_table(file, *t);
      } else if (const auto* def = std::get_if<ast::DefinitionDecl>(&d)) {
        if (definitions_.count(def->name)) {
          error(diag::Code::DuplicateDefinition, def->name_span, "définition déclarée deux fois : " + def->name,
                "un nom de définition unique");
          continue;
        }
        definitions_[def->name].decl = def;
      }
    }
  }
}

void Checker::read_table(const ParsedFile& file, const ast::TableDecl& decl) {
  const std::filesystem::path folder = std::filesystem::path(file.path).parent_path();
  const std::string where = (folder / decl.file.value).lexically_normal().generic_string();
  const std::optional<std::string> text = read_file_(where);
  if (!text) {
    error(diag::Code::FileUnreadable, decl.file.span, "fichier de table illisible : " + where,
          "un fichier CSV relatif au fichier qui déclare la table");
    return;
  }
  // The one CSV reader of the project (engine/csv), strict: UTF-8 only (a table saved as
  // Latin-1 by a spreadsheet would otherwise put invalid text into every output).
  csv::TableResult csv = csv::read_table(*text);
  if (csv.error) {
    error(diag::Code::TableError, decl.file.span,
          "table " + decl.name + " (" + where + ":" + std::to_string(csv.error->position.line) + ":" +
              std::to_string(csv.error->position.column) + ") : " + csv.error->message,
          "un CSV en UTF-8 avec une ligne d'en-tête, séparateur virgule, guillemets RFC 4180");
    return;
  }
  model::Table t;
  t.name = decl.name;
  t.file = where;
  t.columns = std::move(csv.table.header);
  t.rows.reserve(csv.table.rows.size());
  for (csv::TableRow& row : csv.table.rows) t.rows.push_back(std::move(row.cells));
  arena_->tables.push_back(std::move(t));
  tables_[decl.name].index = static_cast<int>(arena_->tables.size() - 1);
}

// ---------------------------------------------------------------------------
// Dates and periods
// ---------------------------------------------------------------------------

std::optional<calendar::Date> Checker::date(const ast::DateLiteral& d) {
  auto value = calendar::Date::from_ymd(d.year, d.month, d.day);
  if (!value) error(diag::Code::InvalidDate, d.span, "date inexistante", "une date du calendrier, AAAA-MM-JJ");
  return value;
}

std::optional<model::Period> Checker::period(const ast::Period& p) {
  model::Period out;
  bool ok = true;
  if (p.from) {
    out.from = date(*p.from);
    ok = ok && out.from.has_value();
  }
  if (p.to) {
    out.to = date(*p.to);
    ok = ok && out.to.has_value();
  }
  if (!ok) return std::nullopt;
  if (out.from && out.to && *out.to < *out.from) {
    error(diag::Code::EmptyPeriod, p.span, "période vide : la fin précède le début",
          "en vigueur du <début> au <fin>, avec début <= fin");
    return std::nullopt;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

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
  if (n.unit == ast::NumberLiteral::Unit::Euro) kind = TypeKind::Money;
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

NodeId Checker::definition(const std::string& name, diag::SourceSpan span) {
  DefinitionEntry& entry = definitions_.at(name);
  if (entry.state == DefinitionEntry::State::Done) return entry.node;
  if (entry.state == DefinitionEntry::State::InProgress) {
    error(diag::Code::DefinitionCycle, span, "définition circulaire : " + name + " dépend d'elle-même",
          "des définitions sans cycle");
    return add_invalid(span);
  }
  entry.state = DefinitionEntry::State::InProgress;
  Scope empty;  // a definition sees no quantifier variable
  const NodeId id = expr(entry.decl->value, empty);
  entry.state = DefinitionEntry::State::Done;
  entry.node = id;
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
      for (std::string& s : near) s = shown.empty() ? s : shown + "." + s;
      const std::string full = shown.empty() ? seg.name : shown + "." + seg.name;
      error(i == 0 && p.segments.size() == 1 ? diag::Code::UnknownName : diag::Code::UnknownPath, seg.span,
            (i == 0 && p.segments.size() == 1 ? "nom inconnu : " : "chemin inconnu : ") + full, join(near));
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

void Checker::check_enum_value(NodeId path, NodeId literal) {
  const model::Node& p = arena_->nodes[path];
  const model::Node& l = arena_->nodes[literal];
  const schema::Node* node = p.type.node;  // the enum's node, for a value and for a list alike
  if (node == nullptr || node->type != schema::Type::Enum) return;
  if (l.op != Op::Constant || l.constant.kind != TypeKind::Text) return;
  const auto& values = node->enum_values;
  if (std::find(values.begin(), values.end(), l.constant.text) != values.end()) return;
  const std::string name = p.path_text.empty() ? p.text : p.path_text;
  const std::vector<std::string> near = nearest_names(l.constant.text, values, values.size());
  error(diag::Code::UnknownEnumValue, l.span,
        "valeur « " + l.constant.text + " » inconnue pour " + name + " ; valeurs possibles : " + join(values) +
            " (une valeur nouvelle s'ajoute à l'énumération de ce champ dans dossier.schema.json de la base)",
        join(std::vector<std::string>(near.begin(), near.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, near.size())))));
}

bool Checker::comparable(NodeId left, NodeId right, diag::SourceSpan span, bool ordering) {
  const Type& a = type(left);
  const Type& b = type(right);
  if (is_invalid(a) || is_invalid(b)) return false;
  auto mismatch = [&] {
    error(diag::Code::TypeMismatch, span,
          "comparaison impossible entre " + model::type_french(a) + " et " + model::type_french(b),
          "deux valeurs de même type (un montant s'écrit 10 000 €)");
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
    error(diag::Code::UnknownTable, span, "table inconnue : " + name, join(nearest_names(name, names)));
    return nullptr;
  }
  if (it->second.index < 0) return nullptr;  // already reported: unreadable
  *index = it->second.index;
  return &arena_->tables[static_cast<std::size_t>(it->second.index)];
}

int Checker::column(const model::Table& t, const std::string& name, diag::SourceSpan span) {
  const int i = t.column_index(name);
  if (i < 0) {
    error(diag::Code::UnknownColumn, span, "colonne inconnue dans la table " + t.name + " : " + name,
          join(nearest_names(name, t.columns)));
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

NodeId Checker::call(const ast::Call& c, Scope& scope) {
  if (c.function == "arrondi") return rounding(c, scope);
  struct Signature {
    const char* name;
    Op op;
    std::size_t arity;
  };
  static constexpr Signature signatures[] = {{"debut", Op::Start, 2}, {"fin", Op::End, 2},  {"longueur", Op::Length, 1},
                                             {"abs", Op::Abs, 1},     {"annee", Op::Year, 1}, {"min", Op::Min2, 2},
                                             {"max", Op::Max2, 2}};
  const Signature* sig = nullptr;
  for (const Signature& s : signatures) {
    if (c.function == s.name) sig = &s;
  }
  std::vector<NodeId> args;
  bool ok = true;
  for (const ast::Expression& a : c.arguments) {
    args.push_back(expr(a, scope));
    if (is_invalid(type(args.back()))) ok = false;
  }
  if (sig == nullptr) {
    error(diag::Code::UnknownName, c.span, "fonction inconnue : " + c.function, kFunctions);
    return add_invalid(c.span);
  }
  if (args.size() != sig->arity) {
    error(diag::Code::WrongArgumentCount, c.span,
          c.function + " attend " + std::to_string(sig->arity) + " argument(s), pas " + std::to_string(args.size()),
          c.function + (sig->arity == 1 ? "(x)" : "(x, y)"));
    return add_invalid(c.span);
  }
  if (!ok) return add_invalid(c.span);
  model::Node n = make(sig->op, invalid(), c.span);
  n.children = args;
  auto wrong = [&](const std::string& expected) {
    error(diag::Code::TypeMismatch, c.span, c.function + " ne s'applique pas à " + model::type_french(type(args[0])) +
                                                (args.size() > 1 ? " et " + model::type_french(type(args[1])) : ""),
          expected);
    return add_invalid(c.span);
  };
  switch (sig->op) {
    case Op::Start:
    case Op::End:
      if (type(args[0]).kind != TypeKind::Text || type(args[1]).kind != TypeKind::Integer) return wrong("(texte, entier)");
      n.type = scalar(TypeKind::Text);
      break;
    case Op::Length:
      if (type(args[0]).kind != TypeKind::Text) return wrong("un texte");
      n.type = scalar(TypeKind::Integer);
      break;
    case Op::Abs:
      if (!type(args[0]).is_numeric()) return wrong("un nombre ou un montant");
      n.type = scalar(type(args[0]).kind);
      break;
    case Op::Year:
      if (type(args[0]).kind != TypeKind::Date) return wrong("une date");
      n.type = scalar(TypeKind::Integer);
      break;
    default: {
      auto t = merge(type(args[0]), type(args[1]));
      if (!t || !(t->is_numeric() || t->kind == TypeKind::Date)) return wrong("deux nombres, deux montants ou deux dates");
      n.type = scalar(t->kind);
      break;
    }
  }
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

std::optional<model::MessageTemplate> Checker::message(const std::optional<ast::Template>& t) {
  if (!t) return std::nullopt;
  model::MessageTemplate out;
  for (const ast::TemplatePart& part : t->parts) {
    if (const auto* text = std::get_if<std::string>(&part.part)) {
      out.pieces.push_back(model::TemplatePiece{*text, model::kNoNode});
      continue;
    }
    Scope empty;
    const NodeId id = expr(std::get<ast::Expression>(part.part), empty);
    if (type(id).kind == TypeKind::Object) {
      error(diag::Code::TemplateError, part.span, "impossible d'afficher un objet dans un message",
            "une valeur simple, par exemple beneficiaire.nom");
    }
    out.pieces.push_back(model::TemplatePiece{{}, id});
  }
  return out;
}

void Checker::check_rule(const ast::RuleDecl& decl, std::vector<model::Rule>& out,
                         std::vector<diag::SourceSpan>& id_spans) {
  model::Rule rule;
  rule.id = decl.id;
  rule.span = decl.span;
  bool ok = true;
  auto missing = [&](const char* clause, const char* example) {
    error(diag::Code::MissingClause, decl.id_span, std::string("clause « ") + clause + " » manquante dans la règle " + decl.id,
          example);
    ok = false;
  };
  if (!decl.title) missing("titre", "titre \"…\"");
  if (decl.sources.empty()) missing("source", "source NOM_DE_SOURCE");
  if (!decl.severity) missing("gravité", "gravité bloquante ou gravité avertissement");
  if (!decl.requires_) missing("exige", "exige <condition>");
  if (decl.title) rule.title = decl.title->value;
  rule.severity = decl.severity == ast::Severity::Warning ? model::Severity::Warning : model::Severity::Blocking;

  // Dates: intersection of the sources' periods and the rule's own clause.
  model::Period p;
  bool period_ok = true;
  for (const auto& [name, span] : decl.sources) {
    auto it = legal_sources_->find(name);
    if (it == legal_sources_->end()) {
      std::vector<std::string> names;
      for (const auto& [n, s] : source_decls_) names.push_back(n);
      error(diag::Code::UnknownSource, span, "source inconnue : " + name, join(nearest_names(name, names)));
      ok = false;
      period_ok = false;
      continue;
    }
    rule.sources.push_back(&it->second);
    const model::Period& sp = it->second.period;
    if (sp.from && (!p.from || *p.from < *sp.from)) p.from = sp.from;
    if (sp.to && (!p.to || *sp.to < *p.to)) p.to = sp.to;
  }
  if (decl.period) {
    auto own = period(*decl.period);
    if (!own) {
      ok = false;
      period_ok = false;
    } else {
      if (own->from && (!p.from || *p.from < *own->from)) p.from = own->from;
      if (own->to && (!p.to || *own->to < *p.to)) p.to = own->to;
    }
  }
  if (period_ok && p.from && p.to && *p.to < *p.from) {
    error(diag::Code::EmptyPeriod, decl.period ? decl.period->span : decl.id_span,
          "la règle " + decl.id + " n'est jamais en vigueur : ses sources et sa clause « en vigueur » ne se recouvrent pas (du " +
              p.from->french() + " au " + p.to->french() + ")",
          "des sources en vigueur en même temps");
    ok = false;
  }
  rule.period = p;

  auto compiled = std::make_shared<model::CompiledRule>();
  compiled->arena = arena_;
  Scope scope;
  if (decl.applies_if) {
    compiled->applies_if = condition(*decl.applies_if, scope);
    if (is_invalid(type(compiled->applies_if))) ok = false;
  }
  if (decl.requires_) {
    compiled->requirement = condition(*decl.requires_, scope);
    if (is_invalid(type(compiled->requirement))) ok = false;
  }
  compiled->when_respected = message(decl.when_respected);
  compiled->when_violated = message(decl.when_violated);
  compiled->when_unknown = message(decl.when_unknown);
  compiled->when_not_applicable = message(decl.when_not_applicable);
  rule.compiled = std::move(compiled);
  // A version with errors (already reported) is left out, so that the stages after this one
  // (versions, overlaps) do not add errors that only follow from the first ones.
  if (!ok) return;
  out.push_back(std::move(rule));
  id_spans.push_back(decl.id_span);
}

ModelResult Checker::run(const std::vector<ParsedFile>& files) {
  auto base = std::make_shared<model::RuleBase>();
  legal_sources_ = &base->sources;
  arena_->deliberation_slot = schema_.root().field_index("deliberation");
  if (arena_->deliberation_slot >= 0) {
    const schema::Node* d = schema_.root().fields[static_cast<std::size_t>(arena_->deliberation_slot)].node.get();
    if (d != nullptr && d->type == schema::Type::Object) arena_->deliberation_date_slot = d->field_index("date");
  }

  // Stage: names.
  collect_names(files);
  for (const auto& [name, decl] : source_decls_) {
    model::LegalSource s;
    s.name = name;
    if (decl->title) s.title = decl->title->value;
    if (decl->reference) s.reference = decl->reference->value;
    if (decl->note) s.note = decl->note->value;
    if (decl->date_origin) s.date_origin = decl->date_origin->value;
    for (const ast::DisputedDates& d : decl->disputed) {
      ast::Period days{d.span, d.from, d.to ? d.to : d.from};
      if (auto p = period(days)) s.disputed.push_back(model::DisputedPeriod{*p, d.reason.value});
    }
    s.span = decl->span;
    if (!decl->title) {
      error(diag::Code::MissingClause, decl->name_span, "clause « intitulé » manquante dans la source " + name,
            "intitulé \"CGCT, art. …\"");
    }
    auto p = period(decl->period);
    if (p) s.period = *p;
    base->sources.emplace(name, std::move(s));
  }

  // Stage: definitions, each compiled once (cycles reported where they close).
  for (auto& [name, entry] : definitions_) definition(name, entry.decl->name_span);

  // Stage: rules (paths, types, templates, periods).
  std::vector<model::Rule> rules;
  std::vector<diag::SourceSpan> id_spans;
  for (const ParsedFile& file : files) {
    for (const ast::Declaration& d : file.ast.declarations) {
      if (const auto* r = std::get_if<ast::RuleDecl>(&d)) check_rule(*r, rules, id_spans);
    }
  }

  // Stage: versions. Same id: periods must not overlap; twice "at any date" is a duplicate.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    auto& list = by_id[rules[i].id];
    if (list.empty()) order.push_back(rules[i].id);
    list.push_back(i);
  }
  auto overlap = [](const model::Period& a, const model::Period& b) {
    if (a.to && b.from && *a.to < *b.from) return false;
    if (b.to && a.from && *b.to < *a.from) return false;
    return true;
  };
  for (const std::string& id : order) {
    const auto& list = by_id[id];
    for (std::size_t j = 1; j < list.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        const model::Rule& a = rules[list[i]];
        const model::Rule& b = rules[list[j]];
        if (!a.period.bounded() && !b.period.bounded()) {
          error(diag::Code::DuplicateRule, id_spans[list[j]], "règle déclarée deux fois : " + id,
                "des versions avec des périodes « en vigueur » disjointes, ou un autre identifiant");
          break;
        }
        if (overlap(a.period, b.period)) {
          error(diag::Code::OverlappingVersions, id_spans[list[j]],
                "deux versions de la règle " + id + " sont en vigueur en même temps : « " + b.title + " » (" +
                    model::period_french(b.period) + ") et « " + a.title + " » (" + model::period_french(a.period) + ")",
                "des périodes disjointes : clore la source de la version la plus ancienne la veille du début de "
                "la nouvelle (« en vigueur du … au … » dans sources.regles)");
          break;
        }
      }
    }
    // Between two versions, a day when none is in force would make every dossier of that day
    // « sans objet » without a word: a gap is an error (close the older source the day before).
    std::vector<std::size_t> sorted = list;
    std::sort(sorted.begin(), sorted.end(), [&](std::size_t x, std::size_t y) {
      const model::Period& px = rules[x].period;
      const model::Period& py = rules[y].period;
      if (!px.from) return py.from.has_value();
      return py.from && *px.from < *py.from;
    });
    for (std::size_t k = 1; k < sorted.size(); ++k) {
      const model::Rule& before = rules[sorted[k - 1]];
      const model::Rule& after = rules[sorted[k]];
      if (!before.period.to || !after.period.from) continue;
      if (after.period.from->days_since_epoch() > before.period.to->days_since_epoch() + 1) {
        error(diag::Code::VersionGap, id_spans[sorted[k]],
              "aucune version de la règle " + id + " n'est en vigueur entre le " + before.period.to->french() +
                  " (fin de « " + before.title + " ») et le " + after.period.from->french() +
                  " (début de « " + after.title + " ») : un dossier délibéré ces jours-là serait sans objet",
              "des versions qui se suivent sans trou : clore l'ancienne source la veille du début de la nouvelle");
      }
    }
  }

  ModelResult result;
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const diag::Diagnostic& a, const diag::Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
  result.diagnostics = std::move(diagnostics_);
  if (!result.diagnostics.empty()) return result;

  for (const std::string& id : order) {
    model::RuleFamily family;
    family.id = id;
    for (std::size_t i : by_id[id]) family.versions.push_back(std::move(rules[i]));
    std::stable_sort(family.versions.begin(), family.versions.end(), [](const model::Rule& a, const model::Rule& b) {
      if (!a.period.from) return b.period.from.has_value();
      return b.period.from && *a.period.from < *b.period.from;
    });
    base->families.push_back(std::move(family));
  }
  base->owned = std::shared_ptr<const void>(arena_, arena_.get());
  result.base = std::move(base);
  return result;
}

}  // namespace

ModelResult model_from_ast(const std::vector<ParsedFile>& files, const diag::SourceSet& sources,
                           const schema::Schema& schema, const FileReader& read_file) {
  Checker checker(sources, schema, read_file);
  return checker.run(files);
}

}  // namespace subsidia::check
