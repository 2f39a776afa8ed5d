// The JSON API (docs/api.md, docs/openapi.yaml). Every answer is JSON but the jaune's
// downloads; every error is {"erreurs": [{"chemin", "message"}]} with its status.
#include <nlohmann/json.hpp>

#include <charconv>
#include <limits>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

#include "api/version.hpp"
#include "auth/passwords.hpp"
#include "auth/tokens.hpp"
#include "output/json_writer.hpp"
#include "http/app.hpp"
#include "http/check_batch.hpp"
#include "reports/id_key.hpp"
#include "reports/jaune_csv.hpp"
#include "reports/jaune_html.hpp"
#include "reports/jaune_json.hpp"
#include "reports/jaune_xlsx.hpp"

namespace subsidia::server::http {

namespace json = output::json;

namespace {

void send_json(httplib::Response& res, int status, std::string body) {
  res.status = status;
  res.set_content(std::move(body), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view message, std::string_view path = "") {
  std::string body = "{\"erreurs\":[{";
  json::append_key(body, "chemin");
  json::append_string(body, path);
  body += ',';
  json::append_key(body, "message");
  json::append_string(body, message);
  body += "}]}";
  send_json(res, status, std::move(body));
}

// The session, or a 401 already written. A request that changes something and comes with the
// session *cookie* (not a Bearer token, which a browser never adds by itself) must declare a
// JSON body, even an empty one: a form or a `text/plain` fetch from another page cannot,
// without a CORS preflight the server never grants. Without this, a bodiless POST
// (`/api/regles/recharger`, `/api/jaune/…/reverifier`) was guarded by SameSite alone.
std::optional<store::Session> require_session(App& app, const httplib::Request& req, httplib::Response& res) {
  std::optional<store::Session> session = app.session_of(req);
  if (!session) {
    res.set_header("WWW-Authenticate", "Bearer");
    send_error(res, 401, "authentification requise (POST /api/session, puis le jeton en Authorization: Bearer)");
    return session;
  }
  const bool changes = req.method != "GET" && req.method != "HEAD" && req.method != "OPTIONS";
  const bool by_cookie = !App::bearer_token(req);
  const std::string type = media_type(req);
  if (changes && by_cookie && type != "application/json" && type != "application/x-ndjson") {
    send_error(res, 415,
               "type de contenu attendu : application/json (ou application/x-ndjson), même sans corps, pour une "
               "requête qui modifie et s'authentifie par le cookie de session");
    return std::nullopt;
  }
  return session;
}

bool refuse_role(httplib::Response& res, bool allowed, std::string_view who_may) {
  if (allowed) return false;
  send_error(res, 403, "action réservée aux rôles " + std::string(who_may));
  return true;
}

// The body's dossiers, or a 415 already written.
std::optional<SplitBody> dossiers_of_body(const httplib::Request& req, httplib::Response& res) {
  const std::string type = media_type(req);
  if (type != "application/json" && type != "application/x-ndjson") {
    send_error(res, 415, "type de contenu attendu : application/json ou application/x-ndjson");
    return std::nullopt;
  }
  return split_body(req.body, type == "application/x-ndjson");
}

std::optional<int> parse_year(const std::string& text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1980 || year > 2100) return std::nullopt;
  return year;
}

void append_optional_year(std::string& out, const std::optional<int>& year) {
  if (year) json::append_integer(out, static_cast<std::uint64_t>(*year));
  else out += "null";
}

void append_summary(std::string& out, const store::DossierSummary& d) {
  out += '{';
  json::append_key(out, "id");
  json::append_string(out, d.id);
  out += ',';
  json::append_key(out, "exercice");
  append_optional_year(out, d.exercice);
  for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"objet", &d.objet},
                            {"collectivite", &d.collectivite},
                            {"montant", &d.montant},
                            {"verdict", &d.verdict},
                            {"modifie", &d.modified}}) {
    out += ',';
    json::append_key(out, key);
    json::append_string(out, *value);
  }
  out += ',';
  json::append_key(out, "version");
  json::append_integer(out, static_cast<std::uint64_t>(d.version));
  out += '}';
}

