// Explanations are the product: for each rule family, the version in force, its status,
// the facts read (with concrete paths), what was missing, and a French sentence.
#include <algorithm>
#include <charconv>

#include "eval/plan_impl.hpp"

namespace subsidia::eval {

namespace {

using model::NodeId;

using model::period_french;

std::string decimal_french(const decimal::Decimal& d) {
  std::string s = d.to_string();
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

// A fact's value as the dossier gives it, appended to `out`.
void append_fact_text(std::string& out, const io::Value& v) {
  switch (v.kind) {
    case io::Kind::Null: out += "null"; return;
    case io::Kind::Boolean: out += v.boolean ? "vrai" : "faux"; return;
    case io::Kind::Integer:
    case io::Kind::Decimal:
      if (v.text.empty()) {
        out += v.number.to_string();
      } else {
        out += v.text;
      }
      return;
    case io::Kind::String: out += v.text; return;
    case io::Kind::Date: out += v.date.iso(); return;
    default: return;
  }
}

constexpr const char* kDeliberationDate = "deliberation.date";

}  // namespace

// Appends into one string for the whole chain of bases: the recursive version that returned
// a string per level cost an allocation and a copy per level for every fact of every rule.
void CompiledPlan::append_location(std::string& out, const Frame& frame, std::int32_t location) const {
  const Location& loc = frame.locations[static_cast<std::size_t>(location)];
  if (loc.path == model::kNoNode) {
    out += kDeliberationDate;
    return;
  }
  // `start` marks where this location begins: "not empty" below means "a base was written".
  const std::size_t start = out.size();
  if (loc.base >= 0) append_location(out, frame, loc.base);
  const auto append_index = [&out](std::size_t index) {
    char buffer[24];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, index);
    out += '[';
    out.append(buffer, r.ptr);
    out += ']';
  };
  const model::Node& n = nodes[loc.path];
  if (loc.upto == 0xFF && !path_names[loc.path].empty()) {
    // No [*] on the way: the name was made once, with the plan.
    if (out.size() != start) out += '.';
    out += path_names[loc.path];
    if (loc.element && loc.count > 0) append_index(loc.index[loc.count - 1]);
    return;
  }
  std::size_t used = 0;
  const std::size_t upto = std::min<std::size_t>(loc.upto, n.steps.size());
  for (std::size_t i = 0; i < upto; ++i) {
    if (out.size() != start) out += '.';
    out += n.steps[i].name;
    if (n.steps[i].all_items) {
      if (used < loc.count) {
        append_index(loc.index[used++]);
      } else if (i + 1 < upto) {
        out += "[*]";
      }
    }
  }
  if (loc.element && used < loc.count) append_index(loc.index[used]);
}

// Values and templates are appended to the caller's string: an explanation is written into
// the outcome's own string, which keeps its capacity from one dossier to the next, instead of
// a string per piece and a string per template, each grown by doubling and then copied.
void CompiledPlan::append_value(std::string& out, const Val& v, const model::Type& type, Frame& frame, NodeId id) const {
  if (type.kind == model::TypeKind::List && id != model::kNoNode) {
    std::vector<Val> items;
    const Val list = elements(id, frame, items);
    if (list.tag == Tag::Unknown) {
      out += "(non renseigné)";
      return;
    }
    const model::Type element = type.element_type();
    const std::size_t start = out.size();
    for (const Val& item : items) {
      if (out.size() != start) out += ", ";
      append_value(out, item, element, frame, model::kNoNode);
    }
    return;
  }
  switch (v.tag) {
    case Tag::Unknown: out += "(non renseigné)"; return;
    case Tag::NoValue: out += "(aucune valeur)"; return;
    case Tag::Boolean: out += v.boolean ? "oui" : "non"; return;
    case Tag::Number:
      if (type.kind == model::TypeKind::Money) {
        // To the cent, unless the value is finer: 1 % of 12 345,67 € is 123,4567 €, and
        // showing 123,46 € beside a "more than the ceiling" would state an equality that is
        // not the one the rule compared.
        int digits = 2;
        if (v.number.scale() > 2) digits = std::max(2, v.number.normalized().scale());
        out += v.number.to_french(digits);
        out += " €";
        return;
      }
      // Integers are years and counts: "2006", never "2 006".
      if (type.kind == model::TypeKind::Integer && v.number.is_integer()) {
        out += v.number.normalized().to_string();
        return;
      }
      out += decimal_french(v.number);
      return;
    case Tag::Text: out += v.text; return;
    case Tag::Date: out += v.date.french(); return;
    default: return;
  }
}

void CompiledPlan::append_template(std::string& out, const model::MessageTemplate& t, Frame& frame) const {
  for (const model::TemplatePiece& piece : t.pieces) {
    if (piece.expression == model::kNoNode) {
      out += piece.text;
      continue;
    }
    const model::Node& n = nodes[piece.expression];
    const Val v = n.type.kind == model::TypeKind::List ? Val{} : eval(piece.expression, frame);
    append_value(out, v, n.type, frame, piece.expression);
  }
}

void CompiledPlan::finish_outcome_in_full(RuleOutcome& out, Frame& frame, std::int32_t missing_root) const {
  if (frame.status_only) {
    out.explanation.clear();
    return;  // the status alone: no missing path, no message
  }
  // Missing paths: flatten the union tree, then sorted and unique.
  std::vector<std::int32_t>& stack = frame.missing_stack;  // the frame's: no allocation once grown
  stack.clear();
  if (missing_root >= 0) stack.push_back(missing_root);
  while (!stack.empty()) {
    const MissingNode node = frame.missing[static_cast<std::size_t>(stack.back())];
    stack.pop_back();
    if (node.location >= 0) {
      std::string path = frame.take_string();
      append_location(path, frame, node.location);
      out.missing.push_back(std::move(path));
      continue;
    }
    if (node.left >= 0) stack.push_back(node.left);
    if (node.right >= 0) stack.push_back(node.right);
  }
  std::sort(out.missing.begin(), out.missing.end());
  out.missing.erase(std::unique(out.missing.begin(), out.missing.end()), out.missing.end());

  const model::CompiledRule* compiled = out.rule != nullptr ? out.rule->compiled.get() : nullptr;
  const bool text = wants_text(frame, out.status);
  if (!text) {
    out.explanation.clear();
    return;  // neither message nor facts at this level of detail
  }
  if (out.explanation.empty() && compiled != nullptr) {
    const std::optional<model::MessageTemplate>* chosen = nullptr;
    if (out.status == RuleStatus::Respected) chosen = &compiled->when_respected;
    if (out.status == RuleStatus::Violated) chosen = &compiled->when_violated;
    if (out.status == RuleStatus::Unknown) chosen = &compiled->when_unknown;
    if (chosen != nullptr && chosen->has_value()) {
      append_template(out.explanation, **chosen, frame);  // empty here: written in place
      // A lawyer's message cannot know which facts a given dossier lacks: the engine says it,
      // so that the sentence a finance officer pastes names every missing piece.
      if (out.status == RuleStatus::Unknown && !out.missing.empty()) {
        out.explanation += " Il manque : ";
        for (std::size_t i = 0; i < out.missing.size(); ++i) out.explanation += (i ? ", " : "") + out.missing[i];
        out.explanation += ".";
      }
    } else if (out.status == RuleStatus::Respected) {
      out.explanation = "Règle respectée.";
    } else if (out.status == RuleStatus::Violated) {
      const std::string& text = compiled->requirement != model::kNoNode ? nodes[compiled->requirement].text : std::string();
      out.explanation = "Règle violée : la condition « " + text + " » n'est pas remplie.";
    } else if (out.status == RuleStatus::Unknown && !out.missing.empty()) {
      std::string list;
      for (const std::string& m : out.missing) list += (list.empty() ? "" : ", ") + m;
      out.explanation = "Impossible de conclure : il manque " + list + ".";
    } else if (out.status == RuleStatus::Unknown) {
      out.explanation = "Impossible de conclure.";
    } else {
      out.explanation = "Sans objet : la condition d'application n'est pas remplie.";
    }
  }
  if (out.status == RuleStatus::Unknown && frame.overflow) {
    const std::string text = frame.overflow_at != model::kNoNode ? nodes[frame.overflow_at].text : std::string();
    if (frame.division_by_zero) {
      out.explanation += " Division par zéro dans « " + text + " » : le calcul ne peut aboutir.";
    } else {
      out.explanation += " Le calcul exact de « " + text +
                         " » dépasse la capacité des nombres décimaux : aucun arrondi silencieux n'est fait, la règle reste indéterminée.";
    }
  }
  if (frame.roundings != 0 && (out.status == RuleStatus::Respected || out.status == RuleStatus::Violated)) {
    for (unsigned mode = 0; mode < 8; ++mode) {
      if (frame.roundings & (1u << mode)) {
        out.explanation += " Arrondi utilisé : " +
                           std::string(decimal::rounding_mode_french(static_cast<decimal::RoundingMode>(mode))) + ".";
      }
    }
  }
  out.facts.reserve(frame.facts.size());
  for (const FactRecord& f : frame.facts) {
    Fact& fact = out.facts.emplace_back(Fact{frame.take_string(), frame.take_string()});
    append_location(fact.path, frame, f.location);
    append_fact_text(fact.value, *f.value);
  }
}

namespace {

// Whether the versions of a family, taken together, are in force on every date: then a
// dossier without a deliberation date cannot fall outside all of them.
bool covers_every_date(const model::RuleFamily& family) {
  const auto& v = family.versions;  // sorted by period, non-overlapping (checker)
  if (v.empty() || v.front().period.from || v.back().period.to) return false;
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (!v[i - 1].period.to || !v[i].period.from) return false;
    if (v[i].period.from->days_since_epoch() != v[i - 1].period.to->days_since_epoch() + 1) return false;
  }
  return true;
}

}  // namespace

