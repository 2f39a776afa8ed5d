// Two small rule bases on the real dossier schema, and three dossiers, written to a temporary
// folder: what the diff tests (library and command) judge.
//
//   avant/base.regles  montant.positif (montant > 0 €), deliberation.recente,
//                      beneficiaire.identifie (avertissement)
//   apres/base.regles  montant.positif raised to montant > 2 000 €; beneficiaire.identifie
//                      removed; objet.renseigne added (respected by every dossier);
//                      deliberation.recente reindented, its title's string cut in two and a
//                      comment added (none of which is a text change)
//   dossiers/          D-1 1 500,00 € (conforme → non conforme), D-2 5 000,00 € (conforme
//                      both), D-3 800,00 € without deliberation (incomplet → non conforme)
#pragma once

#include <filesystem>
#include <string>

namespace subsidia::testing {

extern const char* const kDiffRulesBefore;
extern const char* const kDiffRulesAfter;

// Writes avant/, apres/ and dossiers/ under `dir`.
void write_diff_fixture(const std::filesystem::path& dir);
void write_text(const std::filesystem::path& path, const std::string& text);

}  // namespace subsidia::testing
