#include "pages/dossier_view.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include "decimal/decimal.hpp"
#include "pages/origin_view.hpp"

namespace subsidia::server::pages {

std::string document_for(std::string_view path) {
  static const std::map<std::string, std::string, std::less<>> documents = {
      {"deliberation", "la délibération de l'organe délibérant (date, organe)"},
      {"convention", "la convention signée avec la collectivité ou l'autorité étrangère"},
      {"convention_attributive", "la convention attributive de la subvention"},
      {"beneficiaire", "les pièces du bénéficiaire (statuts, siège, catégorie)"},
      {"action", "la description de l'action (nature, pays, domaine)"},
      {"adhesion", "l'acte d'adhésion et son autorisation"},
      {"paiement", "le justificatif de paiement (mandat, date)"},
      {"interet_local", "l'exposé de l'intérêt local de l'action"},
      {"financement", "le plan de financement"},
      {"imputation", "l'imputation budgétaire (nomenclature, chapitre, fonction)"},
      {"service_public", "la pièce sur le service public concerné"},
      {"jaune", "les indications du jaune budgétaire"},
  };
  // A fact of the action's block that its description does not give: the piece that says it
  // (review 23: a missing « subvention affectée » asked for the nature, countries and domain the
  // dossier already stated).
  static const std::map<std::string, std::string, std::less<>> facts = {
      {"action.subvention_affectee",
       "la délibération ou la convention attributive qui dit si la subvention est affectée à l'action"},
      {"action.competence_invoquee", "la délibération qui dit la compétence de la collectivité sur laquelle l'action repose"},
      {"action.secteur_service_public", "la délibération du 1 % qui dit le service public concerné (eau, énergie, déchets, mobilité)"},
      {"action.domaine_technique", "la description technique de l'action (son domaine : eau, énergie, déchets, mobilité)"},
      {"action.urgence", "la délibération qui dit si l'action répond à une urgence humanitaire"},
      {"action.prise_de_position_politique", "la délibération et l'objet de l'action (prend-elle parti dans un conflit ?)"},
      {"action.reversement_a_des_tiers", "la convention ou la délibération qui dit si la subvention est reversée à des tiers"},
      {"action.partenaire_entite_non_reconnue", "la convention qui nomme le partenaire (une entité que la France ne reconnaît pas ?)"},
  };
  std::string_view trimmed = path;
  if (!trimmed.empty() && trimmed.front() == '/') trimmed.remove_prefix(1);
  std::string dotted(trimmed.substr(0, trimmed.find('[')));
  std::replace(dotted.begin(), dotted.end(), '/', '.');
  if (auto fact = facts.find(dotted); fact != facts.end()) return fact->second;
  std::string_view head = trimmed;
  head = head.substr(0, head.find_first_of("./["));
  auto found = documents.find(head);
  return found != documents.end() ? found->second : "la pièce qui établit « " + std::string(path) + " »";
}

std::string verdict_span(std::string_view code) {
  return "<span class=\"" + escape(code) + "\">" + std::string(verdict_label(code)) + "</span>";
}

std::string_view status_label(std::string_view code) {
  if (code == "respectee") return "respectée";
  if (code == "violee") return "violée";
  if (code == "indeterminee") return "indéterminée";
  if (code == "sans_objet") return "sans objet";
  return code;
}

namespace {

using Json = nlohmann::json;

std::string text_of(const Json& object, const char* key) {
  return object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : std::string();
}

// The order a finance officer reads rules in: what blocks the vote, what is missing, the
// warnings, what is met; the rules that do not apply last, folded.
int reading_rank(const Json& rule) {
  const std::string status = text_of(rule, "statut");
  const bool blocking = text_of(rule, "gravite") != "avertissement";
  if (status == "violee") return blocking ? 0 : 2;
  if (status == "indeterminee") return blocking ? 1 : 2;
  if (status == "respectee") return 3;
  return 4;
}

std::string facts_html(const Json& rule) {
  if (!rule.contains("faits") || !rule["faits"].is_object() || rule["faits"].empty()) return {};
  std::string out = "<ul>";
  for (auto it = rule["faits"].begin(); it != rule["faits"].end(); ++it) {
    const std::string value = it.value().is_string() ? it.value().get<std::string>()
                              : it.value().is_null() ? std::string("vide (null dans le dossier)")
                                                     : it.value().dump();
    out += "<li>" + escape(it.key()) + " = " + escape(value) + "</li>";
  }
  return out + "</ul>";
}

std::string notes_html(const Json& rule) {
  if (!rule.contains("notes") || !rule["notes"].is_array() || rule["notes"].empty()) return {};
  std::string out = "<p><strong>Notes des juristes :</strong></p><ul>";
  for (const Json& note : rule["notes"])
    if (note.is_string()) out += "<li>" + escape(note.get<std::string>()) + "</li>";
  return out + "</ul>";
}

std::string rule_row(const Json& rule) {
  const std::string gravity = text_of(rule, "gravite");
  return "<tr><th scope=\"row\">" + escape(text_of(rule, "titre")) + "<br><small>" + escape(text_of(rule, "id")) +
         "</small></th><td>" + escape(status_label(text_of(rule, "statut"))) +
         (gravity.empty() ? std::string() : "<br><small>" + escape(gravity) + "</small>") + "</td><td>" +
         escape(text_of(rule, "explication")) + "</td><td>" + escape(text_of(rule, "source")) + notes_html(rule) +
         "</td><td>" + facts_html(rule) + "</td></tr>";
}

constexpr std::string_view kRuleTableHead =
    "<thead><tr><th scope=\"col\">Règle</th><th scope=\"col\">Statut et gravité</th><th scope=\"col\">Explication</th>"
    "<th scope=\"col\">Sources et notes</th><th scope=\"col\">Faits utilisés</th></tr></thead><tbody>";

}  // namespace

std::string amount_french(const std::string& amount) {
  decimal::ParseError error{};
  const auto value = decimal::Decimal::parse(amount, &error);
  if (!value) return amount.empty() ? "—" : amount + " €";
  return value->to_french(std::max(2, value->scale())) + " €";
}

std::string explanation_html(const std::string& result_json, const std::string& id, const std::string& objet,
                             const std::string& verdict, const std::string& engine) {
  std::string out;
  const Json result = Json::parse(result_json, nullptr, false);
  std::string note;  // the plain text to paste into a note
  note += "Dossier " + id + " — " + objet + "\n";
  note += "Verdict : " + std::string(verdict_label(verdict));
  if (!engine.empty()) note += " (" + engine + ")";
  note += "\n";
  if (result.is_object()) {
    // Documents to ask for: one line a document, the fields it must give beside it.
    std::vector<std::pair<std::string, std::vector<std::string>>> documents;
    if (result.contains("manquants") && result["manquants"].is_array()) {
      for (const Json& m : result["manquants"]) {
        if (!m.is_string()) continue;
        const std::string doc = document_for(m.get<std::string>());
        auto found = std::find_if(documents.begin(), documents.end(), [&](const auto& e) { return e.first == doc; });
        if (found == documents.end()) documents.push_back({doc, {m.get<std::string>()}});
        else found->second.push_back(m.get<std::string>());
      }
    }
    std::array<std::vector<const Json*>, 5> ranked;
    if (result.contains("regles") && result["regles"].is_array())
      for (const Json& r : result["regles"]) ranked[static_cast<std::size_t>(reading_rank(r))].push_back(&r);

    auto note_rules = [&](const std::vector<const Json*>& rules, std::string_view heading) {
      if (rules.empty()) return;
      note += "\n" + std::string(heading) + " :\n";
      for (const Json* r : rules)
        note += "- " + text_of(*r, "titre") + " : " + text_of(*r, "explication") + " (" + text_of(*r, "source") + ")\n";
    };
    note_rules(ranked[0], "Règles non respectées (bloquantes)");
    note_rules(ranked[1], "Règles qui ne peuvent être vérifiées faute de pièces");
    note_rules(ranked[2], "Avertissements");
    if (!documents.empty()) {
      note += "\nPièces à demander :\n";
      for (const auto& [doc, fields] : documents) note += "- " + doc + "\n";
    }

    if (!documents.empty()) {
      out += "<h2>Pièces à demander</h2><ul>";
      for (const auto& [doc, fields] : documents) {
        std::string list;
        for (const std::string& f : fields) list += (list.empty() ? "" : ", ") + f;
        out += "<li>" + escape(doc) + " <small>(" + (fields.size() > 1 ? "champs " : "champ ") + escape(list) + ")</small></li>";
      }
      out += "</ul>";
    }
    out += "<h2>Note à copier</h2><p>Le verdict, les règles qui décident et les pièces à demander, en texte simple.</p>"
           "<textarea readonly rows=\"12\" cols=\"100\" aria-label=\"Note à copier\">" + escape(note) + "</textarea>";
    out += "<h2>Règles</h2><table><caption>Explication règle par règle : d'abord ce qui bloque, puis ce qui manque, "
           "les avertissements et les règles respectées</caption>" + std::string(kRuleTableHead);
    for (std::size_t rank = 0; rank < 4; ++rank)
      for (const Json* r : ranked[rank]) out += rule_row(*r);
    out += "</tbody></table>";
    if (!ranked[4].empty()) {
      out += "<details><summary>" + std::to_string(ranked[4].size()) +
             (ranked[4].size() > 1 ? " règles sans objet pour ce dossier" : " règle sans objet pour ce dossier") +
             "</summary><table>" + std::string(kRuleTableHead);
      for (const Json* r : ranked[4]) out += rule_row(*r);
      out += "</tbody></table></details>";
    }
  }
  return out;
}

std::string versions_table(const std::string& id, const std::vector<store::VersionInfo>& versions, std::int64_t current) {
  if (versions.empty()) return {};
  std::string out = "<h2>Versions du dossier</h2><table><caption>Chaque enregistrement garde le dossier tel qu'il était : "
                    "la version, ce qui a changé et le verdict d'alors</caption><thead><tr><th scope=\"col\">Version</th>"
                    "<th scope=\"col\">Enregistrée le</th><th scope=\"col\">Par</th><th scope=\"col\">SHA-256 du contenu</th>"
                    "</tr></thead><tbody>";
  const std::string base = "/dossiers/" + escape(url_encode(id)) + "/versions/";
  for (auto it = versions.rbegin(); it != versions.rend(); ++it) {
    const std::string n = std::to_string(it->version);
    out += "<tr><td><a href=\"" + base + n + "\">version " + n + "</a>" + (it->version == current ? " (courante)" : "") +
           "</td><td>" + escape(it->when) + "</td><td>" + escape(it->author) + "</td><td><code>" + escape(it->sha256) +
           "</code></td></tr>";
  }
  return out + "</tbody></table>";
}

std::string dossier_view(const store::DossierDetail& d, const PageUser& user, bool may_amend, bool may_delete,
                         const std::string& fingerprint_in_service) {
  std::string out;
  const store::DossierSummary& s = d.summary;
  out += "<p>Verdict : <strong>" + verdict_span(s.verdict) + "</strong> (version " + std::to_string(s.version) + ")";
  if (!d.checks.empty()) {
    const store::CheckInfo& last = d.checks.back();
    out += " — vérifié par Subsidia " + escape(last.engine_version) + ", base de règles <code>" + escape(last.fingerprint) +
           "</code>, le " + escape(last.when);
  }
  out += "</p>";
  // Rules reloaded since (SIGHUP, « Recharger ») may judge it otherwise: the jaune, built now, would
  // say so while this page said « conforme » (review of 3 December 2026).
  if (!d.checks.empty() && !fingerprint_in_service.empty() && d.checks.back().fingerprint != fingerprint_in_service)
    out += "<p class=\"erreur\" role=\"status\"><strong>Verdict rendu avec une base de règles remplacée depuis</strong> "
           "(base en service : <code>" + escape(fingerprint_in_service) +
           "</code>) : il peut avoir changé ; le jaune juge avec la base en service. Enregistrer le dossier à nouveau, "
           "ou « Revérifier » les dossiers de l'exercice (budget, administrateur), le juge avec elle.</p>";
  out += "<dl><dt>Objet</dt><dd>" + escape(s.objet) + "</dd><dt>Collectivité</dt><dd>" + escape(s.collectivite) +
         "</dd><dt>Exercice</dt><dd>" + (s.exercice ? std::to_string(*s.exercice) : "—") + "</dd><dt>Montant</dt><dd>" +
         escape(amount_french(s.montant)) + "</dd></dl>";
  if (may_amend) out += "<p><a href=\"/dossiers/" + escape(url_encode(s.id)) + "/modifier\">Modifier ce dossier</a></p>";

  const std::string engine =
      d.checks.empty() ? std::string() : "Subsidia " + d.checks.back().engine_version + ", règles " + d.checks.back().fingerprint;
  out += origin_html(d.content);
  out += explanation_html(d.result_json, s.id, s.objet, s.verdict, engine);
  out += versions_table(s.id, d.versions, s.version);
  out += "<h2>Historique des vérifications</h2><table><thead><tr><th scope=\"col\">Quand</th><th scope=\"col\">Qui</th>"
         "<th scope=\"col\">Version du dossier</th><th scope=\"col\">Moteur</th><th scope=\"col\">Empreinte des règles</th>"
         "<th scope=\"col\">Verdict</th></tr></thead><tbody>";
  for (const store::CheckInfo& c : d.checks)
    out += "<tr><td>" + escape(c.when) + "</td><td>" + escape(c.who) + "</td><td>" + std::to_string(c.version) +
           "</td><td>" + escape(c.engine_version) + "</td><td><code>" + escape(c.fingerprint) + "</code></td><td>" +
           verdict_span(c.verdict) + "</td></tr>";
  out += "</tbody></table><h2>Contenu (version " + std::to_string(s.version) + ")</h2><pre>" + escape(d.content) + "</pre>";
  if (may_delete)
    out += "<form method=\"post\" action=\"/dossiers/" + escape(url_encode(s.id)) + "/supprimer\">" + csrf_field(user) +
           "<button type=\"submit\">Supprimer ce dossier (suppression tracée)</button></form>";
  return out;
}

}  // namespace subsidia::server::pages
