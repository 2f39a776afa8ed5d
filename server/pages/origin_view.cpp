#include "pages/origin_view.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

#include "pages/dossier_form.hpp"
#include "pages/html.hpp"

namespace subsidia::server::pages {

namespace {

using Json = nlohmann::ordered_json;

std::string text_at(const Json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>()
                                                                               : std::string();
}

const Json* array_at(const Json& object, const char* key) {
  if (!object.is_object() || !object.contains(key) || !object[key].is_array() || object[key].empty()) return nullptr;
  return &object[key];
}

// What kind of words made a row look international (the schema's clue types).
std::string_view clue_kind_french(std::string_view type) {
  if (type == "pays") return "pays nommé";
  if (type == "gentile") return "nom d'habitants d'un pays";
  if (type == "region_du_monde") return "région du monde";
  if (type == "expression") return "expression de l'action internationale";
  if (type == "organisme") return "organisme international ou de solidarité internationale";
  if (type == "ville_partenaire") return "ville partenaire de la collectivité";
  if (type == "meme_beneficiaire") return "même bénéficiaire qu'une ligne internationale";
  if (type == "ville_etrangere") return "ville étrangère nommée";
  return type;
}

std::string international_html(const Json& international) {
  if (!international.is_object()) return {};
  std::string out = "<h3>Action internationale ?</h3>";
  const bool candidate = international.contains("candidat") && international["candidat"].is_boolean() &&
                         international["candidat"].get<bool>();
  out += candidate ? "<p>La ligne est <strong>candidate à l'action internationale</strong> : une personne confirme "
                     "(ou écarte) d'après les indices ci-dessous, qui ne sont que des mots du fichier.</p>"
                   : "<p>Aucun indice d'action internationale dans la ligne.</p>";
  const Json* clues = array_at(international, "indices");
  if (clues == nullptr) return out;
  out += "<ul>";
  for (const Json& clue : *clues) {
    if (!clue.is_object()) continue;
    const bool strong = clue.contains("fort") && clue["fort"].is_boolean() && clue["fort"].get<bool>();
    out += "<li>« " + escape(text_at(clue, "texte")) + " » : " + escape(clue_kind_french(text_at(clue, "type"))) +
           (strong ? ", <strong>indice fort</strong>" : ", indice faible (à confirmer)");
    const std::string country = text_at(clue, "pays");
    if (!country.empty()) out += ", pays <code>" + escape(country) + "</code>";
    out += "</li>";
  }
  return out + "</ul>";
}

// A value as the form shows it: a choice by its French label, with the code the file gives.
std::string shown_choice(const std::string& field, const std::string& value) {
  const std::optional<std::string> label = choice_label(field, value);
  return label ? escape(*label) + " <small>(<code>" + escape(value) + "</code>)</small>" : escape(value);
}

std::string guesses_html(const Json& origin) {
  const Json* guesses = array_at(origin, "devines");
  if (guesses == nullptr) return "<h3>Valeurs devinées</h3><p>Aucune : chaque valeur du brouillon est écrite dans le fichier.</p>";
  std::string out = "<h3>Valeurs devinées</h3><table><caption>Ce que le fichier ne dit pas en clair et que l'import a "
                    "choisi : à confirmer ou corriger avant le vote</caption><thead><tr><th scope=\"col\">Champ</th>"
                    "<th scope=\"col\">Valeur devinée</th><th scope=\"col\">Pourquoi</th></tr></thead><tbody>";
  for (const Json& guess : *guesses) {
    if (!guess.is_object()) continue;
    const std::string field = text_at(guess, "champ");
    const std::optional<std::string> label = field_label(field);
    out += "<tr><th scope=\"row\">" + (label ? escape(*label) + "<br>" : std::string()) + "<small><code>" + escape(field) +
           "</code></small></th><td>" + shown_choice(field, text_at(guess, "valeur")) + "</td><td>" + escape(text_at(guess, "raison")) +
           "</td></tr>";
  }
  return out + "</tbody></table>";
}

std::string warnings_html(const Json& origin) {
  const Json* warnings = array_at(origin, "avertissements");
  if (warnings == nullptr) return {};
  std::string out = "<h3>Avertissements sur les valeurs du fichier</h3><ul>";
  for (const Json& w : *warnings)
    if (w.is_string()) out += "<li>" + escape(w.get<std::string>()) + "</li>";
  return out + "</ul>";
}

std::string cells_html(const Json& origin) {
  const Json* cells = array_at(origin, "cellules");
  if (cells == nullptr) return {};
  std::string out = "<details><summary>La ligne du fichier, cellule par cellule (" + std::to_string(cells->size()) +
                    ")</summary><table><thead><tr><th scope=\"col\">Colonne</th><th scope=\"col\">Valeur lue</th></tr></thead><tbody>";
  for (const Json& cell : *cells)
    if (cell.is_object())
      out += "<tr><th scope=\"row\">" + escape(text_at(cell, "colonne")) + "</th><td>" + escape(text_at(cell, "valeur")) + "</td></tr>";
  return out + "</tbody></table></details>";
}

}  // namespace

std::string origin_html(const std::string& content) {
  const Json dossier = Json::parse(content, nullptr, false);
  if (!dossier.is_object() || !dossier.contains("origine") || !dossier["origine"].is_object()) return {};
  const Json& origin = dossier["origine"];
  std::string out = "<section class=\"origine\"><h2>Brouillon importé d'un fichier publié</h2><p>";
  const std::string file = text_at(origin, "fichier");
  out += file.empty() ? std::string("Fichier non nommé") : "Fichier « " + escape(file) + " »";
  if (origin.contains("ligne") && origin["ligne"].is_number_integer())
    out += ", ligne " + std::to_string(origin["ligne"].get<std::int64_t>());
  const std::string format = text_at(origin, "format");
  if (!format.empty()) out += " (" + escape(format) + ")";
  out += ". Ce que le fichier ne dit pas reste absent, et les règles le demandent comme pièce manquante.</p>";
  if (origin.contains("international")) out += international_html(origin["international"]);
  out += guesses_html(origin) + warnings_html(origin) + cells_html(origin);
  return out + "</section>";
}

}  // namespace subsidia::server::pages
