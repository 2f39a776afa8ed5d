#include "pages/dossier_form.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cctype>
#include <cstdio>
#include <set>
#include <span>

#include "decimal/decimal.hpp"

namespace subsidia::server::pages {

namespace {

using Json = nlohmann::ordered_json;

// ---- What the form asks -------------------------------------------------------------------

enum class Kind { Text, Integer, Money, Share, Date, Choice, YesNo, Country, CountryList };

struct Choice {
  std::string_view value, label;
};

struct FieldSpec {
  std::string_view path;   // JSON path with dots; "[]" marks the rows of an array ("financement.plan[].part")
  std::string_view label;
  Kind kind = Kind::Text;
  std::span<const Choice> choices = {};
};

struct Section {
  std::string_view legend;
  std::span<const FieldSpec> fields;
  std::string_view rows_of = {};  // the array whose rows the fields describe ("financement.plan"), or ""
  int rows = 0;
};

constexpr Choice kInterventions[] = {{"subvention", "Subvention"},
                                     {"participation", "Participation"},
                                     {"cotisation", "Cotisation ou adhésion"},
                                     {"marche_groupement", "Marché ou groupement de commandes"},
                                     {"depense_directe", "Dépense directe"}};
constexpr Choice kCategories[] = {{"region", "Région"},
                                  {"departement", "Département"},
                                  {"commune", "Commune"},
                                  {"epci", "EPCI (communauté, métropole…)"},
                                  {"syndicat_mixte", "Syndicat mixte"},
                                  {"collectivite_outre_mer", "Collectivité d'outre-mer"},
                                  {"collectivite_unique", "Collectivité unique (Corse, Guyane, Martinique)"},
                                  {"metropole_de_lyon", "Métropole de Lyon"},
                                  {"ile_de_france_mobilites", "Île-de-France Mobilités"}};
constexpr Choice kOrgans[] = {{"assemblee", "Assemblée délibérante"},
                              {"conseil_municipal", "Conseil municipal"},
                              {"commission_permanente", "Commission permanente"},
                              {"bureau", "Bureau"},
                              {"executif_delegation", "Exécutif, par délégation"}};
constexpr Choice kDelegationGrounds[] = {
    {"fonds_europeens_autorite_de_gestion", "Fonds européens, autorité de gestion (CGCT L4221-5)"}};
constexpr Choice kBeneficiaries[] = {{"association", "Association"},
                                     {"fondation", "Fondation"},
                                     {"ong_internationale", "ONG internationale"},
                                     {"etablissement_public", "Établissement public"},
                                     {"collectivite_francaise", "Collectivité française"},
                                     {"entreprise", "Entreprise"},
                                     {"autorite_locale_etrangere", "Autorité locale étrangère"},
                                     {"etat_etranger", "État étranger"},
                                     {"organisation_internationale", "Organisation internationale"},
                                     {"personne_physique", "Personne physique"}};
constexpr Choice kNatures[] = {{"cooperation", "Coopération"},
                               {"aide_au_developpement", "Aide au développement"},
                               {"humanitaire", "Action humanitaire"},
                               {"promotion_economique", "Promotion économique"},
                               {"culture_rayonnement", "Culture et rayonnement"},
                               {"enseignement_recherche", "Enseignement et recherche"},
                               {"mobilite_jeunesse", "Mobilité des jeunes"},
                               {"representation_europeenne", "Représentation européenne"},
                               {"autre", "Autre"}};  // in the schema's enum (review 23: only as JSON)
constexpr Choice kDomains[] = {{"solidarite_internationale", "Solidarité internationale"},
                               {"cooperation_decentralisee", "Coopération décentralisée"},
                               {"export", "Export"},
                               {"animation_regionale_francophonie", "Animation régionale, francophonie"},
                               {"rayonnement_international", "Rayonnement international"}};
constexpr Choice kPublicServices[] = {{"eau_assainissement", "Eau et assainissement"},
                                      {"electricite_gaz", "Électricité et gaz"},
                                      {"dechets", "Déchets"},
                                      {"mobilite", "Mobilité"}};
constexpr Choice kTechnicalFields[] = {{"eau_assainissement", "Eau et assainissement"},
                                       {"electricite_gaz", "Électricité et gaz"},
                                       {"dechets", "Déchets"},
                                       {"mobilite", "Mobilité"},
                                       {"autre", "Autre"}};
constexpr Choice kConvention[] = {{"aucune", "Aucune : l'action est hors convention"},
                                  {"oui", "Oui, décrite ci-dessous"}};
constexpr Choice kPartners[] = {{"autorite_locale_etrangere", "Autorité locale étrangère"},
                                {"etat_etranger", "État étranger"},
                                {"groupement_etranger", "Groupement étranger"},
                                {"organisation_internationale", "Organisation internationale"}};
constexpr Choice kDerogations[] = {{"aucun", "Aucun"},
                                   {"creation_gect", "Création d'un GECT"},
                                   {"creation_gec", "Création d'un GEC"},
                                   {"creation_glct", "Création d'un GLCT"},
                                   {"cas_prevu_par_la_loi", "Cas prévu par la loi"},
                                   {"application_accord_international", "Application d'un accord international"},
                                   {"programme_organisation_internationale", "Programme d'une organisation internationale"},
                                   {"autre_groupement_cooperation", "Autre groupement de coopération"}};
constexpr Choice kLocalInterest[] = {{"siege_dans_territoire", "Siège dans le territoire"},
                                     {"adherents_majoritairement_locaux", "Adhérents majoritairement locaux"},
                                     {"sensibilisation_population_locale", "Sensibilisation de la population locale"},
                                     {"retombees_economiques_locales", "Retombées économiques locales"},
                                     {"partenariat_acteurs_locaux", "Partenariat avec des acteurs locaux"},
                                     {"lien_population_locale", "Lien avec la population locale"},
                                     {"rayonnement_du_territoire", "Rayonnement du territoire"}};
constexpr Choice kNomenclatures[] = {{"M57", "M57"}, {"M52", "M52"}, {"M71", "M71"}, {"M14", "M14"}};
constexpr Choice kSections[] = {{"fonctionnement", "Fonctionnement"}, {"investissement", "Investissement"}};

constexpr FieldSpec kDossier[] = {
    {"id", "Identifiant du dossier (par exemple le numéro de la délibération)"},
    {"exercice", "Exercice (année)", Kind::Integer},
    {"objet", "Objet"},
    {"type_intervention", "Type d'intervention", Kind::Choice, kInterventions},
    {"montant", "Montant engagé cette année (en euros, par exemple 12 000,50)", Kind::Money}};
constexpr FieldSpec kCollectivite[] = {
    {"collectivite.nom", "Nom"},
    {"collectivite.categorie", "Catégorie", Kind::Choice, kCategories},
    {"collectivite.code_insee", "Code INSEE"},
    {"collectivite.budget_total", "Budget total voté de l'exercice (euros)", Kind::Money}};
constexpr FieldSpec kDeliberation[] = {
    {"deliberation.organe", "Organe qui a délibéré", Kind::Choice, kOrgans},
    {"deliberation.date", "Date de la délibération (JJ/MM/AAAA)", Kind::Date},
    {"deliberation.reference", "Référence de la délibération"},
    {"deliberation.date_publication", "Date de publication ou de notification", Kind::Date},
    {"deliberation.date_transmission_prefet", "Date de transmission au préfet", Kind::Date},
    {"deliberation.fondement_delegation", "Si l'exécutif a décidé seul : texte qui le permet", Kind::Choice,
     kDelegationGrounds},
    {"deliberation.conseillers_interesses", "Des élus sont-ils intéressés à l'affaire ?", Kind::YesNo},
    {"deliberation.conseillers_interesses_ont_vote", "Ces élus ont-ils pris part au vote ou au débat ?", Kind::YesNo}};
constexpr FieldSpec kBeneficiaire[] = {
    {"beneficiaire.nom", "Nom"},
    {"beneficiaire.categorie", "Catégorie", Kind::Choice, kBeneficiaries},
    {"beneficiaire.pays", "Pays du bénéficiaire (code ISO : FR, SN…)", Kind::Country},
    {"beneficiaire.siege.pays", "Pays du siège (code ISO)", Kind::Country},
    {"beneficiaire.activite_politique", "L'association a-t-elle aussi une activité politique ou militante ?", Kind::YesNo},
    {"beneficiaire.adherents.total", "Nombre d'adhérents", Kind::Integer},
    {"beneficiaire.adherents.dans_territoire", "Dont habitant le territoire de la collectivité", Kind::Integer}};
constexpr FieldSpec kAction[] = {
    {"action.nature", "Nature de l'action", Kind::Choice, kNatures},
    {"action.domaine", "Domaine d'action internationale", Kind::Choice, kDomains},
    {"action.pays", "Pays où l'action a lieu (codes ISO séparés par des virgules : SN, ML ; FR pour la France)",
     Kind::CountryList},
    {"action.urgence", "Action humanitaire d'urgence ?", Kind::YesNo},
    {"action.subvention_affectee", "Subvention affectée à une action définie ?", Kind::YesNo},
    {"action.prise_de_position_politique",
     "L'action prend-elle parti dans un conflit politique à l'étranger ? (non renseigné : aucune prise de position "
     "déclarée ; la règle ne juge que ce qui est déclaré)",
     Kind::YesNo},
    {"action.partenaire_entite_non_reconnue",
     "Un partenaire relève-t-il d'une entité que la France ne reconnaît pas ? (non renseigné : aucun partenaire de "
     "ce genre déclaré)",
     Kind::YesNo},
    {"action.reversement_a_des_tiers", "Le bénéficiaire reverse-t-il tout ou partie de la subvention ?", Kind::YesNo},
    {"action.competence_invoquee", "Compétence de la collectivité sur laquelle repose l'action (si L1115-1 ne suffit pas)"},
    {"action.secteur_service_public", "Budget de service public qui finance l'action (dispositifs du 1 %)", Kind::Choice,
     kPublicServices},
    {"action.domaine_technique", "Domaine technique de l'action (dispositifs du 1 %)", Kind::Choice, kTechnicalFields}};
constexpr FieldSpec kConventionFields[] = {
    {"convention", "Convention avec une collectivité ou une autorité étrangère", Kind::Choice, kConvention},
    {"convention.partenaire.nom", "Partenaire : nom"},
    {"convention.partenaire.categorie", "Partenaire : catégorie", Kind::Choice, kPartners},
    {"convention.partenaire.pays", "Partenaire : pays (code ISO)", Kind::Country},
    {"convention.objet", "Objet de la convention"},
    {"convention.montant_previsionnel", "Montant prévisionnel (euros)", Kind::Money},
    {"convention.date_signature", "Date de signature", Kind::Date},
    {"convention.date_transmission_prefet", "Date de transmission au préfet", Kind::Date},
    {"convention.cadre_derogatoire", "Avec un État étranger : cadre dérogatoire (CGCT L1115-5)", Kind::Choice,
     kDerogations},
    {"convention.date_autorisation_prefet", "Date de l'autorisation préalable du préfet", Kind::Date}};
constexpr FieldSpec kConventionAttributive[] = {
    {"convention_attributive.date_signature", "Date de signature", Kind::Date},
    {"convention_attributive.objet", "Objet de la subvention selon la convention"},
    {"convention_attributive.montant", "Montant de la convention (euros)", Kind::Money},
    {"convention_attributive.conditions_utilisation", "Fixe-t-elle les conditions d'utilisation ?", Kind::YesNo},
    {"convention_attributive.reversement_autorise", "Autorise-t-elle le reversement à des tiers ?", Kind::YesNo}};
constexpr FieldSpec kAdhesion[] = {
    {"adhesion.organisme_de_droit_etranger", "L'organisme est-il de droit étranger ?", Kind::YesNo},
    {"adhesion.date_autorisation", "Date de l'autorisation (décret ou arrêté du préfet)", Kind::Date},
    {"paiement.date_premier_versement", "Date du premier versement", Kind::Date}};
constexpr FieldSpec kInteretLocalRow[] = {
    {"interet_local.indices[].type", "Indice", Kind::Choice, kLocalInterest},
    {"interet_local.indices[].description", "Description"},
    {"interet_local.indices[].piece", "Pièce justificative"}};
constexpr FieldSpec kFinancement[] = {{"financement.cout_total", "Coût total de l'action (euros)", Kind::Money}};
constexpr FieldSpec kPlanRow[] = {
    {"financement.plan[].financeur", "Financeur"},
    {"financement.plan[].part", "Part (0,20 ou 20 %)", Kind::Share},
    {"financement.plan[].montant", "Montant (euros)", Kind::Money},
    {"financement.plan[].demandeur", "Ligne de la collectivité ?", Kind::YesNo}};
constexpr FieldSpec kImputation[] = {
    {"imputation.nomenclature", "Nomenclature", Kind::Choice, kNomenclatures},
    {"imputation.section", "Section", Kind::Choice, kSections},
    {"imputation.chapitre", "Chapitre (930, 65, 204…)"},
    {"imputation.fonction", "Fonction (048…)"},
    {"imputation.nature", "Compte par nature (6574, 204182…)"},
    {"imputation.programme", "Programme"},
    {"imputation.action", "Action"},
    {"imputation.autorisation_engagement", "Autorisation d'engagement ou de programme (euros)", Kind::Money}};
constexpr FieldSpec kServicePublic[] = {
    {"service_public.ressources_budget_service", "Ressources du budget du service (euros)", Kind::Money},
    {"service_public.cumul_actions_internationales", "Actions internationales déjà imputées sur ce budget (euros)",
     Kind::Money},
    {"service_public.versement_mobilite", "Dont versement mobilité (euros)", Kind::Money}};
constexpr FieldSpec kJaune[] = {
    {"jaune.secteur", "Secteur budgétaire qui gère l'action"},
    {"jaune.operation_exceptionnelle", "Opération exceptionnelle (pour mémoire, hors total) ?", Kind::YesNo},
    {"jaune.hors_perimetre", "Hors du périmètre du jaune ?", Kind::YesNo}};

constexpr int kPlanRows = 6;
constexpr int kInterestRows = 4;

constexpr Section kSections_[] = {
    {"Le dossier", kDossier},
    {"La collectivité", kCollectivite},
    {"La délibération", kDeliberation},
    {"Le bénéficiaire", kBeneficiaire},
    {"L'action", kAction},
    {"La convention avec le partenaire étranger", kConventionFields},
    {"La convention attributive de la subvention", kConventionAttributive},
    {"Adhésion à un organisme étranger, paiement", kAdhesion},
    {"L'intérêt local (indices et pièces)", kInteretLocalRow, "interet_local.indices", kInterestRows},
    {"Le plan de financement", kFinancement},
    {"Lignes du plan de financement", kPlanRow, "financement.plan", kPlanRows},
    {"L'imputation budgétaire", kImputation},
    {"Service public financeur (dispositifs du 1 %)", kServicePublic},
    {"Le jaune budgétaire", kJaune},
};

// The form field of row `row` of a row field ("financement.plan[].part", 2 -> "financement.plan.2.part").
std::string row_field(std::string_view path, int row) {
  const std::size_t at = path.find("[]");
  return std::string(path.substr(0, at)) + "." + std::to_string(row) + std::string(path.substr(at + 2));
}

// Every form field name, with its spec.
std::vector<std::pair<std::string, const FieldSpec*>> all_fields() {
  std::vector<std::pair<std::string, const FieldSpec*>> out;
  for (const Section& section : kSections_) {
    if (section.rows_of.empty()) {
      for (const FieldSpec& f : section.fields) out.emplace_back(std::string(f.path), &f);
    } else {
      for (int row = 0; row < section.rows; ++row)
        for (const FieldSpec& f : section.fields) out.emplace_back(row_field(f.path, row), &f);
    }
  }
  return out;
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// The JSON pointer of a dotted form field: "financement.plan.2.part" -> "/financement/plan/2/part".
std::string pointer_of(const std::string& field) {
  std::string out = "/" + field;
  std::replace(out.begin(), out.end(), '.', '/');
  return out;
}

// ---- From the form to JSON ----------------------------------------------------------------

// Removes the blanks people put in numbers (space, no-break space, narrow no-break space) and a
// trailing euro sign.
std::string without_blanks_and_euro(std::string_view typed) {
  std::string out;
  for (std::size_t i = 0; i < typed.size();) {
    const auto c = static_cast<unsigned char>(typed[i]);
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (typed.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (typed.substr(i, 3) == "\xE2\x80\xAF" || typed.substr(i, 3) == "\xE2\x80\xAC") {
      i += 3;
    } else if (typed.substr(i, 3) == "\xE2\x82\xAC") {  // €
      i += 3;
    } else {
      out += typed[i++];
    }
  }
  if (out.size() > 3 && (out.ends_with("EUR") || out.ends_with("eur"))) out.resize(out.size() - 3);
  return out;
}

// The value a field gives to the dossier, or nullopt when the field is empty (absent: the rules
// then ask for it, never take it as given).
std::optional<Json> json_value(const FieldSpec& spec, std::string_view typed) {
  const std::string_view text = trimmed(typed);
  if (text.empty()) return std::nullopt;
  switch (spec.kind) {
    case Kind::Text:
    case Kind::Choice:
      return Json(std::string(text));
    case Kind::Integer:
      if (text.size() < 10 && text.find_first_not_of("0123456789") == std::string_view::npos) return Json(std::stoll(std::string(text)));
      return Json(std::string(text));  // the reader says why it is not an integer
    case Kind::Money:
      return Json(amount_as_typed_to_json(text));
    case Kind::Share: {
      std::string plain = without_blanks_and_euro(text);
      if (plain.ends_with('%')) {
        plain.pop_back();
        if (plain.find(',') != std::string::npos && plain.find('.') == std::string::npos)
          std::replace(plain.begin(), plain.end(), ',', '.');
        if (auto percent = decimal::Decimal::parse(plain)) {
          if (auto share = decimal::multiply(*percent, *decimal::Decimal::parse("0.01"))) return Json(share->to_string());
        }
        return Json(std::string(text));
      }
      return Json(amount_as_typed_to_json(text));
    }
    case Kind::Date:
      return Json(date_as_typed_to_json(text));
    case Kind::YesNo:
      if (text == "oui") return Json(true);
      if (text == "non") return Json(false);
      return Json(std::string(text));
    case Kind::Country: {
      std::string code(text);
      for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return Json(code);
    }
    case Kind::CountryList: {
      Json list = Json::array();
      std::string code;
      auto flush = [&] {
        if (!code.empty()) list.push_back(code);
        code.clear();
      };
      for (char c : text) {
        if (c == ',' || c == ';' || std::isspace(static_cast<unsigned char>(c))) flush();
        else code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      flush();
      return list;
    }
  }
  return std::nullopt;
}

// Sets `value` at the dotted `path` of `root`, making the objects on the way.
void set_at(Json& root, std::string_view path, Json value) {
  Json* at = &root;
  while (true) {
    const std::size_t dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (dot == std::string_view::npos) {
      (*at)[key] = std::move(value);
      return;
    }
    if (!at->contains(key) || !(*at)[key].is_object()) (*at)[key] = Json::object();
    at = &(*at)[key];
    path.remove_prefix(dot + 1);
  }
}

// Where the « autres champs » box stops being readable, and the slip most likely made there, in
// words a finance officer can act on: a text pasted from a word processor brings typographic
// quotes, a list ends with a comma, a text is put between apostrophes.
std::string complement_syntax_error(std::string_view text) {
  std::size_t at = text.size();
  try {
    const Json ignored = Json::parse(text);  // only its exception says where
  } catch (const Json::parse_error& e) {
    at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
  }
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  std::string out = "autres champs illisibles ligne " + std::to_string(line) + ", colonne " + std::to_string(column);
  const std::size_t from = at > 20 ? at - 20 : 0;
  std::string_view near = text.substr(from, std::min<std::size_t>(40, text.size() - from));
  while (!near.empty() && (static_cast<unsigned char>(near.front()) & 0xC0) == 0x80) near.remove_prefix(1);
  while (!near.empty() && (static_cast<unsigned char>(near.back()) & 0x80) != 0) near.remove_suffix(1);
  if (!near.empty()) out += " (près de « " + std::string(near) + " »)";
  const std::string_view rest = text.substr(at);
  const auto here = [&](std::string_view what) { return rest.starts_with(what); };
  std::string hint;
  if (here("\u201c") || here("\u201d") || here("\u00ab") || here("\u00bb") || here("\u2019"))
    hint = "des guillemets typographiques (“ ” « » ’) viennent d'un traitement de texte : écrire des guillemets droits \"";
  else if (at < text.size() && text[at] == '\'')
    hint = "les noms et les textes s'écrivent entre guillemets droits \" \", pas entre apostrophes";
  else if (at >= text.size())
    hint = "le texte s'arrête avant la fin : une accolade } ou un guillemet \" fermant manque";
  else if (text[at] == '}' || text[at] == ']')
    hint = "une virgule de trop avant « " + std::string(1, text[at]) + " »";
  else if (std::isalpha(static_cast<unsigned char>(text[at])) || (static_cast<unsigned char>(text[at]) & 0x80) != 0)
    hint = "un nom ou un texte sans guillemets : l'écrire entre guillemets droits \" \" (true, false et les nombres n'en "
           "prennent pas)";
  else
    hint = "une virgule manque peut-être entre deux champs, ou un deux-points entre un nom et sa valeur";
  return out + " : " + hint;
}


// Parses the « autres champs » box: an object, with no key twice in one object (the library would
// keep the last one silently, and a fact typed twice would lose one of its values), and no number
// a binary double cannot hold as written (money must stay exact).
std::optional<Json> parse_complement(std::string_view text, std::string& error) {
  std::vector<std::set<std::string>> keys;
  std::string duplicate;
  const auto check = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) keys.emplace_back();
    if (event == Json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == Json::parse_event_t::key && !keys.empty() && !keys.back().insert(parsed.get<std::string>()).second &&
        duplicate.empty())
      duplicate = parsed.get<std::string>();
    return true;
  };
  Json parsed = Json::parse(text.begin(), text.end(), check, false);
  if (parsed.is_discarded()) {
    error = complement_syntax_error(text);
    return std::nullopt;
  }
  if (!parsed.is_object()) {
    error = "les autres champs s'écrivent entre accolades, chaque champ par son nom entre guillemets : "
            "{ \"paiement\": { \"date_premier_versement\": \"2024-01-15\" } }";
    return std::nullopt;
  }
  if (!duplicate.empty()) {
    error = "clé en double dans un même objet des autres champs : « " + duplicate + " »";
    return std::nullopt;
  }
  // Numbers written with more than 15 significant digits would not come back as written.
  bool in_string = false;
  std::size_t digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      digits = 0;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      if (++digits > 15) {
        error = "un nombre de plus de 15 chiffres dans les autres champs : l'écrire entre guillemets (\"123456789012345.67\") "
                "pour qu'il reste exact";
        return std::nullopt;
      }
    } else if (c != '.') {
      digits = 0;
    }
  }
  return parsed;
}

// Adds the members of `from` to `into`; a member both give is an error naming it.
bool merge_into(Json& into, const Json& from, const std::string& path, std::string& error) {
  for (auto it = from.begin(); it != from.end(); ++it) {
    const std::string here = path.empty() ? it.key() : path + "." + it.key();
    if (!into.contains(it.key())) {
      into[it.key()] = it.value();
    } else if (into[it.key()].is_object() && it.value().is_object()) {
      if (!merge_into(into[it.key()], it.value(), here, error)) return false;
    } else {
      error = "« " + here + " » est donné deux fois : dans un champ du formulaire et dans les autres champs ; le "
              "garder à un seul endroit";
      return false;
    }
  }
  return true;
}

// ---- From a stored dossier to the form ----------------------------------------------------

std::string typed_value(const FieldSpec& spec, const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean() && spec.kind == Kind::YesNo) return v.get<bool>() ? "oui" : "non";
  if (v.is_array() && spec.kind == Kind::CountryList) {
    std::string out;
    for (const Json& c : v) out += (out.empty() ? "" : ", ") + (c.is_string() ? c.get<std::string>() : c.dump());
    return out;
  }
  return v.dump();
}

