// `subsidia serve [--donnees DIR] [--ecoute ADRESSE:PORT] [--regles DIR]`: the HTTP server
// (server/). Signals are taken by one thread with sigwait, never in a handler: SIGTERM and
// SIGINT stop the server cleanly (requests in progress finish, SQLite is closed), SIGHUP
// reloads the rule base (the one in use stays when the new one has errors).
#include <CLI/App.hpp>
#include <CLI/Validators.hpp>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <pthread.h>
#include <string>
#include <thread>

#include "cli/command.hpp"
#include "cli/paths.hpp"
#include "cli/rule_loading.hpp"
#include "http/server.hpp"

namespace subsidia::cli {

namespace {

struct ServeOptions {
  RuleOptions rules;
  std::string data_dir = ".";
  std::string listen = "127.0.0.1:8080";
  std::size_t max_body_mb = 10;
  bool secure_cookies = false;
  int threads = 32;
};

int run_serve(const ServeOptions& options) {
  const std::size_t colon = options.listen.rfind(':');
  int port = -1;
  try {
    if (colon != std::string::npos) port = std::stoi(options.listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (colon == std::string::npos || port < 0 || port > 65535) {
    std::cerr << "subsidia serve : --ecoute attend ADRESSE:PORT (par exemple 127.0.0.1:8080)\n";
    return kExitError;
  }
  std::string host = options.listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);

  server::http::ServerOptions server_options;
  server_options.data_dir = options.data_dir;
  server_options.host = host;
  server_options.port = port;
  server_options.rules = options.rules.rules.empty() ? default_rules_dir() : options.rules.rules;
  server_options.schema =
      options.rules.schema.empty() ? default_schema_for(server_options.rules) : options.rules.schema;
  server_options.max_body = options.max_body_mb * 1024 * 1024;
  server_options.secure_cookies = options.secure_cookies;
  server_options.threads = options.threads;

  std::error_code ec;
  std::filesystem::create_directories(server_options.data_dir, ec);
  server::http::RuleSetLoad loaded = server::http::load_rule_set(server_options.rules, server_options.schema);
  if (!loaded.rules) {
    std::cerr << loaded.error;
    return kExitError;
  }
  std::cerr << loaded.warnings;
  const std::string fingerprint = loaded.rules->engine->receipt().fingerprint;

  // Blocked before any thread starts, so every thread inherits the mask and only the
  // signal thread below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<server::http::Server> server;
  try {
    server = std::make_unique<server::http::Server>(server_options, loaded.rules);
  } catch (const std::exception& e) {
    std::cerr << "subsidia serve : " << e.what() << '\n';
    return kExitError;
  }
  if (!server->bind()) {
    std::cerr << "subsidia serve : impossible d'écouter sur " << options.listen << '\n';
    return kExitError;
  }
  // Stored ids the jaune takes for one dossier (after a change of the id key): said at start, for
  // the admin to merge or rename them before the year's jaune is asked for.
  for (const std::string& group : server->ids_sharing_a_key())
    std::cerr << "subsidia serve : attention, dossiers enregistrés sous des identifiants que le jaune confond : " << group
              << " ; le jaune de leur exercice est refusé tant que l'un n'est pas renommé ou supprimé\n";
  // One line a supervisor or a test can read: where to connect.
  std::cout << "subsidia serve : à l'écoute sur http://" << options.listen.substr(0, colon) << ':' << server->port()
            << " (données " << (server_options.data_dir / "subsidia.sqlite").string() << ", règles " << fingerprint
            << ")" << std::endl;

  std::thread signal_thread([&] {
    for (;;) {
      int signal = 0;
      if (sigwait(&signals, &signal) != 0) continue;
      if (signal == SIGHUP) {
        const std::string error = server->reload("(SIGHUP)");
        if (error.empty()) std::cerr << "subsidia serve : règles rechargées\n";
        else std::cerr << "subsidia serve : rechargement refusé, les règles en service restent :\n" << error;
        continue;
      }
      std::cerr << "subsidia serve : arrêt demandé\n";
      server->stop();
      return;
    }
  });
  server->run();
  // run() also returns when listening fails: make the signal thread leave too.
  pthread_kill(signal_thread.native_handle(), SIGTERM);
  signal_thread.join();
  return kExitOk;
}

}  // namespace

Runner register_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command = app.add_subcommand("serve", "Serveur web : API JSON et pages de saisie, de vérification et du jaune");
  add_rule_options(*command, options->rules);
  command->add_option("--donnees", options->data_dir, "Dossier des données (base DIR/subsidia.sqlite) ; . par défaut");
  command->add_option("--ecoute", options->listen, "ADRESSE:PORT d'écoute ; 127.0.0.1:8080 par défaut (port 0 : libre)");
  command->add_option("--corps-max", options->max_body_mb, "Taille maximale d'un corps de requête, en Mo (10)")
      ->check(CLI::Range(1, 4096));
  command->add_option("--fils", options->threads, "Fils de traitement des connexions (32)")->check(CLI::Range(2, 1024));
  command->add_flag("--tls", options->secure_cookies,
                    "Derrière un mandataire TLS : cookies Secure même sans en-tête X-Forwarded-Proto");
  command->footer(
      "Exemple :\n"
      "  subsidia utilisateurs ajouter alice --role admin --donnees /var/lib/subsidia\n"
      "  subsidia serve --donnees /var/lib/subsidia --ecoute 127.0.0.1:8080\n"
      "\n"
      "SIGTERM arrête proprement ; SIGHUP recharge la base de règles. Voir docs/api.md.");
  return [options] { return run_serve(*options); };
}

}  // namespace subsidia::cli
