#include "scdl/export.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "detect/folded_text.hpp"
#include "scdl/amount.hpp"
#include "scdl/dates.hpp"
#include "scdl/identifiers.hpp"

namespace subsidia::interop::scdl {

namespace {

constexpr std::array<std::string_view, 16> kColumns = {
    "nomAttribuant", "idAttribuant",  "dateConvention",     "referenceDecision",    "nomBeneficiaire",
    "idBeneficiaire", "rnaBeneficiaire", "objet",           "montant",              "nature",
    "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention",
    "dispositifAide"};
constexpr std::size_t kMaxText = 256;  // objet, conditionsVersement

constexpr std::string_view kNatures[] = {"aide en numéraire", "aide en nature", "aide en numéraire;aide en nature",
                                         "aide en nature;aide en numéraire"};

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::size_t characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// At most `limit` characters: the text, or its beginning and "…".
std::string at_most(std::string_view text, std::size_t limit) {
  if (characters(text) <= limit) return std::string(text);
  std::size_t chars = 0, i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == limit - 1) break;
      ++chars;
    }
  }
  return std::string(text.substr(0, i)) + "…";
}

// The schema's value of `nature` that the text is, whatever its case and accents.
std::string scdl_nature(std::string_view text) {
  const std::string key = folded_key(text);
  for (std::string_view nature : kNatures)
    if (folded_key(nature) == key) return std::string(nature);
  return {};
}

bool siret_pattern(std::string_view text) {
  if (text.size() != 14) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

// The order rows are written in: the order given, except that the subsidies the import numbered
// X, X-2, X-3… (one decision, one beneficiary, several rows) come together and in that order,
// where the group's first member stood. Read back, the import numbers them in file order again:
// drafts read from a folder come in file-name order (`X-2.json` before `X.json`), and written
// in that order, X would come back holding X-2's subsidy.
std::vector<std::size_t> row_order(const std::vector<DossierFacts>& dossiers) {
  std::unordered_map<std::string_view, std::size_t> index_of;
  for (std::size_t i = 0; i < dossiers.size(); ++i) index_of.emplace(dossiers[i].entry.id, i);
  struct Key {
    std::size_t group;     // index of the group's base id
    std::uint64_t number;  // 1 for the base, n for base-n
  };
  std::vector<Key> keys(dossiers.size());
  for (std::size_t i = 0; i < dossiers.size(); ++i) {
    const std::string_view id = dossiers[i].entry.id;
    keys[i] = {i, 1};
    const std::size_t dash = id.rfind('-');
    if (dash == std::string_view::npos || dash + 1 >= id.size() || id.size() - dash - 1 > 9) continue;
    const std::string_view digits = id.substr(dash + 1);
    if (digits.front() == '0' || digits.find_first_not_of("0123456789") != std::string_view::npos) continue;
    const std::uint64_t n = std::stoull(std::string(digits));
    if (n < 2) continue;
    const auto base = index_of.find(id.substr(0, dash));
    if (base != index_of.end()) keys[i] = {base->second, n};
  }
  // A group stands where its first member (in the order given) stood.
  std::vector<std::size_t> first_seen(dossiers.size(), dossiers.size());
  for (std::size_t i = 0; i < dossiers.size(); ++i) first_seen[keys[i].group] = std::min(first_seen[keys[i].group], i);
  std::vector<std::size_t> order(dossiers.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const std::size_t ga = first_seen[keys[a].group], gb = first_seen[keys[b].group];
    if (ga != gb) return ga < gb;
    return keys[a].number < keys[b].number;
  });
  return order;
}

}  // namespace

