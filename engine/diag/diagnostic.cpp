#include "diag/diagnostic.hpp"

#include "diag/utf8.hpp"

#include <algorithm>
#include <tuple>

namespace subsidia::diag {

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
}

std::string_view code_name(Code code) {
  switch (code) {
    case Code::FileUnreadable: return "fichier_illisible";
    case Code::InvalidEncoding: return "encodage_invalide";
    case Code::ImportCycle: return "import_circulaire";
    case Code::SyntaxError: return "erreur_syntaxe";
    case Code::UnterminatedString: return "chaine_non_terminee";
    case Code::InvalidLiteral: return "litteral_invalide";
    case Code::DuplicateRule: return "regle_en_double";
    case Code::OverlappingVersions: return "versions_chevauchantes";
    case Code::DuplicateSource: return "source_en_double";
    case Code::DuplicateDefinition: return "definition_en_double";
    case Code::DefinitionShadowsField: return "definition_masque_un_champ";
    case Code::DuplicateTable: return "table_en_double";
    case Code::UnknownSource: return "source_inconnue";
    case Code::UnknownTable: return "table_inconnue";
    case Code::UnknownColumn: return "colonne_inconnue";
    case Code::UnknownPath: return "chemin_inconnu";
    case Code::UnknownName: return "nom_inconnu";
    case Code::DefinitionCycle: return "definition_circulaire";
    case Code::TypeMismatch: return "types_incompatibles";
    case Code::MoneyTimesMoney: return "montant_fois_montant";
    case Code::NotAList: return "pas_une_liste";
    case Code::NotABoolean: return "pas_une_condition";
    case Code::InvalidDate: return "date_invalide";
    case Code::EmptyPeriod: return "periode_vide";
    case Code::VersionGap: return "trou_entre_versions";
    case Code::UnknownEnumValue: return "valeur_hors_liste";
    case Code::ValueOutsidePattern: return "valeur_hors_motif";
    case Code::TableError: return "erreur_table";
    case Code::TemplateError: return "erreur_message";
    case Code::MissingClause: return "clause_manquante";
    case Code::WrongArgumentCount: return "nombre_d_arguments";
    case Code::NoRule: return "base_sans_regle";
    case Code::InternalError: return "erreur_interne";
    case Code::UnusedSource: return "source_inutilisee";
    case Code::RuleInSeveralFiles: return "regle_dans_plusieurs_fichiers";
    case Code::RulePeriodNarrowed: return "periode_reduite";
  }
  return "erreur";
}

namespace {

// Width in code points of a byte range of one line, to draw the caret under it.
std::uint32_t code_points(std::string_view text) { return static_cast<std::uint32_t>(code_point_count(text)); }

// The line as it can be shown on a terminal: each byte that is not valid UTF-8 becomes
// U+FFFD, one column wide, so the caret below still lines up.
std::string printable(std::string_view line) {
  std::string out;
  while (true) {
    const std::optional<std::size_t> bad = first_invalid_utf8(line);
    if (!bad) break;
    out.append(line.substr(0, *bad));
    out += "\xEF\xBF\xBD";
    line.remove_prefix(*bad + 1);
  }
  out.append(line);
  return out;
}

}  // namespace

static std::string_view level_word(const Diagnostic& d) {
  return d.level == Level::Warning ? "avertissement" : "erreur";
}

std::string Located::text() const {
  if (!known()) return {};
  return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Located located(const SourceSet& sources, const Diagnostic& d) {
  if (d.span.file >= sources.size()) return {};
  const SourceFile& file = sources.file(d.span.file);
  const LineColumn where = file.locate(d.span.begin);
  return Located{file.path(), where.line, where.column};
}

std::string format_diagnostic(const SourceSet& sources, const Diagnostic& d) {
  std::string out;
  if (d.span.file >= sources.size()) {
    out += std::string(level_word(d)) + " [" + std::string(code_name(d.code)) + "] : " + d.message + "\n";
    if (!d.expected.empty()) out += "  = attendu : " + d.expected + "\n";
    return out;
  }
  const SourceFile& file = sources.file(d.span.file);
  const LineColumn where = file.locate(d.span.begin);
  out += located(sources, d).text() + ": " +
         std::string(level_word(d)) + " [" +
         std::string(code_name(d.code)) + "] : " + d.message + "\n";
  const std::string_view line = file.line_text(where.line);
  const std::string number = std::to_string(where.line);
  const std::string gutter(number.size(), ' ');
  out += " " + number + " | " + printable(line) + "\n";
  // caret under the span, clipped to the line
  const LineColumn end_where = file.locate(std::max(d.span.end, d.span.begin + 1) - 1);
  std::uint32_t width = 1;
  if (end_where.line == where.line && end_where.column >= where.column) width = end_where.column - where.column + 1;
  const std::uint32_t line_width = code_points(line);
  if (where.column - 1 + width > line_width + 1) width = std::max<std::uint32_t>(1, line_width + 1 - (where.column - 1));
  out += " " + gutter + " | " + std::string(where.column - 1, ' ') + "^" + std::string(width - 1, '~') + "\n";
  if (!d.expected.empty()) out += " " + gutter + " = attendu : " + d.expected + "\n";
  return out;
}

std::string format_diagnostics(const SourceSet& sources, std::vector<Diagnostic> diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.begin) < std::tie(b.span.file, b.span.begin);
  });
  std::string out;
  for (const Diagnostic& d : diagnostics) out += format_diagnostic(sources, d);
  return out;
}

}  // namespace subsidia::diag
