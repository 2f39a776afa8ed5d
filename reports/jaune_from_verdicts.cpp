#include "reports/jaune_from_verdicts.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "output/french_count.hpp"
#include "reports/amount_format.hpp"
#include "reports/jaune_checks.hpp"
#include "reports/id_key.hpp"
#include "reports/jaune_labels.hpp"
#include "reports/jaune_scope.hpp"

namespace subsidia::reports {

namespace {

std::string trimmed(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

// Display rank of a zone: France, the survey zones in survey order, zones of a custom
// table (alphabetical after these), then the policy lines.
int zone_rank(std::string_view zone) {
  if (zone == kFranceZone) return 0;
  for (int i = 0; i < static_cast<int>(std::size(kSurveyZones)); ++i)
    if (kSurveyZones[i] == zone) return 1 + i;
  if (zone == kSeveralZones) return 100;
  if (zone == kUnknownZone) return 101;
  if (zone == kNotGiven) return 102;
  return 50;
}

int domain_rank(std::string_view code) {
  for (int i = 0; i < static_cast<int>(std::size(kDomains)); ++i)
    if (kDomains[i].code == code) return i;
  return code.empty() ? 100 : 50;
}

// Lines of one breakdown, keyed, in first-seen order until sorted.
class Breakdown {
 public:
  // False on overflow.
  bool add_line(const std::string& key, const std::string& label, std::vector<std::string> parts,
           const JauneDossier& dossier) {
    return add_amount(key, label, std::move(parts), dossier, dossier.entry.montant);
  }
  // A part of the dossier's amount (a zone of its split by country).
  bool add_amount(const std::string& key, const std::string& label, std::vector<std::string> parts,
                  const JauneDossier& dossier, const decimal::Decimal& amount) {
    auto [it, inserted] = index_.emplace(key, lines_.size());
    if (inserted) {
      JauneLine line;
      line.key = key;
      line.label = label;
      line.key_parts = std::move(parts);
      lines_.push_back(std::move(line));
    }
    JauneLine& line = lines_[it->second];
    auto sum = add(line.amount, amount);
    if (!sum) return false;
    line.amount = *sum;
    line.dossiers.push_back(dossier.entry.id);
    if (dossier.verdict != eval::Verdict::Compliant) line.flagged.push_back(dossier.entry.id);
    return true;
  }

  template <class Less>
  std::vector<JauneLine> sorted(Less less) && {
    std::stable_sort(lines_.begin(), lines_.end(), less);
    return std::move(lines_);
  }

 private:
  std::vector<JauneLine> lines_;
  std::map<std::string, std::size_t> index_;
};

std::vector<std::string> distinct_zones(const JauneEntry& entry, const ZoneTable& zones,
                                        std::set<std::string>& unknown_countries) {
  std::vector<std::string> found;
  for (const auto& country : entry.pays) {
    const std::string* zone = zones.zone_of(country);
    std::string name = zone ? *zone : std::string(kUnknownZone);
    if (!zone) unknown_countries.insert(country);
    if (std::find(found.begin(), found.end(), name) == found.end()) found.push_back(std::move(name));
  }
  std::stable_sort(found.begin(), found.end(), [](const std::string& a, const std::string& b) {
    int ra = zone_rank(a), rb = zone_rank(b);
    return ra != rb ? ra < rb : a < b;
  });
  return found;
}

std::string imputation_key(const JauneEntry& e) { return e.nomenclature + "/" + e.chapitre + "/" + e.fonction; }

std::string imputation_label(const JauneEntry& e) {
  if (e.nomenclature.empty() && e.chapitre.empty()) return "Imputation non renseignée";
  std::string label = e.nomenclature.empty() ? std::string("nomenclature non renseignée") : e.nomenclature;
  label += " · chapitre " + (e.chapitre.empty() ? std::string(kNotGiven) : e.chapitre);
  label += " · fonction " + (e.fonction.empty() ? std::string(kNotGiven) : e.fonction);
  return label;
}

// action.repartition_pays -> amount per zone, exactly (docs/jaune.md, "Split by country").
// std::nullopt with `problem` set when the split cannot be used; empty `problem` when there
// is no split.
std::optional<std::vector<std::pair<std::string, decimal::Decimal>>> allocate_zones(
    const JauneEntry& e, const ZoneTable& zones, std::set<std::string>& unknown_countries, std::string& problem) {
  problem.clear();
  if (e.repartition.empty()) return std::nullopt;
  auto fail = [&](std::string why) -> std::optional<std::vector<std::pair<std::string, decimal::Decimal>>> {
    problem = std::move(why);
    return std::nullopt;
  };
  const bool by_share = e.repartition.front().part.has_value();
  std::set<std::string> seen;
  for (const auto& line : e.repartition) {
    if (line.pays.empty()) return fail("une ligne sans pays");
    if (!seen.insert(line.pays).second) return fail("pays " + line.pays + " donné deux fois");
    // The split is between the countries of the action: a country it does not name would get
    // money the dossier does not say is spent there (a zone of the annex credited wrongly).
    if (std::find(e.pays.begin(), e.pays.end(), line.pays) == e.pays.end())
      return fail("pays " + line.pays + " absent de action.pays");
    if (line.part.has_value() == line.montant.has_value())
      return fail("la ligne " + line.pays + " doit donner une part ou un montant, pas les deux ni aucun");
    if (line.part.has_value() != by_share) return fail("parts et montants mêlés");
  }
  std::vector<decimal::Decimal> amounts;
  decimal::Decimal sum;
  if (by_share) {
    const auto one = decimal::Decimal::from_integer(1);
    std::size_t largest = 0;
    for (std::size_t i = 0; i < e.repartition.size(); ++i) {
      const auto& part = *e.repartition[i].part;
      if (part.is_negative() || part.is_zero() || part > one) return fail("part de " + e.repartition[i].pays + " hors de ]0, 1]");
      auto total = add(sum, part);
      if (!total) return fail("dépassement de capacité");
      sum = *total;
      if (part > *e.repartition[largest].part) largest = i;
    }
    if (sum != one) return fail("les parts font " + sum.normalized().to_string() + ", pas 1");
    decimal::Decimal allocated;
    for (const auto& line : e.repartition) {
      auto product = multiply(e.montant, *line.part);
      auto cents = product ? product->round(2, decimal::RoundingMode::HalfAwayFromZero) : std::nullopt;
      auto running = cents ? add(allocated, *cents) : std::nullopt;
      if (!running) return fail("dépassement de capacité");
      amounts.push_back(*cents);
      allocated = *running;
    }
    // The rounding residue goes to the line with the largest share (the first of them).
    auto residue = subtract(e.montant, allocated);
    auto carried = residue ? add(amounts[largest], *residue) : std::nullopt;
    if (!carried) return fail("dépassement de capacité");
    amounts[largest] = *carried;
  } else {
    for (const auto& line : e.repartition) {
      auto total = add(sum, *line.montant);
      if (!total) return fail("dépassement de capacité");
      sum = *total;
      amounts.push_back(*line.montant);
    }
    if (sum != e.montant)
      return fail("les montants font " + sum.to_fixed(2) + ", le dossier " + e.montant.to_fixed(2));
  }
  std::vector<std::pair<std::string, decimal::Decimal>> by_zone;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const std::string* zone = zones.zone_of(e.repartition[i].pays);
    if (!zone) unknown_countries.insert(e.repartition[i].pays);
    const std::string name = zone ? *zone : std::string(kUnknownZone);
    auto found = std::find_if(by_zone.begin(), by_zone.end(), [&](const auto& z) { return z.first == name; });
    if (found == by_zone.end()) {
      by_zone.emplace_back(name, amounts[i]);
    } else {
      auto total = add(found->second, amounts[i]);
      if (!total) return fail("dépassement de capacité");
      found->second = *total;
    }
  }
  std::stable_sort(by_zone.begin(), by_zone.end(), [](const auto& a, const auto& b) {
    int ra = zone_rank(a.first), rb = zone_rank(b.first);
    return ra != rb ? ra < rb : a.first < b.first;
  });
  return by_zone;
}

}  // namespace

JauneBuild jaune_from_verdicts(int exercice, std::vector<JauneRecord> records, const ZoneTable& zones) {
  JauneBuild build;
  Jaune jaune;
  jaune.exercice = exercice;

  std::set<int> other_years;
  std::set<std::string> unknown_countries;
  std::map<std::string, std::size_t> by_id;  // id -> index in jaune.dossiers
  // A sector by its key (id_key: case, accents and their decomposed form, blanks at either end
  // aside) -> the spelling its line shows: the international affairs sector's own, else the first
  // met. « Affaires internationales et europeennes » in one dossier made a second line that looked
  // the same, and took its amount off the international affairs line (review by mutation).
  std::map<std::string, std::string> sector_spelling;
  std::vector<std::string> merged_spellings;  // notes: a spelling read as another
  sector_spelling.emplace(id_key(kInternationalAffairsSector), std::string(kInternationalAffairsSector));
  std::vector<std::string> duplicate_notes;
  for (auto& record : records) {
    if (record.entry.exercice != exercice) {
      ++jaune.other_exercices;
      if (record.entry.exercice) other_years.insert(*record.entry.exercice);
      continue;
    }
    // The same id twice: the same dossier read from two places counts once; two different
    // dossiers under one id cannot be told apart in the jaune's lists: an error.
    // Ids are compared by their key (id_key.hpp): ids that differ only by a blank, a capital
    // or the way an accent is written would be counted twice, and look alike in every list.
    std::string key = id_key(record.entry.id);
    if (auto seen = by_id.find(key); seen != by_id.end()) {
      const JauneEntry& first = jaune.dossiers[seen->second].entry;
      if (first.id != record.entry.id) {
        build.errors.push_back(
            {JauneErrorCode::DuplicateId,
             "identifiants « " + visible_id(first.id) + " » (" + first.file + ") et « " + visible_id(record.entry.id) + " » (" +
                 record.entry.file +
                 ") qui ne diffèrent que par des blancs, des majuscules ou la façon d'écrire les accents : sans doute le "
                 "même dossier, qui serait compté deux fois ; donner aux deux le même identifiant (le même dossier) ou "
                 "deux identifiants vraiment distincts"});
        continue;
      }
      if (first.content[0] == record.entry.content[0] && first.content[1] == record.entry.content[1]) {
        duplicate_notes.push_back("Dossier « " + record.entry.id + " » lu deux fois (" + first.file + " et " +
                                  record.entry.file + ", même contenu) : compté une fois.");
        continue;
      }
      build.errors.push_back({JauneErrorCode::DuplicateId, "identifiant « " + record.entry.id +
                                                               " » donné à deux dossiers différents : " + first.file +
                                                               " et " + record.entry.file});
      continue;
    }
    by_id.emplace(std::move(key), jaune.dossiers.size());
    JauneDossier d;
    d.entry = std::move(record.entry);
    d.verdict = record.verdict;
    // Out of scope wins: such a dossier is kept out of the annex altogether, so it cannot
    // also be shown "pour mémoire". Then a subsidy without international element is not
    // part of the jaune at all.
    const ScopeDecision scope = international_scope(d.entry);
    d.inclusion = d.entry.hors_perimetre            ? Inclusion::OutOfScope
                  : !scope.international             ? Inclusion::Domestic
                  : d.entry.operation_exceptionnelle ? Inclusion::Exceptional
                                                     : Inclusion::Counted;
    if (d.inclusion == Inclusion::Domestic) {
      d.reason = scope.reason;
      if (scope.undetermined) jaune.scope_undetermined.push_back(d.entry.id);
    }
    std::string sector = trimmed(d.entry.secteur);
    if (sector.empty()) {
      d.sector = std::string(kSectorMissing);
    } else {
      const auto [spelling, first] = sector_spelling.emplace(id_key(sector), sector);
      d.sector = spelling->second;
      if (!first && sector != spelling->second)
        merged_spellings.push_back("Secteur « " + sector + " » du dossier « " + d.entry.id + " » lu comme « " +
                                   spelling->second + " » (mêmes mots, aux capitales, aux accents ou aux blancs près).");
    }
    d.domain = std::string(domain_label(d.entry.domaine));
    d.zones = distinct_zones(d.entry, zones, unknown_countries);
    d.zone = d.zones.empty() ? std::string(kNotGiven) : d.zones.size() == 1 ? d.zones.front() : std::string(kSeveralZones);
    std::string problem;
    if (auto split = allocate_zones(d.entry, zones, unknown_countries, problem)) {
      d.zone_amounts = std::move(*split);
      if (d.zone_amounts.size() > 1) {
        d.zone = std::string(kSplitZones) + " (";
        for (std::size_t i = 0; i < d.zone_amounts.size(); ++i) d.zone += (i ? ", " : "") + d.zone_amounts[i].first;
        d.zone += ")";
      } else {
        d.zone = d.zone_amounts.front().first;
      }
    } else if (!problem.empty()) {
      jaune.notes.push_back("Répartition par pays du dossier « " + d.entry.id + " » ignorée (" + problem +
                            ") : il est compté sur sa zone ou sur « " + std::string(kSeveralZones) + " ».");
    }
    d.imputation = imputation_label(d.entry);
    if (d.inclusion != Inclusion::Domestic) {
      switch (d.verdict) {
        case eval::Verdict::Compliant: ++jaune.verdicts.compliant; break;
        case eval::Verdict::NonCompliant: ++jaune.verdicts.non_compliant; break;
        case eval::Verdict::Incomplete: ++jaune.verdicts.incomplete; break;
      }
    }
    jaune.dossiers.push_back(std::move(d));
  }
  if (!build.errors.empty()) return build;
  jaune.notes.insert(jaune.notes.end(), merged_spellings.begin(), merged_spellings.end());

  if (jaune.dossiers.empty()) {
    std::string message = "aucun dossier de l'exercice " + std::to_string(exercice);
    if (!other_years.empty()) {
      message += " (exercices trouvés :";
      for (int y : other_years) message += " " + std::to_string(y);
      message += ")";
    } else if (records.empty()) {
      message += " : aucun dossier lu";
    }
    build.errors.push_back({JauneErrorCode::NoDossierForExercice, message});
    return build;
  }

  auto overflow = [&](const JauneDossier& d) {
    build.errors.push_back({JauneErrorCode::AmountOverflow,
                            "dépassement de capacité en additionnant le montant du dossier " + d.entry.id});
  };

  Breakdown sectors, domains, zone_lines, imputations, collectivites;
  // Collectivités are shown by name; two of one name (Saint-Denis 93066 and 97411) would make
  // one line, and hide the breakdown when they are the only two: such names get their code.
  std::map<std::string, std::set<std::string>> codes_of_name;
  for (const JauneDossier& d : jaune.dossiers) codes_of_name[d.entry.collectivite].insert(d.entry.collectivite_code);
  auto collectivite_label = [&](const JauneEntry& e) {
    std::string label = e.collectivite.empty() ? std::string(kNotGiven) : e.collectivite;
    if (codes_of_name[e.collectivite].size() > 1)
      label += " (" + (e.collectivite_code.empty() ? std::string("code INSEE non renseigné") : "code INSEE " + e.collectivite_code) + ")";
    return label;
  };
  // A dossier with a usable split by country counts on each of its zones for its part.
  auto add_zones = [&](const JauneDossier& d) {
    if (d.zone_amounts.empty()) return zone_lines.add_line(d.zone, d.zone, {}, d);
    for (const auto& [zone, amount] : d.zone_amounts)
      if (!zone_lines.add_amount(zone, zone, {}, d, amount)) return false;
    return true;
  };
  decimal::Decimal international, others;
  std::vector<std::string> international_ids, other_ids, international_flagged, other_flagged;
  std::set<std::string> out_of_scope_international;
  for (std::size_t i = 0; i < jaune.dossiers.size(); ++i) {
    const JauneDossier& d = jaune.dossiers[i];
    const auto& amount = d.entry.montant;
    if (d.inclusion != Inclusion::Counted) {
      SetAside& aside = d.inclusion == Inclusion::Exceptional ? jaune.exceptional
                        : d.inclusion == Inclusion::Domestic  ? jaune.domestic
                                                              : jaune.out_of_scope;
      auto sum = add(aside.total, amount);
      if (!sum) {
        overflow(d);
        return build;
      }
      aside.total = *sum;
      aside.dossiers.push_back(i);
      if (d.inclusion == Inclusion::OutOfScope && d.sector == kInternationalAffairsSector)
        out_of_scope_international.insert(d.entry.id);
      continue;
    }
    auto total = add(jaune.total, amount);
    bool is_international = d.sector == kInternationalAffairsSector;
    auto& part = is_international ? international : others;
    auto part_sum = add(part, amount);
    const std::string collectivite = collectivite_label(d.entry);
    const std::string domain_key = d.entry.domaine.empty() ? std::string("non_renseigne") : d.entry.domaine;
    bool ok = total && part_sum && sectors.add_line(d.sector, d.sector, {}, d) &&
              domains.add_line(domain_key, d.domain, {}, d) && add_zones(d) &&
              imputations.add_line(imputation_key(d.entry), d.imputation,
                              {d.entry.nomenclature, d.entry.chapitre, d.entry.fonction}, d) &&
              collectivites.add_line(collectivite, collectivite, {}, d);
    if (!ok) {
      overflow(d);
      return build;
    }
    jaune.total = *total;
    part = *part_sum;
    jaune.total_dossiers.push_back(d.entry.id);
    (is_international ? international_ids : other_ids).push_back(d.entry.id);
    if (d.verdict != eval::Verdict::Compliant)
      (is_international ? international_flagged : other_flagged).push_back(d.entry.id);
  }

  jaune.by_sector = std::move(sectors).sorted([](const JauneLine& a, const JauneLine& b) {
    bool ia = a.key == kInternationalAffairsSector, ib = b.key == kInternationalAffairsSector;
    if (ia != ib) return ia;
    bool ma = a.key == kSectorMissing, mb = b.key == kSectorMissing;
    if (ma != mb) return mb;
    if (a.amount != b.amount) return a.amount > b.amount;
    return a.label < b.label;
  });
  jaune.by_domain = std::move(domains).sorted([](const JauneLine& a, const JauneLine& b) {
    int ra = domain_rank(a.key == "non_renseigne" ? "" : a.key), rb = domain_rank(b.key == "non_renseigne" ? "" : b.key);
    return ra != rb ? ra < rb : a.key < b.key;
  });
  jaune.by_zone = std::move(zone_lines).sorted([](const JauneLine& a, const JauneLine& b) {
    int ra = zone_rank(a.key), rb = zone_rank(b.key);
    return ra != rb ? ra < rb : a.key < b.key;
  });
  jaune.by_imputation = std::move(imputations).sorted([](const JauneLine& a, const JauneLine& b) {
    // Lines without an imputation go last; otherwise by nomenclature, chapitre, fonction.
    for (std::size_t k = 0; k < 3; ++k) {
      const auto &x = a.key_parts[k], &y = b.key_parts[k];
      if (x == y) continue;
      if (x.empty() != y.empty()) return y.empty();
      return x < y;
    }
    return false;
  });
  auto by_collectivite = std::move(collectivites).sorted([](const JauneLine& a, const JauneLine& b) {
    if (a.amount != b.amount) return a.amount > b.amount;
    return a.label < b.label;
  });
  if (by_collectivite.size() > 1) jaune.by_collectivite = std::move(by_collectivite);

  std::string international_label(kSynthesisInternational);
  if (!out_of_scope_international.empty()) international_label += " (hors dossiers classés hors périmètre)";
  jaune.synthesis.push_back({"affaires_internationales", international_label, {}, international,
                             international_ids, international_flagged});
  jaune.synthesis.push_back({"autres_secteurs", std::string(kSynthesisOthers), {}, others, other_ids, other_flagged});
  std::vector<std::string> flagged = international_flagged;
  flagged.insert(flagged.end(), other_flagged.begin(), other_flagged.end());
  jaune.synthesis.push_back({"total", std::string(kSynthesisTotal), {}, jaune.total, jaune.total_dossiers, flagged});
  const auto with_exceptional = add(jaune.total, jaune.exceptional.total);
  if (!with_exceptional) {
    build.errors.push_back({JauneErrorCode::AmountOverflow,
                            "dépassement de capacité en ajoutant les opérations exceptionnelles au total"});
    return build;
  }
  jaune.total_with_exceptional = *with_exceptional;

  // Notes for the reader, in French.
  jaune.notes.insert(jaune.notes.end(), duplicate_notes.begin(), duplicate_notes.end());
  const std::vector<std::string> questions = consistency_notes(jaune);
  jaune.notes.insert(jaune.notes.end(), questions.begin(), questions.end());
  if (!jaune.domestic.dossiers.empty())
    jaune.notes.push_back(output::counted(jaune.domestic.dossiers.size(), "subvention", "subventions") +
                          " sans élément international (" + format_meur(jaune.domestic.total) + ") " +
                          std::string(output::agreed(jaune.domestic.dossiers.size(), "laissée hors du jaune, listée",
                                             "laissées hors du jaune, listées")) +
                          " avec la raison.");
  if (jaune.other_exercices > 0)
    jaune.notes.push_back(output::counted(jaune.other_exercices, "dossier", "dossiers") + " d'un autre exercice " +
                          std::string(output::agreed(jaune.other_exercices, "ignoré.", "ignorés.")));
  if (!jaune.scope_undetermined.empty()) {
    std::string ids;
    for (const std::string& id : jaune.scope_undetermined) ids += (ids.empty() ? "« " : ", « ") + id + " »";
    jaune.notes.push_back(
        output::counted(jaune.scope_undetermined.size(), "dossier", "dossiers") +
        std::string(output::agreed(jaune.scope_undetermined.size(), " laissé", " laissés")) +
        " hors du jaune faute de savoir s'il est international (" + ids +
        ") : le dossier ne dit ni le pays de l'action ni celui du bénéficiaire. Le compléter, puis refaire le jaune ; "
        "jusque-là le jaune n'est pas exhaustif (code de sortie 1).");
  }
  std::size_t flagged_count = jaune.verdicts.non_compliant + jaune.verdicts.incomplete;
  if (flagged_count > 0)
    jaune.notes.push_back(output::counted(flagged_count, "dossier", "dossiers") +
                          std::string(output::agreed(flagged_count,
                                             " non conforme ou incomplet : son montant est compté et signalé, "
                                             "jamais retiré.",
                                             " non conformes ou incomplets : leurs montants sont comptés et "
                                             "signalés, jamais retirés.")));
  if (!unknown_countries.empty()) {
    std::string list;
    for (const auto& c : unknown_countries) list += (list.empty() ? "" : ", ") + c;
    jaune.notes.push_back("Pays absents de la table des zones (ligne « " + std::string(kUnknownZone) + " ») : " +
                          list + ".");
  }
  jaune.notes.push_back("Zones : table " + zones.source() + " ; une action dans plusieurs zones est comptée une fois, "
                        "sur la ligne « " + std::string(kSeveralZones) + " », sauf si elle donne sa répartition par pays "
                        "(action.repartition_pays) : chaque zone reçoit alors sa part, le reste d'arrondi au centime "
                        "allant au pays de la plus grande part.");
  jaune.notes.push_back("M€ : montant en euros divisé par un million, arrondi à trois décimales au plus proche, "
                        "demi arrondi en s'éloignant de zéro ; chaque ligne est arrondie séparément.");

  build.jaune = std::move(jaune);
  return build;
}

}  // namespace subsidia::reports
