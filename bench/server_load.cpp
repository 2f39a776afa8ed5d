// subsidia-bench-server: load on the server over loopback with a C++ client, the server in
// the same process (its own httplib worker threads), so that the client costs little and
// holds no interpreter lock: bench/server_load.py's Python clients serialise on the GIL and
// their waits end up in the latencies they measure.
//
//   subsidia-bench-server [--clients 16] [--requetes 500] [--dossier cases/…json]
//
// N clients, each on its own kept-alive connection, send M POST /api/verifier of one
// dossier and time each answer (steady_clock). Prints req/s, p50, p99 and errors; exit 1 on
// any error. Starts its own server on a free port of 127.0.0.1 over a temporary SQLite file.
#include <CLI/CLI.hpp>
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <malloc.h>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "auth/passwords.hpp"
#include "http/server.hpp"
#include "store/store.hpp"

namespace {

namespace fs = std::filesystem;
using namespace subsidia::server;
using Clock = std::chrono::steady_clock;

struct Load {
  std::vector<double> latencies_ms;
  std::size_t errors = 0;
  double seconds = 0;
};

Load run(int port, const std::string& token, const std::string& dossier, int clients, int requests) {
  Load load;
  std::mutex lock;
  std::atomic<int> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      // httplib sends a request's headers and body in two writes: with Nagle's algorithm the
      // body would wait for the server's delayed ACK (40 ms), as the server's answers did.
      client.set_tcp_nodelay(true);
      const httplib::Headers headers{{"Authorization", "Bearer " + token}};
      std::vector<double> mine;
      std::size_t errors = 0;
      mine.reserve(static_cast<std::size_t>(requests));
      ++ready;
      while (!go) std::this_thread::yield();
      for (int i = 0; i < requests; ++i) {
        const auto start = Clock::now();
        auto answer = client.Post("/api/verifier", headers, dossier, "application/json");
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (!answer || answer->status != 200) {
          ++errors;
          continue;
        }
        mine.push_back(ms);
      }
      std::lock_guard guard(lock);
      load.latencies_ms.insert(load.latencies_ms.end(), mine.begin(), mine.end());
      load.errors += errors;
    });
  }
  while (ready < clients) std::this_thread::yield();
  const auto start = Clock::now();
  go = true;
  for (auto& t : threads) t.join();
  load.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::sort(load.latencies_ms.begin(), load.latencies_ms.end());
  return load;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  // The allocator setting of subsidia's own main() (engine/cli/main.cpp), so that the server
  // measured here is the one `subsidia serve` runs.
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  const fs::path source(SUBSIDIA_SOURCE_DIR);
  int clients = 16, requests = 500;
  fs::path dossier_file = source / "cases" / "ciblage-2019-non-affectee.json";
  CLI::App app{"Charge sur subsidia serve (client C++, boucle locale)"};
  app.add_option("--clients", clients)->check(CLI::Range(1, 256));
  app.add_option("--requetes", requests)->check(CLI::Range(1, 100000));
  app.add_option("--dossier", dossier_file);
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(dossier_file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  const std::string dossier = text.str();
  std::random_device random;
  const fs::path data = fs::temp_directory_path() / ("subsidia-bench-server-" + std::to_string(random()));
  fs::create_directories(data);
  {
    store::Store store(data / "subsidia.sqlite");
    store.add_user("banc", "juriste", *auth::hash_password("mot de passe du banc"));
  }
  http::ServerOptions options;
  options.data_dir = data;
  options.port = 0;
  options.rules = source / "rules";
  options.schema = source / "rules" / "dossier.schema.json";
  http::RuleSetLoad loaded = http::load_rule_set(options.rules, options.schema);
  if (!loaded.rules) {
    std::cerr << loaded.error << '\n';
    return 2;
  }
  http::Server server(options, loaded.rules);
  if (!server.bind()) return 2;
  std::thread listening([&] { server.run(); });
  httplib::Client login("127.0.0.1", server.port());
  auto session = login.Post("/api/session", R"({"nom":"banc","mot_de_passe":"mot de passe du banc"})", "application/json");
  if (!session || session->status != 200) return 2;
  const std::string token = nlohmann::json::parse(session->body)["jeton"].get<std::string>();

  run(server.port(), token, dossier, 2, 100);  // warm-up
  int status = 0;
  for (int n : {1, clients}) {
    const Load load = run(server.port(), token, dossier, n, n == 1 ? std::max(requests, 1000) : requests);
    std::printf("%d client(s) × %zu : %.0f req/s, p50 %.2f ms, p99 %.2f ms, %zu erreur(s)\n", n,
                load.latencies_ms.size() + load.errors, static_cast<double>(load.latencies_ms.size()) / load.seconds,
                percentile(load.latencies_ms, 0.50), percentile(load.latencies_ms, 0.99), load.errors);
    if (load.errors) status = 1;
  }
  server.stop();
  listening.join();
  std::error_code ec;
  fs::remove_all(data, ec);
  return status;
}
