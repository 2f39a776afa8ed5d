#include "pages/version_view.hpp"

#include <nlohmann/json.hpp>

#include "pages/content_changes.hpp"
#include "pages/dossier_form.hpp"
#include "pages/dossier_view.hpp"
#include "pages/html.hpp"

namespace subsidia::server::pages {

namespace {

std::string shown_or_absent(const std::optional<std::string>& value) {
  return value ? escape(*value) : std::string("<em>absent</em>");
}

// The table of what changed from the version before, or why there is none.
std::string changes_html(const store::VersionDetail& v) {
  const std::int64_t n = v.info.version;
  if (n <= 1) return "<p>Première version du dossier : il a été créé ainsi.</p>";
  if (!v.previous_content) return "<p class=\"erreur\">La version " + std::to_string(n - 1) + " n'est pas dans la base.</p>";
  const auto changes = content_changes(*v.previous_content, v.content);
  if (!changes) return "<p class=\"erreur\">Le contenu d'une des deux versions n'est pas du JSON lisible.</p>";
  if (changes->empty())
    return "<p>Aucun fait n'a changé depuis la version " + std::to_string(n - 1) +
           " : le texte enregistré ne diffère que par sa mise en forme.</p>";
  std::string out = "<table><caption>" + std::to_string(changes->size()) +
                    (changes->size() > 1 ? " faits changés" : " fait changé") + " depuis la version " +
                    std::to_string(n - 1) + "</caption><thead><tr><th scope=\"col\">Champ</th><th scope=\"col\">Avant "
                    "(version " + std::to_string(n - 1) + ")</th><th scope=\"col\">Après (version " + std::to_string(n) +
                    ")</th></tr></thead><tbody>";
  for (const ContentChange& c : *changes) {
    const std::optional<std::string> label = field_label(c.path);
    out += "<tr><th scope=\"row\">" + (label ? escape(*label) + "<br>" : std::string()) + "<small><code>" + escape(c.path) +
           "</code></small></th><td>" + shown_or_absent(c.before) + "</td><td>" + shown_or_absent(c.after) + "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string objet_of(const std::string& content) {
  const nlohmann::json j = nlohmann::json::parse(content, nullptr, false);
  if (j.is_object() && j.contains("objet") && j["objet"].is_string()) return j["objet"].get<std::string>();
  return {};
}

}  // namespace

std::string version_view(const std::string& id, const store::VersionDetail& v) {
  const std::int64_t n = v.info.version;
  const std::string base = "/dossiers/" + escape(url_encode(id));
  std::string out = "<p>Version " + std::to_string(n) + " du dossier <a href=\"" + base + "\">" + escape(id) +
                    "</a>, enregistrée le " + escape(v.info.when) + " par " + escape(v.info.author) + " ; ";
  out += n == v.current ? std::string("c'est sa version courante.")
                        : "sa version courante est la " + std::to_string(v.current) + ".";
  out += "<br><small>SHA-256 du contenu : <code>" + escape(v.info.sha256) + "</code></small></p><nav aria-label=\"Versions\"><p>";
  if (n > 1) out += "<a href=\"" + base + "/versions/" + std::to_string(n - 1) + "\">← version " + std::to_string(n - 1) + "</a> ";
  if (n < v.current) out += "<a href=\"" + base + "/versions/" + std::to_string(n + 1) + "\">version " + std::to_string(n + 1) + " →</a>";
  out += "</p></nav>";

  out += "<h2>Ce qui a changé</h2>" + changes_html(v);

  out += "<h2>Verdict de cette version</h2>";
  if (!v.check) {
    out += "<p>Cette version n'a pas été vérifiée telle quelle.</p>";
  } else {
    const store::CheckInfo& c = *v.check;
    out += "<p>Verdict : <strong>" + verdict_span(c.verdict) + "</strong> — vérifié par Subsidia " + escape(c.engine_version) +
           ", base de règles <code>" + escape(c.fingerprint) + "</code>, le " + escape(c.when) + " (" + escape(c.who) +
           "). C'est le verdict rendu avec les règles en service ce jour-là.</p>";
    out += explanation_html(v.result_json, id, objet_of(v.content), c.verdict,
                            "Subsidia " + c.engine_version + ", règles " + c.fingerprint + ", version " + std::to_string(n) +
                                " du dossier");
  }
  out += "<h2>Contenu (version " + std::to_string(n) + ")</h2><pre>" + escape(v.content) + "</pre>";
  return out;
}

}  // namespace subsidia::server::pages