// Whether `v` can be shown in a field of `spec` and written back the same: a blank text, an
// amount written with spaces, an empty list stay in « autres champs », as they are.
bool fits(const FieldSpec& spec, const Json& v) {
  if (v.is_object() || v.is_null() || (v.is_array() && spec.kind != Kind::CountryList)) return false;
  const std::optional<Json> back = json_value(spec, typed_value(spec, v));
  return back && *back == v;
}

// Takes the value at dotted `path` out of `root` when it fits the field.
std::optional<std::string> take(Json& root, std::string_view path, const FieldSpec& spec) {
  Json* at = &root;
  std::vector<std::pair<Json*, std::string>> trail;
  while (true) {
    const std::size_t dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!at->is_object() || !at->contains(key)) return std::nullopt;
    if (dot == std::string_view::npos) {
      if (!fits(spec, (*at)[key])) return std::nullopt;
      std::string value = typed_value(spec, (*at)[key]);
      at->erase(key);
      // Objects left empty on the way go too.
      for (auto it = trail.rbegin(); it != trail.rend(); ++it) {
        if ((*it->first)[it->second].empty()) it->first->erase(it->second);
        else break;
      }
      return value;
    }
    trail.emplace_back(at, key);
    at = &(*at)[key];
    path.remove_prefix(dot + 1);
  }
}

