// `subsidia importe scdl FICHIER|DOSSIER... [-o DOSSIER | --format jsonl] [--exercice AAAA]
//                        [--collectivite-categorie CAT] [--international-seulement]
//                        [--resume FICHIER] [--remplacer]`
//
// Published subsidies files (SCDL subventions 1.x and 2.x, any encoding and separator) ->
// one draft dossier per row (interop/scdl/importer). Dossiers go to standard output, one
// JSON line each, or with -o DOSSIER to DOSSIER/<id>.json, each written at once (a draft
// already there is not replaced without --remplacer: the run stops before writing). The summary
// (rows read, written, rejected with their line and reason, duplicates, candidates) goes to
// standard error, and with --resume to a JSON file. Exit code: 0 every row written (or set
// apart by an option); 1 some rows rejected; 2 a usage error, an unreadable file or a failed
// write.
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <memory>
#include <set>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>
#include <vector>

#include "api/version.hpp"
#include "cli/command.hpp"
#include "cli/paths.hpp"
#include "cli/output_sink.hpp"
#include "output/french_count.hpp"
#include "reports/atomic_file.hpp"
#include "scdl/draft_json.hpp"
#include "scdl/importer.hpp"

namespace subsidia::cli {

namespace {

namespace fs = std::filesystem;
namespace scdl = interop::scdl;

struct ImportOptions {
  std::vector<std::string> files;
  std::string output_dir;
  std::string format;
  int exercice = 0;
  std::string categorie;
  bool international_only = false;
  std::string summary_file;
  bool replace = false;
  std::string partner_cities;  // --villes-partenaires FICHIER
};

// The names of the *.json files already in `folder` (drafts of an earlier run, which a person
// may have corrected since).
std::set<std::string> existing_drafts(const fs::path& folder) {
  std::set<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json" && it->is_regular_file(ec)) names.insert(it->path().filename().string());
  return names;
}

// The files to read: each path given, a folder replaced by its *.csv files (any case) and its
// subfolders', sorted by name, as `check` reads a folder of dossiers: a year published month by
// month is imported whole. Hidden entries are a tool's; a link to a folder is not followed (it
// could lead back up). A folder without any CSV file is an error, not "0 ligne lue".
std::optional<std::vector<fs::path>> files_to_read(const std::vector<std::string>& paths) {
  std::vector<fs::path> files;
  std::function<bool(const fs::path&)> add_folder = [&](const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(it->path());
    if (ec) {
      std::cerr << "subsidia importe scdl : " << folder.string() << " : dossier illisible : " << ec.message() << '\n';
      return false;
    }
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    for (const fs::path& p : entries) {
      std::string name = p.filename().string();
      if (name.empty() || name.front() == '.') continue;
      for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      std::error_code type_ec;
      const fs::file_status link = fs::symlink_status(p, type_ec);
      if (fs::is_directory(fs::status(p, type_ec))) {
        if (!fs::is_symlink(link) && !add_folder(p)) return false;
        continue;
      }
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) files.push_back(p);
    }
    return true;
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.emplace_back(path);  // a missing or unreadable file is reported by the importer
      continue;
    }
    const std::size_t before = files.size();
    if (!add_folder(path)) return std::nullopt;
    if (files.size() == before) {
      std::cerr << "subsidia importe scdl : " << path << " : aucun fichier .csv dans ce dossier ni ses sous-dossiers\n";
      return std::nullopt;
    }
  }
  return files;
}

// Where the summary is asked to go: a file in an existing folder, checked before anything is
// written (the summary is written last; a mistyped folder would leave every draft written and
// the run failed).
// The engine that made the drafts, for the summary (text and --resume JSON).
std::string producer() {
  return "subsidia " + std::string(api::engine_version()) + " (commit " + std::string(api::engine_commit()) + ")";
}

std::optional<std::string> summary_file_problem(const std::string& summary_file) {
  if (summary_file.empty()) return std::nullopt;
  std::error_code ec;
  if (fs::is_directory(summary_file, ec)) return summary_file + " est un dossier, pas un fichier";
  fs::path folder = fs::path(summary_file).parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::is_directory(folder, ec)) return "le dossier " + folder.string() + " du résumé n'existe pas";
  return std::nullopt;
}