CompiledPlan::VersionRecord CompiledPlan::record_of(const model::Rule& version) {
  VersionRecord record;
  record.rule = &version;
  record.period = version.period;
  record.blocking = version.severity == model::Severity::Blocking;
  if (const model::CompiledRule* compiled = version.compiled.get()) {
    record.applies_if = compiled->applies_if;
    record.requirement = compiled->requirement;
  }
  return record;
}

void CompiledPlan::evaluate_version(const VersionRecord& version, RuleOutcome& out, Frame& frame) const {
  out.rule = version.rule;
  if (version.requirement == model::kNoNode) {
    out.status = RuleStatus::Unknown;
    finish_outcome(out, frame, -1);
    return;
  }
  if (version.applies_if != model::kNoNode) {
    const Val applies = eval(version.applies_if, frame);
    if (applies.tag == Tag::Boolean && !applies.boolean) {
      out.status = RuleStatus::NotApplicable;
      if (wants_text(frame, out.status)) {
        if (const model::CompiledRule* compiled = version.rule->compiled.get(); compiled->when_not_applicable) {
          out.explanation = "Sans objet : ";
          append_template(out.explanation, *compiled->when_not_applicable, frame);
        } else {
          out.explanation = "Sans objet : la condition d'application n'est pas remplie.";
        }
      }
      finish_outcome(out, frame, -1);
      return;
    }
    if (applies.tag != Tag::Boolean) {
      // Whether the rule applies is not known: it is never sans objet on silence. The
      // requirement is still evaluated, so that everything missing is asked for at once,
      // and so that a requirement met anyway settles the rule.
      const Val requirement = eval(version.requirement, frame);
      if (requirement.tag == Tag::Boolean && requirement.boolean) {
        out.status = RuleStatus::Respected;
        finish_outcome(out, frame, -1);
        if (!out.explanation.empty()) {
          out.explanation +=
              " (Les faits qui décident si la règle s'applique ne sont pas tous donnés, mais sa condition est "
              "remplie dans tous les cas.)";
        }
        return;
      }
      out.status = RuleStatus::Unknown;
      const std::int32_t requirement_missing = requirement.tag == Tag::Unknown ? requirement.missing : -1;
      finish_outcome(out, frame, frame.merge(applies.missing, requirement_missing));
      return;
    }
  }
  const Val requirement = eval(version.requirement, frame);
  if (requirement.tag == Tag::Boolean) {
    out.status = requirement.boolean ? RuleStatus::Respected : RuleStatus::Violated;
    finish_outcome(out, frame, -1);
  } else {
    out.status = RuleStatus::Unknown;
    finish_outcome(out, frame, requirement.missing);
  }
}