// The rows of an array of objects into the row fields, when every member of every row has a
// field and there are no more rows than the form has; otherwise the array stays in « autres
// champs », whole.
void take_rows(Json& root, const Section& section, DossierForm& form) {
  std::string_view path = section.rows_of;
  Json* parent = &root;
  std::string key;
  while (true) {
    const std::size_t dot = path.find('.');
    key = std::string(path.substr(0, dot));
    if (dot == std::string_view::npos) break;
    if (!parent->is_object() || !parent->contains(key)) return;
    parent = &(*parent)[key];
    path.remove_prefix(dot + 1);
  }
  if (!parent->is_object() || !parent->contains(key) || !(*parent)[key].is_array()) return;
  Json& rows = (*parent)[key];
  if (rows.empty() || rows.size() > static_cast<std::size_t>(section.rows)) return;
  for (const Json& row : rows) {
    if (!row.is_object()) return;
    for (auto it = row.begin(); it != row.end(); ++it) {
      const FieldSpec* spec = nullptr;
      for (const FieldSpec& f : section.fields)
        if (f.path.substr(f.path.find("[]") + 3) == it.key()) spec = &f;
      if (spec == nullptr || !fits(*spec, it.value())) return;
    }
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (const FieldSpec& f : section.fields) {
      const std::string member(f.path.substr(f.path.find("[]") + 3));
      if (rows[r].contains(member)) form.values[row_field(f.path, static_cast<int>(r))] = typed_value(f, rows[r][member]);
    }
  }
  parent->erase(key);
  // The parent object left empty goes too (financement without its plan and cost).
}

