// `subsidia exporte iati --exercice AAAA [-o FICHIER] [--organisation-ref REF]
//                        [--siret-attribuant SIRET] [--schema FICHIER] DOSSIERS...`
// `subsidia exporte scdl --exercice AAAA [-o FICHIER] [--siret-attribuant SIRET]
//                        [--schema FICHIER] DOSSIERS...`
//
// Reads the dossiers (file, JSON array, .jsonl, folder) and writes the standard the others
// read: IATI 2.03 activities of the jaune's international actions (interop/iati), or the
// collectivité's subsidies as an SCDL subventions 2.1.1 CSV (interop/scdl/export). Output to
// standard output, or with -o to FICHIER, written at once. A summary goes to standard error.
// Exit code: 0 written; 1 (SCDL) some subsidies could not be written (a required value
// unknown, listed); 2 a usage error, an unreadable dossier (nothing is written), no
// organisation reference for IATI (or a SIRET from the dossiers whose check key fails), one
// --siret-attribuant for the dossiers of several collectivités, or a failed write.
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "api/engine.hpp"
#include "api/version.hpp"
#include "cli/command.hpp"
#include "cli/paths.hpp"
#include "export/dossier_facts.hpp"
#include "iati/activities.hpp"
#include "output/french_count.hpp"
#include "scdl/identifiers.hpp"
#include "io/inputs.hpp"
#include "io/reader.hpp"
#include "output/check_format.hpp"
#include "reports/amount_format.hpp"
#include "reports/atomic_file.hpp"
#include "reports/id_key.hpp"
#include "reports/jaune_entry.hpp"
#include "scdl/export.hpp"

