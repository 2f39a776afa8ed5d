// Errors are values: a stable code, a span, a French message, and what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source.hpp"

namespace subsidia::diag {

// Stable codes: tests match these and the position, never the wording.
enum class Code {
  // reading files
  FileUnreadable,
  InvalidEncoding,
  ImportCycle,
  // syntax
  SyntaxError,
  UnterminatedString,
  InvalidLiteral,
  // names
  DuplicateRule,
  OverlappingVersions,
  DuplicateSource,
  DuplicateDefinition,
  DefinitionShadowsField,  // a definition named as a field at the root of the dossier
  DuplicateTable,
  UnknownSource,
  UnknownTable,
  UnknownColumn,
  UnknownPath,
  UnknownName,
  DefinitionCycle,
  // types
  TypeMismatch,
  MoneyTimesMoney,
  NotAList,
  NotABoolean,
  // dates and versions
  InvalidDate,
  EmptyPeriod,
  VersionGap,          // two versions of a rule leave days between them when none is in force
  UnknownEnumValue,    // a literal outside the field's enumeration
  ValueOutsidePattern, // a literal the field's schema pattern never accepts ("gp" for ^[A-Z]{2}$)
  // tables
  TableError,
  // templates
  TemplateError,
  // declarations
  MissingClause,      // a rule without titre, source, gravité or exige; a source without intitulé
  WrongArgumentCount, // arrondi(x), debut(s), min(a, b, c)…
  // a rule base without a single rule: it would find every dossier conforme
  NoRule,
  // a bug of the engine, reported instead of a crash
  InternalError,
  // warnings: the base loads, but something in it is likely not what its author meant
  UnusedSource,         // a source no rule cites: a version written and never wired to its rule
  RuleInSeveralFiles,   // one rule id declared in two files: they become versions of one rule
  RulePeriodNarrowed,   // a rule's « en vigueur » reaches past its sources': silently cut
};

// An error keeps the rule base from loading; a warning is printed and the base loads.
enum class Level { Error, Warning };

std::string_view code_name(Code code);  // "erreur_syntaxe", "chemin_inconnu", ...

struct Diagnostic;
// The one order of diagnostics everywhere: by file, then position (stable among equals).
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

struct Diagnostic {
  Code code = Code::InternalError;
  SourceSpan span;
  std::string message;   // French, for a person: "chemin inconnu : action.pay"
  std::string expected;  // what would have been valid here; may be empty
  Level level = Level::Error;
};

// The result of a pass: a value, or nothing, plus every diagnostic found.
template <class T>
struct Checked {
  std::optional<T> value;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return value.has_value() && diagnostics.empty(); }
};

// Where a diagnostic points, as a person reads it: its file's path, line and column. Empty
// path (line and column 0) when the diagnostic names no file of `sources` (a base-wide one).
struct Located {
  std::string path;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool known() const { return !path.empty(); }
  std::string text() const;  // "rules/x.regles:42:17", or "" when unknown
};
Located located(const SourceSet& sources, const Diagnostic& diagnostic);

// "rules/x.regles:42:17: erreur [chemin_inconnu] : chemin inconnu : action.pay\n"
// "   42 | exige action.pay existe\n"
// "      |       ^~~~~~~~~~\n"
// "      = attendu : un chemin du schéma des dossiers (action.pays, ...)\n"
std::string format_diagnostic(const SourceSet& sources, const Diagnostic& diagnostic);

// All of them, sorted by file and position.
std::string format_diagnostics(const SourceSet& sources, std::vector<Diagnostic> diagnostics);

}  // namespace subsidia::diag