void drop_empty_objects(Json& j) {
  if (!j.is_object()) return;
  for (auto it = j.begin(); it != j.end();) {
    drop_empty_objects(it.value());
    if (it.value().is_object() && it.value().empty()) it = j.erase(it);
    else ++it;
  }
}

// ---- HTML ---------------------------------------------------------------------------------

std::string field_html(const FieldErrors& errors, const std::string& name, const FieldSpec& spec,
                       const std::string& value, bool readonly, bool compact) {
  const bool bad = errors.by_field.count(name) > 0;
  const std::string invalid = bad ? " aria-invalid=\"true\" aria-describedby=\"erreur-" + escape(name) + "\"" : "";
  std::string out = "<div class=\"champ\"><label for=\"" + escape(name) + "\">" + escape(spec.label) + "</label>";
  std::span<const Choice> choices = spec.choices;
  static constexpr Choice kYesNo[] = {{"oui", "Oui"}, {"non", "Non"}};
  if (spec.kind == Kind::YesNo) choices = kYesNo;
  if (spec.kind == Kind::Choice || spec.kind == Kind::YesNo) {
    out += "<select id=\"" + escape(name) + "\" name=\"" + escape(name) + "\"" + invalid + "><option value=\"\">— non renseigné —</option>";
    bool known = value.empty();
    for (const Choice& c : choices) {
      known = known || c.value == value;
      out += "<option value=\"" + escape(c.value) + "\"" + (c.value == value ? " selected" : "") + ">" + escape(c.label) + "</option>";
    }
    // A value the list does not have (typed in a file) is kept, and the reader says what is wrong.
    if (!known) out += "<option value=\"" + escape(value) + "\" selected>" + escape(value) + "</option>";
    out += "</select>";
  } else {
    out += "<input id=\"" + escape(name) + "\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"" +
           (readonly ? " readonly" : "") + invalid + " size=\"" + (compact ? "18" : "60") + "\">";
  }
  return out + field_errors_html(errors, name) + "</div>";
}

}  // namespace

