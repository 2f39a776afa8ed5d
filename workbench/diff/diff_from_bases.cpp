#include "diff/diff_from_bases.hpp"

#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "diff/narrowed_base.hpp"
#include "diff/rule_causes.hpp"
#include "diff/rule_changes.hpp"
#include "io/reader.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/packed_entries.hpp"
#include "reports/jaune_from_verdicts.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::workbench {

namespace fs = std::filesystem;

bool DiffReport::differs() const {
  if (!changed.empty()) return true;
  for (const RuleChange& rule : rules)
    if (rule.kind != RuleChangeKind::Changed || rule.text_changed || rule.flips > 0 || !rule.causes.empty()) return true;
  return false;
}

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The base's own zone table when it has one (as `jaune` does), else the compiled-in one.
reports::ZoneTable zones_of(const api::Engine& engine, std::vector<std::string>& notes) {
  std::error_code ec;
  const fs::path rules = engine.rules_path();
  const fs::path folder = fs::is_directory(rules, ec) ? rules : rules.parent_path();
  const fs::path table = folder / "tables" / "pays-zones.csv";
  if (fs::exists(table, ec)) {
    std::string error;
    if (auto zones = reports::ZoneTable::load(table, &error)) return std::move(*zones);
    notes.push_back("table des zones illisible (" + error + ") : table intégrée utilisée");
  }
  return reports::ZoneTable::builtin();
}

std::size_t verdict_index(eval::Verdict verdict) { return static_cast<std::size_t>(verdict); }

bool speaks(eval::RuleStatus status) {
  return status == eval::RuleStatus::Violated || status == eval::RuleStatus::Unknown;
}

// Evaluation of one base: its engine, a scratch, and for each of its rule families the index
// of the same id in the other base (-1: absent there).
struct Side {
  const api::Engine* engine = nullptr;
  api::Engine::Scratch scratch;
  std::vector<int> other_index;
};

std::vector<int> index_in(const model::RuleBase& from, const model::RuleBase& to) {
  std::unordered_map<std::string_view, int> position;
  for (std::size_t i = 0; i < to.families.size(); ++i) position[to.families[i].id] = static_cast<int>(i);
  std::vector<int> out;
  out.reserve(from.families.size());
  for (const model::RuleFamily& family : from.families) {
    auto found = position.find(family.id);
    out.push_back(found == position.end() ? -1 : found->second);
  }
  return out;
}

class Differ {
 public:
  Differ(const BaseUnderDiff& before, const BaseUnderDiff& after, const DiffSettings& settings)
      : before_{before.loaded->engine.get(), before.loaded->engine->scratch(), {}},
        after_{after.loaded->engine.get(), after.loaded->engine->scratch(), {}},
        reader_before_(before.loaded->engine->shared_schema()),
        extractor_(before.loaded->engine->schema()) {
    const model::RuleBase& a = before_.engine->rules();
    const model::RuleBase& b = after_.engine->rules();
    before_.other_index = index_in(a, b);
    after_.other_index = index_in(b, a);
    // Identical ids in identical order (the usual case): statuses compare index by index.
    same_layout_ = a.families.size() == b.families.size();
    for (std::size_t i = 0; same_layout_ && i < a.families.size(); ++i)
      same_layout_ = before_.other_index[i] == static_cast<int>(i);
    // One read serves both bases when their schemas are the same text: the dossier's slots
    // are laid out by the schema alone.
    shared_schema_ = read_text(before_.engine->schema_path()) == read_text(after_.engine->schema_path());
    if (!shared_schema_) reader_after_.emplace(after.loaded->engine->shared_schema());
    identical_ = shared_schema_ && same_layout_ &&
                 before_.engine->receipt().fingerprint == after_.engine->receipt().fingerprint;
    if (!identical_ && shared_schema_ && settings.narrow) {
      narrowed_ = narrow_after_base(*before.loaded, *after.loaded);
    }
    flips_after_.assign(b.families.size(), 0);
    flips_removed_.assign(a.families.size(), 0);
    report_.label_before = before.label;
    report_.label_after = after.label;
    report_.receipt_before = before_.engine->receipt();
    report_.receipt_after = after_.engine->receipt();
  }

  void add(const io::InputItem& item) {
    io::ReadOutcome read_before = reader_before_.read(item.text, item.file, item.line);
    if (!read_before.dossier) locate_and_note(item, read_before.errors, "avant");
    std::optional<io::ReadOutcome> read_after;
    if (!shared_schema_) {
      read_after = reader_after_->read(item.text, item.file, item.line);
      if (!read_after->dossier) locate_and_note(item, read_after->errors, "après");
    }
    if (!read_before.dossier || (read_after && !read_after->dossier)) return;
    const io::Dossier& dossier_before = *read_before.dossier;
    const io::Dossier& dossier_after = read_after ? *read_after->dossier : dossier_before;
    compare(dossier_before, dossier_after);
  }

