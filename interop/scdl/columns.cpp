#include "scdl/columns.hpp"

#include "detect/folded_text.hpp"
#include "diag/spelling.hpp"

namespace subsidia::interop::scdl {

namespace {

// Scdl2Title: the title the 2.1.1 Table Schema gives a field (« Montant total de la subvention »).
enum class Naming { Scdl2, Scdl2Title, Scdl1, Variant };

struct Alias {
  std::string_view key;  // folded_key() of the header cell
  Column column;
  Naming naming;
};

// Folded header names. SCDL 2.x: the Table Schema's field names. SCDL 1.x: the names of the
// first SCDL (COLL_*, ATTRIB_* for the beneficiary, the "attributaire", SUB_*, ACTE_*).
// Variants: what published files write instead, among them the 2.1.1 schema's own titles
// (« Date de la convention de subvention »: a department's 18 148 rows), the names of its
// April 2018 draft (ATTRIBUANT_NOM, SUBVENTION_MONTANT…) and a State service's French
// headers, where « Nom attributaire » is the one who grants (next to « Nom du bénéficiaire »).
constexpr Alias kAliases[] = {
    {"nomattribuant", Column::NomAttribuant, Naming::Scdl2},
    {"collnom", Column::NomAttribuant, Naming::Scdl1},
    {"nomcollectivite", Column::NomAttribuant, Naming::Variant},
    {"collectivite", Column::NomAttribuant, Naming::Variant},
    {"attribuant", Column::NomAttribuant, Naming::Variant},
    {"nomdelattribuant", Column::NomAttribuant, Naming::Scdl2Title},
    {"attribuantnom", Column::NomAttribuant, Naming::Variant},
    {"nomattributaire", Column::NomAttribuant, Naming::Variant},
    {"idattribuant", Column::IdAttribuant, Naming::Scdl2},
    {"collsiret", Column::IdAttribuant, Naming::Scdl1},
    {"collsiren", Column::IdAttribuant, Naming::Variant},
    {"siretattribuant", Column::IdAttribuant, Naming::Variant},
    {"sirenattribuant", Column::IdAttribuant, Naming::Variant},
    {"siretcollectivite", Column::IdAttribuant, Naming::Variant},
    {"identificationdelattribuant", Column::IdAttribuant, Naming::Scdl2Title},
    {"attribuantid", Column::IdAttribuant, Naming::Variant},
    {"identificationdelattributaire", Column::IdAttribuant, Naming::Variant},
    {"colltype", Column::TypeAttribuant, Naming::Scdl1},
    {"typecollectivite", Column::TypeAttribuant, Naming::Variant},
    {"annee", Column::Exercice, Naming::Scdl1},
    {"exercice", Column::Exercice, Naming::Variant},
    {"anneebudgetaire", Column::Exercice, Naming::Variant},
    {"exercicebudgetaire", Column::Exercice, Naming::Variant},
    {"anneedattribution", Column::Exercice, Naming::Variant},
    {"dateconvention", Column::DateConvention, Naming::Scdl2},
    {"datedelaconvention", Column::DateConvention, Naming::Variant},
    {"actedate", Column::DateConvention, Naming::Scdl1},
    {"datedecision", Column::DateConvention, Naming::Variant},
    {"datededecision", Column::DateConvention, Naming::Variant},
    {"datedeladecision", Column::DateConvention, Naming::Variant},
    {"datedeliberation", Column::DateConvention, Naming::Variant},
    {"datedeladeliberation", Column::DateConvention, Naming::Variant},
    {"dateattribution", Column::DateConvention, Naming::Variant},
    {"datedattribution", Column::DateConvention, Naming::Variant},
    {"datedelaconventiondesubvention", Column::DateConvention, Naming::Scdl2Title},
    {"conventiondate", Column::DateConvention, Naming::Variant},
    {"datedeconvention", Column::DateConvention, Naming::Variant},
    {"referencedecision", Column::ReferenceDecision, Naming::Scdl2},
    {"acteref", Column::ReferenceDecision, Naming::Scdl1},
    {"referencedeladecision", Column::ReferenceDecision, Naming::Scdl2Title},
    {"refdecision", Column::ReferenceDecision, Naming::Variant},
    {"numerodeliberation", Column::ReferenceDecision, Naming::Variant},
    {"numerodecision", Column::ReferenceDecision, Naming::Variant},
    {"referencedeliberation", Column::ReferenceDecision, Naming::Variant},
    {"decisionref", Column::ReferenceDecision, Naming::Variant},
    {"nombeneficiaire", Column::NomBeneficiaire, Naming::Scdl2},
    {"attribnom", Column::NomBeneficiaire, Naming::Scdl1},
    {"beneficiaire", Column::NomBeneficiaire, Naming::Variant},
    {"nomdubeneficiaire", Column::NomBeneficiaire, Naming::Scdl2Title},
    {"raisonsociale", Column::NomBeneficiaire, Naming::Variant},
    {"raisonsocialebeneficiaire", Column::NomBeneficiaire, Naming::Variant},
    {"beneficiairenom", Column::NomBeneficiaire, Naming::Variant},
    {"idbeneficiaire", Column::IdBeneficiaire, Naming::Scdl2},
    {"attribsiret", Column::IdBeneficiaire, Naming::Scdl1},
    {"attribsiren", Column::IdBeneficiaire, Naming::Variant},
    {"siretbeneficiaire", Column::IdBeneficiaire, Naming::Variant},
    {"sirenbeneficiaire", Column::IdBeneficiaire, Naming::Variant},
    {"identificationdubeneficiaire", Column::IdBeneficiaire, Naming::Variant},
    {"identificationsiretdubeneficiaire", Column::IdBeneficiaire, Naming::Scdl2Title},
    {"beneficiaireid", Column::IdBeneficiaire, Naming::Variant},
    {"rnabeneficiaire", Column::RnaBeneficiaire, Naming::Scdl2},
    {"attribrna", Column::RnaBeneficiaire, Naming::Variant},
    {"rna", Column::RnaBeneficiaire, Naming::Variant},
    {"numerorna", Column::RnaBeneficiaire, Naming::Variant},
    {"identificationrnadubeneficiaire", Column::RnaBeneficiaire, Naming::Scdl2Title},
    {"objet", Column::Objet, Naming::Scdl2},
    {"subobjet", Column::Objet, Naming::Scdl1},
    {"subobj", Column::Objet, Naming::Scdl1},
    {"objetdelasubvention", Column::Objet, Naming::Scdl2Title},
    {"objetsubvention", Column::Objet, Naming::Variant},
    {"intitule", Column::Objet, Naming::Variant},
    {"libelle", Column::Objet, Naming::Variant},
    {"subventionobjet", Column::Objet, Naming::Variant},
    {"objetdelaconvention", Column::Objet, Naming::Variant},
    {"montant", Column::Montant, Naming::Scdl2},
    {"submontant", Column::Montant, Naming::Scdl1},
    {"montanttotaldelasubvention", Column::Montant, Naming::Scdl2Title},
    {"montantdelasubvention", Column::Montant, Naming::Variant},
    {"montantsubvention", Column::Montant, Naming::Variant},
    {"montantattribue", Column::Montant, Naming::Variant},
    {"montantaccorde", Column::Montant, Naming::Variant},
    {"montantvote", Column::Montant, Naming::Variant},
    {"montanteneuros", Column::Montant, Naming::Variant},
    {"montanteuros", Column::Montant, Naming::Variant},
    {"subventionmontant", Column::Montant, Naming::Variant},
    {"nature", Column::Nature, Naming::Scdl2},
    {"subnature", Column::Nature, Naming::Scdl1},
    {"naturedelasubvention", Column::Nature, Naming::Scdl2Title},
    {"subventionnature", Column::Nature, Naming::Variant},
    {"conditionsversement", Column::ConditionsVersement, Naming::Scdl2},
    {"subversement", Column::ConditionsVersement, Naming::Scdl1},
    {"conditionsdeversement", Column::ConditionsVersement, Naming::Variant},
    {"modalitesdeversement", Column::ConditionsVersement, Naming::Variant},
    {"conditionsdeversementdelasubvention", Column::ConditionsVersement, Naming::Scdl2Title},
    {"datesperiodeversement", Column::DatesPeriodeVersement, Naming::Scdl2},
    {"dateouperiodedeversement", Column::DatesPeriodeVersement, Naming::Scdl2Title},
    {"periodedeversement", Column::DatesPeriodeVersement, Naming::Variant},
    {"dateperiodeversement", Column::DatesPeriodeVersement, Naming::Variant},
    {"datedeversement", Column::DatesPeriodeVersement, Naming::Variant},
    {"subdatedebut", Column::DateDebutVersement, Naming::Scdl1},
    {"subdatefin", Column::DateFinVersement, Naming::Scdl1},
    {"idrae", Column::IdRae, Naming::Scdl2},
    {"identifiantraedelaideautitredelaquellelasubventionestattribuee", Column::IdRae, Naming::Scdl2Title},
    {"raenum", Column::IdRae, Naming::Variant},
    {"notificationue", Column::NotificationUe, Naming::Scdl2},
    {"notifeu", Column::NotificationUe, Naming::Scdl1},
    {"notifue", Column::NotificationUe, Naming::Variant},
    {"notificationalacommissioneuropeenne", Column::NotificationUe, Naming::Variant},
    {"aidedetatnotifieealacommissioneuropeenne", Column::NotificationUe, Naming::Scdl2Title},
    {"aidenotifieealeurope", Column::NotificationUe, Naming::Variant},
    {"pourcentagesubvention", Column::PourcentageSubvention, Naming::Scdl2},
    {"pourcentage", Column::PourcentageSubvention, Naming::Variant},
    {"pourcentagedelasubvention", Column::PourcentageSubvention, Naming::Variant},
    {"pourcentagedumontanttotaldelasubventionattribueeaubeneficiaire", Column::PourcentageSubvention, Naming::Scdl2Title},
    {"subventionpourcentage", Column::PourcentageSubvention, Naming::Variant},
    {"pourcentagedumontantdelasubventionattribueaubeneficiaire", Column::PourcentageSubvention, Naming::Variant},
    {"dispositifaide", Column::DispositifAide, Naming::Scdl2},
    {"subdispositif", Column::DispositifAide, Naming::Scdl1},
    {"dispositif", Column::DispositifAide, Naming::Variant},
    {"identifiantreferencantledispositifdaidealoriginedelasubvention", Column::DispositifAide, Naming::Scdl2Title},
};

constexpr std::string_view kNames[kColumnCount] = {
    "nomAttribuant",  "idAttribuant",   "COLL_TYPE",    "ANNEE",
    "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire",
    "rnaBeneficiaire", "objet",         "montant",      "nature",
    "conditionsVersement", "datesPeriodeVersement", "SUB_DATE_DEBUT", "SUB_DATE_FIN",
    "idRAE",          "notificationUE", "pourcentageSubvention", "dispositifAide",
};

// "Montant (en euros)", "Montant total attribué": a montant column whose name says more, not
// one of the names above. Such a match is weaker than a name of the list: "Montant N-1" or
// "Montant 2016" is one too.
constexpr Alias kFuzzyMontant{"montant", Column::Montant, Naming::Variant};

const Alias* alias_of(std::string_view cell) {
  const std::string key = folded_key(cell);
  for (const Alias& alias : kAliases)
    if (alias.key == key) return &alias;
  // A requested or paid amount is not what was granted, nor is a loan, a loan guarantee or a
  // repayable advance a subsidy (review 32: « Montant prêt » and « Montant garantie » were offered
  // as the amount granted): those stay unmapped.
  if (key.starts_with("montant")) {
    // Nor a sum asked, proposed or planned, the project's cost, last year's (review 33: « Montant
    // sollicité », « Montant total du projet », « Montant N-1 » alone were read as granted).
    for (std::string_view other : {"demande", "verse", "paye", "pret", "garanti", "avance", "emprunt", "sollicit",
                                   "propos", "projet", "prevu", "previsionnel", "estime", "n1", "anneeprecedente"})
      if (key.find(other) != std::string::npos) return nullptr;
    return &kFuzzyMontant;
  }
  return nullptr;
}

std::string named(const std::vector<std::string_view>& header, std::size_t i) {
  return "« " + std::string(header[i]) + " » (n° " + std::to_string(i + 1) + ")";
}

}  // namespace

std::string_view column_name(Column column) { return kNames[static_cast<std::size_t>(column)]; }

std::optional<Column> column_of(std::string_view header_cell) {
  const Alias* alias = alias_of(header_cell);
  if (!alias) return std::nullopt;
  return alias->column;
}

std::optional<std::size_t> near_miss(const std::vector<std::string_view>& header, Column column) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (alias_of(header[i])) continue;  // a column read as another field is no slip
    const std::string key = folded_key(header[i]);
    if (key.size() < 4) continue;
    for (const Alias& alias : kAliases)
      if (alias.column == column && diag::edit_distance(key, alias.key) == 1) return i;
  }
  return std::nullopt;
}