namespace {

// The field of the form for a fact at `path` in the rules' notation, and its row (from 0) when it
// is a row of an array; nullptr when the form has none.
const FieldSpec* spec_of(std::string_view path, std::size_t& row) {
  for (const Section& section : kSections_) {
    if (section.rows_of.empty()) {
      for (const FieldSpec& f : section.fields)
        if (f.path == path) return &f;
      continue;
    }
    // "financement.plan[2].part": the row field "financement.plan[].part", row 2.
    if (!path.starts_with(section.rows_of) || path.size() <= section.rows_of.size() + 2 ||
        path[section.rows_of.size()] != '[')
      continue;
    const std::size_t close = path.find(']', section.rows_of.size());
    if (close == std::string_view::npos) continue;
    const std::string_view digits = path.substr(section.rows_of.size() + 1, close - section.rows_of.size() - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), row);
    if (ec != std::errc{} || end != digits.data() + digits.size()) continue;
    const std::string spec_path = std::string(section.rows_of) + "[]" + std::string(path.substr(close + 1));
    for (const FieldSpec& f : section.fields)
      if (f.path == spec_path) return &f;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> field_label(std::string_view path) {
  std::size_t row = 0;
  const FieldSpec* spec = spec_of(path, row);
  if (spec == nullptr) return std::nullopt;
  if (spec->path.find("[]") == std::string_view::npos) return std::string(spec->label);
  return std::string(spec->label) + " (ligne " + std::to_string(row + 1) + ")";
}

std::optional<std::string> choice_label(std::string_view path, std::string_view value) {
  std::size_t row = 0;
  const FieldSpec* spec = spec_of(path, row);
  if (spec == nullptr) return std::nullopt;
  for (const Choice& c : spec->choices)
    if (c.value == value) return std::string(c.label);
  return std::nullopt;
}

const std::string& DossierForm::value(const std::string& field) const {
  static const std::string kEmpty;
  auto found = values.find(field);
  return found == values.end() ? kEmpty : found->second;
}

std::string amount_as_typed_to_json(std::string_view typed) {
  std::string plain = without_blanks_and_euro(trimmed(typed));
  if (plain.find(',') != std::string::npos && plain.find('.') == std::string::npos &&
      std::count(plain.begin(), plain.end(), ',') == 1)
    std::replace(plain.begin(), plain.end(), ',', '.');
  // Only a plain decimal once the blanks and the sign are gone: otherwise as typed, for the
  // reader's message.
  if (!plain.empty() && decimal::Decimal::parse(plain)) return plain;
  return std::string(trimmed(typed));
}

std::string date_as_typed_to_json(std::string_view typed) {
  const std::string_view text = trimmed(typed);
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int part = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (part > 2) return std::string(text);
      parts[part] = parts[part] * 10 + (c - '0');
      ++digits[part];
    } else if ((c == '/' || c == '.' || c == '-') && part < 2 && digits[part] > 0) {
      ++part;
    } else {
      return std::string(text);
    }
  }
  // JJ/MM/AAAA only (a four-digit year last): 2019-03-05 is already the form the reader wants.
  if (part != 2 || digits[0] > 2 || digits[1] > 2 || digits[2] != 4) return std::string(text);
  char out[11];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", parts[2], parts[1], parts[0]);
  return out;
}

