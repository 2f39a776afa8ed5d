#include "detect/international_clues.hpp"

#include <optional>
#include <stdexcept>

#include "csv/table.hpp"

namespace subsidia::interop {

namespace {

// French territories (domain.md §2, pays-zones.csv "Limits"): not abroad.
constexpr std::string_view kFrenchTerritories[] = {"FR", "GP", "MQ", "GF", "RE", "YT", "PM",
                                                   "BL", "MF", "NC", "PF", "WF", "TF"};

bool french_territory(std::string_view code) {
  for (std::string_view c : kFrenchTerritories)
    if (c == code) return true;
  return false;
}

struct Keyword {
  std::string_view words;
  ClueKind kind;
  bool strong;
  std::string_view nature;  // schema value of action.nature, or ""
};

// Expressions, bodies and regions of the world. Strong: the words say the action is
// international. Weak: also common on domestic subsidies. Natures only where the words name
// one (docs/import-export.md lists them for review).
constexpr Keyword kKeywords[] = {
    // Expressions of the law and of practice (CGCT L1115-1; domain.md §2).
    {"cooperation decentralisee", ClueKind::Expression, true, "cooperation"},
    {"cooperations decentralisees", ClueKind::Expression, true, "cooperation"},
    {"coop decentralisee", ClueKind::Expression, true, "cooperation"},
    {"cooperations internationales", ClueKind::Expression, true, "cooperation"},
    {"cooperation internationale", ClueKind::Expression, true, "cooperation"},
    {"cooperation transfrontaliere", ClueKind::Expression, true, "cooperation"},
    {"cooperation au developpement", ClueKind::Expression, true, "aide_au_developpement"},
    {"solidarite internationale", ClueKind::Expression, true, "aide_au_developpement"},
    // « coopération et solidarité internationales », « solidarités internationales ».
    {"solidarite internationales", ClueKind::Expression, true, "aide_au_developpement"},
    {"solidarites internationales", ClueKind::Expression, true, "aide_au_developpement"},
    {"codeveloppement", ClueKind::Expression, true, "aide_au_developpement"},
    {"co developpement", ClueKind::Expression, true, "aide_au_developpement"},
    // « Nord-Sud » is also a road (« l'axe Nord-Sud, RD 911 »): weak (review of real files,
    // 3 December 2026).
    {"nord sud", ClueKind::Expression, false, "aide_au_developpement"},
    {"solidarite nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"cooperation nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"partenariat nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"partenariats nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"relations nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"echanges nord sud", ClueKind::Expression, true, "aide_au_developpement"},
    {"volontariat international", ClueKind::Expression, true, ""},
    {"vsi", ClueKind::Expression, true, "aide_au_developpement"},
    {"ong", ClueKind::Expression, true, ""},
    {"organisation non gouvernementale", ClueKind::Expression, true, ""},
    {"organisations non gouvernementales", ClueKind::Expression, true, ""},
    // « Aide au développement des TPE », « de la filière lin »: the usual name of economic aid of
    // régions and EPCI. Weak; its nature still names a row a strong clue makes international.
    {"aide au developpement", ClueKind::Expression, false, "aide_au_developpement"},
    {"aide publique au developpement", ClueKind::Expression, true, "aide_au_developpement"},
    {"pays en developpement", ClueKind::Expression, true, "aide_au_developpement"},
    {"pays en voie de developpement", ClueKind::Expression, true, "aide_au_developpement"},
    // « Pays du Sud Toulousain », « du Sud Vendée Littoral » are French territories: weak.
    {"pays du sud", ClueKind::Expression, false, "aide_au_developpement"},
    {"tiers monde", ClueKind::Expression, true, "aide_au_developpement"},
    {"humanitaire", ClueKind::Expression, true, "humanitaire"},
    {"humanitaires", ClueKind::Expression, true, "humanitaire"},
    {"jumelage", ClueKind::Expression, true, "cooperation"},
    {"jumelages", ClueKind::Expression, true, "cooperation"},
    {"jumele", ClueKind::Expression, true, "cooperation"},
    {"jumelee", ClueKind::Expression, true, "cooperation"},
    {"jumeles", ClueKind::Expression, true, "cooperation"},
    {"jumelees", ClueKind::Expression, true, "cooperation"},
    {"ville jumelle", ClueKind::Expression, true, "cooperation"},
    {"villes jumelles", ClueKind::Expression, true, "cooperation"},
    {"mobilite internationale", ClueKind::Expression, true, "mobilite_jeunesse"},
    {"erasmus", ClueKind::Expression, true, "mobilite_jeunesse"},
    {"interreg", ClueKind::Expression, true, "cooperation"},
    {"a l etranger", ClueKind::Expression, true, ""},
    {"relations internationales", ClueKind::Expression, true, ""},
    {"action internationale", ClueKind::Expression, true, ""},
    {"actions internationales", ClueKind::Expression, true, ""},
    // « sans frontières » names bodies that work abroad, and as many that do not (a sports
    // tournament, a music festival): weak alone, strong in the names of the NGOs below.
    // « coopération » alone: a partnership abroad as often as between French bodies (a school's
    // cooperative, communes working together): weak, for review (real files, 2 December 2026).
    {"cooperation", ClueKind::Expression, false, ""},
    {"cooperation territoriale europeenne", ClueKind::Expression, true, "cooperation"},
    {"cooperation transnationale", ClueKind::Expression, true, "cooperation"},
    // Cross-border cooperation bodies (CGCT L1115-4-2): a Région's fee to a GECT is external action.
    {"gect", ClueKind::Body, true, "cooperation"},
    {"groupement europeen de cooperation territoriale", ClueKind::Body, true, "cooperation"},
    {"euroregion", ClueKind::Body, true, "cooperation"},
    {"eurodistrict", ClueKind::Body, true, "cooperation"},
    {"sans frontieres", ClueKind::Expression, false, ""},
    {"sans frontiere", ClueKind::Expression, false, ""},
    {"export", ClueKind::Expression, false, ""},
    {"exportation", ClueKind::Expression, false, ""},
    {"exportations", ClueKind::Expression, false, ""},
    {"international", ClueKind::Expression, false, ""},
    {"internationale", ClueKind::Expression, false, ""},
    {"internationaux", ClueKind::Expression, false, ""},
    {"internationales", ClueKind::Expression, false, ""},
    {"etranger", ClueKind::Expression, false, ""},
    {"etrangers", ClueKind::Expression, false, ""},
    {"etrangere", ClueKind::Expression, false, ""},
    {"etrangeres", ClueKind::Expression, false, ""},
    {"transfrontalier", ClueKind::Expression, false, ""},
    {"transfrontaliere", ClueKind::Expression, false, ""},
    {"transfrontaliers", ClueKind::Expression, false, ""},
    {"transfrontalieres", ClueKind::Expression, false, ""},
    {"francophonie", ClueKind::Expression, false, ""},
    {"europeen", ClueKind::Expression, false, ""},
    {"europeenne", ClueKind::Expression, false, ""},
    {"europeens", ClueKind::Expression, false, ""},
    {"europeennes", ClueKind::Expression, false, ""},
    {"refugies", ClueKind::Expression, false, ""},
    {"institut francais", ClueKind::Body, false, "culture_rayonnement"},
    {"croix rouge", ClueKind::Body, false, ""},
    // International bodies and the networks of French external action.
    {"unicef", ClueKind::Body, true, "aide_au_developpement"},
    {"unesco", ClueKind::Body, true, "culture_rayonnement"},
    {"unhcr", ClueKind::Body, true, "humanitaire"},
    {"haut commissariat des nations unies pour les refugies", ClueKind::Body, true, "humanitaire"},
    {"unrwa", ClueKind::Body, true, "humanitaire"},
    {"pnud", ClueKind::Body, true, "aide_au_developpement"},
    {"programme alimentaire mondial", ClueKind::Body, true, "humanitaire"},
    {"nations unies", ClueKind::Body, true, ""},
    {"onu", ClueKind::Body, true, ""},
    {"banque mondiale", ClueKind::Body, true, "aide_au_developpement"},
    {"conseil de l europe", ClueKind::Body, true, ""},
    {"croissant rouge", ClueKind::Body, true, "humanitaire"},
    {"comite international de la croix rouge", ClueKind::Body, true, "humanitaire"},
    {"cicr", ClueKind::Body, true, "humanitaire"},
    {"medecins du monde", ClueKind::Body, true, "humanitaire"},
    {"msf", ClueKind::Body, true, "humanitaire"},
    {"medecins sans frontieres", ClueKind::Body, true, "humanitaire"},
    {"medecins sans frontiere", ClueKind::Body, true, "humanitaire"},
    {"pharmaciens sans frontieres", ClueKind::Body, true, "humanitaire"},
    {"clowns sans frontieres", ClueKind::Body, true, "humanitaire"},
    {"aviation sans frontieres", ClueKind::Body, true, "humanitaire"},
    {"ingenieurs sans frontieres", ClueKind::Body, true, "aide_au_developpement"},
    {"veterinaires sans frontieres", ClueKind::Body, true, "aide_au_developpement"},
    {"electriciens sans frontieres", ClueKind::Body, true, "aide_au_developpement"},
    {"architectes sans frontieres", ClueKind::Body, true, "aide_au_developpement"},
    {"bibliotheques sans frontieres", ClueKind::Body, true, "aide_au_developpement"},
    {"avocats sans frontieres", ClueKind::Body, true, ""},
    {"reporters sans frontieres", ClueKind::Body, true, ""},
    {"action contre la faim", ClueKind::Body, true, "humanitaire"},
    {"handicap international", ClueKind::Body, true, "humanitaire"},
    {"solidarites international", ClueKind::Body, true, "humanitaire"},
    // The NGO's whole name: « gestes de première urgence » is first aid.
    {"premiere urgence internationale", ClueKind::Body, true, "humanitaire"},
    {"secours islamique", ClueKind::Body, true, "humanitaire"},
    {"acted", ClueKind::Body, true, "humanitaire"},
    {"oxfam", ClueKind::Body, true, "aide_au_developpement"},
    {"aide et action", ClueKind::Body, true, "aide_au_developpement"},
    {"care france", ClueKind::Body, true, "humanitaire"},
    {"chaine de l espoir", ClueKind::Body, true, "humanitaire"},
    {"enfants du mekong", ClueKind::Body, true, "aide_au_developpement"},
    {"sante sud", ClueKind::Body, true, "aide_au_developpement"},
    {"plan international", ClueKind::Body, true, "aide_au_developpement"},
    {"gynecologie sans frontieres", ClueKind::Body, true, "humanitaire"},
    {"gynecologie sans frontiere", ClueKind::Body, true, "humanitaire"},
    {"enfants refugies du monde", ClueKind::Body, true, "humanitaire"},
    {"ccfd", ClueKind::Body, true, "aide_au_developpement"},
    // Agriculteurs français et développement international (review 32: « AFDI COMITE DE LA
    // SARTHE » had no clue).
    {"afdi", ClueKind::Body, true, "aide_au_developpement"},
    {"agriculteurs francais et developpement international", ClueKind::Body, true, "aide_au_developpement"},
    // Their names spelled out, as publishers write them (review 27: ACTED only weak, CCFD missed).
    {"agence d aide a la cooperation technique et au developpement", ClueKind::Body, true, "humanitaire"},
    {"comite catholique contre la faim et pour le developpement", ClueKind::Body, true, "aide_au_developpement"},
    {"parcours le monde", ClueKind::Body, true, "mobilite_jeunesse"},
    // Foreign legal forms: a Belgian ASBL or AISBL, a German GmbH, a Spanish asociación is a body
    // abroad (review 27: Cartoon AISBL only weak, ZEBAU GmbH missed).
    {"aisbl", ClueKind::Body, true, ""},
    {"asbl", ClueKind::Body, true, ""},
    {"gmbh", ClueKind::Body, true, ""},
    {"asociacion", ClueKind::Body, true, ""},
    {"terre des hommes", ClueKind::Body, true, "aide_au_developpement"},
    {"france volontaires", ClueKind::Body, true, "aide_au_developpement"},
    // Regional networks of the actors of international cooperation (domain.md §3).
    {"so cooperation", ClueKind::Body, true, "cooperation"},
    {"centraider", ClueKind::Body, true, "cooperation"},
    {"resacoop", ClueKind::Body, true, "cooperation"},
    {"lianes cooperation", ClueKind::Body, true, "cooperation"},
    {"cites unies france", ClueKind::Body, true, "cooperation"},
    {"occitanie cooperation", ClueKind::Body, true, "cooperation"},
    {"gescod", ClueKind::Body, true, "cooperation"},
    {"bourgogne franche comte international", ClueKind::Body, true, "cooperation"},
    {"reseau bretagne solidaire", ClueKind::Body, true, "cooperation"},
    {"horizons solidaires", ClueKind::Body, true, "cooperation"},
    {"agence francaise de developpement", ClueKind::Body, true, "aide_au_developpement"},
    // The acronym alone is also that of associations (diabetics, ...): weak.
    {"afd", ClueKind::Body, false, "aide_au_developpement"},
    {"expertise france", ClueKind::Body, true, "aide_au_developpement"},
    {"alliance francaise", ClueKind::Body, true, "culture_rayonnement"},
    {"ofaj", ClueKind::Body, true, "mobilite_jeunesse"},
    {"office franco allemand pour la jeunesse", ClueKind::Body, true, "mobilite_jeunesse"},
    {"campus france", ClueKind::Body, true, "enseignement_recherche"},
    {"business france", ClueKind::Body, true, "promotion_economique"},
    {"ubifrance", ClueKind::Body, true, "promotion_economique"},
    {"organisation internationale de la francophonie", ClueKind::Body, true, "culture_rayonnement"},
    {"oif", ClueKind::Body, true, "culture_rayonnement"},
    {"aimf", ClueKind::Body, true, "cooperation"},
    // Regions of the world, and names that are ambiguous between two countries.
    {"afrique", ClueKind::WorldRegion, true, ""},
    {"asie", ClueKind::WorldRegion, true, ""},
    {"amerique latine", ClueKind::WorldRegion, true, ""},
    {"amerique du sud", ClueKind::WorldRegion, true, ""},
    {"amerique centrale", ClueKind::WorldRegion, true, ""},
    {"amerique du nord", ClueKind::WorldRegion, true, ""},
    {"oceanie", ClueKind::WorldRegion, true, ""},
    {"maghreb", ClueKind::WorldRegion, true, ""},
    {"machrek", ClueKind::WorldRegion, true, ""},
    {"sahel", ClueKind::WorldRegion, true, ""},
    {"moyen orient", ClueKind::WorldRegion, true, ""},
    {"proche orient", ClueKind::WorldRegion, true, ""},
    {"balkans", ClueKind::WorldRegion, true, ""},
    {"caucase", ClueKind::WorldRegion, true, ""},
    {"europe de l est", ClueKind::WorldRegion, true, ""},
    {"congo", ClueKind::WorldRegion, true, ""},
    {"coree", ClueKind::WorldRegion, true, ""},
    {"kurdistan", ClueKind::WorldRegion, true, ""},
    {"tibet", ClueKind::WorldRegion, true, ""},
    {"tchetchenie", ClueKind::WorldRegion, true, ""},
    // Names cut by a publisher's 32-character column (Loire-Atlantique: « …SOLIDARITE INTERNAT »,
    // « AFRIQU »; review 27), and common abbreviations and misspellings.
    {"afriqu", ClueKind::WorldRegion, true, ""},
    {"solidarite internat", ClueKind::Expression, true, "aide_au_developpement"},
    {"coop dec", ClueKind::Expression, true, "cooperation"},
    {"intl", ClueKind::Expression, false, ""},
    // « COMITE D ECHANGES INTERNATIO » (Sarthe, review 32): « international » cut short.
    {"internatio", ClueKind::Expression, false, ""},
    {"internation", ClueKind::Expression, false, ""},
    // « USA » in a French association's name is « Union sportive d'A… » as often as the United
    // States (review 32: « USA SECTION TENNIS » was given the United States): weak, no country.
    {"usa", ClueKind::Expression, false, ""},
    {"internationnale", ClueKind::Expression, false, ""},
    {"europe", ClueKind::WorldRegion, false, ""},
    {"amerique", ClueKind::WorldRegion, false, ""},
    {"caraibes", ClueKind::WorldRegion, false, ""},
    {"africain", ClueKind::Demonym, false, ""},
    {"africaine", ClueKind::Demonym, false, ""},
    {"africains", ClueKind::Demonym, false, ""},
    {"africaines", ClueKind::Demonym, false, ""},
    {"asiatique", ClueKind::Demonym, false, ""},
    {"asiatiques", ClueKind::Demonym, false, ""},
    {"maghrebin", ClueKind::Demonym, false, ""},
    {"latino americain", ClueKind::Demonym, false, ""},
};

// Phrases that hold a clue's words and are domestic: matched like clues (longest first), they
// take their words and give no clue. Programmes of the French State (« jumelage
// culture-santé » of the DRAC and ARS, « jumelage école-entreprise »), French places and bodies
// whose names hold a foreign one.
constexpr std::string_view kDomesticPhrases[] = {
    "jumelage culture sante",       "jumelages culture sante",  "jumelage culture et sante",
    "jumelage ecole entreprise",    "jumelages ecole entreprise", "suisse normande",
    "ordre de malte",               "sainte lucie de tallano",  "sainte lucie de porto vecchio",
    // The veterans of the Algerian war (FNACA, a French association): three countries named,
    // none an action abroad (review of real files, 2 December 2026). Paris's gardens and Senate.
    "anciens combattants en algerie maroc et tunisie", "anciens combattants en algerie maroc tunisie",
    "anciens combattants d algerie maroc et tunisie",  "anciens combattants algerie maroc tunisie",
    "jardin du luxembourg",         "jardins du luxembourg",    "palais du luxembourg",
    // French places named after a city abroad: the Marais poitevin's « Venise verte », Colmar's
    // « Petite Venise ».
    "venise verte",                 "petite venise",
    // « Coopération » alone is a weak clue; these are French: the Office central de la coopération
    // à l'école (school cooperatives), the cooperation between communes.
    "office central de la cooperation a l ecole", "cooperation a l ecole", "cooperation scolaire",
    "cooperation intercommunale",   "cooperation agricole",
    "pole territorial de cooperation economique", "poles territoriaux de cooperation economique",
    // French « pays » (territories of projects) named after the South.
    "pays du sud toulousain",       "pays sud toulousain",      "pays du sud gironde",
    // French communes and places whose names hold a city abroad, French names and phrases that
    // hold one (review of the table of cities against the INSEE communes, 3 December 2026).
    "beaumes de venise",            "venise provencale",        "neuchatel urtiere",
    "rabat les trois seigneurs",    "rabat joie",               "saint rome",
    "saint martin de londres",      "notre dame de londres",    "mas de londres",
    "radio londres",                "saint gand",               "croizet sur gand",
    "sainte colombe sur gand",      "bois de gand",             "merville franceville",
    "nouvelle amsterdam",           "ile amsterdam",            "louise labe",
    "protocole de kyoto",           "bale mulhouse",            "mulhouse bale",
    "chanteur de mexico",           "rallye dakar",             "paris dakar",
    "savon d alep",
    // Le Mans's Maroc-Huchepie district, as Sarthe's file writes it (review 32).
    "maroc huchepie",               "maroc huche",              "quartier du maroc",
    // Words of French life that hold a country's name or demonym (review of real files, 3 December
    // 2026): the Asian hornet, Indian ink and Chinese porcelain, a former President's name.
    "frelon asiatique",             "frelons asiatiques",       "encre de chine",
    "encres de chine",              "porcelaine de chine",      "porcelaines de chine",
    "francois hollande",
    // Invasive plants, trees and emblems of French natural areas and shops (adversarial review,
    // 3 December 2026): Japanese knotweed, giant hogweed, cedars of Lebanon, a pharmacy's sign.
    "renouee du japon",             "renouees du japon",        "berce du caucase",
    "cedre du liban",               "cedres du liban",          "croix de malte",
    // French communes whose names hold a country's (INSEE communes, 3 December 2026).
    "allemagne en provence",        "robert espagne",           "saint benin d azy",
    "saint benin des bois",         "bouy luxembourg",          "hospitalet pres l andorre",
    "palau del vidre",              "palau de cerdagne",        "la rochebeaucourt et argentine",
};

// A place named after a country or a body (« rue de Madagascar », « avenue des Nations
// unies », « quartier du Luxembourg ») is an address: the words before a clue are looked at,
// past the articles, for one of these.
constexpr std::string_view kStreetWords[] = {"rue", "avenue", "av", "boulevard", "bd", "place", "quai", "allee",
                                             "allees", "impasse", "chemin", "square", "cours", "quartier", "cite",
                                             "residence", "passage", "parvis", "esplanade", "rond", "route"};
constexpr std::string_view kArticles[] = {"de", "du", "des", "d", "la", "le", "l", "les"};

// A school or a hall named after a city, the city's name right after it (« lycée Kyoto » and
// « collège Varsovie » are French schools, « lycée Saint-Louis » is no partner city: real files,
// 2 December 2026). With an article or a preposition (« école de Bamako ») the city is a place.
constexpr std::string_view kNamedPlaceWords[] = {"college", "colleges", "lycee", "lycees", "ecole", "ecoles",
                                                 "gymnase", "stade", "salle", "cinema", "theatre", "creche"};

template <std::size_t N>
bool one_of(std::string_view word, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (w == word) return true;
  return false;
}

// Words that say which nature an action is, without saying it is abroad (an emergency, a
// school exchange, exports are also domestic): read only for a row a strong clue already
// makes international, when no clue names its nature. Without them such a row got « autre »,
// which sends it down the path of a competence or a local interest although L1115-1 covers
// humanitarian aid (domain.md §2).
struct NatureHint {
  std::string_view words;
  std::string_view nature;
};
constexpr NatureHint kNatureHints[] = {
    {"urgence", "humanitaire"},        {"sinistres", "humanitaire"},          {"sinistrees", "humanitaire"},
    {"seisme", "humanitaire"},         {"tremblement de terre", "humanitaire"}, {"cyclone", "humanitaire"},
    {"ouragan", "humanitaire"},        {"typhon", "humanitaire"},             {"tsunami", "humanitaire"},
    {"famine", "humanitaire"},         {"catastrophe", "humanitaire"},        {"refugies", "humanitaire"},
    {"deplaces", "humanitaire"},       {"victimes", "humanitaire"},           {"echange scolaire", "mobilite_jeunesse"},
    {"echanges scolaires", "mobilite_jeunesse"}, {"echange de jeunes", "mobilite_jeunesse"},
    {"echanges de jeunes", "mobilite_jeunesse"}, {"echange linguistique", "mobilite_jeunesse"},
    {"sejour linguistique", "mobilite_jeunesse"}, {"export", "promotion_economique"},
    {"exportation", "promotion_economique"}, {"exportations", "promotion_economique"},
    {"prospection", "promotion_economique"},
};

// The name of the table, as people write it: the part before a comma or a parenthesis
// ("Russie, Fédération de" -> "Russie"; "Saint-Siège (état de la cité du Vatican)" -> "Saint-Siège").
std::string_view main_part(std::string_view name) {
  const std::size_t cut = name.find_first_of(",(");
  if (cut != std::string_view::npos) name = name.substr(0, cut);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return name;
}

// A demonym's forms from its masculine singular (folded): sénégalais -> sénégalaise(s);
// malien -> malienne(s); belge -> belges. Forms that do not exist do no harm.
std::vector<std::string> inflections(const std::string& base) {
  auto plural = [](const std::string& w) { return w.ends_with('s') || w.ends_with('x') ? w : w + "s"; };
  std::string feminine = base.ends_with('e')                           ? base
                         : base.ends_with("en") || base.ends_with("on") ? base + "ne"
                                                                        : base + "e";
  std::vector<std::string> forms = {base, plural(base)};
  if (feminine != base) {
    forms.push_back(feminine);
    forms.push_back(feminine + "s");
  }
  return forms;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    const std::size_t cut = text.find(separator);
    std::string_view part = text.substr(0, cut);
    if (!part.empty()) parts.push_back(part);
    if (cut == std::string_view::npos) break;
    text.remove_prefix(cut + 1);
  }
  return parts;
}

const csv::Table& checked(const csv::TableResult& read, std::string_view name) {
  if (read.error)
    throw std::runtime_error(std::string(name) + ":" + std::to_string(read.error->position.line) + ": " +
                             read.error->message);
  return read.table;
}

}  // namespace

std::string_view clue_kind_key(ClueKind kind) {
  switch (kind) {
    case ClueKind::Country: return "pays";
    case ClueKind::Demonym: return "gentile";
    case ClueKind::WorldRegion: return "region_du_monde";
    case ClueKind::Expression: return "expression";
    case ClueKind::Body: return "organisme";
    case ClueKind::PartnerCity: return "ville_partenaire";
    case ClueKind::SameBeneficiary: return "meme_beneficiaire";
    case ClueKind::ForeignCity: return "ville_etrangere";
  }
  return "expression";
}

namespace {

// A word as phrases are kept: « St », « St. » and « Ste » are « Saint » and « Sainte » (« ST LOUIS »,
// « St-Louis » for the partner city Saint-Louis of Senegal; « Ste-Lucie »). Only for matching:
// the folded words themselves, which draft ids are made of, stay as written.
std::string_view phrase_word(std::string_view word) {
  if (word == "st") return "saint";
  if (word == "ste") return "sainte";
  return word;
}

}  // namespace

void InternationalClues::add(std::string_view words, Phrase phrase) {
  FoldedText folded(words);
  if (folded.tokens().empty()) return;
  for (std::size_t i = 1; i < folded.tokens().size(); ++i) phrase.rest.emplace_back(folded.tokens()[i].word);
  for (std::string& word : phrase.rest) word = std::string(phrase_word(word));
  by_first_word_[std::string(phrase_word(folded.tokens()[0].word))].push_back(std::move(phrase));
}

InternationalClues InternationalClues::from_tables(std::string_view zones_csv, std::string_view demonyms_csv,
                                                   std::string_view cities_csv) {
  InternationalClues clues;
  const csv::TableResult zones_read = csv::read_table(zones_csv);
  const csv::Table& zones = checked(zones_read, "pays-zones.csv");
  const int code_col = zones.column("pays"), name_col = zones.column("nom");
  if (code_col < 0 || name_col < 0) throw std::runtime_error("pays-zones.csv : colonnes « pays » et « nom » attendues");
  const csv::TableResult demonyms_read = csv::read_table(demonyms_csv);
  const csv::Table& demonyms = checked(demonyms_read, "pays-gentiles.csv");
  const int d_code = demonyms.column("pays"), d_names = demonyms.column("autres_noms"),
            d_demonyms = demonyms.column("gentiles"), d_alone = demonyms.column("nom_seul");
  if (d_code < 0 || d_names < 0 || d_demonyms < 0 || d_alone < 0)
    throw std::runtime_error("pays-gentiles.csv : colonnes pays, autres_noms, gentiles, nom_seul attendues");

  std::unordered_map<std::string, const csv::TableRow*> extra;
  for (const auto& row : demonyms.rows) extra[row.cells[d_code]] = &row;
  for (const auto& row : zones.rows) {
    const std::string& code = row.cells[code_col];
    clues.names_[code] = row.cells[name_col];
    if (french_territory(code)) continue;
    auto found = extra.find(code);
    const csv::TableRow* more = found == extra.end() ? nullptr : found->second;
    const bool name_alone = !more || more->cells[d_alone] != "non";
    if (name_alone) clues.add(main_part(row.cells[name_col]), {{}, ClueKind::Country, code, true, ""});
    if (!more) continue;
    for (std::string_view other : split(more->cells[d_names], '|'))
      clues.add(other, {{}, ClueKind::Country, code, true, ""});
    for (std::string_view demonym : split(more->cells[d_demonyms], '|'))
      for (const std::string& form : inflections(folded_words(demonym)))
        clues.add(form, {{}, ClueKind::Demonym, code, false, ""});
  }
  if (!cities_csv.empty()) clues.add_cities(cities_csv);
  for (const Keyword& k : kKeywords) clues.add(k.words, {{}, k.kind, "", k.strong, k.nature});
  for (std::string_view words : kDomesticPhrases) {
    Phrase phrase{{}, ClueKind::Expression, "", false, ""};
    phrase.domestic = true;
    clues.add(words, std::move(phrase));
  }
  for (const NatureHint& hint : kNatureHints) {
    FoldedText folded(hint.words);
    if (folded.tokens().empty()) continue;
    Phrase phrase{{}, ClueKind::Expression, "", false, hint.nature};
    for (std::size_t i = 1; i < folded.tokens().size(); ++i) phrase.rest.emplace_back(folded.tokens()[i].word);
    clues.hints_by_first_word_[std::string(folded.tokens()[0].word)].push_back(std::move(phrase));
  }
  return clues;
}

namespace {

// Whether the words before token `i` name a street or a quarter (« rue de », « avenue des »).
bool after_a_street_word(const std::vector<FoldedToken>& tokens, std::size_t i) {
  for (std::size_t back = 0; back < 4 && i > 0; ++back) {
    const std::string_view word = tokens[--i].word;
    if (one_of(word, kStreetWords)) return true;
    if (!one_of(word, kArticles)) return false;
  }
  return false;
}

// Whether the words at `i` name a French commune that bears a country's or a foreign city's name
// as a commune (« commune de Suisse », « mairie de Soudan », « ville d'Argentine », « commune de
// Venise »): Suisse (57), Soudan (44, 79), Argentine (73), Venise (25), Le Caire (04). Only these:
// « ville de Luxembourg », « municipalité de Gaza » are abroad (review of real files, 3 December 2026).
constexpr std::string_view kCommunesNamedAbroad[] = {"soudan", "suisse", "argentine", "venise", "le caire", "caire"};

bool a_french_commune_named_abroad(const std::vector<FoldedToken>& tokens, std::size_t i) {
  if (i < 2) return false;
  const std::string_view article = tokens[i - 1].word;
  if (article != "de" && article != "d" && article != "du") return false;
  const std::string_view word = tokens[i - 2].word;
  if (word != "commune" && word != "mairie" && word != "ville" && word != "municipalite") return false;
  std::string words(tokens[i].word);
  if (i + 1 < tokens.size()) {
    for (std::string_view name : kCommunesNamedAbroad)
      if (name == words + " " + std::string(tokens[i + 1].word)) return true;
  }
  return one_of(words, kCommunesNamedAbroad);
}

}  // namespace

void InternationalClues::add_cities(std::string_view csv_text) {
  const csv::TableResult read = csv::read_table(csv_text);
  const csv::Table& table = checked(read, "villes-etrangeres.csv");
  const int city_col = table.column("ville"), country_col = table.column("pays"), other_col = table.column("autres_noms");
  if (city_col < 0 || country_col < 0 || other_col < 0)
    throw std::runtime_error("villes-etrangeres.csv : colonnes ville, pays, autres_noms, capitale attendues");
  for (const csv::TableRow& row : table.rows) {
    const std::string& code = row.cells[static_cast<std::size_t>(country_col)];
    const std::string where = "villes-etrangeres.csv:" + std::to_string(row.line) + ": ";
    if (!names_.contains(code)) throw std::runtime_error(where + "pays « " + code + " » absent de pays-zones.csv");
    if (french_territory(code)) throw std::runtime_error(where + "« " + code + " » est un territoire français");
    add(row.cells[static_cast<std::size_t>(city_col)], {{}, ClueKind::ForeignCity, code, true, ""});
    for (std::string_view other : split(row.cells[static_cast<std::size_t>(other_col)], '|'))
      add(other, {{}, ClueKind::ForeignCity, code, true, ""});
  }
}

void InternationalClues::add_partner_cities(std::string_view csv_text, std::string_view file) {
  const csv::TableResult read = csv::read_table(csv_text);
  const csv::Table& table = checked(read, file);
  const int city_col = table.column("ville"), country_col = table.column("pays");
  if (city_col < 0 || country_col < 0)
    throw std::runtime_error(std::string(file) + ":1: colonnes « ville » et « pays » attendues (ville,pays)");
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const csv::TableRow& row = table.rows[r];
    const std::string where = std::string(file) + ":" + std::to_string(row.line) + ": ";
    const std::string& city = row.cells[static_cast<std::size_t>(city_col)];
    const std::string& code = row.cells[static_cast<std::size_t>(country_col)];
    if (FoldedText(city).tokens().empty()) throw std::runtime_error(where + "ville vide");
    if (!names_.contains(code))
      throw std::runtime_error(where + "pays « " + code + " » inconnu : un code ISO à deux lettres de pays-zones.csv (TD, DE, SN…)");
    if (french_territory(code))
      throw std::runtime_error(where + "« " + code + " » est un territoire français : " + city + " n'est pas à l'étranger");
    add(city, {{}, ClueKind::PartnerCity, code, true, "cooperation"});
  }
}


