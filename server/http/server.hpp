// `subsidia serve`: the HTTP server (cpp-httplib) over the store and the rule base.
//
//   Server server(options, rules);   // opens DIR/subsidia.sqlite, migrates it
//   server.bind();                   // false: address taken or invalid
//   server.run();                    // until stop() (SIGTERM)
//   server.reload("admin") from another thread: loads the rules again, swaps them atomically.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "http/rule_set.hpp"

namespace subsidia::server::http {

struct ServerOptions {
  std::filesystem::path data_dir = ".";
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0: any free port (printed when listening)
  std::filesystem::path rules;           // what the rule set was loaded from, to reload it
  std::filesystem::path schema;
  std::size_t max_body = 10 * 1024 * 1024;
  bool secure_cookies = false;           // set behind TLS even without X-Forwarded-Proto
  int threads = 32;                      // a thread per open connection (keep-alive)
};

class App;

class Server {
 public:
  Server(ServerOptions options, std::shared_ptr<const RuleSet> rules);
  ~Server();
  bool bind();
  int port() const;  // the bound port
  // Stored dossiers whose ids the jaune takes for one (store::Store::ids_sharing_a_key), each group
  // as « « A » et « B » », for the start-up message: after a change of the id key (migration 4),
  // the admin learns of them before the budget office finds its jaune refused (review 26).
  std::vector<std::string> ids_sharing_a_key() const;
  void run();
  void stop();
  // "" on success, else the French errors (the rules in use stay).
  std::string reload(const std::string& who);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace subsidia::server::http
