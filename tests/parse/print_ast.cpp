#include "print_ast.hpp"

#include <cstdio>
#include <type_traits>

namespace subsidia::parse::testing {

namespace {

struct Printer {
  bool spans;
  std::string out;

  void at(const diag::SourceSpan& s) {
    if (spans) out += "@" + std::to_string(s.begin) + "-" + std::to_string(s.end);
  }
  void quoted(const std::string& s) {
    out += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') { out += "\\n"; continue; }
      out += c;
    }
    out += '"';
  }
  static const char* name(ast::BinaryOp op) {
    switch (op) {
      case ast::BinaryOp::And: return "et";
      case ast::BinaryOp::Or: return "ou";
      case ast::BinaryOp::Equal: return "=";
      case ast::BinaryOp::NotEqual: return "≠";
      case ast::BinaryOp::Less: return "<";
      case ast::BinaryOp::LessEqual: return "<=";
      case ast::BinaryOp::Greater: return ">";
      case ast::BinaryOp::GreaterEqual: return ">=";
      case ast::BinaryOp::Add: return "+";
      case ast::BinaryOp::Subtract: return "-";
      case ast::BinaryOp::Multiply: return "*";
      case ast::BinaryOp::Divide: return "/";
      case ast::BinaryOp::Otherwise: return "sinon";
      case ast::BinaryOp::StartsWith: return "commence_par";
    }
    return "?";
  }
  static const char* name(ast::UnaryOp op) {
    switch (op) {
      case ast::UnaryOp::Not: return "non";
      case ast::UnaryOp::Negate: return "neg";
      case ast::UnaryOp::Exists: return "existe";
      case ast::UnaryOp::IsAbsent: return "est_absent";
      case ast::UnaryOp::IsKnown: return "est_renseigne";
      case ast::UnaryOp::IsNull: return "est_nul";
    }
    return "?";
  }
  static const char* name(ast::Aggregate a) {
    switch (a) {
      case ast::Aggregate::Sum: return "somme";
      case ast::Aggregate::Count: return "nombre";
      case ast::Aggregate::CountDistinct: return "distincts";
      case ast::Aggregate::Min: return "min";
      case ast::Aggregate::Max: return "max";
      case ast::Aggregate::Collect: return "liste";
    }
    return "?";
  }
  static const char* name(ast::Quantifier q) {
    switch (q) {
      case ast::Quantifier::All: return "tous";
      case ast::Quantifier::Some: return "au_moins_un";
      case ast::Quantifier::None: return "aucun";
    }
    return "?";
  }

