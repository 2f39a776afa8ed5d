#include "reports/jaune_entry.hpp"

#include <cstdint>
#include <cstring>

namespace subsidia::reports {

EntryExtractor::EntryExtractor(const schema::Schema& schema) {
  const schema::Node& root = schema.root();
  id_ = ValuePath(root, {"id"});
  exercice_ = ValuePath(root, {"exercice"});
  collectivite_nom_ = ValuePath(root, {"collectivite", "nom"});
  collectivite_code_ = ValuePath(root, {"collectivite", "code_insee"});
  montant_ = ValuePath(root, {"montant"});
  objet_ = ValuePath(root, {"objet"});
  secteur_ = ValuePath(root, {"jaune", "secteur"});
  exceptionnelle_ = ValuePath(root, {"jaune", "operation_exceptionnelle"});
  hors_perimetre_ = ValuePath(root, {"jaune", "hors_perimetre"});
  domaine_ = ValuePath(root, {"action", "domaine"});
  pays_ = ValuePath(root, {"action", "pays"});
  nomenclature_ = ValuePath(root, {"imputation", "nomenclature"});
  section_ = ValuePath(root, {"imputation", "section"});
  chapitre_ = ValuePath(root, {"imputation", "chapitre"});
  fonction_ = ValuePath(root, {"imputation", "fonction"});
  imputation_nature_ = ValuePath(root, {"imputation", "nature"});
  nature_ = ValuePath(root, {"action", "nature"});
  convention_ = ValuePath(root, {"convention"});
  beneficiaire_categorie_ = ValuePath(root, {"beneficiaire", "categorie"});
  beneficiaire_pays_ = ValuePath(root, {"beneficiaire", "pays"});
  siege_pays_ = ValuePath(root, {"beneficiaire", "siege", "pays"});
  candidat_ = ValuePath(root, {"origine", "international", "candidat"});
  indices_ = ValuePath(root, {"origine", "international", "indices"});
  repartition_ = ValuePath(root, {"action", "repartition_pays"});
  beneficiaire_nom_ = ValuePath(root, {"beneficiaire", "nom"});
  deliberation_date_ = ValuePath(root, {"deliberation", "date"});
  deliberation_reference_ = ValuePath(root, {"deliberation", "reference"});
  origine_slot_ = root.field_index("origine");
}

namespace {

// Two 64-bit hashes (different constants) over a canonical walk of the value: kinds, slots,
// numbers by value (5000 and 5000.00 are equal: the normalized coefficient and scale), dates
// by their day, texts with their length. Words of 8 bytes at a time, mixed by a multiply and
// a shift (the high bits of a word reach the low bits of the state): the hash was an eighth
// of `subsidia diff` when it went byte by byte through std::to_string and to_string().
struct ContentHash {
  std::uint64_t a = 1469598103934665603ull, b = 0x84222325cbf29ce4ull;
  void word(std::uint64_t w) {
    a = (a ^ w) * 0x9E3779B97F4A7C15ull;
    a ^= a >> 32;
    b = (b ^ w) * 0xC2B2AE3D27D4EB4Full + 0x165667B19E3779F9ull;
    b ^= b >> 29;
  }
  void text(std::string_view t) {
    word(t.size());
    std::size_t i = 0;
    for (; i + 8 <= t.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, t.data() + i, 8);
      word(w);
    }
    std::uint64_t tail = 0;
    if (i < t.size()) std::memcpy(&tail, t.data() + i, t.size() - i);
    word(tail);
  }
  // A number by its normalized coefficient and scale (trailing zeros of the fraction
  // dropped), in 64-bit arithmetic when the coefficient fits: 128-bit division by ten is a
  // library call, and nearly every amount fits.
  void number(const decimal::Decimal& d) {
    __int128 c = d.coefficient();
    int scale = d.scale();
    if (c == 0) {
      scale = 0;
    } else if (c >= INT64_MIN && c <= INT64_MAX) {
      std::int64_t small = static_cast<std::int64_t>(c);
      while (scale > 0 && small % 10 == 0) {
        small /= 10;
        --scale;
      }
      c = small;
    } else {
      const decimal::Decimal n = d.normalized();
      c = n.coefficient();
      scale = n.scale();
    }
    const auto u = static_cast<unsigned __int128>(c);
    word(static_cast<std::uint64_t>(u));
    word(static_cast<std::uint64_t>(u >> 64));
    word(static_cast<std::uint64_t>(scale));
  }
  void value(const io::Value& v, int skip_slot = -1) {
    word(static_cast<std::uint64_t>(v.kind));
    switch (v.kind) {
      case io::Kind::Missing:
      case io::Kind::Null: break;
      case io::Kind::Boolean: word(v.boolean ? 1 : 0); break;
      case io::Kind::Integer:
      case io::Kind::Decimal: number(v.number); break;
      case io::Kind::Date: word(static_cast<std::uint64_t>(static_cast<std::int64_t>(v.date.days_since_epoch()))); break;
      case io::Kind::String: text(v.text); break;
      case io::Kind::Object:
        for (std::uint32_t i = 0; i < v.count; ++i) {
          if (static_cast<int>(i) == skip_slot || !v.items[i].present()) continue;
          word(0x5107000000000000ull | i);  // the slot, apart from any count
          value(v.items[i]);
        }
        word(0xE7D0000000000000ull);  // end of the object: {x:{}} and {x:{},y:…} differ
        break;
      case io::Kind::Array:
        word(0xA77A000000000000ull | v.count);
        for (const io::Value& item : v.elements()) value(item);
        break;
    }
  }
};

}  // namespace