// The version an `If-Match` header names: "3", W/"3" or 3 (the ETag of GET
// /api/dossiers/{id}); nullopt without the header or with `*`. false in `ok`: unreadable.
std::optional<std::int64_t> if_match_version(const httplib::Request& req, bool& ok) {
  ok = true;
  if (!req.has_header("If-Match")) return std::nullopt;
  const std::string header = req.get_header_value("If-Match");  // a copy: the view below must not outlive it
  std::string_view v = header;
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v == "*") return std::nullopt;
  if (v.substr(0, 2) == "W/") v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  const std::optional<std::int64_t> version = store::Store::parse_version_number(v);
  ok = version.has_value();
  return version;
}

void handle_store(App& app, const httplib::Request& req, httplib::Response& res, const std::string* amend_id) {
  auto session = require_session(app, req, res);
  if (!session || refuse_role(res, may_write_dossiers(session->user.role), "agent et admin")) return;
  std::optional<SplitBody> body = dossiers_of_body(req, res);
  if (!body) return;
  const std::shared_ptr<const RuleSet> rules = app.rules.get();
  BatchCheck batch = check_batch(*rules, *body, eval::Detail::Full, CheckPurpose::Store);
  const api::Receipt& receipt = rules->engine->receipt();
  if (!batch.errors.empty()) {
    send_json(res, 400, check_document(batch, receipt));  // nothing stored: all or nothing
    return;
  }
  const store::Actor actor = app.actor(session->user.name, *rules);
  if (amend_id) {
    if (batch.dossiers.size() != 1) return send_error(res, 400, "une modification porte sur un seul dossier");
    if (batch.dossiers[0].id != *amend_id)
      return send_error(res, 400, "l'identifiant du dossier ne correspond pas à l'adresse", "/id");
    bool readable = true;
    const std::optional<std::int64_t> based_on = if_match_version(req, readable);
    if (!readable)
      return send_error(res, 400, "en-tête If-Match illisible : attendu la version lue, \"3\" (l'ETag de GET /api/dossiers/{id})");
    const store::Store::AmendOutcome outcome = app.store.amend(batch.dossiers[0], actor, based_on);
    if (outcome.status == store::Store::AmendStatus::NoSuchDossier) return send_error(res, 404, "dossier introuvable");
    if (outcome.status == store::Store::AmendStatus::Stale) {
      res.set_header("ETag", "\"" + std::to_string(outcome.current) + "\"");
      return send_error(res, 412,
                        "le dossier a changé depuis la version " + std::to_string(*based_on) + " : la version " +
                            std::to_string(outcome.current) + " est de « " + outcome.author +
                            " » ; rien n'a été enregistré (relire le dossier, refaire la modification sur la version courante)");
    }
    res.set_header("ETag", "\"" + std::to_string(outcome.current) + "\"");
    return send_json(res, 200, check_document(batch, receipt));
  }
  if (std::optional<std::string> existing = app.store.insert(batch.dossiers, actor)) {
    const std::optional<store::DossierDetail> taken = app.store.dossier(*existing);
    if (taken && taken->deleted)
      return send_error(res, 409, "le dossier « " + reports::visible_id(*existing) + " » a été supprimé : son identifiant reste pris (son historique est gardé) ; en choisir un autre ; rien n'a été enregistré", "/id");
    return send_error(res, 409, "le dossier « " + reports::visible_id(*existing) + " » existe déjà (PUT /api/dossiers/{id} pour le modifier ; "
                      "un identifiant qui n'en diffère que par des blancs, des capitales ou des accents désigne le même "
                      "dossier pour le jaune) ; rien n'a été enregistré", "/id");
  }
  send_json(res, 201, check_document(batch, receipt));
}