  void list(const std::vector<ast::Expression>& items) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ", ";
      expr(items[i]);
    }
  }
  void path(const ast::Path& p) {
    for (std::size_t i = 0; i < p.segments.size(); ++i) {
      if (i > 0) out += ".";
      out += p.segments[i].name;
      if (p.segments[i].all_items) out += "[*]";
      at(p.segments[i].span);
    }
    at(p.span);
  }

  void expr(const ast::Expression& e) {
    std::visit([&](const auto& n) { node(n); }, e.node);
  }
  void node(const ast::NumberLiteral& n) {
    out += n.text;
    if (n.unit == ast::NumberLiteral::Unit::Euro) out += "€";
    if (n.unit == ast::NumberLiteral::Unit::Percent) out += "%";
    at(n.span);
  }
  void node(const ast::DateLiteral& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    out += buffer;
    at(d.span);
  }
  void node(const ast::StringLiteral& s) { quoted(s.value); at(s.span); }
  void node(const ast::BooleanLiteral& b) { out += b.value ? "vrai" : "faux"; at(b.span); }
  void node(const ast::ListLiteral& l) { out += "["; list(l.items); out += "]"; at(l.span); }
  void node(const ast::Path& p) { path(p); }
  void node(const ast::DeliberationDate& d) { out += "date_de_la_deliberation"; at(d.span); }
  void node(const ast::Unary& u) {
    out += "(";
    out += name(u.op);
    out += " ";
    expr(*u.operand);
    out += ")";
    at(u.span);
  }
  void node(const ast::Binary& b) {
    out += "(";
    out += name(b.op);
    out += " ";
    expr(*b.left);
    out += " ";
    expr(*b.right);
    out += ")";
    at(b.span);
  }
  void node(const ast::Membership& m) {
    out += m.negated ? "(hors_de (" : "(dans (";
    list(m.tuple);
    out += ") ";
    std::visit([&](const auto& s) {
      using S = std::decay_t<decltype(s)>;
      if constexpr (std::is_same_v<S, ast::ListLiteral>) {
        node(s);
      } else if constexpr (std::is_same_v<S, ast::Path>) {
        out += "liste:";
        path(s);
      } else {
        out += "table:" + s.table + "(";
        for (std::size_t i = 0; i < s.columns.size(); ++i) out += (i > 0 ? ", " : "") + s.columns[i];
        out += ")";
        at(s.span);
      }
    }, m.set);
    out += ")";
    at(m.span);
  }
  void node(const ast::TableLookup& l) {
    out += "(lookup " + l.table + "(";
    for (std::size_t i = 0; i < l.keys.size(); ++i) {
      if (i > 0) out += ", ";
      out += l.keys[i].column + " = ";
      expr(l.keys[i].value);
    }
    out += ")." + l.result_column + ")";
    at(l.span);
  }
  void node(const ast::Quantified& q) {
    out += "(";
    out += name(q.quantifier);
    out += " " + q.variable;
    at(q.variable_span);
    out += " ";
    expr(*q.collection);
    out += " : ";
    expr(*q.condition);
    out += ")";
    at(q.span);
  }
  void node(const ast::Aggregation& a) {
    out += "(";
    out += name(a.aggregate);
    if (a.element) { out += " "; expr(**a.element); }
    if (a.variable) out += " pour " + *a.variable + " dans";
    out += " ";
    expr(*a.collection);
    if (a.filter) { out += " si "; expr(**a.filter); }
    out += ")";
    at(a.span);
  }
  void node(const ast::AtLeast& a) {
    out += "(au_moins ";
    expr(*a.count);
    out += " parmi ";
    expr(*a.collection);
    if (a.distinct) out += " distincts";
    out += ")";
    at(a.span);
  }
  void node(const ast::Call& c) {
    out += c.function + "(";
    list(c.arguments);
    out += ")";
    at(c.span);
  }

  void period(const ast::Period& p) {
    out += "periode";
    if (p.from) { out += " du "; node(*p.from); }
    if (p.to) { out += " au "; node(*p.to); }
    at(p.span);
  }
  void message(const char* label, const std::optional<ast::Template>& t) {
    if (!t) return;
    out += std::string("  ") + label + ":";
    for (const ast::TemplatePart& part : t->parts) {
      out += " ";
      if (const auto* text = std::get_if<std::string>(&part.part)) {
        quoted(*text);
      } else {
        out += "{";
        expr(std::get<ast::Expression>(part.part));
        out += "}";
      }
      at(part.span);
    }
    at(t->span);
    out += "\n";
  }

  void declaration(const ast::Import& i) { out += "importer "; node(i.file); at(i.span); out += "\n"; }
  void declaration(const ast::TableDecl& t) {
    out += "table " + t.name;
    at(t.name_span);
    out += " = ";
    node(t.file);
    at(t.span);
    out += "\n";
  }
  void declaration(const ast::DefinitionDecl& d) {
    out += "definition " + d.name;
    at(d.name_span);
    out += " = ";
    expr(d.value);
    at(d.span);
    out += "\n";
  }
  void declaration(const ast::SourceDecl& s) {
    out += "source " + s.name;
    at(s.name_span);
    at(s.span);
    out += "\n";
    if (s.title) { out += "  intitule: "; node(*s.title); out += "\n"; }
    if (s.reference) { out += "  reference: "; node(*s.reference); out += "\n"; }
    if (s.note) { out += "  note: "; node(*s.note); out += "\n"; }
    if (s.date_origin) { out += "  date_origin: "; node(*s.date_origin); out += "\n"; }
    for (const ast::DisputedDates& d : s.disputed) {
      out += "  disputed: ";
      if (d.from) node(*d.from);
      if (d.to) { out += " .. "; node(*d.to); }
      out += " ";
      node(d.reason);
      out += "\n";
    }
    out += "  ";
    period(s.period);
    out += "\n";
  }
  void declaration(const ast::RuleDecl& r) {
    out += "regle " + r.id;
    at(r.id_span);
    at(r.span);
    out += "\n";
    if (r.title) { out += "  titre: "; node(*r.title); out += "\n"; }
    if (!r.sources.empty()) {
      out += "  sources:";
      for (const auto& [source, span] : r.sources) { out += " " + source; at(span); }
      out += "\n";
    }
    if (r.period) { out += "  "; period(*r.period); out += "\n"; }
    if (r.severity) {
      out += *r.severity == ast::Severity::Blocking ? "  gravite: bloquante" : "  gravite: avertissement";
      at(r.severity_span);
      out += "\n";
    }
    if (r.applies_if) { out += "  s_applique_si: "; expr(*r.applies_if); out += "\n"; }
    if (r.requires_) { out += "  exige: "; expr(*r.requires_); out += "\n"; }
    message("si_respectee", r.when_respected);
    message("si_violee", r.when_violated);
    message("si_indeterminee", r.when_unknown);
    message("si_sans_objet", r.when_not_applicable);
  }
};

}  // namespace

std::string print(const ast::Expression& e, bool with_spans) {
  Printer p{with_spans, {}};
  p.expr(e);
  return p.out;
}

std::string print(const ast::RuleFile& file, bool with_spans) {
  Printer p{with_spans, {}};
  for (const ast::Declaration& d : file.declarations) {
    std::visit([&](const auto& decl) { p.declaration(decl); }, d);
  }
  return p.out;
}

}  // namespace subsidia::parse::testing