namespace {

// Which of two phrases of the same words wins: the lower rank.
int tie_rank(ClueKind kind) {
  switch (kind) {
    case ClueKind::Country: return 0;
    case ClueKind::PartnerCity: return 1;
    case ClueKind::ForeignCity: return 2;
    default: return 3;
  }
}

}  // namespace

const InternationalClues::Phrase* InternationalClues::longest_at(const PhraseMap& phrases,
                                                                 const std::vector<FoldedToken>& tokens, std::size_t i) {
  auto found = phrases.find(phrase_word(tokens[i].word));
  const Phrase* best = nullptr;
  if (found == phrases.end()) return nullptr;
  for (const Phrase& phrase : found->second) {
    if (i + phrase.rest.size() >= tokens.size()) continue;
    bool match = true;
    for (std::size_t k = 0; k < phrase.rest.size() && match; ++k) match = phrase_word(tokens[i + 1 + k].word) == phrase.rest[k];
    // Longest first; on a tie a country beats a demonym ("suisse"), and the collectivité's own
    // partner city beats the same city in the table of cities abroad (its nature is known).
    if (match && (!best || phrase.rest.size() > best->rest.size() ||
                  (phrase.rest.size() == best->rest.size() && tie_rank(phrase.kind) < tie_rank(best->kind))))
      best = &phrase;
  }
  return best;
}

