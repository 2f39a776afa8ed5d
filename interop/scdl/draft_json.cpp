#include "scdl/draft_json.hpp"

#include "output/json_writer.hpp"

namespace subsidia::interop::scdl {

namespace {

namespace json = output::json;

// Appends ,"key":"value" (or "key":"value" when `first`). Keys are the schema's ASCII names,
// written as they are; values are escaped.
void field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  if (!first) out += ',';
  out += '"';
  out += key;
  out += "\":";
  json::append_string(out, value);
}

// The SCDL fields the dossier does not already hold (its objet and collectivite.nom are the
// row's objet and nomAttribuant).
void scdl_json(std::string& out, const ScdlFields& s) {
  out += ",\"scdl\":{";
  bool first = true;
  auto put = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    field(out, key, value, first);
    first = false;
  };
  put("idAttribuant", s.id_attribuant);
  if (s.date_convention) put("dateConvention", *s.date_convention);
  put("referenceDecision", s.reference_decision);
  put("nomBeneficiaire", s.nom_beneficiaire);
  put("idBeneficiaire", s.id_beneficiaire);
  put("rnaBeneficiaire", s.rna_beneficiaire);
  if (s.montant) put("montant", s.montant->to_fixed(2));
  put("nature", s.nature);
  put("conditionsVersement", s.conditions_versement);
  put("datesPeriodeVersement", s.dates_periode_versement);
  put("idRAE", s.id_rae);
  if (s.pourcentage) put("pourcentageSubvention", s.pourcentage->to_string());
  put("dispositifAide", s.dispositif_aide);
  if (s.notification_ue) {
    if (!first) out += ',';
    out += *s.notification_ue ? "\"notificationUE\":true" : "\"notificationUE\":false";
  }
  out += '}';
}

}  // namespace

void append_draft_json(std::string& out, const DossierDraft& d) {
  out += '{';
  field(out, "id", d.id, true);
  out += ",\"exercice\":";
  out += std::to_string(d.exercice);
  out += ",\"collectivite\":{";
  field(out, "nom", d.collectivite_nom, true);
  field(out, "categorie", d.collectivite_categorie);
  out += '}';
  field(out, "objet", d.objet);
  field(out, "type_intervention", "subvention");
  field(out, "montant", d.montant.to_fixed(2));
  if (d.beneficiaire) {
    out += ",\"beneficiaire\":{";
    field(out, "nom", d.beneficiaire->first, true);
    field(out, "categorie", d.beneficiaire->second);
    if (!d.beneficiaire_pays.empty()) field(out, "pays", d.beneficiaire_pays);
    out += '}';
  }
  if (d.action_nature) {
    out += ",\"action\":{";
    field(out, "nature", *d.action_nature, true);
    if (!d.action_pays.empty()) {
      out += ",\"pays\":[";
      for (std::size_t i = 0; i < d.action_pays.size(); ++i) {
        if (i) out += ',';
        json::append_string(out, d.action_pays[i]);
      }
      out += ']';
    }
    out += '}';
  }

  out += ",\"origine\":{";
  field(out, "format", d.format, true);
  field(out, "fichier", d.fichier);
  out += ",\"ligne\":";
  out += std::to_string(d.ligne);
  out += ",\"cellules\":[";
  for (std::size_t i = 0; i < d.cellules.size(); ++i) {
    out += i ? ",{" : "{";
    field(out, "colonne", d.cellules[i].first, true);
    field(out, "valeur", d.cellules[i].second);
    out += '}';
  }
  out += "],\"devines\":[";
  for (std::size_t i = 0; i < d.devines.size(); ++i) {
    out += i ? ",{" : "{";
    field(out, "champ", d.devines[i].field, true);
    field(out, "valeur", d.devines[i].value);
    field(out, "raison", d.devines[i].reason);
    out += '}';
  }
  out += "],\"international\":{\"candidat\":";
  out += d.candidat ? "true" : "false";
  out += ",\"indices\":[";
  for (std::size_t i = 0; i < d.indices.size(); ++i) {
    const Clue& c = d.indices[i];
    out += i ? ",{" : "{";
    field(out, "type", clue_kind_key(c.kind), true);
    field(out, "texte", c.text);
    if (names_a_country(c.kind)) field(out, "pays", c.country);
    out += c.strong ? ",\"fort\":true}" : ",\"fort\":false}";
  }
  out += "]}";
  if (!d.avertissements.empty()) {
    out += ",\"avertissements\":[";
    for (std::size_t i = 0; i < d.avertissements.size(); ++i) {
      if (i) out += ',';
      json::append_string(out, d.avertissements[i]);
    }
    out += ']';
  }
  scdl_json(out, d.scdl);
  out += "}}";
}

}  // namespace subsidia::interop::scdl