ScdlExport scdl_csv(const std::vector<DossierFacts>& dossiers, const ScdlExportOptions& options) {
  ScdlExport result;
  // --siret-attribuant is one collectivité's SIRET. Given for the subsidies of several, it would
  // publish each under that SIRET, without a word (as `exporte iati` refuses to).
  if (options.siret_attribuant) {
    std::size_t collectivites = 0;
    const std::string named = several_collectivites(
        dossiers, options.exercice, [](const DossierFacts& f) { return f.type_intervention == "subvention"; },
        &collectivites);
    if (!named.empty()) {
      result.errors.push_back("les subventions de l'exercice viennent de " + std::to_string(collectivites) +
                              " collectivités (" + named +
                              ") : --siret-attribuant " + *options.siret_attribuant +
                              " est le SIRET d'une seule ; exporter chaque collectivité à part");
      return result;
    }
  }
  std::string& out = result.csv;
  std::unordered_map<std::string, std::string> written_lines;  // row text -> the first dossier written so
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i) out += ',';
    out += kColumns[i];
  }
  out += "\r\n";
  const std::string year = std::to_string(options.exercice);
  for (const std::size_t index : row_order(dossiers)) {
    const DossierFacts& f = dossiers[index];
    const reports::JauneEntry& e = f.entry;
    if (e.exercice != options.exercice) continue;
    if (f.type_intervention != "subvention") {
      result.left_out.push_back(e.id + " : " + (f.type_intervention.empty() ? std::string("type d'intervention absent")
                                                                             : f.type_intervention) +
                                ", pas une subvention");
      continue;
    }
    const ScdlOrigin& o = f.scdl;
    auto fallback = [&](std::string_view column, std::string value, std::string why) {
      result.defaults.push_back(e.id + " : " + std::string(column) + " = « " + value + " » (" + why + ")");
      return value;
    };
    std::array<std::string, kColumns.size()> row;
    row[0] = e.collectivite;
    row[1] = siret_pattern(o.id_attribuant) ? o.id_attribuant : options.siret_attribuant.value_or("");
    row[2] = o.date_convention ? *o.date_convention : f.deliberation_date;
    row[3] = !o.reference_decision.empty() ? o.reference_decision : f.deliberation_reference;
    row[4] = !o.nom_beneficiaire.empty() ? o.nom_beneficiaire : f.beneficiaire_nom;
    row[5] = siret_pattern(o.id_beneficiaire) ? o.id_beneficiaire : "";
    row[6] = read_rna(o.rna_beneficiaire);
    row[7] = e.objet;
    // The total before the split between beneficiaries, and this beneficiary's share.
    row[8] = (o.montant ? *o.montant : e.montant).to_fixed(2);
    // A dossier written by hand is the whole subsidy to its beneficiary: 1, said by nobody. One
    // imported from SCDL without a usable share (45, 0, NaN…, warned at import) gets 1 too, listed
    // with the defaults: the published file would otherwise say 100 % where its source said 45
    // without a word (review 25).
    if (o.pourcentage) row[14] = o.pourcentage->normalized().to_string();
    else if (o.montant) row[14] = fallback("pourcentageSubvention", "1", "la part publiée à l'origine manquait ou n'était pas lisible : toute la subvention à ce bénéficiaire");
    else row[14] = "1";

    std::string missing;
    if (row[0].empty()) missing = "nom de la collectivité";
    else if (row[1].empty()) missing = "SIRET de la collectivité (--siret-attribuant)";
    else if (row[2].empty()) missing = "date de la convention ou de la délibération";
    else if (row[4].empty()) missing = "nom du bénéficiaire";
    if (!missing.empty()) {
      result.left_out.push_back(e.id + " : " + missing + " inconnu(e), exigé(e) par le schéma SCDL");
      continue;
    }
    if (characters(row[7]) > kMaxText) {
      row[7] = at_most(row[7], kMaxText);
      result.defaults.push_back(e.id + " : objet raccourci à 256 caractères (limite du schéma SCDL)");
    }
    row[9] = scdl_nature(o.nature);
    if (row[9].empty()) row[9] = fallback("nature", "aide en numéraire", "montant en euros ; nature non donnée");
    if (!o.conditions_versement.empty()) {
      row[10] = at_most(o.conditions_versement, kMaxText);
      if (row[10] != o.conditions_versement)
        result.defaults.push_back(e.id + " : conditionsVersement raccourci à 256 caractères (limite du schéma SCDL)");
    } else {
      row[10] = fallback("conditionsVersement", "non renseigné", "non donné par le dossier");
    }
    if (auto period = read_period(o.dates_periode_versement)) row[11] = *period;
    else row[11] = fallback("datesPeriodeVersement", year + "-01-01/" + year + "-12-31", "période de l'exercice, faute de date de versement");
    // The SCDL has no year column: the import takes the year of a payment within one calendar
    // year, else the date's. A known payment outside the exercice (paid in January of the next
    // year) is written as it is, and the row that would come back in another year is listed.
    const std::string& period = row[11];
    const std::string back = period.size() == 10 || (period.size() == 21 && period.compare(0, 4, period, 11, 4) == 0)
                                 ? period.substr(0, 4)
                                 : row[2].substr(0, 4);
    if (back != year)
      result.other_year.push_back(e.id + " : datesPeriodeVersement « " + period + " », dateConvention « " + row[2] +
                                  " » : relue, la ligne serait de l'exercice " + back);
    // The schema's maxLength counts characters, not bytes. A longer id cannot be written: the
    // cell stays empty (the field is optional), and the dossier is listed, not dropped silently.
    if (characters(o.id_rae) <= 5) {
      row[12] = o.id_rae;
    } else {
      result.defaults.push_back(e.id + " : idRAE « " + o.id_rae +
                                " » non écrit : plus de 5 caractères (limite du schéma SCDL), cellule laissée vide");
    }
    if (o.notification_ue) row[13] = *o.notification_ue ? "oui" : "non";
    else row[13] = fallback("notificationUE", "non", "non donné par le dossier");
    row[15] = o.dispositif_aide;
    if (row[5].empty() && row[6].empty())
      result.not_conforming.push_back(e.id + " : ni idBeneficiaire (SIRET) ni rnaBeneficiaire : le schéma SCDL "
                                                "en exige un (one-of-required)");
    for (std::size_t column : {std::size_t{1}, std::size_t{5}}) {
      if (!row[column].empty() && !luhn_valid(row[column]))
        result.not_conforming.push_back(e.id + " : " + std::string(kColumns[column]) + " « " + row[column] +
                                        " » : clé de contrôle du SIRET invalide (french-siret-value)");
    }
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) line += ',';
      line += csv_field(row[i]);
    }
    // Compared as the import compares rows (cells without their blanks at either end): two rows
    // differing by a blank at the end of the object were merged on import (review 26).
    std::string same_as_import;
    for (const std::string& cell : row) same_as_import.append(trim_spaces(cell)).push_back('\x1f');
    if (auto [first, unique] = written_lines.try_emplace(std::move(same_as_import), e.id); !unique)
      result.identical.push_back(e.id + " : ligne identique à celle du dossier " + first->second +
                                 " (SCDL n'a pas de colonne d'identifiant : relue, les deux ne feraient qu'une "
                                 "subvention) ; les distinguer par referenceDecision ou dateConvention");
    out += line;
    out += "\r\n";
    result.written.push_back(e.id);
  }
  return result;
}

}  // namespace subsidia::interop::scdl