// Without a deliberation date the version in force cannot be chosen. The rule still has an
// answer when every possible choice gives the same one (each version, and "no version" when
// the versions leave dates uncovered): a convention rule on a dossier without convention is
// sans objet whatever the date. Otherwise it is indéterminée; what is missing is the date and
// everything any still-possible version lacks, so that one request gathers every piece.
RuleOutcome CompiledPlan::evaluate_without_date(std::size_t index, Frame& frame) const {
  const model::RuleFamily& family = base->families[index];
  const FamilyRecord& record = family_records[index];
  std::vector<RuleOutcome> probes;
  probes.reserve(family.versions.size());
  for (std::uint32_t k = 0; k < record.version_count; ++k) {
    frame.reset_rule();
    probes.emplace_back();
    probes.back().id = family.id;
    evaluate_version(version_records[record.first_version + k], probes.back(), frame);
  }
  const bool uncovered = !covers_every_date(family);
  bool same = true;
  for (const RuleOutcome& probe : probes) {
    const RuleStatus first = uncovered ? RuleStatus::NotApplicable : probes.front().status;
    if (probe.status == RuleStatus::Unknown || probe.status != first) same = false;
  }
  RuleOutcome out;
  out.id = family.id;
  frame.reset_rule();
  if (same && !probes.empty()) {
    constexpr const char* kEveryVersion =
        " (La date de la délibération manque, mais toutes les versions du texte donnent ce résultat.)";
    if (probes.front().status == RuleStatus::NotApplicable || uncovered) {
      out.rule = &family.versions.back();
      out.status = RuleStatus::NotApplicable;
      if (wants_text(frame, out.status)) {
        out.explanation = std::string("Sans objet quelle que soit la date de la délibération : aucune version du "
                                      "texte ne s'applique à ce dossier.") + kEveryVersion;
      }
      finish_outcome(out, frame, -1);
      return out;
    }
    out = std::move(probes.back());
    if (!out.explanation.empty()) out.explanation += kEveryVersion;
    return out;
  }
  out.rule = &family.versions.back();
  out.status = RuleStatus::Unknown;
  out.missing.push_back(kDeliberationDate);
  std::string answers;
  for (std::size_t i = 0; i < probes.size(); ++i) {
    RuleOutcome& probe = probes[i];
    out.possible_versions.push_back(&family.versions[i]);
    out.missing.insert(out.missing.end(), probe.missing.begin(), probe.missing.end());
    for (Fact& fact : probe.facts) {
      const bool seen = std::any_of(out.facts.begin(), out.facts.end(), [&](const Fact& f) { return f.path == fact.path; });
      if (!seen) out.facts.push_back(std::move(fact));
    }
    answers += answers.empty() ? "" : " ; ";
    answers += period_french(family.versions[i].period) + " : " + std::string(status_french(probe.status));
  }
  if (uncovered) answers += " ; hors de ces périodes : sans objet";
  std::sort(out.missing.begin(), out.missing.end());
  out.missing.erase(std::unique(out.missing.begin(), out.missing.end()), out.missing.end());
  if (!wants_text(frame, out.status)) return out;
  out.explanation = std::string("Impossible de conclure : la date de la délibération (") + kDeliberationDate +
                    ") manque ; elle choisit la version du texte applicable, et les versions possibles ne donnent pas "
                    "le même résultat pour ce dossier (" + answers + ").";
  if (out.missing.size() > 1) {
    out.explanation += " Pièces à fournir pour conclure quelle que soit la version : ";
    for (std::size_t i = 0; i < out.missing.size(); ++i) out.explanation += (i ? ", " : "") + out.missing[i];
    out.explanation += ".";
  }
  return out;
}

