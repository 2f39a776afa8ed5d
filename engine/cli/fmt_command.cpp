// `subsidia fmt [--check] CHEMIN...`: the canonical layout of .regles files (workbench/fmt,
// docs/dsl.md « Mise en forme »).
//
// Without --check, every file that is not laid out canonically is rewritten in place
// (atomically) and named on stdout. With --check nothing is written: the files that would
// change are named, and the exit code is 1 if there is any. A file the parser refuses is
// reported with file:line:column and never rewritten (exit 2); the others are still handled.
#include <CLI/App.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "fmt/format_file.hpp"
#include "output/french_count.hpp"

namespace subsidia::cli {

namespace {

namespace fs = std::filesystem;

struct FmtOptions {
  bool check = false;
  std::vector<std::string> paths;
};

int run_fmt(const FmtOptions& options) {
  std::size_t changed = 0, errors = 0;
  for (const std::string& path : options.paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      std::cerr << path << ": erreur : chemin introuvable\n";
      ++errors;
      continue;
    }
    for (const fs::path& file : workbench::fmt::rule_files(path)) {
      const workbench::fmt::FileResult result = workbench::fmt::format_file(file, !options.check);
      switch (result.outcome) {
        case workbench::fmt::FileOutcome::Unchanged: break;
        case workbench::fmt::FileOutcome::Changed:
          ++changed;
          std::cout << file.string() << '\n';
          break;
        case workbench::fmt::FileOutcome::Error:
          ++errors;
          std::cerr << result.error;
          break;
      }
    }
  }
  std::cout.flush();
  if (options.check && changed > 0)
    std::cerr << "subsidia fmt : " << output::counted(changed, "fichier", "fichiers")
              << " à mettre en forme (subsidia fmt CHEMIN)\n";
  if (errors > 0) return kExitError;
  return options.check && changed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

Runner register_fmt_command(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* command = app.add_subcommand(
      "fmt", "Met les fichiers .regles en forme canonique : indentation, une clause par ligne, conditions "
             "longues coupées avant et/ou, messages à 100 colonnes, commentaires gardés.");
  command->add_flag("--check", options->check,
                    "N'écrit rien : liste les fichiers qui changeraient (code de sortie 1 s'il y en a)");
  command->add_option("CHEMIN", options->paths, "Fichier .regles ou dossier (tous ses .regles)")->required();
  command->footer(
      "Exemples :\n"
      "  subsidia fmt rules\n"
      "  subsidia fmt --check rules\n"
      "\n"
      "Un fichier que l'analyseur refuse est signalé (fichier:ligne:colonne) et n'est jamais réécrit.\n"
      "Code de sortie : 0 ; 1 avec --check si un fichier changerait ; 2 en cas d'erreur.");
  return [options] { return run_fmt(*options); };
}

}  // namespace subsidia::cli
