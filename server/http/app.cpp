#include "http/app.hpp"

#include <cctype>
#include <chrono>

#include "auth/tokens.hpp"
#include "http/check_batch.hpp"
#include "io/reader.hpp"
#include "reports/jaune_from_verdicts.hpp"

namespace subsidia::server::http {

namespace {
std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

App::App(ServerOptions opts, std::shared_ptr<const RuleSet> initial)
    : options(std::move(opts)), store(options.data_dir / "subsidia.sqlite"), rules(std::move(initial)) {
  // A jaune workbook is written to a temporary file of the data folder, read back and removed
  // (api_routes.cpp); a server killed meanwhile left it there for good, dossiers and all (review 30).
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(options.data_dir, ec)) {
    const std::string name = entry.path().filename().string();
    // Only the server's own names: a person's « jaune-2019.xlsx » in the folder is theirs (review 33).
    if (name.starts_with(kJauneWorkbookPrefix) && name.ends_with(".xlsx")) std::filesystem::remove(entry.path(), ec);
  }
}

bool may_write_dossiers(const std::string& role) { return role == "agent" || role == "admin"; }
bool may_read_jaune(const std::string& role) { return role == "budget" || role == "admin"; }
bool is_admin(const std::string& role) { return role == "admin"; }

std::string cookie_value(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(';'), rest.size());
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    rest = end == rest.size() ? std::string_view{} : rest.substr(end + 1);
  }
  return {};
}

std::string media_type(const httplib::Request& req) {
  std::string type = req.get_header_value("Content-Type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type;
}

std::optional<std::string> App::bearer_token(const httplib::Request& req) {
  const std::string authorization = req.get_header_value("Authorization");
  if (authorization.size() < 7 || authorization[6] != ' ') return std::nullopt;
  for (std::size_t i = 0; i < 6; ++i) {
    if (static_cast<char>(std::tolower(static_cast<unsigned char>(authorization[i]))) != "bearer"[i]) return std::nullopt;
  }
  return authorization.substr(7);
}

std::optional<store::Session> App::session_of(const httplib::Request& req) {
  const std::optional<std::string> bearer = bearer_token(req);
  const std::string token = bearer ? *bearer : cookie_value(req, kSessionCookie);
  // Our tokens are 64 hex digits: anything else is not looked up at all.
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  return store.session(auth::sha256_hex(token), now_unix());
}

bool App::behind_tls(const httplib::Request& req) const {
  return options.secure_cookies || req.get_header_value("X-Forwarded-Proto") == "https";
}

void App::set_session_cookie(const httplib::Request& req, httplib::Response& res, const std::string& token) const {
  std::string cookie = std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                       std::to_string(kSessionSeconds);
  if (behind_tls(req)) cookie += "; Secure";
  res.set_header("Set-Cookie", cookie);
}

std::pair<std::string, std::string> App::open_session(const store::User& user) {
  std::string token = auth::random_token();
  std::string csrf = auth::random_token();
  store.create_session(auth::sha256_hex(token), user.id, csrf, now_unix() + kSessionSeconds);
  return {std::move(token), std::move(csrf)};
}

store::Actor App::actor(const std::string& who, const RuleSet& set) const {
  const api::Receipt& receipt = set.engine->receipt();
  return store::Actor{who, receipt.version, receipt.fingerprint};
}

std::string App::reload(const std::string& who) {
  const std::shared_ptr<const RuleSet> before = rules.get();
  RuleSetLoad loaded = load_rule_set(options.rules, options.schema);
  if (!loaded.rules) {
    store.audit(actor(who, *before), "regles_rechargement_refuse", options.rules.string(), loaded.error);
    return loaded.error;
  }
  rules.set(loaded.rules);
  // The base's warnings go to the audit trail with the reload, where an administrator reads
  // what the new rules did.
  store.audit(actor(who, *loaded.rules), "regles_rechargees", options.rules.string(),
              "avant " + before->engine->receipt().fingerprint +
                  (loaded.warnings.empty() ? std::string() : "\n" + loaded.warnings));
  return {};
}

App::JauneOutcome App::jaune(int exercice, const RuleSet& set) {
  // Each stored dossier is read and judged again with the rules in use, exactly as
  // `subsidia jaune` does on files: the same figures for the same dossiers.
  io::DossierReader reader(set.engine->shared_schema());
  api::Engine::Scratch scratch = set.engine->scratch();
  std::vector<reports::JauneRecord> records;
  for (const auto& [id, content] : store.contents_of_year(exercice)) {
    io::ReadOutcome read = reader.read(content, "base:" + id);
    if (!read.dossier) return {std::nullopt, "dossier " + id + " illisible avec les règles en vigueur", 422};
    reports::JauneRecord record;
    record.entry = set.extractor.extract(*read.dossier);
    record.verdict = set.engine->check(*read.dossier, scratch, eval::Detail::None).verdict;
    records.push_back(std::move(record));
  }
  const std::size_t records_read = records.size();
  reports::JauneBuild built = reports::jaune_from_verdicts(exercice, std::move(records), set.zones);
  if (!built.jaune) {
    std::string error;
    for (const auto& e : built.errors) error += (error.empty() ? "" : " ; ") + e.message;
    return {std::nullopt, error, records_read == 0 ? 404 : 422};
  }
  const api::Receipt& receipt = set.engine->receipt();
  built.jaune->moteur = {receipt.version, receipt.commit, receipt.fingerprint};
  return {std::move(built.jaune), {}, 200};
}

std::size_t App::recheck_year(int exercice, const std::string& who) {
  const std::shared_ptr<const RuleSet> set = rules.get();
  SplitBody body;
  for (auto& [id, content] : store.contents_of_year(exercice)) {
    io::InputItem item;
    item.file = "base:" + id;
    item.text = std::move(content);
    body.items.push_back(std::move(item));
  }
  BatchCheck batch = check_batch(*set, body);
  return store.record_rechecks(batch.dossiers, actor(who, *set));
}

}  // namespace subsidia::server::http
