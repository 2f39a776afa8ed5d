// What the route handlers share: options, store, rule set, login throttle, and the helpers
// every handler uses (who is asking, JSON errors, roles). Internal to server/.
#pragma once

#include <httplib.h>

#include <optional>
#include <string>
#include <string_view>

#include "auth/throttle.hpp"
#include "auth/tokens.hpp"
#include "http/rule_set.hpp"
#include "http/server.hpp"
#include "reports/jaune.hpp"
#include "store/store.hpp"

namespace subsidia::server::http {

inline constexpr std::string_view kSessionCookie = "subsidia_session";
inline constexpr std::string_view kLoginCsrfCookie = "subsidia_connexion";
inline constexpr long long kSessionSeconds = 12 * 3600;

class App {
 public:
  App(ServerOptions options, std::shared_ptr<const RuleSet> rules);

  ServerOptions options;
  store::Store store;
  RuleSetHolder rules;
  auth::LoginThrottle throttle;
  auth::LoginFormTokens login_forms;

  // The token of an `Authorization: Bearer …` header (the scheme in any case, RFC 7235), if any.
  static std::optional<std::string> bearer_token(const httplib::Request& req);
  // The session of the bearer token or of the session cookie.
  std::optional<store::Session> session_of(const httplib::Request& req);
  // Sets the session cookie (HttpOnly, SameSite=Strict; Secure behind TLS).
  void set_session_cookie(const httplib::Request& req, httplib::Response& res, const std::string& token) const;
  bool behind_tls(const httplib::Request& req) const;
  // A new session for a user: its token (to hand out once) and CSRF token.
  std::pair<std::string, std::string> open_session(const store::User& user);
  store::Actor actor(const std::string& who, const RuleSet& rules) const;
  std::string reload(const std::string& who);

  // The jaune of a year over the stored dossiers, or a French error.
  struct JauneOutcome {
    std::optional<reports::Jaune> jaune;
    std::string error;
    // Without a jaune: 404 when the year has no stored dossier, 422 when its dossiers cannot make
    // one (two ids the jaune takes for one dossier; review 26: a 404 for a year of 10 dossiers).
    int status = 200;
  };
  JauneOutcome jaune(int exercice, const RuleSet& rules);
  // Re-checks every stored dossier of a year with the current rules: how many verdicts were
  // recorded (a dossier saved or deleted during the check keeps the verdict of its save).
  std::size_t recheck_year(int exercice, const std::string& who);
};

// Role checks. Who may do what: README and docs/api.md.
// The name of the temporary file a jaune workbook is written to in the data folder, followed by a
// random token and « .xlsx »; leftovers of a killed server are removed at start (App::App).
inline constexpr std::string_view kJauneWorkbookPrefix = "subsidia-jaune-en-cours-";

bool may_write_dossiers(const std::string& role);  // agent, admin
bool may_read_jaune(const std::string& role);      // budget, admin
bool is_admin(const std::string& role);

// Cookie value by name from the Cookie header, "" when absent.
std::string cookie_value(const httplib::Request& req, std::string_view name);
// The media type of Content-Type, lower case, parameters left out.
std::string media_type(const httplib::Request& req);

// The jaune of a year in a format (json, csv, xlsx, html) for the API and the pages, with
// its media type; `error` set (French) when there is none.
std::string jaune_download(App& app, int year, const std::string& format, std::string& content_type, int& status,
                           std::string& error);

void register_api_routes(httplib::Server& server, App& app);
void register_page_routes(httplib::Server& server, App& app);

}  // namespace subsidia::server::http
