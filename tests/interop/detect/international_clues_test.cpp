#include "detect/international_clues.hpp"

#include <gtest/gtest.h>

namespace subsidia::interop {
namespace {

const InternationalClues& builtin_clues() {
  static const InternationalClues clues = InternationalClues::builtin();
  return clues;
}

std::vector<Clue> clues_of(std::string_view text) {
  const InternationalClues& clues = builtin_clues();
  std::vector<Clue> out;
  clues.find(FoldedText(text), out);
  return out;
}

TEST(InternationalClues, NamesACountryFromTheTableWhateverItsCase) {
  auto c = clues_of("Appui à une école de DIASSAP au SÉNÉGAL");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ClueKind::Country);
  EXPECT_EQ(c[0].country, "SN");
  EXPECT_EQ(c[0].text, "SÉNÉGAL");
  EXPECT_TRUE(c[0].strong);
}

TEST(InternationalClues, PrefersTheLongestName) {
  auto c = clues_of("Guinée équatoriale, Afrique du Sud, Papouasie-Nouvelle-Guinée, Soudan du Sud");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].country, "GQ");
  EXPECT_EQ(c[1].country, "ZA");
  EXPECT_EQ(c[2].country, "PG");
  EXPECT_EQ(c[3].country, "SS");
}

TEST(InternationalClues, ReadsOtherNamesAndInvertedTableNames) {
  auto c = clues_of("Échanges avec la Russie, l'Angleterre, la RDC et le Vietnam");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].country, "RU");
  EXPECT_EQ(c[1].country, "GB");
  EXPECT_EQ(c[2].country, "CD");
  EXPECT_EQ(c[3].country, "VN");
}

TEST(InternationalClues, ADemonymIsAWeakClueWithoutACountry) {
  auto c = clues_of("Association culturelle des Togolaises de Poitiers");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, ClueKind::Demonym);
  EXPECT_FALSE(c[0].strong);
}

// Names spelled out, foreign legal forms, regional networks and names cut at 32 characters, seen
// in real files (review 27); a strong clue each, and « internat » alone (a boarding school) none.
TEST(InternationalClues, BodiesSpelledOutForeignLegalFormsAndCutNamesAreStrong) {
  for (const char* text : {"AGENCE D'AIDE A LA COOPERATION TECHNIQUE ET AU DEVELOPPEMENT",
                           "Comité catholique contre la faim et pour le développement", "Cartoon AISBL",
                           "ZEBAU GmbH", "Occitanie Coopération", "PARCOURS LE MONDE SUD OUEST",
                           "ASS LES AMIS SOLIDARITE INTERNAT", "ECOLES POUR L AFRIQU", "Comité de soutien au Tibet"}) {
    auto c = clues_of(text);
    ASSERT_FALSE(c.empty()) << text;
    EXPECT_TRUE(c[0].strong) << text;
  }
  EXPECT_TRUE(clues_of("Foyer de l'internat du lycée").empty());
}

TEST(InternationalClues, ExpressionsGiveTheNatureTheyName) {
  auto c = clues_of("Solidarité internationale ; aide humanitaire ; comité de jumelage");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].nature, "aide_au_developpement");
  EXPECT_EQ(c[1].nature, "humanitaire");
  EXPECT_EQ(c[2].nature, "cooperation");
  EXPECT_TRUE(c[2].strong);
}

TEST(InternationalClues, FrenchOverseasTerritoriesAndAmbiguousNamesAreNoCountry) {
  EXPECT_TRUE(clues_of("Séjour en Guadeloupe et à la Réunion").empty());
  EXPECT_TRUE(clues_of("Rue Maurice Thorez, salle Dominique Roux").empty());
  auto congo = clues_of("Projet au Congo");
  ASSERT_EQ(congo.size(), 1u);
  EXPECT_EQ(congo[0].kind, ClueKind::WorldRegion);
  EXPECT_TRUE(congo[0].country.empty());
}