std::string rules_json(const RuleSet& rules) {
  std::string out = "{";
  json::append_key(out, "moteur");
  output::append_receipt_json(out, rules.engine->receipt());
  out += ",";
  json::append_key(out, "regles");
  out += '[';
  bool first_family = true;
  for (const model::RuleFamily& family : rules.engine->rules().families) {
    if (!first_family) out += ',';
    first_family = false;
    out += '{';
    json::append_key(out, "id");
    json::append_string(out, family.id);
    out += ',';
    json::append_key(out, "versions");
    out += '[';
    for (std::size_t v = 0; v < family.versions.size(); ++v) {
      const model::Rule& rule = family.versions[v];
      if (v) out += ',';
      out += '{';
      json::append_key(out, "titre");
      json::append_string(out, rule.title);
      out += ',';
      json::append_key(out, "gravite");
      json::append_string(out, rule.severity == model::Severity::Blocking ? "bloquante" : "avertissement");
      out += ',';
      json::append_key(out, "periode");
      out += '{';
      json::append_key(out, "du");
      if (rule.period.from) json::append_string(out, rule.period.from->iso());
      else out += "null";
      out += ',';
      json::append_key(out, "au");
      if (rule.period.to) json::append_string(out, rule.period.to->iso());
      else out += "null";
      out += "},";
      json::append_key(out, "sources");
      out += '[';
      for (std::size_t s = 0; s < rule.sources.size(); ++s) {
        if (s) out += ',';
        out += '{';
        json::append_key(out, "nom");
        json::append_string(out, rule.sources[s]->name);
        out += ',';
        json::append_key(out, "titre");
        json::append_string(out, rule.sources[s]->title);
        out += ',';
        json::append_key(out, "reference");
        json::append_string(out, rule.sources[s]->reference);
        out += '}';
      }
      out += "]}";
    }
    out += "]}";
  }
  out += "],";
  // What the base loaded with but an administrator should look at (docs/dsl.md, Warnings).
  json::append_key(out, "avertissements");
  out += '[';
  for (std::size_t w = 0; w < rules.warnings.size(); ++w) {
    const RuleSetWarning& warning = rules.warnings[w];
    if (w) out += ',';
    out += '{';
    json::append_key(out, "code");
    json::append_string(out, warning.code);
    out += ',';
    json::append_key(out, "fichier");
    json::append_string(out, warning.file);
    out += ',';
    json::append_key(out, "ligne");
    json::append_integer(out, warning.line);
    out += ',';
    json::append_key(out, "colonne");
    json::append_integer(out, warning.column);
    out += ',';
    json::append_key(out, "message");
    json::append_string(out, warning.message);
    out += '}';
  }
  out += "]}";
  return out;
}

}  // namespace