int run_import_scdl(const ImportOptions& o) {
  if (!o.output_dir.empty() && !o.format.empty()) {
    std::cerr << "subsidia importe scdl : choisir -o DOSSIER (un fichier par dossier) ou --format jsonl (sortie standard), "
                 "pas les deux\n";
    return kExitError;
  }
  if (auto problem = summary_file_problem(o.summary_file)) {
    std::cerr << "subsidia importe scdl : --resume : " << *problem << " ; rien n'est écrit\n";
    return kExitError;
  }
  const std::optional<std::vector<fs::path>> files = files_to_read(o.files);
  if (!files) return kExitError;
  // --resume naming the file read would replace the published file by the summary (review 21).
  if (auto clobber = output_clobbers_input(o.summary_file, *files)) {
    std::cerr << "subsidia importe scdl : --resume : " << *clobber << " ; rien n'est écrit\n";
    return kExitError;
  }
  scdl::ImportOptions options;
  if (o.exercice) options.exercice = o.exercice;
  if (!o.categorie.empty()) options.collectivite_categorie = o.categorie;
  options.international_only = o.international_only;

  interop::InternationalClues clues = interop::InternationalClues::builtin();
  if (!o.partner_cities.empty()) {
    std::ifstream in(o.partner_cities, std::ios::binary);
    if (!in) {
      std::cerr << "subsidia importe scdl : --villes-partenaires : " << o.partner_cities
                << " : lecture impossible (fichier absent ou illisible) ; rien n'est écrit\n";
      return kExitError;
    }
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      clues.add_partner_cities(text, o.partner_cities);
    } catch (const std::runtime_error& e) {
      std::cerr << "subsidia importe scdl : --villes-partenaires : " << e.what() << " ; rien n'est écrit\n";
      return kExitError;
    }
  }

  // A first pass writes nothing. It finds a file that cannot be read (missing, not a CSV, no
  // SCDL header): the run then stops before writing a single draft or line, rather than leave
  // the drafts of the files before it and fail (run again once corrected, those drafts would
  // stand in the way). And drafts already in the folder are not replaced silently, as a person
  // may have corrected them: the ids this run would write over stop it without --remplacer.
  std::set<std::string> existing;
  if (!o.output_dir.empty()) existing = existing_drafts(o.output_dir);
  {
    scdl::Importer dry_run(clues, options);
    std::vector<std::string> taken;
    for (const fs::path& file : *files)
      dry_run.import_file(file, [&](const scdl::DossierDraft& draft) {
        if (!o.replace && existing.contains(draft.id + ".json")) taken.push_back(draft.id + ".json");
        return true;
      });
    if (dry_run.summary().files_failed()) {
      scdl::ImportSummary summary = dry_run.summary();
      summary.producer = producer();
      summary.written = 0;  // what the files would give; nothing is written
      std::cerr << scdl::summary_text(summary);
      std::cerr << "subsidia importe scdl : un fichier au moins est illisible : rien n'est écrit (corriger la liste "
                   "des fichiers, puis relancer)\n";
      return kExitError;
    }
    if (!taken.empty()) {
      std::cerr << "subsidia importe scdl : " << output::counted(taken.size(), "brouillon", "brouillons") << " de "
                << o.output_dir
                << (output::french_plural(taken.size())
                        ? " seraient remplacés (une personne a pu les corriger depuis l'import précédent) :\n"
                        : " serait remplacé (une personne a pu le corriger depuis l'import précédent) :\n");
      for (std::size_t i = 0; i < taken.size() && i < 20; ++i)
        std::cerr << "  " << (fs::path(o.output_dir) / taken[i]).string() << '\n';
      if (taken.size() > 20) std::cerr << "  … et " << taken.size() - 20 << " de plus\n";
      std::cerr << "rien n'est écrit : importer dans un autre dossier, ou ajouter --remplacer pour les remplacer\n";
      return kExitError;
    }
  }
  if (!o.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.output_dir, ec);
    if (!fs::is_directory(o.output_dir, ec)) {
      std::cerr << "subsidia importe scdl : " << o.output_dir << " : dossier de sortie impossible à créer\n";
      return kExitError;
    }
  }

  scdl::Importer importer(clues, options);
  OutputSink out(STDOUT_FILENO);
  std::string line;
  std::optional<std::string> failure;
  std::size_t prepared = 0, files_written = 0, replaced = 0;
  auto sink = [&](const scdl::DossierDraft& draft) -> bool {
    ++prepared;
    line.clear();
    scdl::append_draft_json(line, draft);
    if (o.output_dir.empty()) {
      line += '\n';
      if (!out.write(line)) failure = "écriture sur la sortie standard impossible";
    } else {
      const std::string pretty = nlohmann::ordered_json::parse(line).dump(2) + "\n";
      const std::string name = draft.id + ".json";
      failure = reports::write_file_atomically(fs::path(o.output_dir) / name, pretty);
      if (!failure) {
        ++files_written;
        if (existing.contains(name)) ++replaced;
      }
    }
    return !failure;
  };
  for (const fs::path& file : *files) {
    if (!importer.import_file(file, sink)) break;
  }
  if (!out.flush() && !failure) failure = "écriture sur la sortie standard impossible";
  scdl::ImportSummary summary = importer.summary();
  summary.producer = producer();
  if (failure) {
    // Only what is known written is counted: each file of -o is; on standard output, what
    // went out before the failure cannot be told from what stayed in the buffer.
    summary.write_failure = *failure;
    summary.prepared = prepared;
    summary.written = o.output_dir.empty() ? 0 : files_written;
  }
  std::cerr << scdl::summary_text(summary);
  if (replaced) std::cerr << "Brouillons déjà présents remplacés (--remplacer) : " << replaced << '\n';
  if (!o.summary_file.empty()) {
    if (auto error = reports::write_file_atomically(o.summary_file, scdl::summary_json(summary))) {
      std::cerr << "subsidia importe scdl : " << *error << '\n';
      return kExitError;
    }
  }
  if (failure) {
    std::cerr << "subsidia importe scdl : " << *failure << '\n';
    return kExitError;
  }
  if (summary.files_failed()) return kExitError;
  return summary.rejected.empty() ? kExitOk : kExitFindings;
}

}  // namespace