TEST(InternationalClues, FindsInternationalBodies) {
  auto c = clues_of("Convention avec l'Agence française de développement et Médecins du Monde");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].kind, ClueKind::Body);
  EXPECT_EQ(c[1].nature, "humanitaire");
}

// Words of the field that gave no clue (review of 2 December 2026, probes on real file styles).
TEST(InternationalClues, KnowsTheWordsOfCooperationAndItsNetworks) {
  const auto strong_nature = [](std::string_view text) -> std::string {
    for (const Clue& c : clues_of(text))
      if (c.strong) return c.nature.empty() ? "(sans nature)" : std::string(c.nature);
    return "";
  };
  EXPECT_EQ(strong_nature("Projets de codéveloppement portés par la diaspora"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("Projet de co-développement"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("Actions de solidarité Nord-Sud"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("COOPERATIONS DECENTRALISEES 2017"), "cooperation");
  EXPECT_EQ(strong_nature("COOP. DECENTRALISEE KAYES 2017"), "cooperation");
  EXPECT_EQ(strong_nature("dédié à la coopération et à la solidarité internationales"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("Maison des solidarités internationales"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("Accueil de volontaires VSI"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("Programme de l'ONG Eau Vive"), "(sans nature)");
  EXPECT_EQ(strong_nature("Cotisation OIF"), "culture_rayonnement");
  EXPECT_EQ(strong_nature("SO COOPERATION"), "cooperation");
  EXPECT_EQ(strong_nature("CCFD-TERRE SOLIDAIRE"), "aide_au_developpement");
  EXPECT_EQ(strong_nature("MEDECINS SANS FRONTIERES"), "humanitaire");
  EXPECT_EQ(strong_nature("Pharmaciens sans frontières"), "humanitaire");
}

TEST(InternationalClues, OtherNamesOfCountriesThatShareAWordWithAnother) {
  auto c = clues_of("Dispensaire en Nouvelle-Guinée ; déplacés du Sud-Soudan ; école au Timor ; Macédoine");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].country, "PG");  // not GN, Guinea
  EXPECT_EQ(c[1].country, "SS");  // not SD, Sudan
  EXPECT_EQ(c[2].country, "TL");
  EXPECT_EQ(c[3].country, "MK");
}

// Phrases that hold a clue's words and are domestic: weak, or no clue at all.
TEST(InternationalClues, DomesticPhrasesAndAddressesAreNoStrongClue) {
  const auto strong = [](std::string_view text) {
    for (const Clue& c : clues_of(text))
      if (c.strong) return true;
    return false;
  };
  EXPECT_FALSE(strong("Formation aux gestes de première urgence"));
  EXPECT_TRUE(strong("Première Urgence Internationale"));
  EXPECT_FALSE(strong("AFD 86 - Association française des diabétiques"));
  EXPECT_TRUE(strong("Agence française de développement"));
  EXPECT_FALSE(strong("Jumelage culture-santé avec le Théâtre du Bocage"));
  EXPECT_FALSE(strong("Jumelage école-entreprise"));
  EXPECT_TRUE(strong("Comité de jumelage"));
  EXPECT_FALSE(strong("Tournoi Sport sans frontières"));
  EXPECT_FALSE(strong("Association des commerçants de la rue de Madagascar"));
  EXPECT_FALSE(strong("Commerçants de l'avenue des Nations unies"));
  EXPECT_FALSE(strong("Comité du quartier du Luxembourg"));
  EXPECT_FALSE(strong("Office de tourisme de la Suisse normande"));
  EXPECT_FALSE(strong("Ordre de Malte France"));
  EXPECT_FALSE(strong("Comité des fêtes de Sainte-Lucie-de-Tallano"));
  // A country named after other words still counts: the street test looks only past articles.
  EXPECT_TRUE(strong("Aide aux rues de Madagascar"));
  EXPECT_TRUE(strong("Une école à Madagascar"));
  // « sans frontières » alone stays a weak clue, to be reviewed.
  const auto c = clues_of("Musique sans frontières");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_FALSE(c[0].strong);
}

TEST(InternationalClues, NatureHintsSayTheNatureWithoutMakingACandidate) {
  const InternationalClues clues = InternationalClues::builtin();
  std::vector<Clue> out;
  clues.find(FoldedText("Aide d'urgence aux sinistrés"), out);
  EXPECT_TRUE(out.empty());  // an emergency in France is no clue
  auto hint = clues.nature_hint(FoldedText("Aide d'urgence aux sinistrés du cyclone"));
  ASSERT_TRUE(hint.has_value());
  EXPECT_EQ(hint->nature, "humanitaire");
  EXPECT_EQ(hint->text, "urgence");
  EXPECT_EQ(clues.nature_hint(FoldedText("Échange scolaire"))->nature, "mobilite_jeunesse");
  EXPECT_EQ(clues.nature_hint(FoldedText("Prospection export"))->nature, "promotion_economique");
  EXPECT_FALSE(clues.nature_hint(FoldedText("Fonctionnement 2017")).has_value());
}

TEST(InternationalClues, APartnerCityIsAStrongClueOfItsCountry) {
  InternationalClues clues = InternationalClues::builtin();
  clues.add_partner_cities("ville,pays\nMoundou,TD\nSaint-Louis,SN\n", "villes.csv");
  std::vector<Clue> out;
  clues.find(FoldedText("Fête du livre à MOUNDOU ; bibliothèque de Saint-Louis"), out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, ClueKind::PartnerCity);
  EXPECT_EQ(out[0].country, "TD");
  EXPECT_EQ(out[0].text, "MOUNDOU");
  EXPECT_TRUE(out[0].strong);
  EXPECT_EQ(out[0].nature, "cooperation");
  EXPECT_EQ(out[1].country, "SN");
  EXPECT_EQ(clue_kind_key(ClueKind::PartnerCity), "ville_partenaire");
}

// « ST LOUIS », « St-Louis », « St. Louis » for the partner city Saint-Louis (Senegal), and a
// table that writes it « St-Louis »: a real file wrote « AGENCE DEVELOPPEMENT COMMUNAL VILLE
// ST LOUIS », missed (review of real files, 2 December 2026). Sainte-Lucie as « Ste-Lucie » too.
TEST(InternationalClues, SaintAndSainteAbbreviatedAreTheSameWords) {
  InternationalClues clues = InternationalClues::builtin();
  clues.add_partner_cities("ville,pays\nSt-Louis,SN\n", "villes.csv");
  for (const char* text : {"VILLE ST LOUIS", "Ville de St-Louis", "St. Louis", "Saint-Louis", "Sainte Lucie", "Ste-Lucie"}) {
    std::vector<Clue> out;
    clues.find(FoldedText(text), out);
    ASSERT_EQ(out.size(), 1u) << text;
    EXPECT_TRUE(out[0].strong) << text;
    EXPECT_EQ(out[0].country, std::string(text).find("Lucie") != std::string::npos ? "LC" : "SN") << text;
  }
}

// French bodies and places named after countries (review of real files): the veterans' FNACA
// gave Algeria, Morocco and Tunisia as three strong clues; « Jardin du Luxembourg » Luxembourg.
TEST(InternationalClues, FrenchBodiesAndPlacesNamedAfterCountriesAreNoClue) {
  InternationalClues clues = InternationalClues::builtin();
  for (const char* text : {"FNACA Fédération nationale des anciens combattants en Algérie, Maroc et Tunisie",
                           "Concert au Jardin du Luxembourg"}) {
    std::vector<Clue> out;
    clues.find(FoldedText(text), out);
    EXPECT_TRUE(out.empty()) << text << " : " << (out.empty() ? "" : out[0].text);
  }
  std::vector<Clue> out;
  clues.find(FoldedText("Échanges avec le Maroc"), out);
  ASSERT_EQ(out.size(), 1u);  // the country alone is still a clue
  EXPECT_EQ(out[0].country, "MA");
}

TEST(InternationalClues, ABadPartnerCityTableNamesItsLine) {
  InternationalClues clues = InternationalClues::builtin();
  const auto error_of = [&](std::string_view csv) -> std::string {
    try {
      clues.add_partner_cities(csv, "villes.csv");
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_EQ(error_of("ville,pays\nMoundou,TD\nBasse-Terre,GP\n"),
            "villes.csv:3: « GP » est un territoire français : Basse-Terre n'est pas à l'étranger");
  EXPECT_EQ(error_of("ville,pays\nMoundou,Tchad\n").rfind("villes.csv:2: pays « Tchad » inconnu", 0), 0u);
  EXPECT_EQ(error_of("ville,pays\n,TD\n"), "villes.csv:2: ville vide");
  EXPECT_EQ(error_of("commune,pays\nMoundou,TD\n"), "villes.csv:1: colonnes « ville » et « pays » attendues (ville,pays)");
}

TEST(InternationalClues, KnowsEveryCountryName) {
  const InternationalClues clues = InternationalClues::builtin();
  EXPECT_EQ(clues.country_name("SN"), "Sénégal");
  EXPECT_EQ(clues.country_name("ZZ"), "ZZ");
}

TEST(InternationalClues, RejectsAMalformedTableWithItsLine) {
  try {
    InternationalClues::from_tables("pays,nom,zone\nAF,Afghanistan\n", "pays,autres_noms,gentiles,nom_seul\n");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("pays-zones.csv:2"), std::string::npos) << e.what();
  }
}

// A city abroad that no country name reveals: « Appui aux femmes maraîchères de Thiès », « séjour
// à Malaga », « jumelage » aside. Missed before (review of real files, 2 December 2026): only
// the collectivité's own partner cities were known.
TEST(InternationalClues, ACityAbroadIsAStrongClueOfItsCountry) {
  const InternationalClues& clues = builtin_clues();
  struct Expected {
    const char* text;
    const char* words;
    const char* country;
  };
  for (const Expected& e : {Expected{"Appui aux maraîchères de Thiès", "Thiès", "SN"},
                            Expected{"Séjour linguistique à MALAGA", "MALAGA", "ES"},
                            Expected{"Centre de santé de Bobo-Dioulasso", "Bobo-Dioulasso", "BF"},
                            Expected{"Association Bamako Solidarité", "Bamako", "ML"},
                            Expected{"Reconstruction à Port-au-Prince", "Port-au-Prince", "HT"},
                            Expected{"Ecole de Hô Chi Minh-Ville", "Hô Chi Minh-Ville", "VN"},
                            Expected{"Projet eau Saint-Domingue", "Saint-Domingue", "DO"}}) {
    std::vector<Clue> out;
    clues.find(FoldedText(e.text), out);
    ASSERT_EQ(out.size(), 1u) << e.text;
    EXPECT_EQ(out[0].kind, ClueKind::ForeignCity) << e.text;
    EXPECT_EQ(out[0].text, e.words) << e.text;
    EXPECT_EQ(out[0].country, e.country) << e.text;
    EXPECT_TRUE(out[0].strong) << e.text;
    EXPECT_TRUE(out[0].nature.empty()) << e.text;  // a city says where, not what
  }
  EXPECT_EQ(clue_kind_key(ClueKind::ForeignCity), "ville_etrangere");
}

// Cities that are also French places, first names or words are not in the table (Vienne, Valence,
// Florence, Montréal, Sofia, Port-Louis, Liège, Bougie); a street named after a city abroad is an
// address; the Marais poitevin's « Venise verte » is French.
TEST(InternationalClues, FrenchPlacesWordsAndStreetsNamedAfterACityAreNoClue) {
  const InternationalClues& clues = builtin_clues();
  for (const char* text : {"Festival de Vienne", "Valence Romans Agglo", "Mme Florence Martin", "Montréal (Aude)",
                           "Sofia Benali", "Port-Louis (Morbihan)", "Bouchons en liège", "Atelier bougie",
                           "Rue de Dakar", "Avenue de Moscou", "Office de tourisme de la Venise verte",
                           "Canal de la Petite Venise", "Cinéma Le Louxor", "partenariat avec le lycée Kyoto",
                           "Collège Varsovie", "Ville de Bruges (Gironde)", "Foyer rural de Saint-Martin-de-Londres",
                           "Concours de manille", "Alevinage de brèmes", "Fête du colombo", "Lycée Louise Labé",
                           "Plan climat : protocole de Kyoto", "Aéroport Bâle-Mulhouse", "Le Chanteur de Mexico",
                           "Pilote au Rallye Dakar", "Durban (Gers)", "drapeaux en berne", "Saint-Rome-de-Tarn"}) {
    std::vector<Clue> out;
    clues.find(FoldedText(text), out);
    EXPECT_TRUE(out.empty()) << text << " : " << (out.empty() ? "" : out[0].text);
  }
}

// The collectivité's partner city wins over the same name in the table of cities abroad: its
// nature (cooperation) is known.
TEST(InternationalClues, APartnerCityWinsOverTheSameCityAbroad) {
  InternationalClues clues = InternationalClues::builtin();
  clues.add_partner_cities("ville,pays\nMoundou,TD\n", "villes.csv");
  std::vector<Clue> out;
  clues.find(FoldedText("Bibliothèque de Moundou"), out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, ClueKind::PartnerCity);
  EXPECT_EQ(out[0].nature, "cooperation");
  // A French school named after it is not.
  clues.add_partner_cities("ville,pays\nSaint-Louis,SN\n", "villes.csv");
  out.clear();
  clues.find(FoldedText("Lycée Saint-Louis : voyage scolaire"), out);
  EXPECT_TRUE(out.empty());
}

// Every city of the table names a country of pays-zones.csv that is not French, and none is also
// a country's name (which would make the row name it twice).
TEST(InternationalClues, TheCitiesTableIsCheckedWhenRead) {
  EXPECT_THROW(InternationalClues::from_tables("pays,nom,zone\nSN,Sénégal,Afrique\n", "pays,autres_noms,gentiles,nom_seul\n",
                                               "ville,pays,autres_noms,capitale\nDakar,XX,,oui\n"),
               std::runtime_error);
  EXPECT_THROW(InternationalClues::from_tables("pays,nom,zone\nRE,La Réunion,Outre-mer\n", "pays,autres_noms,gentiles,nom_seul\n",
                                               "ville,pays,autres_noms,capitale\nSaint-Denis,RE,,non\n"),
               std::runtime_error);
  EXPECT_THROW(InternationalClues::from_tables("pays,nom,zone\nSN,Sénégal,Afrique\n", "pays,autres_noms,gentiles,nom_seul\n",
                                               "ville,pays\nDakar,SN\n"),
               std::runtime_error);
}

// « Coopération » alone is a weak clue, for review; a school's cooperative (OCCE) and communes
// working together are French.
TEST(InternationalClues, CooperationAloneIsWeakAndFrenchCooperationsAreNoClue) {
  const InternationalClues& clues = builtin_clues();
  std::vector<Clue> out;
  clues.find(FoldedText("Projet de coopération avec la ville de Kindia"), out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FALSE(out[0].strong);
  EXPECT_EQ(out[1].country, "GN");
  for (const char* text : {"OCCE - Office central de la coopération à l'école", "Coopération scolaire",
                           "Coopération intercommunale"}) {
    out.clear();
    clues.find(FoldedText(text), out);
    EXPECT_TRUE(out.empty()) << text;
  }
}

// Review of real files, 3 December 2026: domestic wording that named development aid or a country
// (economic aid, a road, the Asian hornet, Indian ink, communes named like a country), and
// international bodies and regions that named nothing.
TEST(InternationalClues, DomesticWordingIsNoStrongClueAndCrossBorderBodiesAre) {
  const InternationalClues& clues = builtin_clues();
  auto strongest = [&](const char* text) {
    std::vector<Clue> out;
    clues.find(FoldedText(text), out);
    for (const Clue& c : out)
      if (c.strong) return std::string("fort:") + c.text;
    return out.empty() ? std::string() : std::string("faible:") + out[0].text;
  };
  EXPECT_EQ(strongest("Aide au développement des TPE").rfind("faible:", 0), 0u);
  EXPECT_EQ(strongest("Aménagement de l'axe Nord-Sud (RD 911)").rfind("faible:", 0), 0u);
  EXPECT_EQ(strongest("Aide publique au développement").rfind("fort:", 0), 0u);
  EXPECT_EQ(strongest("Partenariat Nord-Sud avec Kindia").rfind("fort:", 0), 0u);
  for (const char* text : {"Lutte contre le frelon asiatique", "Atelier encre de Chine", "Porcelaine de Chine",
                           "Médiathèque François Hollande", "Commune de Suisse", "Mairie de Soudan", "Ville d'Argentine",
                           "Commune de Macau", "Allemagne-en-Provence", "Robert-Espagne", "Bouy-Luxembourg",
                           "Commune de Venise", "Commune de Le Caire"}) {
    EXPECT_EQ(strongest(text), "") << text;
  }
  for (const char* text : {"Cotisation GECT Espace Pourtalet", "Eurorégion Pyrénées-Méditerranée", "Eurodistrict",
                           "Coopération transnationale LEADER", "CARE France", "La Chaîne de l'Espoir",
                           "Enfants du Mékong", "Santé Sud", "Plan International France", "Écoles en Casamance",
                           "Hôpital de Goma, Nord-Kivu", "Gynécologie sans frontières", "Ville de Luxembourg",
                           "Municipalité de Gaza", "Projet à Hai Phong"}) {
    EXPECT_EQ(strongest(text).rfind("fort:", 0), 0u) << text << " : " << strongest(text);
  }
}

}  // namespace
// A Sarthe subsidy list (review 32): « USA » is « Union sportive d'A… », « MAROC HUCHE » a Le Mans
// district, « BERN » Bernay cut short; « DU FASO » is Burkina Faso, « AFDI » an NGO, « INTERNATIO »
// « international » cut short.
TEST(InternationalClues, AcronymsDistrictsAndCutNamesOfAFrenchListAreReadForWhatTheyAre) {
  for (const char* text : {"USA SECTION TENNIS", "COMITE DES FETES ET USA D AVOISE"}) {
    for (const Clue& clue : clues_of(text)) {
      EXPECT_FALSE(clue.strong) << text << " : " << clue.text;
      EXPECT_TRUE(clue.country.empty()) << text << " : " << clue.text;
    }
  }
  EXPECT_TRUE(clues_of("SPORTIVE COLLEGE MAROC HUCHE").empty());
  EXPECT_TRUE(clues_of("MAISON FAMILIALE RURALE BERN ECOLE AGRICOLE").empty());
  auto faso = clues_of("SOLIDARITE ENFANTS SOURDS DU FASO");
  ASSERT_FALSE(faso.empty());
  EXPECT_EQ(faso.back().country, "BF");
  EXPECT_TRUE(faso.back().strong);
  auto afdi = clues_of("AFDI COMITE DE LA SARTHE");
  ASSERT_EQ(afdi.size(), 1u);
  EXPECT_TRUE(afdi[0].strong);
  auto cut = clues_of("COMITE D ECHANGES INTERNATIO SPORTS LOISIRS CU");
  ASSERT_EQ(cut.size(), 1u);
  EXPECT_FALSE(cut[0].strong);
}

}  // namespace subsidia::interop
