// The cases of `subsidia test`: `NAME.json` (a dossier) beside `NAME.attendu.json`:
//   {"verdict": "non_conforme",
//    "regles": {"base_legale.interet_local": "violee", ...},        every rule not sans_objet
//    "manquants": {"conventions.transmission_prefet": ["convention.date_transmission_prefet"]}}
// "manquants" is optional; when given, each listed rule's missing paths are compared (as sets).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval/result.hpp"

namespace subsidia::testing {

struct CaseFile {
  std::filesystem::path dossier;   // NAME.json
  std::filesystem::path expected;  // NAME.attendu.json
  std::string name;                // NAME with its folder, for messages
};

struct CaseExpectation {
  eval::Verdict verdict = eval::Verdict::Compliant;
  std::map<std::string, eval::RuleStatus> rules;
  std::map<std::string, std::vector<std::string>> missing;
};

// Every case under `roots` (folders searched recursively for *.attendu.json; a file may be
// NAME.attendu.json or NAME.json), sorted by path. Roots that do not exist or files that are
// neither are reported in `errors` (French, one line each).
// A folder holding no expected file at all is a set of dossiers (for the jaune), not cases,
// unless `new_cases` (`subsidia test --accepter`: a lawyer starting a folder of cases, whose
// expected files are to be written): then every NAME.json directly in a folder of `roots` is a
// case (its subfolders still need an expected file: cases/jaune-2012 is a set of dossiers).
std::vector<CaseFile> find_cases(const std::vector<std::filesystem::path>& roots, std::vector<std::string>& errors,
                                 bool new_cases = false);

// Reads NAME.attendu.json; std::nullopt with `error` set (French) when it is unreadable or
// malformed (unknown verdict or status code, wrong shape).
std::optional<CaseExpectation> read_expectation(const std::filesystem::path& file, std::string& error);

// Rewrites NAME.attendu.json with what the rule base now gives (`subsidia test --accepter`):
// the verdict, every rule not sans_objet, the missing paths of every indéterminée rule. Other
// keys of the file (a comment, say) are kept. Written to a temporary file then renamed, so
// that a failure leaves the former file whole. False with `error` set (French) on failure.
bool write_expectation(const std::filesystem::path& file, const eval::DossierResult& obtained, std::string& error);

std::optional<eval::RuleStatus> status_from_code(std::string_view code);
std::optional<eval::Verdict> verdict_from_code(std::string_view code);

}  // namespace subsidia::testing