DossierForm form_from_params(const std::function<std::string(const std::string&)>& param) {
  DossierForm form;
  for (const auto& [name, spec] : all_fields()) {
    std::string value = param(name);
    if (!value.empty()) form.values[name] = std::move(value);
  }
  form.complement = param("complement");
  form.version = param("version");
  return form;
}

std::optional<std::string> json_from_form(const DossierForm& form, FieldErrors& errors) {
  Json dossier = Json::object();
  for (const Section& section : kSections_) {
    if (!section.rows_of.empty()) continue;
    for (const FieldSpec& f : section.fields) {
      if (f.path == "convention") continue;  // below
      if (auto v = json_value(f, form.value(std::string(f.path)))) set_at(dossier, f.path, std::move(*v));
    }
  }
  if (form.amended_id) dossier["id"] = *form.amended_id;
  // The convention: « aucune » is a fact (null), which a description beside it contradicts.
  const std::string convention = std::string(trimmed(form.value("convention")));
  if (convention == "aucune") {
    if (dossier.contains("convention")) {
      errors.by_field["convention"].push_back(
          "« aucune » convention est choisi, mais une convention est décrite ci-dessous : choisir « oui » ou vider sa description");
      return std::nullopt;
    }
    dossier["convention"] = nullptr;
  } else if (convention == "oui" && !dossier.contains("convention")) {
    dossier["convention"] = Json::object();
  } else if (!convention.empty() && convention != "oui") {
    dossier["convention"] = convention;  // the reader says it is not allowed
  }
  // Rows: the filled ones, in order.
  for (const Section& section : kSections_) {
    if (section.rows_of.empty()) continue;
    Json rows = Json::array();
    for (int row = 0; row < section.rows; ++row) {
      Json line = Json::object();
      for (const FieldSpec& f : section.fields) {
        const std::string member(f.path.substr(f.path.find("[]") + 3));
        if (auto v = json_value(f, form.value(row_field(f.path, row)))) line[member] = std::move(*v);
      }
      if (!line.empty()) rows.push_back(std::move(line));
    }
    if (!rows.empty()) set_at(dossier, section.rows_of, std::move(rows));
  }
  const std::string_view complement = trimmed(form.complement);
  if (!complement.empty()) {
    std::string error;
    std::optional<Json> more = parse_complement(complement, error);
    if (!more || !merge_into(dossier, *more, "", error)) {
      errors.by_field["complement"].push_back(error);
      return std::nullopt;
    }
  }
  return dossier.dump();
}

