#include "reports/packed_entries.hpp"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace subsidia::reports {

namespace {

// Writes and reads in the same order; integers in the machine's own layout (the buffer never
// leaves the process).
class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}
  template <class T>
  void raw(const T& value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  void text(std::string_view s) {
    raw(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void number(const decimal::Decimal& d) {
    raw(d.coefficient());
    raw(static_cast<std::int32_t>(d.scale()));
  }
  void optional_number(const std::optional<decimal::Decimal>& d) {
    raw(d.has_value());
    if (d) number(*d);
  }
  void texts(const std::vector<std::string>& list) {
    raw(static_cast<std::uint32_t>(list.size()));
    for (const std::string& s : list) text(s);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::size_t at) : bytes_(bytes), at_(at) {}
  template <class T>
  T raw() {
    T value;
    std::memcpy(&value, bytes_.data() + at_, sizeof value);
    at_ += sizeof value;
    return value;
  }
  std::string_view text() {
    const auto size = raw<std::uint32_t>();
    const std::string_view s = bytes_.substr(at_, size);
    at_ += size;
    return s;
  }
  decimal::Decimal number() {
    const auto coefficient = raw<__int128>();
    const auto scale = raw<std::int32_t>();
    // The parts of a Decimal that was valid when it was packed.
    if (auto d = decimal::Decimal::from_parts(coefficient, scale)) return *d;
    throw std::logic_error("PackedEntries: a packed amount does not read back");
  }
  std::optional<decimal::Decimal> optional_number() {
    if (!raw<bool>()) return std::nullopt;
    return number();
  }
  void texts(std::vector<std::string>& list) {
    const auto count = raw<std::uint32_t>();
    list.clear();
    list.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) list.emplace_back(text());
  }

 private:
  std::string_view bytes_;
  std::size_t at_;
};

}  // namespace

void PackedEntries::add(const JauneEntry& e) {
  offsets_.push_back(bytes_.size());
  Writer w(bytes_);
  // The head first: id, exercice, montant (head() reads these alone).
  w.text(e.id);
  w.raw(e.exercice.has_value());
  w.raw(e.exercice.value_or(0));
  w.number(e.montant);
  w.text(e.file);
  w.text(e.collectivite);
  w.text(e.collectivite_code);
  w.text(e.objet);
  w.text(e.secteur);
  w.raw(e.operation_exceptionnelle);
  w.raw(e.hors_perimetre);
  w.text(e.domaine);
  w.texts(e.pays);
  w.text(e.nomenclature);
  w.text(e.section);
  w.text(e.chapitre);
  w.text(e.fonction);
  w.text(e.nature);
  w.text(e.beneficiaire_nom);
  w.raw(e.deliberation_date.has_value());
  w.raw(e.deliberation_date ? e.deliberation_date->year() : 0);
  w.raw(e.deliberation_date ? e.deliberation_date->month() : 0);
  w.raw(e.deliberation_date ? e.deliberation_date->day() : 0);
  w.text(e.deliberation_reference);
  w.raw(e.action_declared);
  w.raw(e.convention);
  w.text(e.beneficiaire_categorie);
  w.texts(e.beneficiaire_pays);
  w.raw(e.candidate);
  w.texts(e.clues);
  w.raw(static_cast<std::uint32_t>(e.repartition.size()));
  for (const JauneEntry::CountryShare& share : e.repartition) {
    w.text(share.pays);
    w.optional_number(share.part);
    w.optional_number(share.montant);
  }
  w.raw(e.content[0]);
  w.raw(e.content[1]);
}

namespace {

PackedEntries::Head read_head(Reader& r) {
  PackedEntries::Head h;
  h.id = r.text();
  const bool has_exercice = r.raw<bool>();
  const int exercice = r.raw<int>();
  if (has_exercice) h.exercice = exercice;
  h.montant = r.number();
  return h;
}

}  // namespace

PackedEntries::Head PackedEntries::head(std::size_t i) const {
  Reader r(bytes_, offsets_.at(i));
  return read_head(r);
}

JauneEntry PackedEntries::entry(std::size_t i) const {
  Reader r(bytes_, offsets_.at(i));
  JauneEntry e;
  const Head head = read_head(r);
  e.id = head.id;
  e.exercice = head.exercice;
  e.montant = head.montant;
  e.file = r.text();
  e.collectivite = r.text();
  e.collectivite_code = r.text();
  e.objet = r.text();
  e.secteur = r.text();
  e.operation_exceptionnelle = r.raw<bool>();
  e.hors_perimetre = r.raw<bool>();
  e.domaine = r.text();
  r.texts(e.pays);
  e.nomenclature = r.text();
  e.section = r.text();
  e.chapitre = r.text();
  e.fonction = r.text();
  e.nature = r.text();
  e.beneficiaire_nom = r.text();
  const bool has_date = r.raw<bool>();
  const int year = r.raw<int>(), month = r.raw<int>(), day = r.raw<int>();
  if (has_date) e.deliberation_date = calendar::Date::from_ymd(year, month, day);
  e.deliberation_reference = r.text();
  e.action_declared = r.raw<bool>();
  e.convention = r.raw<bool>();
  e.beneficiaire_categorie = r.text();
  r.texts(e.beneficiaire_pays);
  e.candidate = r.raw<bool>();
  r.texts(e.clues);
  const auto shares = r.raw<std::uint32_t>();
  e.repartition.reserve(shares);
  for (std::uint32_t k = 0; k < shares; ++k) {
    JauneEntry::CountryShare share;
    share.pays = r.text();
    share.part = r.optional_number();
    share.montant = r.optional_number();
    e.repartition.push_back(std::move(share));
  }
  e.content[0] = r.raw<std::uint64_t>();
  e.content[1] = r.raw<std::uint64_t>();
  return e;
}

}  // namespace subsidia::reports