void InternationalClues::find(const FoldedText& text, std::vector<Clue>& out) const {
  const auto& tokens = text.tokens();
  for (std::size_t i = 0; i < tokens.size();) {
    const Phrase* best = longest_at(by_first_word_, tokens, i);
    if (!best) {
      ++i;
      continue;
    }
    const std::size_t last = i + best->rest.size();
    const bool city = best->kind == ClueKind::ForeignCity || best->kind == ClueKind::PartnerCity;
    const bool address = (best->kind != ClueKind::Demonym && after_a_street_word(tokens, i)) ||
                         (city && i > 0 && one_of(tokens[i - 1].word, kNamedPlaceWords)) ||
                         (best->kind != ClueKind::Demonym && a_french_commune_named_abroad(tokens, i));
    if (!best->domestic && !address)
      out.push_back({best->kind, std::string(text.quote(i, last)), best->country, best->strong, best->nature});
    i = last + 1;
  }
}

std::optional<Clue> InternationalClues::nature_hint(const FoldedText& text) const {
  const auto& tokens = text.tokens();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (const Phrase* hint = longest_at(hints_by_first_word_, tokens, i))
      return Clue{ClueKind::Expression, std::string(text.quote(i, i + hint->rest.size())), "", false, hint->nature};
  }
  return std::nullopt;
}

std::string_view InternationalClues::country_name(std::string_view code) const {
  auto found = names_.find(code);
  return found == names_.end() ? code : std::string_view(found->second);
}

}  // namespace subsidia::interop