namespace subsidia::cli {

// The layers this command is a thin shell over.
using namespace subsidia::output;

namespace {

namespace fs = std::filesystem;

struct ExportOptions {
  int exercice = 0;
  std::string output;
  std::string organisation_ref;
  std::string siret;
  std::string schema;
  std::vector<std::string> paths;
};

// Every dossier read, or std::nullopt after printing each reading error (nothing is written
// from a partial read).
std::optional<std::vector<interop::DossierFacts>> read_dossiers(const ExportOptions& o, const char* command,
                                                                std::string& schema_fingerprint) {
  if (auto clobber = output_clobbers_input(o.output, std::vector<fs::path>(o.paths.begin(), o.paths.end()))) {
    std::cerr << "subsidia exporte " << command << " : " << *clobber << '\n';
    return std::nullopt;
  }
  const fs::path schema_path = o.schema.empty() ? default_schema_for(default_rules_dir()) : fs::path(o.schema);
  schema::SchemaResult loaded = schema::load_schema(schema_path);
  if (!loaded.schema) {
    std::cerr << "subsidia exporte " << command << " : " << loaded.error << '\n';
    return std::nullopt;
  }
  const std::shared_ptr<const schema::Schema> schema = std::move(loaded.schema);
  {
    std::ifstream in(schema_path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    schema_fingerprint = api::sha256_of(text.str());
  }
  const interop::FactsExtractor extractor(*schema);
  io::DossierReader reader(schema);
  io::InputStream input(std::vector<fs::path>(o.paths.begin(), o.paths.end()));
  std::vector<interop::DossierFacts> facts;
  const reports::EntryExtractor entries(*schema);
  struct SeenDossier {
    std::string id;
    std::string place;
    std::uint64_t content[2];
  };
  std::map<std::string, SeenDossier> by_id;  // id_key -> the first dossier read under it
  std::vector<std::string> read_twice;
  std::size_t errors = 0;
  io::InputItem item;
  std::optional<io::InputError> error;
  auto report = [&](const io::InputError& e) {
    std::string line;
    append_error_text(line, e);
    std::cerr << line;
    ++errors;
  };
  while (input.next(item, error)) {
    if (error) {
      report(*error);
      error.reset();
      continue;
    }
    io::ReadOutcome read = reader.read(item.text, item.file, item.line, item.first_line);
    if (!read.dossier) {
      io::locate_in_file(item, read.errors);
      for (const io::InputError& e : read.errors) report(e);
      if (read.errors.empty()) report({item.file, item.line, "", "dossier illisible", ""});
      continue;
    }
    // The same dossier read from two places is exported once, as the jaune counts it once;
    // two different dossiers under one id (or ids that differ only by what a copy changes)
    // are an error, as in the jaune: the export must add up to its total.
    reports::JauneEntry entry = entries.extract(*read.dossier);
    const std::string place = item.file + (item.line ? ":" + std::to_string(item.line) : std::string());
    auto [seen, first_time] = by_id.try_emplace(reports::id_key(entry.id), SeenDossier{entry.id, place, {entry.content[0], entry.content[1]}});
    if (!first_time) {
      const SeenDossier& first = seen->second;
      if (first.id == entry.id && first.content[0] == entry.content[0] && first.content[1] == entry.content[1]) {
        read_twice.push_back("Dossier « " + entry.id + " » lu deux fois (" + first.place + " et " + place +
                             ", même contenu) : exporté une fois.");
      } else {
        report({item.file, item.line, "",
                first.id == entry.id
                    ? "identifiant « " + entry.id + " » donné à deux dossiers différents : " + first.place + " et " + place
                    : "identifiants « " + reports::visible_id(first.id) + " » (" + first.place + ") et « " + reports::visible_id(entry.id) + " » (" + place +
                          ") qui ne diffèrent que par des blancs, des majuscules, des caractères invisibles ou la "
                          "façon d'écrire les accents : le même dossier exporté deux fois, ou deux dossiers à "
                          "distinguer par un identifiant vraiment différent",
                entry.id, io::ReadCode::DuplicateDossierId});
      }
      continue;
    }
    facts.push_back(extractor.extract(*read.dossier));
  }
  for (const std::string& note : read_twice) std::cerr << note << '\n';
  if (errors) {
    std::cerr << "subsidia exporte " << command << " : " << output::counted(errors, "erreur", "erreurs")
              << " de lecture : rien n'est écrit (l'export doit être complet)\n";
    return std::nullopt;
  }
  return facts;
}

std::optional<std::string> write_output(const std::string& output, const std::string& content) {
  if (!output.empty()) return reports::write_file_atomically(output, content);
  std::cout << content;
  std::cout.flush();
  if (!std::cout) return "écriture sur la sortie standard impossible";
  return std::nullopt;
}

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

void list(std::string_view title, const std::vector<std::string>& items) {
  if (items.empty()) return;
  std::cerr << title << " : " << items.size() << '\n';
  for (const auto& item : items) std::cerr << "  " << item << '\n';
}

// Which engine wrote the file, and from which dossier schema (an export reads no rule: its
// content depends on the schema and the engine): on standard error, the CSV having no place for
// it (review 25: the SCDL export named neither).
void say_receipt(const std::string& schema_fingerprint) {
  std::cerr << "Moteur subsidia " << api::engine_version() << " (commit " << api::engine_commit()
            << "), schéma des dossiers " << schema_fingerprint << '\n';
}

int run_iati(const ExportOptions& o) {
  std::string schema_fingerprint;
  auto facts = read_dossiers(o, "iati", schema_fingerprint);
  if (!facts) return kExitError;
  // The reporting organisation: given, else the collectivité's SIRET (given, or the one every
  // imported dossier of the exercice carries).
  std::string ref = o.organisation_ref;
  if (ref.empty()) {
    std::string siret = o.siret;
    if (siret.empty()) {
      bool same = true;
      for (const auto& f : *facts) {
        if (f.entry.exercice != o.exercice) continue;
        if (siret.empty()) siret = f.scdl.id_attribuant;
        same = same && f.scdl.id_attribuant == siret;
      }
      if (!same || siret.size() != 14) siret.clear();
      // Checked like --siret-attribuant: it becomes the reporting organisation and the prefix
      // of every activity's identifier. A SIRET written as a float by a spreadsheet (Poitiers'
      // 21860194600000.0) lost its last digits, and would be published wrong on each.
      if (!siret.empty() && !interop::scdl::luhn_valid(siret)) {
        std::cerr << "subsidia exporte iati : le SIRET de la collectivité que portent les dossiers, " << siret
                  << ", a une clé de contrôle invalide (chiffres perdus ou mal recopiés dans le fichier publié ?) : "
                     "donner --organisation-ref REF ou --siret-attribuant SIRET ; aucun fichier écrit\n";
        return kExitError;
      }
    }
    if (siret.empty()) {
      std::cerr << "subsidia exporte iati : identifiant IATI de la collectivité inconnu : donner --organisation-ref REF "
                   "(ou --siret-attribuant SIRET, qui donne FR-SIRET-<SIRET>)\n";
      return kExitError;
    }
    ref = "FR-SIRET-" + siret;
  }
  const interop::iati::IatiExport result = interop::iati::iati_activities(
      *facts, {o.exercice, ref, now_utc(),
               "subsidia " + std::string(api::engine_version()) + " (commit " + std::string(api::engine_commit()) + ")",
               schema_fingerprint});
  if (!result.errors.empty()) {
    // Not written: a registry would take the second activity for an update of the first.
    for (const auto& error : result.errors) std::cerr << "subsidia exporte iati : " << error << '\n';
    std::cerr << "subsidia exporte iati : aucun fichier écrit\n";
    return kExitError;
  }
  if (auto failure = write_output(o.output, result.xml)) {
    std::cerr << "subsidia exporte iati : " << *failure << '\n';
    return kExitError;
  }
  std::cerr << "IATI " << o.exercice << " : " << output::counted(result.activities.size(), "activité", "activités") << ", engagements "
            << reports::format_euros(result.total) << " (total du jaune), organisation " << ref << '\n';
  list("Dossiers de l'exercice non exportés", result.left_out);
  say_receipt(schema_fingerprint);
  return kExitOk;
}

int run_scdl(const ExportOptions& o) {
  std::string schema_fingerprint;
  auto facts = read_dossiers(o, "scdl", schema_fingerprint);
  if (!facts) return kExitError;
  interop::scdl::ScdlExportOptions options;
  options.exercice = o.exercice;
  if (!o.siret.empty()) options.siret_attribuant = o.siret;
  const interop::scdl::ScdlExport result = interop::scdl::scdl_csv(*facts, options);
  if (!result.errors.empty()) {
    for (const auto& error : result.errors) std::cerr << "subsidia exporte scdl : " << error << '\n';
    std::cerr << "subsidia exporte scdl : aucun fichier écrit\n";
    return kExitError;
  }
  if (auto failure = write_output(o.output, result.csv)) {
    std::cerr << "subsidia exporte scdl : " << *failure << '\n';
    return kExitError;
  }
  std::cerr << "SCDL " << o.exercice << " : " << output::counted(result.written.size(), "subvention écrite", "subventions écrites") << "\n";
  list("Valeurs par défaut ou raccourcies", result.defaults);
  list("Lignes écrites que les contrôles du schéma SCDL signaleront", result.not_conforming);
  list("Lignes écrites qui, relues, changeraient d'exercice", result.other_year);
  list("Lignes écrites identiques à une autre (une seule subvention pour qui les relit)", result.identical);
  list("Dossiers de l'exercice non écrits", result.left_out);
  say_receipt(schema_fingerprint);
  bool missing = !result.not_conforming.empty() || !result.identical.empty();
  for (const auto& line : result.left_out) missing = missing || line.find("exigé") != std::string::npos;
  return missing ? kExitFindings : kExitOk;
}

void add_common(CLI::App& command, ExportOptions& o, bool with_ref) {
  command.add_option("--exercice", o.exercice, "Exercice budgétaire (année)")->required()->check(CLI::Range(1980, 2100));
  command.add_option("-o,--sortie", o.output, "Fichier de sortie, écrit d'un seul coup ; sortie standard par défaut");
  if (with_ref)
    command.add_option("--organisation-ref", o.organisation_ref,
                       "Identifiant IATI de la collectivité (organisation déclarante), p. ex. FR-SIRET-<SIRET>");
  command.add_option("--siret-attribuant", o.siret, "SIRET de la collectivité, pour les dossiers qui ne le portent pas")
      ->check([](const std::string& s) {
        if (s.size() != 14 || s.find_first_not_of("0123456789") != std::string::npos) return std::string("14 chiffres attendus");
        // A typo in the one SIRET every row carries would publish a wrong identifier on each.
        return interop::scdl::luhn_valid(s) ? std::string()
                                            : std::string("clé de contrôle du SIRET invalide (un chiffre mal recopié ?)");
      });
  command.add_option("--schema", o.schema, "Schéma des dossiers (par défaut celui de rules/)");
  command.add_option("DOSSIERS", o.paths, "Dossier JSON, tableau JSON, fichier .jsonl ou répertoire")->required();
}

}  // namespace

Runner register_exporte_command(CLI::App& app) {
  auto iati = std::make_shared<ExportOptions>();
  auto scdl = std::make_shared<ExportOptions>();
  CLI::App* exporte = app.add_subcommand("exporte", "Exporte les dossiers dans un standard ouvert (IATI, SCDL).");
  exporte->require_subcommand(1);
  CLI::App* iati_command = exporte->add_subcommand(
      "iati",
      "Écrit les actions internationales de l'exercice (celles du total du jaune) au format IATI 2.03 : une "
      "activité par dossier, engagement au montant exact, pays bénéficiaires, secteur CAD de l'OCDE.");
  add_common(*iati_command, *iati, true);
  iati_command->footer(
      "Exemple :\n"
      "  subsidia exporte iati --exercice 2012 --organisation-ref FR-SIRET-23750007900312 -o iati-2012.xml cases/jaune-2012\n"
      "\n"
      "Les engagements additionnés font le total du jaune. Correspondance des secteurs CAD et choix\n"
      "(statut, dates, pourcentages) : docs/import-export.md. Code de sortie : 0 écrit ; 2 en cas\n"
      "d'erreur d'usage, de dossier illisible (rien n'est écrit), d'identifiant d'organisation inconnu ou\n"
      "de SIRET des dossiers à la clé de contrôle fausse, de dossiers de plusieurs collectivités.");
  CLI::App* scdl_command = exporte->add_subcommand(
      "scdl",
      "Écrit les subventions de l'exercice au format SCDL subventions 2.1.1 (CSV), relisible par "
      "subsidia importe scdl.");
  add_common(*scdl_command, *scdl, false);
  scdl_command->footer(
      "Exemple :\n"
      "  subsidia exporte scdl --exercice 2017 --siret-attribuant 21860194600013 -o subventions-2017.csv brouillons/\n"
      "\n"
      "Valeurs par défaut (listées) quand le dossier ne dit pas : nature « aide en numéraire »,\n"
      "conditionsVersement « non renseigné », période de versement = l'exercice, notificationUE\n"
      "« non ». Code de sortie : 0 écrit ; 1 si des subventions n'ont pu être écrites (valeur exigée\n"
      "inconnue, listée) ; 2 en cas d'erreur d'usage, de dossier illisible, de --siret-attribuant pour les\n"
      "dossiers de plusieurs collectivités ou d'écriture impossible.");
  return [iati, scdl, iati_command, scdl_command] {
    if (iati_command->parsed()) return run_iati(*iati);
    if (scdl_command->parsed()) return run_scdl(*scdl);
    return kExitError;
  };
}

}  // namespace subsidia::cli