DossierForm form_from_content(const std::string& content) {
  DossierForm form;
  Json j = Json::parse(content, nullptr, false);
  if (!j.is_object()) {
    form.complement = content;
    return form;
  }
  if (j.contains("convention") && j["convention"].is_null()) {
    form.values["convention"] = "aucune";
    j.erase("convention");
  } else if (j.contains("convention") && j["convention"].is_object()) {
    form.values["convention"] = "oui";
  }
  for (const Section& section : kSections_) {
    if (!section.rows_of.empty()) {
      take_rows(j, section, form);
      continue;
    }
    for (const FieldSpec& f : section.fields) {
      if (f.path == "convention") continue;
      if (auto value = take(j, f.path, f)) form.values[std::string(f.path)] = std::move(*value);
    }
  }
  if (j.contains("convention") && j["convention"].is_object() && j["convention"].empty()) j.erase("convention");
  drop_empty_objects(j);
  form.complement = j.empty() ? "" : j.dump(2);
  return form;
}

// A JSON pointer as the pages name facts, in the rules' notation: "/financement/plan/0/part" ->
// "financement.plan[0].part" (a finance officer reads the second; "~1" and "~0" are "/" and "~").
std::string path_of_pointer(std::string_view pointer) {
  std::string out;
  while (!pointer.empty()) {
    pointer.remove_prefix(1);  // the '/'
    const std::size_t next = pointer.find('/');
    const std::string_view token = pointer.substr(0, next);
    std::string name;
    for (std::size_t i = 0; i < token.size(); ++i) {
      if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
        name += token[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        name += token[i];
      }
    }
    const bool index = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (index && !out.empty()) out += "[" + name + "]";
    else out += (out.empty() ? "" : ".") + name;
    if (next == std::string_view::npos) break;
    pointer.remove_prefix(next);
  }
  return out;
}