  void add_error(const io::InputError& error) { report_.unreadable.push_back({error, "les deux"}); }

  DiffReport finish(const BaseUnderDiff& before, const BaseUnderDiff& after) {
    report_.rules = rule_changes(*before.loaded, *after.loaded);
    // Every rule that flipped a dossier is listed, text changed or not (a definition, a table
    // or a source's dates may have moved under it).
    const model::RuleBase& a = before_.engine->rules();
    const model::RuleBase& b = after_.engine->rules();
    std::vector<RuleChange> listed;
    std::optional<RuleCauses> causes;  // parses both bases: only when a rule needs it
    std::map<std::string_view, const RuleChange*> by_id;
    for (const RuleChange& change : report_.rules) by_id[change.id] = &change;
    // A rule whose text did not change but under which a definition, a table or a source did is
    // listed too, even when no dossier of the run straddles the change (a threshold moved from
    // 23 000 € to 23 500 € with no case in between): the base's meaning changed, and « rien ne
    // change » would approve it unread.
    const bool bases_differ = report_.receipt_before.fingerprint != report_.receipt_after.fingerprint;
    for (std::size_t i = 0; i < b.families.size(); ++i) {
      auto found = by_id.find(b.families[i].id);
      RuleChange change = found != by_id.end() ? *found->second : RuleChange{b.families[i].id, RuleChangeKind::Changed, false, 0, {}};
      change.flips = flips_after_[i];
      if (change.kind == RuleChangeKind::Changed && !change.text_changed && (flips_after_[i] > 0 || bases_differ)) {
        if (!causes) causes.emplace(*before.loaded, *after.loaded);
        change.causes = causes->of(b.families[i]);
      }
      if (found == by_id.end() && change.flips == 0 && change.causes.empty()) continue;
      listed.push_back(std::move(change));
    }
    for (std::size_t i = 0; i < a.families.size(); ++i) {
      if (before_.other_index[i] >= 0) continue;
      RuleChange change{a.families[i].id, RuleChangeKind::Removed, true, flips_removed_[i], {}};
      listed.push_back(std::move(change));
    }
    report_.rules = std::move(listed);
    build_sectors(before, after);
    return std::move(report_);
  }

 private:
  void locate_and_note(const io::InputItem& item, std::vector<io::InputError>& errors, const char* base) {
    io::locate_in_file(item, errors);
    if (!errors.empty()) report_.unreadable.push_back({errors.front(), base});
  }

  // The "après" statuses (statuses_after_, in the après base's order) and verdict: the same
  // plan gives the same results; when narrowed, the families that can differ are evaluated and
  // the others keep the "avant" statuses; otherwise the whole après base is evaluated.
  eval::Verdict judge_after(const eval::Statuses& a, const io::Dossier& dossier_after) {
    std::vector<eval::RuleStatus>& sb = statuses_after_;
    if (identical_) {
      sb.clear();
      for (const eval::StatusOutcome& o : a.rules) sb.push_back(o.status);
      return a.verdict;
    }
    eval::Statuses& b = after_statuses_;
    if (!narrowed_) {
      after_.engine->statuses(dossier_after, after_.scratch, b);
      sb.clear();
      for (const eval::StatusOutcome& o : b.rules) sb.push_back(o.status);
      return b.verdict;
    }
    if (narrowed_->any()) after_.engine->statuses(dossier_after, after_.scratch, b, &narrowed_->affected);
    // The verdict as eval::Plan decides it: a blocking rule violated, else one indéterminée.
    bool violated = false, unknown = false;
    sb.resize(narrowed_->affected.size());
    for (std::size_t i = 0; i < sb.size(); ++i) {
      const eval::StatusOutcome& o = narrowed_->affected[i] ? b.rules[i]
                                                            : a.rules[static_cast<std::size_t>(after_.other_index[i])];
      sb[i] = o.status;
      if (o.rule != nullptr && o.rule->severity == model::Severity::Blocking) {
        violated = violated || o.status == eval::RuleStatus::Violated;
        unknown = unknown || o.status == eval::RuleStatus::Unknown;
      }
    }
    return violated ? eval::Verdict::NonCompliant : unknown ? eval::Verdict::Incomplete : eval::Verdict::Compliant;
  }

