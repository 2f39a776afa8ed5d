#include "iati/activities.hpp"

#include <map>

#include "iati/dac_sectors.hpp"
#include "output/markup.hpp"
#include "reports/jaune_scope.hpp"

namespace subsidia::interop::iati {

namespace {

std::string xml_text(std::string_view text) { return output::markup_escaped(text); }

// A dossier id for a message: its control characters written \u00XX, so that two ids that differ
// only there ("CP\u000112", "CP\u000212") do not print alike.
std::string shown_id(std::string_view id) {
  std::string out;
  for (char c : id) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7F) {
      out += c;
      continue;
    }
    constexpr char kHex[] = "0123456789ABCDEF";
    out += "\\u00";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

void narrative(std::string& out, std::string_view text) {
  out += "<narrative>" + xml_text(text) + "</narrative>";
}

// IATI OrganisationType of a beneficiary category of the schema.
std::string_view organisation_type(std::string_view category) {
  if (category == "autorite_locale_etrangere" || category == "collectivite_francaise") return "11";
  if (category == "etat_etranger") return "10";
  if (category == "association") return "22";
  if (category == "ong_internationale") return "21";
  if (category == "fondation") return "60";
  if (category == "etablissement_public") return "15";
  if (category == "entreprise") return "70";
  if (category == "organisation_internationale") return "40";
  return "90";
}

// Percentages of the recipient countries, adding up to exactly 100: from the split by
// country when it is usable (shares × 100, or amounts / montant × 100, to two decimals),
// else equal shares to two decimals; the residue goes to the largest share (the first).
std::vector<decimal::Decimal> percentages(const reports::JauneEntry& e, std::vector<std::string>& countries) {
  const auto hundred = decimal::Decimal::from_integer(100);
  std::vector<decimal::Decimal> out;
  // The shares × 100 before rounding: the residue goes to the largest of them (0.333…4 of three
  // near thirds, not the first of three equal 33.33).
  std::vector<decimal::Decimal> unrounded;
  countries.clear();
  // The split is used only when it holds (as the jaune uses it): shares summing to 1, or
  // amounts summing to the dossier's.
  bool split = !e.repartition.empty();
  const bool by_share = split && e.repartition.front().part.has_value();
  decimal::Decimal check;
  for (const auto& share : e.repartition) {
    split = split && !share.pays.empty() && (by_share ? share.part.has_value() : share.montant.has_value());
    if (!split) break;
    check = add(check, by_share ? *share.part : *share.montant).value_or(check);
  }
  if (split && check != (by_share ? decimal::Decimal::from_integer(1) : e.montant)) split = false;
  if (split) {
    for (const auto& share : e.repartition) {
      std::optional<decimal::Decimal> p;
      // To two decimals, as the amounts: a share of 26 decimals × 100 made a percentage libxml2's
      // xs:decimal refuses (review 25), and IATI publishers give whole or two-decimal figures.
      if (share.part) {
        auto scaled = multiply(*share.part, hundred);
        p = scaled ? scaled->round(2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
        if (scaled) unrounded.push_back(*scaled);
      } else if (!e.montant.is_zero()) {
        auto scaled = multiply(*share.montant, hundred);
        p = scaled ? divide(*scaled, e.montant, 2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
      }
      if (!p) {
        split = false;
        break;
      }
      countries.push_back(share.pays);
      out.push_back(p->normalized());
    }
  }
  if (!split) {
    countries = e.pays;
    out.clear();
    unrounded.clear();
    if (countries.empty()) return out;
    auto each = divide(hundred, decimal::Decimal::from_integer(static_cast<std::int64_t>(countries.size())), 2,
                       decimal::RoundingMode::TowardZero);
    out.assign(countries.size(), each ? *each : decimal::Decimal());
  }
  const std::vector<decimal::Decimal>& ranked = unrounded.size() == out.size() ? unrounded : out;
  decimal::Decimal sum;
  std::size_t largest = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    sum = add(sum, out[i]).value_or(sum);
    if (ranked[i] > ranked[largest]) largest = i;
  }
  if (auto residue = subtract(hundred, sum); residue && !residue->is_zero() && !out.empty())
    out[largest] = add(out[largest], *residue).value_or(out[largest]).normalized();
  return out;
}

}  // namespace

std::string identifier_part(std::string_view text) {
  std::string out;
  for (char c : text) {
    // Every control character too (line breaks, U+007F): the XML escaping would turn most of
    // them into a space, which an identifier cannot hold either.
    const bool control = static_cast<unsigned char>(c) < 0x20 || c == '\x7F';
    out += (control || c == ' ' || c == '/' || c == '&' || c == '|' || c == '?') ? '-' : c;
  }
  return out;
}

IatiExport iati_activities(const std::vector<DossierFacts>& dossiers, const IatiOptions& options) {
  IatiExport result;
  std::string& out = result.xml;
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<!-- Actions internationales de l'exercice " + std::to_string(options.exercice) +
         ", écrites par " +
         (options.producer.empty() ? std::string("subsidia") : options.producer) +
         " exporte iati (docs/import-export.md)" +
         (options.schema_fingerprint.empty() ? std::string() : ", schéma des dossiers " + options.schema_fingerprint) +
         ". -->\n";
  out += "<iati-activities version=\"2.03\" generated-datetime=\"" + xml_text(options.generated_datetime) + "\">\n";
  const std::string org = identifier_part(options.organisation_ref);
  std::map<std::string, std::string> dossier_of_identifier;
  // One reporting organisation a file: dossiers of several collectivités would all be published
  // under the one `organisation_ref`, each activity naming another collectivité.
  std::size_t collectivites = 0;
  const std::string named =
      several_collectivites(dossiers, options.exercice, [](const DossierFacts&) { return true; }, &collectivites);
  if (!named.empty()) {
    result.errors.push_back("les dossiers de l'exercice viennent de " + std::to_string(collectivites) +
                            " collectivités (" + named + ") : un fichier IATI n'a qu'une organisation déclarante "
                            "(reporting-org) ; exporter chaque collectivité à part, avec sa propre référence");
  }
  for (const DossierFacts& f : dossiers) {
    const reports::JauneEntry& e = f.entry;
    if (e.exercice != options.exercice) continue;
    const reports::ScopeDecision scope = reports::international_scope(e);
    if (e.hors_perimetre) {
      result.left_out.push_back(e.id + " : hors périmètre du jaune");
      continue;
    }
    if (!scope.international) {
      result.left_out.push_back(e.id + " : " + scope.reason);
      continue;
    }
    if (e.operation_exceptionnelle) {
      result.left_out.push_back(e.id + " : opération exceptionnelle (hors total du jaune)");
      continue;
    }
    // The dates: the deliberation's, else the SCDL convention's, else 1 January.
    std::string date = f.deliberation_date, date_note;
    if (date.empty() && f.scdl.date_convention) {
      date = *f.scdl.date_convention;
      date_note = "date de la convention de subvention (SCDL) ; date de délibération inconnue";
    }
    if (date.empty()) {
      date = std::to_string(options.exercice) + "-01-01";
      date_note = "1er janvier de l'exercice : date de délibération inconnue";
    }
    bool only_in_france = !e.pays.empty();
    for (const auto& p : e.pays) only_in_france = only_in_france && reports::french_territory(p);
    const DacSector sector = dac_sector(f.action_nature, e.domaine, f.secteur_service_public, only_in_france);

    out += "  <iati-activity xml:lang=\"fr\" default-currency=\"EUR\"";
    if (f.action_nature == "humanitaire") out += " humanitarian=\"1\"";
    out += ">\n";
    const std::string identifier = org + "-" + identifier_part(e.id);
    // Unique as written: the escaping replaces what XML cannot hold (U+FFFE and U+FFFF become
    // U+FFFD), and two ids that differ only there would be one identifier in the file.
    const std::string written_identifier = xml_text(identifier);
    if (const auto [seen, fresh] = dossier_of_identifier.emplace(written_identifier, e.id); !fresh) {
      result.errors.push_back("identifiant IATI « " + identifier + " » en double : dossiers « " + shown_id(seen->second) +
                              " » et « " + shown_id(e.id) +
                              " » (IATI exige un identifiant par activité ; renommer l'un des dossiers)");
    }
    out += "    <iati-identifier>" + written_identifier + "</iati-identifier>\n";
    out += "    <reporting-org ref=\"" + xml_text(org) + "\" type=\"11\">";
    narrative(out, e.collectivite);
    out += "</reporting-org>\n    <title>";
    narrative(out, e.objet);
    out += "</title>\n    <description type=\"1\">";
    std::string description = e.objet;
    if (!f.beneficiaire_nom.empty()) description += " — Bénéficiaire : " + f.beneficiaire_nom + ".";
    if (!f.deliberation_date.empty()) {
      description += " Délibération du " + f.deliberation_date;
      if (!f.deliberation_reference.empty()) description += " (" + f.deliberation_reference + ")";
      description += ".";
    }
    description += " Dossier " + e.id + ".";
    narrative(out, description);
    out += "</description>\n";
    out += "    <participating-org ref=\"" + xml_text(org) + "\" role=\"1\" type=\"11\">";
    narrative(out, e.collectivite);
    out += "</participating-org>\n";
    if (!f.beneficiaire_nom.empty()) {
      out += "    <participating-org role=\"4\" type=\"" + std::string(organisation_type(e.beneficiaire_categorie)) + "\">";
      narrative(out, f.beneficiaire_nom);
      out += "</participating-org>\n";
    }
    out += "    <activity-status code=\"2\"/>\n";
    out += "    <activity-date type=\"1\" iso-date=\"" + date + "\">";
    if (!date_note.empty()) narrative(out, date_note);
    out += "</activity-date>\n";
    std::vector<std::string> countries;
    const std::vector<decimal::Decimal> shares = percentages(e, countries);
    for (std::size_t i = 0; i < countries.size(); ++i)
      out += "    <recipient-country code=\"" + xml_text(countries[i]) + "\" percentage=\"" + shares[i].to_string() + "\"/>\n";
    out += "    <sector vocabulary=\"1\" code=\"" + std::string(sector.code) + "\" percentage=\"100\">";
    narrative(out, sector.name);
    out += "</sector>\n";
    out += "    <transaction>\n      <transaction-type code=\"2\"/>\n      <transaction-date iso-date=\"" + date +
           "\"/>\n      <value currency=\"EUR\" value-date=\"" + date + "\">" + e.montant.to_fixed(2) + "</value>\n";
    if (!f.beneficiaire_nom.empty()) {
      out += "      <receiver-org type=\"" + std::string(organisation_type(e.beneficiaire_categorie)) + "\">";
      narrative(out, f.beneficiaire_nom);
      out += "</receiver-org>\n";
    }
    out += "    </transaction>\n  </iati-activity>\n";
    result.activities.push_back(e.id);
    if (std::optional<decimal::Decimal> sum = add(result.total, e.montant)) {
      result.total = *sum;
    } else {
      result.errors.push_back("total des engagements trop grand pour l'arithmétique exacte (plus de 36 chiffres) "
                              "en ajoutant le dossier « " + e.id + " »");
    }
  }
  out += "</iati-activities>\n";
  return result;
}

}  // namespace subsidia::interop::iati