void register_api_routes(httplib::Server& server, App& app) {
  server.Get("/api/sante", [&app](const httplib::Request&, httplib::Response& res) {
    const auto rules = app.rules.get();
    std::string out = "{\"etat\":\"ok\",";
    json::append_key(out, "version");
    json::append_string(out, api::engine_version());
    out += ',';
    json::append_key(out, "empreinte_regles");
    json::append_string(out, rules->engine->receipt().fingerprint);
    out += '}';
    send_json(res, 200, std::move(out));
  });

  server.Post("/api/session", [&app](const httplib::Request& req, httplib::Response& res) {
    if (media_type(req) != "application/json") return send_error(res, 415, "type de contenu attendu : application/json");
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.contains("nom") || !body["nom"].is_string() || !body.contains("mot_de_passe") ||
        !body["mot_de_passe"].is_string())
      return send_error(res, 400, "attendu : {\"nom\": \"…\", \"mot_de_passe\": \"…\"}");
    const std::string name = body["nom"].get<std::string>();
    const std::string password = body["mot_de_passe"].get<std::string>();
    if (long long wait = app.throttle.wait_seconds(name, req.remote_addr); wait > 0) {
      res.set_header("Retry-After", std::to_string(wait));
      return send_error(res, 429, "trop d'échecs de connexion : réessayer dans " + std::to_string(wait) + " s");
    }
    std::optional<store::User> user = app.store.find_user(name);
    if (!auth::verify_login(password, user && user->active ? &user->password_hash : nullptr)) {
      app.throttle.failure(name, req.remote_addr);
      app.store.audit(store::Actor{name, "", ""}, "connexion_refusee", name, "adresse " + req.remote_addr);
      return send_error(res, 401, "nom ou mot de passe incorrect");
    }
    app.throttle.success(name);
    auto [token, csrf] = app.open_session(*user);
    app.set_session_cookie(req, res, token);
    std::string out = "{";
    json::append_key(out, "jeton");
    json::append_string(out, token);
    out += ',';
    json::append_key(out, "role");
    json::append_string(out, user->role);
    out += '}';
    send_json(res, 200, std::move(out));
  });

  server.Delete("/api/session", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session) return;
    const std::optional<std::string> bearer = App::bearer_token(req);
    const std::string token = bearer ? *bearer : cookie_value(req, kSessionCookie);
    app.store.delete_session(auth::sha256_hex(token));
    send_json(res, 200, "{}");
  });

  server.Post("/api/verifier", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session) return;
    std::optional<SplitBody> body = dossiers_of_body(req, res);
    if (!body) return;
    const std::shared_ptr<const RuleSet> rules = app.rules.get();
    BatchCheck batch = check_batch(*rules, *body);
    if (!batch.dossiers.empty()) app.store.record_checks(batch.dossiers, app.actor(session->user.name, *rules));
    // As `check`: reading errors are part of the answer, not a failure of the request,
    // unless the body held no dossier at all.
    send_json(res, batch.dossiers.empty() && !batch.errors.empty() ? 400 : 200,
              check_document(batch, rules->engine->receipt()));
  });

  server.Post("/api/dossiers", [&app](const httplib::Request& req, httplib::Response& res) {
    handle_store(app, req, res, nullptr);
  });

  server.Get("/api/dossiers", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session) return;
    store::DossierFilter filter;
    if (req.has_param("exercice") && !req.get_param_value("exercice").empty()) {
      filter.exercice = parse_year(req.get_param_value("exercice"));
      if (!filter.exercice) return send_error(res, 400, "exercice : une année de 1980 à 2100", "exercice");
    }
    filter.verdict = req.get_param_value("verdict");
    if (!filter.verdict.empty() && filter.verdict != "conforme" && filter.verdict != "non_conforme" &&
        filter.verdict != "incomplet")
      return send_error(res, 400, "verdict : conforme, non_conforme ou incomplet", "verdict");
    filter.query = req.get_param_value("q");
    if (const std::string from = req.get_param_value("debut"); !from.empty()) {
      auto [end, ec] = std::from_chars(from.data(), from.data() + from.size(), filter.offset);
      // SQLite counts in signed 64 bits: a larger offset wrapped round to the first page, captioned
      // « du 9223372036854775809e » (review 30).
      if (ec != std::errc{} || end != from.data() + from.size() ||
          filter.offset > static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max()))
        return send_error(res, 400, "debut : un nombre de dossiers à passer (0, 500, 1000…)", "debut");
    }
    std::string out = "{\"dossiers\":[";
    bool first = true;
    const std::vector<store::DossierSummary> rows = app.store.list(filter);
    for (const store::DossierSummary& d : rows) {
      if (!first) out += ',';
      first = false;
      append_summary(out, d);
    }
    // The true count and where this page starts: a list cut at 500 said nothing of the cut
    // (review 23). `suivant` is the `debut` of the next page, when there is one.
    const std::size_t total = app.store.count(filter);
    out += "],\"total\":" + std::to_string(total) + ",\"debut\":" + std::to_string(filter.offset);
    if (filter.offset + rows.size() < total) out += ",\"suivant\":" + std::to_string(filter.offset + rows.size());
    out += "}";
    send_json(res, 200, std::move(out));
  });

  server.Get(R"(/api/dossiers/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session) return;
    std::optional<store::DossierDetail> d = app.store.dossier(req.matches[1]);
    if (!d || d->deleted) return send_error(res, 404, "dossier introuvable");
    // The version read: sent back in If-Match, a PUT does not overwrite a later one.
    res.set_header("ETag", "\"" + std::to_string(d->summary.version) + "\"");
    std::string out = "{";
    json::append_key(out, "resume");
    append_summary(out, d->summary);
    out += ',';
    json::append_key(out, "dossier");
    out += d->content;  // stored only after the reader accepted it: valid JSON, as submitted
    out += ',';
    json::append_key(out, "resultat");
    out += d->result_json.empty() ? "null" : d->result_json;
    out += ',';
    json::append_key(out, "verifications");
    out += '[';
    for (std::size_t i = 0; i < d->checks.size(); ++i) {
      const store::CheckInfo& c = d->checks[i];
      if (i) out += ',';
      out += '{';
      json::append_key(out, "version");
      json::append_integer(out, static_cast<std::uint64_t>(c.version));
      for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"quand", &c.when},
                                {"qui", &c.who},
                                {"version_moteur", &c.engine_version},
                                {"empreinte_regles", &c.fingerprint},
                                {"verdict", &c.verdict}}) {
        out += ',';
        json::append_key(out, key);
        json::append_string(out, *value);
      }
      out += '}';
    }
    out += "],";
    json::append_key(out, "versions");
    out += '[';
    for (std::size_t i = 0; i < d->versions.size(); ++i) {
      const store::VersionInfo& v = d->versions[i];
      if (i) out += ',';
      out += '{';
      json::append_key(out, "version");
      json::append_integer(out, static_cast<std::uint64_t>(v.version));
      for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"quand", &v.when},
                                {"auteur", &v.author},
                                {"sha256", &v.sha256}}) {
        out += ',';
        json::append_key(out, key);
        json::append_string(out, *value);
      }
      out += '}';
    }
    out += "]}";
    send_json(res, 200, std::move(out));
  });

  server.Put(R"(/api/dossiers/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
    const std::string id = req.matches[1];
    handle_store(app, req, res, &id);
  });

  server.Delete(R"(/api/dossiers/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session || refuse_role(res, is_admin(session->user.role), "admin")) return;
    const auto rules = app.rules.get();
    if (!app.store.remove(req.matches[1], app.actor(session->user.name, *rules)))
      return send_error(res, 404, "dossier introuvable");
    send_json(res, 200, "{\"supprime\":true}");
  });

  server.Get(R"(/api/jaune/([^/]+))", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session || refuse_role(res, may_read_jaune(session->user.role), "budget et admin")) return;
    std::optional<int> year = parse_year(req.matches[1]);
    if (!year) return send_error(res, 400, "exercice : une année de 1980 à 2100", "exercice");
    std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    if (format != "json" && format != "csv" && format != "xlsx" && format != "html")
      return send_error(res, 400, "format : json, csv, xlsx ou html", "format");
    std::string type, error;
    int status = 200;
    std::string content = jaune_download(app, *year, format, type, status, error);
    if (!error.empty()) return send_error(res, status, error);
    // The file name is ours (year and format checked above), never taken from the request.
    res.set_header("Content-Disposition", "attachment; filename=\"jaune-" + std::to_string(*year) + "." + format + "\"");
    res.status = 200;
    res.set_content(std::move(content), type);
  });

  server.Post(R"(/api/jaune/([^/]+)/reverifier)", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session || refuse_role(res, may_read_jaune(session->user.role), "budget et admin")) return;
    std::optional<int> year = parse_year(req.matches[1]);
    if (!year) return send_error(res, 400, "exercice : une année de 1980 à 2100", "exercice");
    const std::size_t count = app.recheck_year(*year, session->user.name);
    send_json(res, 200, "{\"reverifies\":" + std::to_string(count) + "}");
  });

  server.Get("/api/regles", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session) return;
    send_json(res, 200, rules_json(*app.rules.get()));
  });

  server.Post("/api/regles/recharger", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session || refuse_role(res, is_admin(session->user.role), "admin")) return;
    std::string error = app.reload(session->user.name);
    if (!error.empty()) return send_error(res, 422, error);
    std::string out = "{";
    json::append_key(out, "empreinte_regles");
    json::append_string(out, app.rules.get()->engine->receipt().fingerprint);
    out += '}';
    send_json(res, 200, std::move(out));
  });

  server.Get("/api/audit", [&app](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(app, req, res);
    if (!session || refuse_role(res, is_admin(session->user.role), "admin")) return;
    std::string out = "{\"audit\":[";
    bool first = true;
    for (const store::AuditEntry& e : app.store.audit_log(1000)) {
      if (!first) out += ',';
      first = false;
      out += '{';
      json::append_key(out, "id");
      json::append_integer(out, static_cast<std::uint64_t>(e.id));
      for (auto [key, value] : {std::pair<std::string_view, const std::string*>{"quand", &e.when},
                                {"qui", &e.who},
                                {"action", &e.action},
                                {"objet", &e.object},
                                {"sha256", &e.sha256},
                                {"version_moteur", &e.engine_version},
                                {"empreinte_regles", &e.fingerprint},
                                {"detail", &e.detail}}) {
        out += ',';
        json::append_key(out, key);
        json::append_string(out, *value);
      }
      out += '}';
    }
    out += "]}";
    send_json(res, 200, std::move(out));
  });
}

