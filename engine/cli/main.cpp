// subsidia: registers the subcommands, parses argv, runs the one chosen.
// Usage errors exit with 2 (command.hpp); --help exits with 0.
#include <CLI/App.hpp>
#include <CLI/Config.hpp>
#include <CLI/Formatter.hpp>
#include <csignal>
#include <exception>
#include <iostream>
#include <malloc.h>
#include <map>
#include <string>

#include "api/version.hpp"
#include "cli/command.hpp"

int main(int argc, char** argv) {
  using namespace subsidia::cli;
  // A closed stdout (`| head`) must show up as a failed write, handled as exit 2, not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  // With -j N, outputs are allocated by workers and freed by the writer thread; glibc then
  // trims each worker arena's heap and faults the pages back in on the next batch: 220 000
  // page faults and +30 % CPU on 100 000 dossiers at -j 2 (docs/performance.md). Keeping
  // up to 64 MiB of freed memory per arena stops that; memory stays bounded by the
  // pipeline's in-flight limit.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);

  CLI::App app{"Subsidia : conformité juridique et budgétaire des actions internationales des collectivités"};
  app.require_subcommand(0, 1);
  // --version: what built this binary, as every output's receipt names it.
  app.set_version_flag("--version",
                       "subsidia " + std::string(subsidia::api::engine_version()) + " (commit " +
                           std::string(subsidia::api::engine_commit()) + ", " +
                           std::string(subsidia::api::engine_compiler()) + ")",
                       "Affiche la version, le commit et le compilateur du moteur");
  app.footer("Aide d'une commande : subsidia <commande> --help");

  std::map<std::string, Runner> runners;
  auto all = [](CLI::App*) { return true; };
  auto add = [&](Runner (*register_command)(CLI::App&)) {
    Runner runner = register_command(app);
    runners[app.get_subcommands(all).back()->get_name()] = std::move(runner);
  };
  add(register_check_command);
  add(register_test_command);
  add(register_diff_command);
  add(register_fmt_command);
  add(register_doc_command);
  add(register_jaune_command);
  add(register_importe_command);
  add(register_exporte_command);
  add(register_serve_command);
  add(register_users_command);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitError;
  }

  for (CLI::App* chosen : app.get_subcommands()) {
    auto found = runners.find(chosen->get_name());
    if (found == runners.end()) continue;
    try {
      return found->second();
    } catch (const std::exception& e) {
      std::cerr << "subsidia " << chosen->get_name() << " : erreur interne : " << e.what() << '\n';
      return kExitError;
    }
  }
  std::cerr << "subsidia : aucune commande choisie (voir subsidia --help)\n";
  return kExitError;
}