  void compare(const io::Dossier& dossier_before, const io::Dossier& dossier_after) {
    eval::Statuses& a = before_statuses_;
    before_.engine->statuses(dossier_before, before_.scratch, a);
    const eval::Verdict after_verdict = judge_after(a, dossier_after);
    ++report_.dossiers;
    reports::JauneEntry& entry = entry_;  // reused: extracting allocates nothing once grown
    extractor_.extract(dossier_before, entry);
    TransitionCell& cell = report_.matrix[verdict_index(a.verdict)][verdict_index(after_verdict)];
    ++cell.count;
    if (auto sum = decimal::add(cell.euros, entry.montant)) cell.euros = *sum;
    else overflow_ = true;

    bool changed = a.verdict != after_verdict;
    const std::vector<eval::RuleStatus>& sb = statuses_after_;
    if (same_layout_) {
      for (std::size_t i = 0; i < sb.size(); ++i) {
        if (a.rules[i].status != sb[i]) {
          ++flips_after_[i];
          changed = true;
        }
      }
    } else {
      // A rule on one side only flips a dossier when it says something there (violée or
      // indéterminée): a new rule respected, or an old one sans objet, changes nothing.
      for (std::size_t i = 0; i < sb.size(); ++i) {
        const int j = after_.other_index[i];
        if (j < 0 ? speaks(sb[i]) : a.rules[static_cast<std::size_t>(j)].status != sb[i]) {
          ++flips_after_[i];
          changed = true;
        }
      }
      for (std::size_t j = 0; j < a.rules.size(); ++j) {
        if (before_.other_index[j] < 0 && speaks(a.rules[j].status)) {
          ++flips_removed_[j];
          changed = true;
        }
      }
    }

    // The jaune needs every dossier's facts, but only for an exercice where a verdict moved
    // (otherwise both jaunes flag the same dossiers): the entries are kept once, packed, and
    // the two jaunes are built at the end for those exercices alone.
    const decimal::Decimal montant = entry.montant;
    if (a.verdict != after_verdict && entry.exercice) changed_exercices_[*entry.exercice] = true;
    entries_.add(entry);
    verdicts_before_.push_back(a.verdict);
    verdicts_after_.push_back(after_verdict);
    if (!changed) return;

    // Only now are the explanations worth their cost, and only for the rules that moved (or
    // that speak on one side only): a full explanation of every rule cost ten times a status.
    std::vector<bool>& explain_a = explain_before_;
    std::vector<bool>& explain_b = explain_after_;
    explain_a.assign(a.rules.size(), false);
    explain_b.assign(sb.size(), false);
    for (std::size_t i = 0; i < sb.size(); ++i) {
      const int j = after_.other_index[i];
      if (j < 0) {
        explain_b[i] = speaks(sb[i]);
      } else if (a.rules[static_cast<std::size_t>(j)].status != sb[i]) {
        explain_b[i] = true;
        explain_a[static_cast<std::size_t>(j)] = true;
      }
    }
    for (std::size_t j = 0; j < a.rules.size(); ++j)
      if (before_.other_index[j] < 0 && speaks(a.rules[j].status)) explain_a[j] = true;
    const eval::DossierResult full_a = before_.engine->check(dossier_before, before_.scratch, explain_a);
    const eval::DossierResult full_b = after_.engine->check(dossier_after, after_.scratch, explain_b);
    DossierChange change;
    change.id = std::string(dossier_before.id());
    change.file = dossier_before.file();
    change.line = dossier_before.line();
    change.before = a.verdict;
    change.after = after_verdict;
    change.montant = montant;
    for (std::size_t i = 0; i < full_b.rules.size(); ++i) {
      const eval::RuleOutcome& now = full_b.rules[i];
      const int j = after_.other_index[i];
      if (j < 0) {
        if (speaks(now.status)) change.rules.push_back({std::string(now.id), std::nullopt, now.status, "", now.explanation});
        continue;
      }
      const eval::RuleOutcome& then = full_a.rules[static_cast<std::size_t>(j)];
      if (then.status != now.status)
        change.rules.push_back({std::string(now.id), then.status, now.status, then.explanation, now.explanation});
    }
    for (std::size_t j = 0; j < full_a.rules.size(); ++j) {
      if (before_.other_index[j] >= 0) continue;
      const eval::RuleOutcome& then = full_a.rules[j];
      if (speaks(then.status)) change.rules.push_back({std::string(then.id), then.status, std::nullopt, then.explanation, ""});
    }
    report_.changed.push_back(std::move(change));
  }