ColumnMap map_columns(const std::vector<std::string_view>& header) {
  ColumnMap map;
  // A name of the list first, wherever it stands: "Montant N-1;Montant" reads "Montant", not
  // last year's amount because it comes first.
  std::vector<std::size_t> fuzzy;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const Alias* alias = alias_of(header[i]);
    if (!alias) continue;
    if (alias == &kFuzzyMontant) {
      fuzzy.push_back(i);
      continue;
    }
    auto& slot = map.index[static_cast<std::size_t>(alias->column)];
    if (slot >= 0) {
      map.warnings.push_back("colonne « " + std::string(header[i]) + " » (n° " + std::to_string(i + 1) +
                             ") : " + std::string(column_name(alias->column)) + " est déjà donné par la colonne n° " +
                             std::to_string(slot + 1) + ", seule la première est lue");
      continue;
    }
    slot = static_cast<int>(i);
    ++map.recognised;
    if (alias->naming == Naming::Scdl2 || alias->naming == Naming::Scdl2Title) ++map.scdl2_names;
    if (alias->naming == Naming::Scdl1) ++map.scdl1_names;
  }
  // The publisher's own classification, by the header's folded name (an SCDL column never).
  static constexpr std::string_view kThemeKeys[] = {
      "secteur",   "secteurs",   "categorie", "categories", "thematique", "thematiques", "theme", "themes",
      "domaine",   "domaines",   "politique", "politiquepublique", "politiquespubliques", "secteurdactivite",
      "secteurdintervention", "domainedintervention", "direction", "servicegestionnaire", "sousthematique"};
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (alias_of(header[i])) continue;
    const std::string key = folded_key(header[i]);
    for (std::string_view theme : kThemeKeys)
      if (key == theme) map.themes.push_back(static_cast<int>(i));
  }
  auto& montant = map.index[static_cast<std::size_t>(Column::Montant)];
  if (montant >= 0) {
    for (std::size_t i : fuzzy) {
      map.warnings.push_back("colonne " + named(header, i) + " non lue comme montant : la colonne " +
                             named(header, static_cast<std::size_t>(montant)) + " porte le nom du montant");
      map.other_amounts.push_back(static_cast<int>(i));
    }
  } else if (fuzzy.size() == 1) {
    montant = static_cast<int>(fuzzy[0]);
    ++map.recognised;
    map.warnings.push_back("colonne " + named(header, fuzzy[0]) +
                           " lue comme le montant attribué : aucune colonne ne s'appelle « montant » ; à vérifier");
  } else if (fuzzy.size() > 1) {
    // "Montant 2016;Montant 2017", "Montant N-1;Montant N": which one was granted is not
    // for the importer to guess. Counted as recognised so that the header is still found and
    // the file refused for this reason, not for a header "not found".
    ++map.recognised;
    map.ambiguity = "montant ambigu :";
    for (std::size_t k = 0; k < fuzzy.size(); ++k) map.ambiguity += (k ? " ou " : " ") + named(header, fuzzy[k]);
    // Renaming one of them is the fix only when one holds the amount granted: a file that splits
    // each subsidy between operating and investment columns would lose the others' euros (review 32).
    map.ambiguity += " ? Aucune colonne ne s'appelle « montant » ; aucune ligne n'est lue. Si une seule de ces "
                     "colonnes est le montant attribué, la renommer « montant » ; si plusieurs en portent une part "
                     "(fonctionnement et investissement), écrire leur somme dans une colonne « montant », sans "
                     "quoi les autres parts seraient laissées de côté";
  }
  return map;
}

std::string ColumnMap::format() const {
  if (scdl1_names > scdl2_names) return "SCDL subventions 1.x (anciens noms de colonnes)";
  if (scdl2_names > 0) return "SCDL subventions 2.x";
  return "tableau de subventions (noms de colonnes non SCDL)";
}

}  // namespace subsidia::interop::scdl