FieldErrors errors_by_field(const std::vector<io::InputError>& errors) {
  std::map<std::string, std::string> by_pointer;
  for (const auto& [name, spec] : all_fields()) by_pointer[pointer_of(name)] = name;
  FieldErrors out;
  for (const io::InputError& e : errors) {
    // A required field left empty while its section is filled (a deliberation's date without its
    // body): said on that field's own select, with its label, not in raw schema words on the
    // JSON box at the bottom of the form (review of 3 December 2026).
    if (e.code == io::ReadCode::MissingField) {
      const std::string_view marker = "champ obligatoire absent : ";
      if (const std::size_t at = e.message.find(marker); at != std::string::npos) {
        const std::string child = e.json_path + "/" + e.message.substr(at + marker.size());
        if (auto found = by_pointer.find(child); found != by_pointer.end()) {
          out.by_field[found->second].push_back(
              "à remplir dès que le reste de cette partie l'est (champ obligatoire du dossier) ; sinon vider la partie");
          continue;
        }
      }
    }
    // The field of the pointer; else of the nearest object above it that has one, with the path.
    std::string pointer = e.json_path;
    while (!pointer.empty() && !by_pointer.contains(pointer)) pointer.resize(pointer.rfind('/'));
    if (pointer == e.json_path && !pointer.empty()) out.by_field[by_pointer[pointer]].push_back(e.message);
    else if (!pointer.empty()) out.by_field[by_pointer[pointer]].push_back(path_of_pointer(e.json_path) + " : " + e.message);
    else if (!e.json_path.empty()) out.by_field["complement"].push_back(path_of_pointer(e.json_path) + " : " + e.message);
    else out.general.push_back(e.message);
  }
  return out;
}

std::string field_errors_html(const FieldErrors& errors, const std::string& field) {
  auto found = errors.by_field.find(field);
  if (found == errors.by_field.end()) return {};
  std::string out = "<ul class=\"erreur\" id=\"erreur-" + escape(field) + "\">";
  for (const std::string& m : found->second) out += "<li>" + escape(m) + "</li>";
  return out + "</ul>";
}

std::string dossier_form_html(const PageUser& user, const std::string& action, const DossierForm& form,
                              const FieldErrors& errors, bool amend) {
  std::string out;
  if (!errors.general.empty() || !errors.by_field.empty()) {
    out += "<div role=\"alert\"><p class=\"erreur\">Le dossier n'a pas été enregistré : corriger les champs signalés.</p>";
    if (!errors.general.empty()) {
      out += "<ul class=\"erreur\">";
      for (const std::string& m : errors.general) out += "<li>" + escape(m) + "</li>";
      out += "</ul>";
    }
    out += "</div>";
  }
  out += "<p>Un champ laissé vide n'est pas une réponse : la règle qui en a besoin dit qu'il manque (sauf les "
         "questions qui le disent : une prise de position politique, un partenaire non reconnu ne comptent que "
         "déclarés). Les montants s'écrivent comme on les lit (12 000,50 €), les dates en JJ/MM/AAAA.</p>";
  // Multipart: a hundred fields URL-encoded pass httplib's 8 KB limit for such bodies.
  out += "<form method=\"post\" action=\"" + escape(action) + "\" enctype=\"multipart/form-data\">" + csrf_field(user);
  if (amend) out += "<input type=\"hidden\" name=\"version\" value=\"" + escape(form.version) + "\">";
  for (const Section& section : kSections_) {
    out += "<fieldset><legend>" + escape(section.legend) + "</legend>";
    if (section.rows_of.empty()) {
      for (const FieldSpec& f : section.fields) {
        const std::string name(f.path);
        out += field_html(errors, name, f, form.value(name), amend && name == "id", false);
      }
    } else {
      for (int row = 0; row < section.rows; ++row) {
        out += "<div class=\"ligne\"><span>Ligne " + std::to_string(row + 1) + "</span>";
        for (const FieldSpec& f : section.fields) {
          const std::string name = row_field(f.path, row);
          out += field_html(errors, name, f, form.value(name), false, true);
        }
        out += "</div>";
      }
    }
    out += "</fieldset>";
  }
  const bool bad = errors.by_field.count("complement") > 0;
  out += "<fieldset><legend>Autres champs</legend><label for=\"complement\">Ce que le formulaire ne demande pas "
         "(répartition entre pays, plus de lignes, champs rares), en objet JSON ; un fait déjà donné ci-dessus ne doit "
         "pas y être répété</label>";
  out += "<textarea id=\"complement\" name=\"complement\" rows=\"8\" cols=\"80\"";
  if (bad) out += " aria-invalid=\"true\" aria-describedby=\"erreur-complement\"";
  out += ">" + escape(form.complement) + "</textarea>" + field_errors_html(errors, "complement") + "</fieldset>";
  out += "<div><button type=\"submit\">" + std::string(amend ? "Enregistrer la nouvelle version" : "Créer et vérifier") +
         "</button></div></form>";
  return out;
}

}  // namespace subsidia::server::pages