  // The jaune of each exercice under each base, by sector: the lines whose flagged amount
  // (dossiers not conformes) differs.
  void build_sectors(const BaseUnderDiff& before, const BaseUnderDiff& after) {
    if (overflow_) report_.notes.push_back("somme des montants hors de l'arithmétique exacte : montants de la matrice incomplets");
    if (changed_exercices_.empty()) return;
    const reports::ZoneTable zones_before = zones_of(*before.loaded->engine, report_.notes);
    const reports::ZoneTable zones_after = zones_of(*after.loaded->engine, report_.notes);
    // The head of every entry (its id views entries_, which no longer changes).
    std::vector<reports::PackedEntries::Head> heads;
    heads.reserve(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) heads.push_back(entries_.head(i));
    std::unordered_map<std::string_view, const decimal::Decimal*> amount_of;
    amount_of.reserve(heads.size());
    for (const auto& head : heads) amount_of.insert_or_assign(head.id, &head.montant);
    auto flagged_amount = [&](const reports::JauneLine& line) {
      decimal::Decimal sum;
      for (const std::string& id : line.flagged) {
        auto found = amount_of.find(std::string_view(id));
        if (found == amount_of.end()) continue;
        if (auto next = decimal::add(sum, *found->second)) sum = *next;
      }
      return sum;
    };
    for (const auto& [exercice, unused] : changed_exercices_) {
      (void)unused;
      std::vector<reports::JauneRecord> records_before, records_after;
      for (std::size_t i = 0; i < entries_.size(); ++i) {
        if (heads[i].exercice != exercice) continue;
        reports::JauneEntry entry = entries_.entry(i);
        records_before.push_back({entry, verdicts_before_[i]});
        records_after.push_back({std::move(entry), verdicts_after_[i]});
      }
      reports::JauneBuild a = reports::jaune_from_verdicts(exercice, std::move(records_before), zones_before);
      reports::JauneBuild b = reports::jaune_from_verdicts(exercice, std::move(records_after), zones_after);
      if (!a.jaune || !b.jaune) {
        const auto& errors = !a.jaune ? a.errors : b.errors;
        report_.notes.push_back("jaune " + std::to_string(exercice) + " non comparé : " +
                                (errors.empty() ? std::string("erreur") : errors.front().message));
        continue;
      }
      std::map<std::string, const reports::JauneLine*> lines_before;
      for (const auto& line : a.jaune->by_sector) lines_before[line.key] = &line;
      for (const auto& line : b.jaune->by_sector) {
        auto found = lines_before.find(line.key);
        const decimal::Decimal flagged_after = flagged_amount(line);
        const decimal::Decimal flagged_before = found == lines_before.end() ? decimal::Decimal() : flagged_amount(*found->second);
        const std::size_t count_before = found == lines_before.end() ? 0 : found->second->flagged.size();
        if (flagged_before == flagged_after && count_before == line.flagged.size() &&
            (found == lines_before.end() || found->second->amount == line.amount))
          continue;
        report_.sectors.push_back({exercice, line.key, line.label, line.amount, flagged_before, flagged_after, count_before,
                                   line.flagged.size()});
      }
    }
  }

  Side before_, after_;
  io::DossierReader reader_before_;
  std::optional<io::DossierReader> reader_after_;
  reports::EntryExtractor extractor_;
  bool same_layout_ = true;
  bool shared_schema_ = true;
  bool identical_ = false;  // same fingerprint: one evaluation serves both sides
  std::optional<NarrowedBase> narrowed_;
  eval::Statuses before_statuses_, after_statuses_;  // reused from one dossier to the next
  std::vector<eval::RuleStatus> statuses_after_;
  std::vector<bool> explain_before_, explain_after_;  // reused from one changed dossier to the next
  bool overflow_ = false;
  std::vector<std::size_t> flips_after_, flips_removed_;
  reports::JauneEntry entry_;        // the current dossier's, reused
  reports::PackedEntries entries_;  // every dossier's, in reading order
  std::vector<eval::Verdict> verdicts_before_, verdicts_after_;
  std::map<int, bool> changed_exercices_;
  DiffReport report_;
};

}  // namespace

DiffReport diff_from_bases(const BaseUnderDiff& before, const BaseUnderDiff& after, io::InputStream& input,
                           const DiffSettings& settings) {
  Differ differ(before, after, settings);
  io::InputItem item;
  std::optional<io::InputError> error;
  while (input.next(item, error)) {
    if (error) {
      differ.add_error(*error);
      error.reset();
      continue;
    }
    differ.add(item);
  }
  return differ.finish(before, after);
}

}  // namespace subsidia::workbench
