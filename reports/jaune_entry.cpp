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
  nature_ = resolve(root, {"action", "nature"});
  convention_ = resolve(root, {"convention"});
  beneficiaire_categorie_ = resolve(root, {"beneficiaire", "categorie"});
  beneficiaire_pays_ = resolve(root, {"beneficiaire", "pays"});
  siege_pays_ = resolve(root, {"beneficiaire", "siege", "pays"});
  candidat_ = resolve(root, {"origine", "international", "candidat"});
  indices_ = resolve(root, {"origine", "international", "indices"});
  repartition_ = resolve(root, {"action", "repartition_pays"});
  origine_slot_ = root.field_index("origine");
}

namespace {

// Two 64-bit FNV-1a hashes (different offsets) over a canonical walk of the value: kinds,
// slots, numbers by value (5000 and 5000.00 are equal), dates, texts.
struct ContentHash {
  std::uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
  void byte(unsigned char c) {
    a = (a ^ c) * 1099511628211ull;
    b = (b ^ c) * 0x100000001B3ull + 0x9E3779B97F4A7C15ull;
  }
  void text(std::string_view t) {
    for (char c : t) byte(static_cast<unsigned char>(c));
    byte(0);
  }
  void value(const io::Value& v, int skip_slot = -1) {
    byte(static_cast<unsigned char>(v.kind));
    switch (v.kind) {
      case io::Kind::Missing:
      case io::Kind::Null: break;
      case io::Kind::Boolean: byte(v.boolean ? 1 : 0); break;
      case io::Kind::Integer:
      case io::Kind::Decimal: text(v.number.normalized().to_string()); break;
      case io::Kind::Date: text(v.date.iso()); break;
      case io::Kind::String: text(v.text); break;
      case io::Kind::Object:
        for (std::uint32_t i = 0; i < v.count; ++i) {
          if (static_cast<int>(i) == skip_slot || !v.items[i].present()) continue;
          text(std::to_string(i));
          value(v.items[i]);
        }
        break;
      case io::Kind::Array:
        text(std::to_string(v.count));
        for (const io::Value& item : v.elements()) value(item);
        break;
    }
  }
};

}  // namespace

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

  e.action_declared = follow(root, nature_) != nullptr || follow(root, domaine_) != nullptr;
  if (const io::Value* v = follow(root, convention_)) e.convention = v->kind == io::Kind::Object;
  e.beneficiaire_categorie = text(beneficiaire_categorie_);
  for (const Path* path : {&beneficiaire_pays_, &siege_pays_})
    if (std::string country = text(*path); !country.empty()) e.beneficiaire_pays.push_back(std::move(country));
  e.candidate = flag(candidat_);
  if (const io::Value* v = follow(root, indices_); v && v->kind == io::Kind::Array) {
    for (const io::Value& clue : v->elements()) {
      if (clue.kind != io::Kind::Object || !clue.schema) continue;
      const int slot = clue.schema->field_index("texte");
      if (slot >= 0 && clue.slot(slot).kind == io::Kind::String) e.clues.emplace_back(clue.slot(slot).text);
    }
  }
  if (const io::Value* v = follow(root, repartition_); v && v->kind == io::Kind::Array) {
    for (const io::Value& line : v->elements()) {
      if (line.kind != io::Kind::Object || !line.schema) continue;
      JauneEntry::CountryShare share;
      auto field = [&](std::string_view name) -> const io::Value* {
        const int slot = line.schema->field_index(name);
        return slot >= 0 && line.slot(slot).present() ? &line.slot(slot) : nullptr;
      };
      if (const io::Value* p = field("pays"); p && p->kind == io::Kind::String) share.pays = std::string(p->text);
      if (const io::Value* p = field("part")) share.part = p->number;
      if (const io::Value* m = field("montant")) share.montant = m->number;
      e.repartition.push_back(std::move(share));
    }
  }
  ContentHash hash;
  hash.value(root, origine_slot_);
  e.content[0] = hash.a;
  e.content[1] = hash.b;
  return e;
}

}  // namespace subsidia::reports