// A deliberation on a day when one of the family's texts is disputed (the day of the Journal
// officiel, say, which Légifrance counts and art. 1 of the Code civil does not) gets the
// reason with its result, whichever version was chosen.
void CompiledPlan::add_date_caveats(const FamilyRecord& family, const calendar::Date& date, RuleOutcome& out) const {
  for (std::uint32_t k = 0; k < family.dispute_count; ++k) {
    const DisputeRecord& dispute = dispute_records[family.first_dispute + k];
    if (!dispute.period.contains(date)) continue;
    const model::LegalSource* source = dispute.source;
    std::string caveat = "Réserve sur la date : la délibération du " + date.french() +
                         " tombe un jour où l'entrée en vigueur de « " +
                         (source->title.empty() ? source->name : source->title) + " » est discutée : " +
                         dispute.disputed->reason;
    if (std::find(out.caveats.begin(), out.caveats.end(), caveat) != out.caveats.end()) continue;
    if (!out.explanation.empty()) out.explanation += " " + caveat;
    out.caveats.push_back(std::move(caveat));
  }
}

bool CompiledPlan::evaluate_family(std::size_t index, Frame& frame, RuleOutcome& out) const {
  const FamilyRecord& family = family_records[index];
  frame.reset_rule();
  // `out` is the caller's, reused: emptied, its strings and vectors keep their capacity.
  out.rule = nullptr;
  out.id = family.id;
  out.status = RuleStatus::NotApplicable;
  out.explanation.clear();
  for (Fact& fact : out.facts) {
    frame.give_back(fact.path);
    frame.give_back(fact.value);
  }
  out.facts.clear();
  for (std::string& path : out.missing) frame.give_back(path);
  out.missing.clear();
  out.possible_versions.clear();
  out.caveats.clear();
  if (family.version_count == 0) return false;
  const VersionRecord* const versions = version_records.data() + family.first_version;
  const VersionRecord& latest = versions[family.version_count - 1];
  out.rule = latest.rule;

  if (!family.bounded) {
    evaluate_version(versions[0], out, frame);
    return versions[0].blocking;
  }
  // The deliberation date selects the version in force (found once a dossier: start_dossier).
  const io::Value* date = frame.deliberation_date;
  if (date == nullptr) {
    out = evaluate_without_date(index, frame);
    return blocking(index, out.rule);
  }

  // Only a family whose texts have a disputed date has caveats to look for.
  const bool caveats = !frame.status_only && family.disputed;
  if (!frame.skip_facts) frame.fact(date, frame.add_location(Location{}));  // path kNoNode: deliberation.date
  const VersionRecord* chosen = nullptr;
  for (std::uint32_t k = 0; k < family.version_count; ++k) {
    if (versions[k].period.contains(date->date)) chosen = &versions[k];
  }
  if (chosen == nullptr) {
    out.status = RuleStatus::NotApplicable;
    if (wants_text(frame, out.status)) {
      std::string periods;
      for (const model::Rule& r : base->families[index].versions) {
        periods += (periods.empty() ? "" : " ; ") + period_french(r.period);
      }
      out.explanation = "Sans objet : texte non en vigueur le " + date->date.french() + " (" + periods + ").";
    }
    finish_outcome(out, frame, -1);
    if (caveats) add_date_caveats(family, date->date, out);
    return latest.blocking;
  }
  evaluate_version(*chosen, out, frame);
  // A version that does not apply to this dossier (its condition is false) needs no
  // reservation on the date: the other reading of the day would not make it apply either,
  // unless it chose another version, which the versions' own periods already show.
  if (out.status != RuleStatus::NotApplicable && caveats) add_date_caveats(family, date->date, out);
  return chosen->blocking;
}

}  // namespace subsidia::eval