JauneEntry EntryExtractor::extract(const io::Dossier& dossier) const {
  JauneEntry e;
  extract(dossier, e);
  return e;
}

void EntryExtractor::extract(const io::Dossier& dossier, JauneEntry& e) const {
  // Every field is set anew; strings and vectors are assigned in place, so that an entry
  // reused from one dossier to the next allocates nothing once it has grown.
  const io::Value& root = dossier.root();
  auto text = [&](std::string& into, const ValuePath& path) { into.assign(path.view(root)); };
  auto flag = [&](const ValuePath& path) { return path.flag(root); };
  text(e.id, id_);
  e.file.assign(dossier.file());
  if (dossier.line() > 0) {
    e.file += ':';
    e.file += std::to_string(dossier.line());
  }
  e.exercice.reset();
  if (const io::Value* v = exercice_.follow(root); v && v->kind == io::Kind::Integer) {
    if (auto year = v->number.to_int64()) e.exercice = static_cast<int>(*year);
  }
  e.montant = decimal::Decimal();
  if (const io::Value* v = montant_.follow(root);
      v && (v->kind == io::Kind::Decimal || v->kind == io::Kind::Integer))
    e.montant = v->number;
  text(e.collectivite, collectivite_nom_);
  text(e.collectivite_code, collectivite_code_);
  text(e.objet, objet_);
  text(e.secteur, secteur_);
  e.operation_exceptionnelle = flag(exceptionnelle_);
  e.hors_perimetre = flag(hors_perimetre_);
  text(e.domaine, domaine_);
  e.pays.clear();
  if (const io::Value* v = pays_.follow(root); v && v->kind == io::Kind::Array) {
    for (const io::Value& item : v->elements())
      if (item.kind == io::Kind::String) e.pays.emplace_back(item.text);
  }
  text(e.nomenclature, nomenclature_);
  text(e.section, section_);
  text(e.chapitre, chapitre_);
  text(e.fonction, fonction_);
  text(e.nature, imputation_nature_);
  text(e.beneficiaire_nom, beneficiaire_nom_);
  text(e.deliberation_reference, deliberation_reference_);
  e.deliberation_date.reset();
  if (const io::Value* v = deliberation_date_.follow(root); v && v->kind == io::Kind::Date) e.deliberation_date = v->date;

  e.action_declared = nature_.follow(root) != nullptr || domaine_.follow(root) != nullptr;
  e.convention = false;
  if (const io::Value* v = convention_.follow(root)) e.convention = v->kind == io::Kind::Object;
  text(e.beneficiaire_categorie, beneficiaire_categorie_);
  e.beneficiaire_pays.clear();
  for (const ValuePath* path : {&beneficiaire_pays_, &siege_pays_})
    if (const std::string_view country = path->view(root); !country.empty()) e.beneficiaire_pays.emplace_back(country);
  e.candidate = flag(candidat_);
  if (const io::Value* v = candidat_.follow(root)) e.searched_for_clues = v->kind == io::Kind::Boolean;
  else e.searched_for_clues = false;
  e.clues.clear();
  if (const io::Value* v = indices_.follow(root); v && v->kind == io::Kind::Array) {
    for (const io::Value& clue : v->elements()) {
      if (const io::Value* t = field_of(clue, "texte"); t && t->kind == io::Kind::String) e.clues.emplace_back(t->text);
    }
  }
  e.repartition.clear();
  if (const io::Value* v = repartition_.follow(root); v && v->kind == io::Kind::Array) {
    for (const io::Value& line : v->elements()) {
      JauneEntry::CountryShare share;
      if (const io::Value* p = field_of(line, "pays"); p && p->kind == io::Kind::String) share.pays = std::string(p->text);
      if (const io::Value* p = field_of(line, "part")) share.part = p->number;
      if (const io::Value* m = field_of(line, "montant")) share.montant = m->number;
      e.repartition.push_back(std::move(share));
    }
  }
  ContentHash hash;
  hash.value(root, origine_slot_);
  e.content[0] = hash.a;
  e.content[1] = hash.b;
}

}  // namespace subsidia::reports
