#include "export/dossier_facts.hpp"

namespace subsidia::interop {

FactsExtractor::FactsExtractor(const schema::Schema& schema)
    : entry_(schema),
      type_(schema.root(), {"type_intervention"}),
      categorie_(schema.root(), {"collectivite", "categorie"}),
      date_(schema.root(), {"deliberation", "date"}),
      reference_(schema.root(), {"deliberation", "reference"}),
      beneficiaire_(schema.root(), {"beneficiaire", "nom"}),
      nature_(schema.root(), {"action", "nature"}),
      service_(schema.root(), {"action", "secteur_service_public"}),
      scdl_(schema.root(), {"origine", "scdl"}) {}

DossierFacts FactsExtractor::extract(const io::Dossier& dossier) const {
  const io::Value& root = dossier.root();
  DossierFacts f;
  f.entry = entry_.extract(dossier);
  f.type_intervention = type_.text(root);
  f.collectivite_categorie = categorie_.text(root);
  if (const io::Value* d = date_.follow(root); d && d->kind == io::Kind::Date) f.deliberation_date = d->date.iso();
  f.deliberation_reference = reference_.text(root);
  f.beneficiaire_nom = beneficiaire_.text(root);
  f.action_nature = nature_.text(root);
  f.secteur_service_public = service_.text(root);
  if (const io::Value* s = scdl_.follow(root)) {
    auto text = [&](std::string_view name) {
      const io::Value* v = reports::field_of(*s, name);
      return v && v->kind == io::Kind::String ? std::string(v->text) : std::string();
    };
    ScdlOrigin& o = f.scdl;
    o.id_attribuant = text("idAttribuant");
    o.reference_decision = text("referenceDecision");
    o.nom_beneficiaire = text("nomBeneficiaire");
    o.id_beneficiaire = text("idBeneficiaire");
    o.rna_beneficiaire = text("rnaBeneficiaire");
    o.objet = text("objet");
    o.nature = text("nature");
    o.conditions_versement = text("conditionsVersement");
    o.dates_periode_versement = text("datesPeriodeVersement");
    o.id_rae = text("idRAE");
    o.dispositif_aide = text("dispositifAide");
    if (const io::Value* v = reports::field_of(*s, "dateConvention"); v && v->kind == io::Kind::Date) o.date_convention = v->date.iso();
    if (const io::Value* v = reports::field_of(*s, "montant")) o.montant = v->number;
    if (const io::Value* v = reports::field_of(*s, "pourcentageSubvention")) o.pourcentage = v->number;
    if (const io::Value* v = reports::field_of(*s, "notificationUE"); v && v->kind == io::Kind::Boolean) o.notification_ue = v->boolean;
  }
  return f;
}

}  // namespace subsidia::interop
