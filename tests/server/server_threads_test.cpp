// The server's multi-threaded paths in one process, so that the tsan preset (label
// "threads") watches them: httplib's worker threads answering concurrent checks and list
// reads over one SQLite store, while another thread reloads the rule base (the atomic swap
// of the shared RuleSet). Every answer must be a 200 with the check's own document.
#include <gtest/gtest.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "auth/passwords.hpp"
#include "http/server.hpp"
#include "store/store.hpp"

namespace subsidia::server::http {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ServerThreads, ConcurrentChecksListsAndAReloadAllAnswer) {
  const fs::path source(SUBSIDIA_TEST_SOURCE_DIR);
  std::random_device random;
  const fs::path data = fs::temp_directory_path() / ("subsidia-server-threads-" + std::to_string(random()));
  fs::create_directories(data);
  {
    store::Store store(data / "subsidia.sqlite");
    const auto hash = auth::hash_password("mot de passe solide");
    ASSERT_TRUE(hash.has_value());
    ASSERT_TRUE(store.add_user("agent", "agent", *hash));
  }
  ServerOptions options;
  options.data_dir = data;
  options.port = 0;
  options.rules = source / "rules";
  options.schema = source / "rules" / "dossier.schema.json";
  options.threads = 8;
  RuleSetLoad loaded = load_rule_set(options.rules, options.schema);
  ASSERT_TRUE(loaded.rules) << loaded.error;
  Server server(options, loaded.rules);
  ASSERT_TRUE(server.bind());
  std::thread listening([&] { server.run(); });
  const int port = server.port();

  httplib::Client login("127.0.0.1", port);
  auto session = login.Post("/api/session", R"({"nom":"agent","mot_de_passe":"mot de passe solide"})", "application/json");
  ASSERT_TRUE(session);
  ASSERT_EQ(session->status, 200) << session->body;
  const std::string token = nlohmann::json::parse(session->body)["jeton"].get<std::string>();
  const std::string dossier = slurp(source / "cases" / "er-de-2006.json");

  constexpr int kClients = 6, kRequests = 25;
  std::atomic<int> failures{0}, answered{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      httplib::Client client("127.0.0.1", port);
      client.set_keep_alive(true);
      const httplib::Headers headers{{"Authorization", "Bearer " + token}};
      for (int i = 0; i < kRequests; ++i) {
        auto answer = (c % 3 == 2) ? client.Get("/api/dossiers", headers)
                                   : client.Post("/api/verifier", headers, dossier, "application/json");
        if (!answer || answer->status != 200) {
          ++failures;
          continue;
        }
        if (c % 3 != 2 && nlohmann::json::parse(answer->body)["resume"]["conforme"] != 1) ++failures;
        ++answered;
      }
    });
  }
  // Two reloads while the checks run: each request keeps the rule set it started with.
  for (int r = 0; r < 2; ++r) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_EQ(server.reload("test"), "");
  }
  for (auto& t : clients) t.join();
  server.stop();
  listening.join();
  std::error_code ec;
  fs::remove_all(data, ec);
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(answered.load(), kClients * kRequests);
}

}  // namespace
}  // namespace subsidia::server::http