std::string jaune_download(App& app, int year, const std::string& format, std::string& content_type, int& status,
                           std::string& error) {
  if (format != "json" && format != "csv" && format != "xlsx" && format != "html") {
    error = "format : json, csv, xlsx ou html";
    status = 400;
    return {};
  }
  const auto rules = app.rules.get();
  App::JauneOutcome outcome = app.jaune(year, *rules);
  if (!outcome.jaune) {
    error = outcome.error;
    status = outcome.status;
    return {};
  }
  if (format == "json") {
    content_type = "application/json; charset=utf-8";
    return reports::jaune_json(*outcome.jaune);
  }
  if (format == "csv") {
    content_type = "text/csv; charset=utf-8";
    return reports::jaune_csv(*outcome.jaune);
  }
  if (format == "html") {
    content_type = "text/html; charset=utf-8";
    return reports::jaune_html(*outcome.jaune);
  }
  // libxlsxwriter writes files: a private temporary one in the data folder, read back, removed.
  const std::filesystem::path file = app.options.data_dir / (std::string(kJauneWorkbookPrefix) + auth::random_token() + ".xlsx");
  // Made first, readable by the server's account alone: libxlsxwriter opens it with fopen, which
  // keeps the mode of an existing file, where a new one got 0644 and a workbook of dossiers was
  // readable by every account of the machine while written, and after a kill -9 (review 30; App
  // removes such leftovers at start).
  if (const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600); fd >= 0) ::close(fd);
  std::optional<std::string> failure = reports::write_jaune_xlsx(*outcome.jaune, file);
  std::string content;
  if (!failure) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    content = std::move(bytes).str();
  }
  std::error_code ec;
  std::filesystem::remove(file, ec);
  if (failure) {
    error = *failure;
    status = 422;  // an amount the workbook cannot show (reports/jaune_xlsx.cpp)
    return {};
  }
  content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return content;
}

}  // namespace subsidia::server::http
