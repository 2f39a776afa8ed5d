// Stage 1: names (sources, tables, definitions), tables read, dates and periods.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "csv/table.hpp"
#include "check/internal/checker.hpp"
#include "diag/spelling.hpp"

namespace subsidia::check::internal {

using diag::nearest_names;

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
        // `montant` written alone reads the definition, not the dossier's field (a definition is
        // looked up first): `définition montant = 1 €` would judge every dossier as if it asked
        // for 1 €, in every file of the base, with facts that never show it.
        if (schema_.root().field_index(def->name) >= 0) {
          error(diag::Code::DefinitionShadowsField, def->name_span,
                "la définition « " + def->name + " » porte le nom d'un champ du dossier : elle le masquerait dans "
                    "toutes les règles de la base",
                "un nom qui n'est pas un champ du dossier (par exemple " + def->name + "_retenu)");
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
  // A blank at either end of a cell (« commission_permanente, oui » typed by hand, or kept by
  // a spreadsheet) is part of the cell for CSV: " oui" would never equal "oui", and a rule
  // comparing with it would be decided by an invisible character. Refused where it is.
  auto padded = [](const std::string& cell) {
    return !cell.empty() && (cell.front() == ' ' || cell.front() == '\t' || cell.back() == ' ' || cell.back() == '\t');
  };
  for (std::size_t c = 0; c < csv.table.header.size(); ++c) {
    if (!padded(csv.table.header[c])) continue;
    error(diag::Code::TableError, decl.file.span,
          "table " + decl.name + " (" + where + ", ligne d'en-tête) : le nom de colonne « " + csv.table.header[c] +
              " » commence ou finit par un blanc",
          "le nom sans blanc (pas d'espace après les virgules)");
    return;
  }
  for (const csv::TableRow& row : csv.table.rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (!padded(row.cells[c])) continue;
      const std::string column = c < csv.table.header.size() ? csv.table.header[c] : std::to_string(c + 1);
      // The blanks shown as ␣: an invisible character is what the reader has to find.
      const std::string& cell = row.cells[c];
      const std::size_t first = cell.find_first_not_of(" \t");
      const std::size_t last = cell.find_last_not_of(" \t");
      std::string shown;
      if (first == std::string::npos) {
        for (std::size_t k = 0; k < cell.size(); ++k) shown += "␣";
      } else {
        for (std::size_t k = 0; k < first; ++k) shown += "␣";
        shown += cell.substr(first, last - first + 1);
        for (std::size_t k = last + 1; k < cell.size(); ++k) shown += "␣";
      }
      error(diag::Code::TableError, decl.file.span,
            "table " + decl.name + " (" + where + ", ligne " + std::to_string(row.line) + ", colonne " + column +
                ") : la cellule « " + shown + " » a un blanc (␣) au début ou à la fin, qui compterait dans les "
                "comparaisons : elle n'égalerait pas « " + (first == std::string::npos ? std::string() : cell.substr(first, last - first + 1)) + " »",
            "la valeur sans blanc (pas d'espace après les virgules)");
      return;
    }
  }
  model::Table t;
  t.name = decl.name;
  t.file = where;
  t.columns = std::move(csv.table.header);
  t.rows.reserve(csv.table.rows.size());
  t.row_lines.reserve(csv.table.rows.size());
  for (csv::TableRow& row : csv.table.rows) {
    t.rows.push_back(std::move(row.cells));
    t.row_lines.push_back(row.line);
  }
  arena_->tables.push_back(std::move(t));
  tables_[decl.name].index = static_cast<int>(arena_->tables.size() - 1);
}

// ---------------------------------------------------------------------------
// Dates and periods
// ---------------------------------------------------------------------------

NodeId Checker::definition(const std::string& name, diag::SourceSpan span) {
  DefinitionEntry& entry = definitions_.at(name);
  if (entry.decl->text_template) {
    // Its placeholders are read in the message that shows it; as a value it would be the
    // text with its braces, which no condition means.
    error(diag::Code::TemplateError, span,
          "« " + name + " » est un texte à compléter ({…}) : il ne s'emploie qu'entier, dans un message",
          "{" + name + "} dans un message (si respectée, si violée, …), ou une définition sans accolades");
    return add_invalid(span);
  }
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

const model::MessageTemplate* Checker::text_definition(const std::string& name, diag::SourceSpan span) {
  DefinitionEntry& entry = definitions_.at(name);
  if (entry.state == DefinitionEntry::State::Done) return entry.text ? &*entry.text : nullptr;
  if (entry.state == DefinitionEntry::State::InProgress) {
    error(diag::Code::DefinitionCycle, span, "définition circulaire : " + name + " dépend d'elle-même",
          "des définitions sans cycle");
    return nullptr;
  }
  entry.state = DefinitionEntry::State::InProgress;
  model::MessageTemplate pieces = message_pieces(*entry.decl->text_template);
  entry.state = DefinitionEntry::State::Done;
  entry.text = std::move(pieces);
  return &*entry.text;
}

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

}  // namespace subsidia::check::internal