Runner register_importe_command(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* importe = app.add_subcommand("importe", "Importe des données publiées (SCDL subventions) en dossiers à compléter.");
  importe->require_subcommand(1);
  CLI::App* command = importe->add_subcommand(
      "scdl",
      "Lit des fichiers SCDL subventions (1.x ou 2.x, tout encodage et séparateur) et fait de chaque ligne un "
      "dossier brouillon : ce que le fichier ne dit pas reste absent, chaque valeur devinée est listée avec sa "
      "raison, les candidats à l'action internationale sont signalés.");
  command->add_option("FICHIER", options->files,
                      "Fichiers CSV SCDL subventions, ou dossiers (leurs fichiers .csv et ceux de leurs sous-dossiers)")
      ->required();
  command->add_option("-o,--sortie", options->output_dir,
                      "Dossier où écrire un fichier <id>.json par dossier (chacun écrit d'un seul coup)");
  command->add_option("--format", options->format, "jsonl : une ligne JSON par dossier sur la sortie standard (par défaut)")
      ->check(CLI::IsMember({"jsonl"}));
  command->add_option("--exercice", options->exercice,
                      "Ne garder que les lignes de cet exercice ; une ligne sans année ni date le prend (noté deviné)")
      ->check(CLI::Range(1980, 2100));
  command->add_option("--collectivite-categorie", options->categorie,
                      "Catégorie de la collectivité attribuante pour toutes les lignes, au lieu de la deviner")
      ->check(CLI::IsMember({"region", "departement", "commune", "epci", "syndicat_mixte", "collectivite_outre_mer",
                             "collectivite_unique"}));
  command->add_flag("--international-seulement", options->international_only,
                    "N'écrire que les lignes où un indice d'action internationale a été trouvé (les autres sont comptées)");
  command->add_option("--villes-partenaires", options->partner_cities,
                      "Fichier CSV des villes partenaires et autorités locales étrangères de la collectivité (colonnes "
                      "ville,pays ; pays en code ISO : TD, DE…) : une ville nommée est un indice fort de ce pays");
  command->add_option("--resume", options->summary_file, "Écrire aussi le résumé complet en JSON dans ce fichier");
  command->add_flag("--remplacer", options->replace,
                    "Avec -o : remplacer les brouillons déjà présents du même identifiant (sans cette option, l'import "
                    "refuse de les écraser et n'écrit rien)");
  command->footer(
      "Exemples :\n"
      "  subsidia importe scdl poitiers-2017.csv > dossiers.jsonl\n"
      "  subsidia importe scdl --exercice 2017 --international-seulement -o brouillons/ subventions-*.csv\n"
      "  subsidia importe scdl --villes-partenaires villes-partenaires.csv poitiers-2017.csv > dossiers.jsonl\n"
      "\n"
      "Le résumé (lignes lues, écrites, rejetées avec leur ligne et leur raison, doublons, candidats) va sur la\n"
      "sortie d'erreur. Voir docs/import-export.md.\n"
      "\n"
      "Code de sortie : 0 si chaque ligne est écrite ou écartée par une option ; 1 si des lignes sont rejetées ;\n"
      "2 en cas d'erreur d'usage, de fichier illisible ou d'écriture impossible.");
  return [options, command] {
    if (!command->parsed()) return kExitError;
    return run_import_scdl(*options);
  };
}

}  // namespace subsidia::cli
