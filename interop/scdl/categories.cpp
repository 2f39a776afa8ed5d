#include "scdl/categories.hpp"

#include "detect/folded_text.hpp"

namespace subsidia::interop::scdl {

namespace {

struct NameRule {
  std::string_view words;  // folded, space separated; matched as whole words
  std::string_view category;
};

// Collectivités by name. Tried in order; the first that matches wins.
constexpr NameRule kCollectiviteNames[] = {
    {"syndicat mixte", "syndicat_mixte"},
    {"metropole de lyon", ""},  // a collectivité with a special status: no schema category fits
    {"collectivite europeenne d alsace", ""},
    {"communaute de communes", "epci"},
    {"communaute d agglomeration", "epci"},
    {"communaute urbaine", "epci"},
    {"metropole", "epci"},
    {"eurometropole", "epci"},
    {"etablissement public territorial", "epci"},
    {"syndicat intercommunal", "epci"},
    {"sivu", "epci"},
    {"sivom", "epci"},
    {"collectivite de corse", "collectivite_unique"},
    {"collectivite territoriale de corse", "collectivite_unique"},
    {"collectivite territoriale de martinique", "collectivite_unique"},
    {"collectivite territoriale de guyane", "collectivite_unique"},
    {"saint barthelemy", "collectivite_outre_mer"},
    {"collectivite de saint martin", "collectivite_outre_mer"},
    {"saint pierre et miquelon", "collectivite_outre_mer"},
    {"polynesie francaise", "collectivite_outre_mer"},
    {"wallis et futuna", "collectivite_outre_mer"},
    {"conseil regional", "region"},
    {"region", "region"},
    {"conseil departemental", "departement"},
    {"conseil general", "departement"},
    {"departement", "departement"},
    {"commune", "commune"},
    {"ville", "commune"},
    {"mairie", "commune"},
};

constexpr NameRule kBeneficiaryNames[] = {
    {"association", "association"},
    {"associations", "association"},
    {"comite de jumelage", "association"},
    {"comite des fetes", "association"},
    {"assoc", "association"},
    {"asso", "association"},
    {"fondation", "fondation"},
    {"fonds de dotation", "fondation"},
    {"commune", "collectivite_francaise"},
    {"ville de", "collectivite_francaise"},
    {"mairie", "collectivite_francaise"},
    {"departement", "collectivite_francaise"},
    {"conseil departemental", "collectivite_francaise"},
    {"region", "collectivite_francaise"},
    {"conseil regional", "collectivite_francaise"},
    {"ccas", "etablissement_public"},
    {"centre communal d action sociale", "etablissement_public"},
    {"communaute de communes", "etablissement_public"},
    {"communaute d agglomeration", "etablissement_public"},
    {"syndicat mixte", "etablissement_public"},
    {"epcc", "etablissement_public"},
    {"chambre de commerce", "etablissement_public"},
    {"chambre des metiers", "etablissement_public"},
    {"chambre de metiers", "etablissement_public"},
    {"chambre d agriculture", "etablissement_public"},
    {"sarl", "entreprise"},
    {"sas", "entreprise"},
    {"sasu", "entreprise"},
    {"eurl", "entreprise"},
    {"scop", "entreprise"},
};

// Whole-word match of `words` in the folded name.
bool contains_words(const std::string& name, std::string_view words) {
  for (std::size_t at = name.find(words); at != std::string::npos; at = name.find(words, at + 1)) {
    const bool start = at == 0 || name[at - 1] == ' ';
    const bool end = at + words.size() == name.size() || name[at + words.size()] == ' ';
    if (start && end) return true;
  }
  return false;
}

// Whole-word match of `words` (folded, space separated) in the folded tokens.
bool contains_words(const FoldedText& name, std::string_view words) {
  const auto& t = name.tokens();
  for (std::size_t i = 0; i < t.size(); ++i) {
    std::string_view rest = words;
    std::size_t k = i;
    for (;;) {
      const std::size_t cut = rest.find(' ');
      const std::string_view word = rest.substr(0, cut);
      if (k >= t.size() || t[k].word != word) break;
      ++k;
      if (cut == std::string_view::npos) return true;
      rest.remove_prefix(cut + 1);
    }
  }
  return false;
}

}  // namespace

std::optional<CategoryGuess> guess_collectivite_category(std::string_view type_code, std::string_view siren,
                                                         std::string_view name) {
  const std::string code = folded_key(type_code);
  struct TypeCode {
    std::string_view code, category;
  };
  static constexpr TypeCode kTypes[] = {
      {"com", "commune"},     {"commune", "commune"},  {"dep", "departement"}, {"departement", "departement"},
      {"reg", "region"},      {"region", "region"},    {"epci", "epci"},       {"cc", "epci"},
      {"ca", "epci"},         {"cu", "epci"},          {"met", "epci"},        {"sm", "syndicat_mixte"},
      {"syndicatmixte", "syndicat_mixte"},             {"ctu", "collectivite_unique"},
  };
  if (!code.empty()) {
    for (const TypeCode& t : kTypes)
      if (t.code == code) return CategoryGuess{std::string(t.category), "type de collectivité « " + std::string(type_code) + " » du fichier"};
  }
  if (siren.size() >= 2) {
    const std::string_view prefix = siren.substr(0, 2);
    const std::string head = "SIREN " + std::string(siren.substr(0, 9)) + " : ";
    if (prefix == "21") return CategoryGuess{"commune", head + "numéro des communes (21…)"};
    if (prefix == "22") return CategoryGuess{"departement", head + "numéro des départements (22…)"};
    if (prefix == "23") return CategoryGuess{"region", head + "numéro des régions (23…)"};
  }
  const std::string folded = folded_words(name);
  for (const NameRule& rule : kCollectiviteNames) {
    if (!contains_words(folded, rule.words)) continue;
    if (rule.category.empty()) return std::nullopt;
    return CategoryGuess{std::string(rule.category), "nom « " + std::string(name) + " » (« " + std::string(rule.words) + " »)"};
  }
  if (siren.starts_with("24")) return CategoryGuess{"epci", "SIREN " + std::string(siren.substr(0, 9)) + " : numéro des groupements de collectivités (24…)"};
  return std::nullopt;
}

std::optional<CategoryGuess> guess_beneficiary_category(std::string_view rna, std::string_view siren,
                                                        std::string_view name) {
  return guess_beneficiary_category(rna, siren, FoldedText(name));
}

std::optional<CategoryGuess> guess_beneficiary_category(std::string_view rna, std::string_view siren,
                                                        const FoldedText& name) {
  if (!rna.empty()) return CategoryGuess{"association", "numéro RNA " + std::string(rna) + " (répertoire national des associations)"};
  for (const NameRule& rule : kBeneficiaryNames) {
    if (contains_words(name, rule.words))
      return CategoryGuess{std::string(rule.category),
                           "nom « " + std::string(name.original()) + " » (« " + std::string(rule.words) + " »)"};
  }
  if (siren.size() >= 2) {
    const std::string_view prefix = siren.substr(0, 2);
    const std::string head = "SIREN " + std::string(siren.substr(0, 9)) + " : ";
    if (prefix == "21" || prefix == "22" || prefix == "23")
      return CategoryGuess{"collectivite_francaise", head + "numéro des collectivités territoriales (21…, 22…, 23…)"};
    if (prefix == "24" || prefix == "25" || prefix == "26" || prefix == "27" || prefix == "28" || prefix == "19" ||
        prefix == "18" || prefix == "13")
      return CategoryGuess{"etablissement_public", head + "numéro d'organisme public (13, 18, 19, 24 à 28…)"};
  }
  return std::nullopt;
}

namespace {

// Words of a local authority, French and of the partner countries' languages (folded).
constexpr std::string_view kLocalAuthorityWords[] = {
    "commune",        "communes",      "ville de",       "ville d",        "mairie",       "municipalite",
    "municipalites",  "municipal",     "region",         "regions",        "conseil regional", "province",
    "conseil departemental", "communaute urbaine", "hotel de ville",
    "district",       "departement",   "gouvernorat",    "wilaya",         "cercle",       "prefecture",
    "conseil municipal", "conseil communal", "collectivite territoriale", "communaute rurale",
    "municipality",   "city of",       "city council",   "county",         "oblast",       "ayuntamiento",
    "municipio",      "municipalidad", "comune",         "comuna",         "concello",     "gemeinde",
    "stadt",          "landeshauptstadt", "stadtverwaltung", "gmina",      "kommune",      "gemeente",
    "intendencia",    "prefeitura",    "camara municipal", "junta",        "powiat",       "voivodie",
};

// Words that make a name another kind of body, even with a place and an authority's word in it
// (« Association des amis de la commune de Thiès », « Comité de jumelage »).
// A French authority's office abroad is French (« Bureau de la Région Bretagne à Bruxelles »).
constexpr std::string_view kOtherBodyWords[] = {"association", "assoc", "asso", "fondation", "comite", "amicale",
                                                "club", "federation", "union", "ong", "entreprise", "sarl", "sas",
                                                "bureau", "representation", "antenne", "delegation", "maison"};

}  // namespace

bool name_has_words(const FoldedText& name, std::string_view words) { return contains_words(name, words); }

std::optional<ForeignAuthorityGuess> guess_foreign_local_authority(const FoldedText& name,
                                                                   const std::vector<Clue>& name_clues,
                                                                   std::string_view siren) {
  if (!siren.empty()) return std::nullopt;
  for (std::string_view words : kOtherBodyWords)
    if (contains_words(name, words)) return std::nullopt;
  std::string_view authority;
  for (std::string_view words : kLocalAuthorityWords) {
    if (contains_words(name, words)) {
      authority = words;
      break;
    }
  }
  if (authority.empty()) return std::nullopt;
  // A city, a region or a country (« Ville de Luxembourg », « Municipalité de Gaza »); the French
  // communes named like one (« Commune de Suisse », « de Venise ») give no clue (international_clues.cpp).
  for (const Clue& clue : name_clues) {
    if (!clue.strong || !names_a_country(clue.kind)) continue;
    return ForeignAuthorityGuess{
        {"autorite_locale_etrangere", "nom « " + std::string(name.original()) + " » : « " + std::string(authority) +
                                          " » et « " + clue.text + " » (" + clue.country +
                                          "), une autorité locale étrangère"},
        clue.country};
  }
  return std::nullopt;
}

}  // namespace subsidia::interop::scdl
