#include "reports/jaune_entry.hpp"

namespace subsidia::reports {

EntryExtractor::Path EntryExtractor::resolve(const schema::Node& root, std::initializer_list<std::string_view> names) {
  Path path;
  const schema::Node* node = &root;
  for (std::string_view name : names) {
    if (!node || node->type != schema::Type::Object) return {};
    int slot = node->field_index(name);
    if (slot < 0) return {};
    path.slots.push_back(slot);
    node = node->fields[static_cast<std::size_t>(slot)].node.get();
  }
  return path;
}

const io::Value* EntryExtractor::follow(const io::Value& root, const Path& path) {
  if (path.slots.empty()) return nullptr;
  const io::Value* value = &root;
  for (int slot : path.slots) {
    if (value->kind != io::Kind::Object || !value->items) return nullptr;
    value = &value->slot(slot);
    if (!value->present()) return nullptr;
  }
  return value;
}

EntryExtractor::EntryExtractor(const schema::Schema& schema) {
  const schema::Node& root = schema.root();
  id_ = resolve(root, {"id"});
  exercice_ = resolve(root, {"exercice"});
  collectivite_nom_ = resolve(root, {"collectivite", "nom"});
  montant_ = resolve(root, {"montant"});
  objet_ = resolve(root, {"objet"});
  secteur_ = resolve(root, {"jaune", "secteur"});
  exceptionnelle_ = resolve(root, {"jaune", "operation_exceptionnelle"});
  hors_perimetre_ = resolve(root, {"jaune", "hors_perimetre"});
  domaine_ = resolve(root, {"action", "domaine"});
  pays_ = resolve(root, {"action", "pays"});
  nomenclature_ = resolve(root, {"imputation", "nomenclature"});
  section_ = resolve(root, {"imputation", "section"});
  chapitre_ = resolve(root, {"imputation", "chapitre"});
  fonction_ = resolve(root, {"imputation", "fonction"});
}

JauneEntry EntryExtractor::extract(const io::Dossier& dossier) const {
  const io::Value& root = dossier.root();
  auto text = [&](const Path& path) -> std::string {
    const io::Value* v = follow(root, path);
    return v && v->kind == io::Kind::String ? std::string(v->text) : std::string();
  };
  auto flag = [&](const Path& path) {
    const io::Value* v = follow(root, path);
    return v && v->kind == io::Kind::Boolean && v->boolean;
  };
  JauneEntry e;
  e.id = text(id_);
  e.file = dossier.file();
  if (dossier.line() > 0) e.file += ":" + std::to_string(dossier.line());
  if (const io::Value* v = follow(root, exercice_); v && v->kind == io::Kind::Integer) {
    if (auto year = v->number.to_int64()) e.exercice = static_cast<int>(*year);
  }
  if (const io::Value* v = follow(root, montant_);
      v && (v->kind == io::Kind::Decimal || v->kind == io::Kind::Integer))
    e.montant = v->number;
  e.collectivite = text(collectivite_nom_);
  e.objet = text(objet_);
  e.secteur = text(secteur_);
  e.operation_exceptionnelle = flag(exceptionnelle_);
  e.hors_perimetre = flag(hors_perimetre_);
  e.domaine = text(domaine_);
  if (const io::Value* v = follow(root, pays_); v && v->kind == io::Kind::Array) {
    for (const io::Value& item : v->elements())
      if (item.kind == io::Kind::String) e.pays.emplace_back(item.text);
  }
  e.nomenclature = text(nomenclature_);
  e.section = text(section_);
  e.chapitre = text(chapitre_);
  e.fonction = text(fonction_);
  return e;
}

}  // namespace subsidia::reports
