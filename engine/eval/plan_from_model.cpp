// Compile once: the checked model becomes the Plan every worker shares. Constant
// sub-expressions are folded, tables become hash sets and maps keyed by their cells.
#include <algorithm>

#include <unordered_map>

#include "eval/plan_impl.hpp"

namespace subsidia::eval {

namespace {

using model::NodeId;
using model::Op;

bool foldable(Op op) {
  switch (op) {
    case Op::Not: case Op::Negate: case Op::And: case Op::Or:
    case Op::Equal: case Op::NotEqual: case Op::Less: case Op::LessEqual: case Op::Greater: case Op::GreaterEqual:
    case Op::Add: case Op::Subtract: case Op::Multiply: case Op::Otherwise: case Op::StartsWith:
    case Op::Start: case Op::End: case Op::Length: case Op::Abs: case Op::Year: case Op::Min2: case Op::Max2:
    case Op::Trim: case Op::Choose:
      return true;
    default:
      // Paths read the dossier; quantifiers and aggregates bind variables; Round stays so
      // that the explanation names its mode.
      return false;
  }
}

std::string table_key(const std::vector<std::string>& row, const std::vector<int>& columns) {
  std::string key;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) key += kKeySeparator;
    key += row[static_cast<std::size_t>(columns[i])];
  }
  return key;
}

}  // namespace

Plan::Plan(std::shared_ptr<const model::RuleBase> base) {
  auto built = std::make_shared<Impl>();
  Impl& p = *built;
  impl_ = built;
  p.base = std::move(base);
  for (const model::RuleFamily& family : p.base->families) {
    for (const model::Rule& rule : family.versions) {
      if (rule.compiled && rule.compiled->arena) {
        p.arena = rule.compiled->arena;
        break;
      }
    }
    if (p.arena) break;
  }
  for (const model::RuleFamily& family : p.base->families) {
    CompiledPlan::FamilyRecord record;
    record.id = family.id;
    record.first_version = static_cast<std::uint32_t>(p.version_records.size());
    record.version_count = static_cast<std::uint32_t>(family.versions.size());
    record.first_dispute = static_cast<std::uint32_t>(p.dispute_records.size());
    for (const model::Rule& version : family.versions) {
      for (const model::LegalSource* source : version.sources) {
        for (const model::DisputedPeriod& disputed : source->disputed) {
          p.dispute_records.push_back({disputed.period, source, &disputed});
        }
      }
      record.bounded = record.bounded || version.period.bounded();
      p.version_records.push_back(CompiledPlan::record_of(version));
    }
    record.dispute_count = static_cast<std::uint32_t>(p.dispute_records.size()) - record.first_dispute;
    record.disputed = record.dispute_count > 0;
    p.family_records.push_back(record);
  }
  if (!p.arena) return;
  p.nodes = p.arena->nodes;
  p.variable_count = p.arena->variable_count;
  p.deliberation_slot = p.arena->deliberation_slot;
  p.deliberation_date_slot = p.arena->deliberation_date_slot;
  p.aux.assign(p.nodes.size(), -1);
  p.path_names.assign(p.nodes.size(), std::string());
  for (NodeId id = 0; id < p.nodes.size(); ++id) {
    const model::Node& n = p.nodes[id];
    if (n.op != Op::Path) continue;
    std::string name;
    bool plain = true;
    for (const model::PathStep& step : n.steps) {
      plain = plain && !step.all_items;
      if (!name.empty()) name += '.';
      name += step.name;
    }
    if (plain) p.path_names[id] = std::move(name);
  }

  for (NodeId id = 0; id < p.nodes.size(); ++id) {
    model::Node& n = p.nodes[id];
    if (n.op == Op::InTable) {
      const model::Table& t = p.arena->tables[static_cast<std::size_t>(n.table)];
      KeySet set;
      for (const auto& row : t.rows) set.insert(table_key(row, n.columns));
      p.aux[id] = static_cast<std::int32_t>(p.sets.size());
      p.sets.push_back(std::move(set));
    } else if (n.op == Op::TableLookup) {
      const model::Table& t = p.arena->tables[static_cast<std::size_t>(n.table)];
      KeyMap map;
      // The first matching row wins, as a reader of the table would see it.
      for (const auto& row : t.rows) map.emplace(table_key(row, n.columns), row[static_cast<std::size_t>(n.result_column)]);
      p.aux[id] = static_cast<std::int32_t>(p.maps.size());
      p.maps.push_back(std::move(map));
    }
  }

  // Fold constants; children always precede their parent in the arena.
  p.make_constant_values();
  p.make_steps();
  Frame frame;
  for (NodeId id = 0; id < p.nodes.size(); ++id) {
    model::Node& n = p.nodes[id];
    if (!foldable(n.op) || n.children.empty()) continue;
    bool constant = true;
    for (NodeId c : n.children) constant = constant && c != model::kNoNode && p.nodes[c].op == Op::Constant;
    if (!constant) continue;
    frame.reset_rule();
    const Val v = p.eval(id, frame);
    if (frame.overflow) continue;
    model::Constant folded;
    switch (v.tag) {
      case Tag::Boolean:
        folded.kind = model::TypeKind::Boolean;
        folded.boolean = v.boolean;
        break;
      case Tag::Number:
        folded.kind = n.type.kind;
        folded.number = v.number;
        break;
      case Tag::Text:
        folded.kind = model::TypeKind::Text;
        folded.text = std::string(v.text);
        break;
      case Tag::Date:
        folded.kind = model::TypeKind::Date;
        folded.date = v.date;
        break;
      default:
        continue;
    }
    n.op = Op::Constant;
    n.constant = std::move(folded);
    n.children.clear();
    p.constant_values[id] = CompiledPlan::constant_value(n);  // a view of n's own text: after the move
    p.make_step(id);
  }
  p.make_constant_values();  // again: list literals whose items were folded into constants
  p.choose_memo_slots();
  p.make_steps();
  p.pack_constant_texts();
}

void CompiledPlan::make_constant_values() {
  constant_values.resize(nodes.size());
  constant_list.assign(nodes.size(), -1);
  constant_lists.clear();
  for (NodeId id = 0; id < nodes.size(); ++id) {
    const model::Node& n = nodes[id];
    if (n.op == Op::Constant) constant_values[id] = constant_value(n);
    if (n.op != Op::ListLiteral) continue;
    const bool all_constant = std::all_of(n.children.begin(), n.children.end(), [&](NodeId c) {
      return c != model::kNoNode && c < nodes.size() && nodes[c].op == Op::Constant;
    });
    if (!all_constant) continue;
    std::vector<Val> items;
    for (NodeId c : n.children) items.push_back(constant_value(nodes[c]));
    constant_list[id] = static_cast<std::int32_t>(constant_lists.size());
    constant_lists.push_back(std::move(items));
  }
}

namespace {

template <class T>
void append_raw(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// What decides a node's value, as bytes: its operation and every field the evaluator reads,
// its children by their own shape. Two nodes with the same shape compute the same value on
// the same dossier (with the same bindings): the same expression written in two rules.
// With `any_variable`, a path from a bound variable has the same shape whichever variable it
// starts from: `arrondi(financement.cout_total × l.part, 0.01)` written in two rules, each
// with its own `l`, is one expression of the element `l` stands for.
void append_shape(std::string& key, const model::Node& n, const std::vector<std::uint32_t>& shape_of,
                  bool any_variable = false) {
  append_raw(key, n.op);
  append_raw(key, n.type.kind);
  append_raw(key, n.type.element);
  append_raw(key, n.type.node);
  append_raw(key, n.children.size());
  for (model::NodeId c : n.children) append_raw(key, c == model::kNoNode || c >= shape_of.size() ? ~0u : shape_of[c]);
  append_raw(key, n.constant.kind);
  append_raw(key, n.constant.boolean);
  const auto coefficient = n.constant.number.coefficient();
  append_raw(key, coefficient);
  append_raw(key, n.constant.number.scale());
  append_raw(key, n.constant.date.days_since_epoch());
  append_raw(key, n.constant.text.size());
  key += n.constant.text;
  append_raw(key, any_variable && n.op == Op::Path && n.variable >= 0 ? -2 : n.variable);
  append_raw(key, n.steps.size());
  for (const model::PathStep& step : n.steps) {
    append_raw(key, step.slot);
    append_raw(key, step.all_items);
  }
  append_raw(key, n.table);
  append_raw(key, n.columns.size());
  for (int column : n.columns) append_raw(key, column);
  append_raw(key, n.result_column);
  append_raw(key, n.negated);
  append_raw(key, n.distinct);
  append_raw(key, n.divide);
  append_raw(key, n.digits);
  append_raw(key, n.rounding);
}

}  // namespace

void CompiledPlan::choose_memo_slots() {
  const std::size_t count = nodes.size();
  // Nodes of the same shape (the arena lists children before parents) count as one: the
  // same condition written in several rules is computed once a dossier.
  std::vector<std::uint32_t> shape(count, 0);
  std::unordered_map<std::string, std::uint32_t> shapes;
  std::string key;
  for (NodeId id = 0; id < count; ++id) {
    key.clear();
    append_shape(key, nodes[id], shape);
    shape[id] = shapes.try_emplace(key, static_cast<std::uint32_t>(shapes.size())).first->second;
  }
  // The same with the variable a path starts from left out, for the memo of an element.
  std::vector<std::uint32_t> element_shape(count, 0);
  std::unordered_map<std::string, std::uint32_t> element_shapes;
  for (NodeId id = 0; id < count; ++id) {
    key.clear();
    append_shape(key, nodes[id], element_shape, true);
    element_shape[id] = element_shapes.try_emplace(key, static_cast<std::uint32_t>(element_shapes.size())).first->second;
  }
  std::vector<std::uint32_t> uses(shapes.size(), 0);
  std::vector<std::uint32_t> element_uses(element_shapes.size(), 0);
  auto use = [&](NodeId id) {
    if (id == model::kNoNode || id >= count) return;
    ++uses[shape[id]];
    ++element_uses[element_shape[id]];
  };
  for (const model::Node& n : nodes) {
    for (NodeId c : n.children) use(c);
  }
  for (const model::RuleFamily& family : base->families) {
    for (const model::Rule& rule : family.versions) {
      if (!rule.compiled) continue;
      use(rule.compiled->applies_if);
      use(rule.compiled->requirement);
    }
  }
  // Free variables, children before parents (the arena is in that order): a node is closed
  // when every variable its paths read is bound inside it.
  std::vector<std::vector<int>> free(count);
  std::vector<bool> binds_inside(count, false);
  memo_slot.assign(count, -1);
  memo_count = 0;
  element_variable.assign(count, -1);
  element_memo_count = 0;
  std::vector<std::int32_t> slot_of_shape(shapes.size(), -1);
  std::vector<std::int32_t> slot_of_element_shape(element_shapes.size(), -1);
  for (NodeId id = 0; id < count; ++id) {
    const model::Node& n = nodes[id];
    std::vector<int>& f = free[id];
    if (n.op == Op::Path && n.variable >= 0) f.push_back(n.variable);
    const bool binds = n.op == Op::All || n.op == Op::Some || n.op == Op::None || n.op == Op::Sum ||
                       n.op == Op::Count || n.op == Op::CountDistinct || n.op == Op::Min || n.op == Op::Max ||
                       n.op == Op::Collect;
    bool inner_binder = binds;
    for (NodeId c : n.children) {
      if (c == model::kNoNode || c >= count) continue;
      inner_binder = inner_binder || binds_inside[c];
      for (int v : free[c]) {
        if (std::find(f.begin(), f.end(), v) == f.end()) f.push_back(v);
      }
    }
    binds_inside[id] = inner_binder;
    if (binds && n.variable >= 0) f.erase(std::remove(f.begin(), f.end(), n.variable), f.end());
    // Worth keeping: used twice or more (under any of its copies), closed, and more than a
    // constant or a lone path.
    const bool cheap = n.op == Op::Constant || n.op == Op::ListLiteral;
    if (cheap) continue;
    if (f.empty()) {
      if (uses[shape[id]] < 2) continue;
      std::int32_t& slot = slot_of_shape[shape[id]];
      if (slot < 0) slot = memo_count++;
      memo_slot[id] = slot;
      continue;
    }
    // An expression of one element (`l.demandeur sinon faux`, the theoretical amount of a plan
    // line) that several rules compute over the same list, each walk with its own variable:
    // remembered per element within the dossier. A lone path is cheaper read than looked up;
    // a node that binds a variable of its own has a shape that names it, and is left out.
    if (f.size() != 1 || inner_binder || n.op == Op::Path || element_uses[element_shape[id]] < 2) continue;
    std::int32_t& slot = slot_of_element_shape[element_shape[id]];
    if (slot < 0) slot = element_memo_count++;
    memo_slot[id] = -2 - slot;
    element_variable[id] = f.front();
  }
  // A part only ever computed inside a remembered whole (the product inside `arrondi(...)`)
  // would be stored for nothing: the whole is looked up first.
  std::vector<std::uint32_t> uses_under_memo(element_shapes.size(), 0);
  for (NodeId id = 0; id < count; ++id) {
    if (element_variable[id] < 0) continue;
    for (NodeId c : nodes[id].children) {
      if (c != model::kNoNode && c < count) ++uses_under_memo[element_shape[c]];
    }
  }
  std::vector<std::int32_t> renumbered(static_cast<std::size_t>(element_memo_count), -1);
  element_memo_count = 0;
  for (NodeId id = 0; id < count; ++id) {
    if (element_variable[id] < 0) continue;
    if (uses_under_memo[element_shape[id]] == element_uses[element_shape[id]]) {
      memo_slot[id] = -1;
      element_variable[id] = -1;
      continue;
    }
    std::int32_t& slot = renumbered[static_cast<std::size_t>(-2 - memo_slot[id])];
    if (slot < 0) slot = element_memo_count++;
    memo_slot[id] = -2 - slot;
  }
}

Plan::~Plan() = default;
Plan::Plan(Plan&&) noexcept = default;

const model::RuleBase& Plan::base() const { return *impl_->base; }

Scratch::Scratch() : frame_(std::make_unique<Frame>()) {}
Scratch::~Scratch() = default;
Scratch::Scratch(Scratch&&) noexcept = default;
Scratch& Scratch::operator=(Scratch&&) noexcept = default;

DossierResult Plan::evaluate(const io::Dossier& dossier) const {
  Scratch scratch;
  return evaluate(dossier, scratch, Detail::Full);
}

DossierResult Plan::evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail) const {
  DossierResult result;
  evaluate(dossier, scratch, detail, nullptr, result);
  return result;
}

void Plan::evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail, DossierResult& into) const {
  evaluate(dossier, scratch, detail, nullptr, into);
}

DossierResult Plan::evaluate(const io::Dossier& dossier, Scratch& scratch, const std::vector<bool>& explain) const {
  DossierResult result;
  evaluate(dossier, scratch, Detail::None, &explain, result);
  return result;
}

namespace {

// The frame's state for the fast pass (Detail::None): no fact kept, no text built, shared
// sub-expressions computed once per dossier.
void start_dossier(const CompiledPlan& plan, const io::Dossier& dossier, Frame& frame, Detail detail) {
  frame.reset_rule();
  frame.key_depth = 0;
  frame.dossier = &dossier;
  frame.deliberation_date = nullptr;
  const io::Value& root = dossier.root();
  if (plan.deliberation_slot >= 0 && plan.deliberation_date_slot >= 0 && root.kind == io::Kind::Object) {
    const io::Value& deliberation = root.slot(plan.deliberation_slot);
    if (deliberation.kind == io::Kind::Object) {
      const io::Value& date = deliberation.slot(plan.deliberation_date_slot);
      if (date.kind == io::Kind::Date) frame.deliberation_date = &date;
    }
  }
  frame.detail = detail;
  frame.status_only = false;
  frame.bindings.assign(static_cast<std::size_t>(plan.variable_count), &Frame::kUnbound);
  frame.locations.reserve(256);
  frame.facts.reserve(64);
  frame.missing.reserve(64);
  const bool fast = detail != Detail::Full;
  frame.skip_facts = fast;
  frame.memo_enabled = fast;
  if (fast) {
    frame.detail = Detail::None;
    ++frame.memo_stamp;
    const std::size_t slots = static_cast<std::size_t>(plan.memo_count);
    if (frame.memo_stamps.size() != slots) {
      frame.memo_stamps.assign(slots, 0);
      frame.memo_values.assign(slots, Val{});
    }
    const std::size_t entries = static_cast<std::size_t>(plan.element_memo_count) * Frame::kElementMemoWays;
    if (frame.element_memo.size() != entries) frame.element_memo.assign(entries, ElementMemo{});
  }
}

Verdict verdict_of(bool violated, bool unknown) {
  return violated ? Verdict::NonCompliant : unknown ? Verdict::Incomplete : Verdict::Compliant;
}

}  // namespace

void Plan::statuses(const io::Dossier& dossier, Scratch& scratch, Statuses& out, const std::vector<bool>* only) const {
  Frame& frame = scratch.frame();
  start_dossier(*impl_, dossier, frame, Detail::None);
  frame.status_only = true;
  out.keeps_alive = impl_;
  const auto& families = impl_->base->families;
  out.rules.assign(families.size(), StatusOutcome{});
  bool violated = false, unknown = false;
  for (std::size_t i = 0; i < families.size(); ++i) {
    if (only != nullptr && (i >= only->size() || !(*only)[i])) continue;  // not evaluated: decides nothing
    RuleOutcome& o = frame.outcome;
    const bool blocking = impl_->evaluate_family(i, frame, o);
    out.rules[i] = {o.status, o.rule};
    if (blocking) {
      violated = violated || o.status == RuleStatus::Violated;
      unknown = unknown || o.status == RuleStatus::Unknown;
    }
  }
  frame.status_only = false;
  out.verdict = verdict_of(violated, unknown || !dossier.unknown_fields().empty());  // as Plan::evaluate
}

void Plan::evaluate(const io::Dossier& dossier, Scratch& scratch, Detail detail, const std::vector<bool>* explain,
                    DossierResult& result) const {
  // `result` may be the caller's, reused: every field is set again, its vectors and strings
  // keep their capacity (a rule outcome is emptied by evaluate_family, not destroyed).
  if (result.keeps_alive != impl_) result.keeps_alive = impl_;
  result.id.assign(dossier.id());
  // The caller's frame, kept from one dossier to the next: its vectors keep their capacity,
  // so a dossier costs no allocation for them (it is reset, not freed, between rules too).
  // With Failures (and None), the fast pass first; a rule found violated or indéterminée is
  // then evaluated again the full way, for its explanation and facts alone.
  Frame& frame = scratch.frame();
  for (std::string& path : result.missing) frame.give_back(path);
  result.missing.clear();
  start_dossier(*impl_, dossier, frame, detail);
  result.rules.resize(impl_->base->families.size());
  bool violated = false;
  bool unknown = false;
  for (std::size_t i = 0; i < impl_->base->families.size(); ++i) {
    RuleOutcome& outcome = result.rules[i];
    bool blocking = impl_->evaluate_family(i, frame, outcome);
    const bool chosen = explain != nullptr && i < explain->size() && (*explain)[i];
    if (chosen || (detail == Detail::Failures &&
                   (outcome.status == RuleStatus::Violated || outcome.status == RuleStatus::Unknown))) {
      frame.detail = chosen ? Detail::Full : Detail::Failures;
      frame.skip_facts = false;
      frame.memo_enabled = false;
      blocking = impl_->evaluate_family(i, frame, outcome);
      frame.detail = Detail::None;
      frame.skip_facts = true;
      frame.memo_enabled = true;
    }
    const RuleOutcome& o = outcome;
    // Warnings are reported, never decide.
    if (blocking) {
      violated = violated || o.status == RuleStatus::Violated;
      unknown = unknown || o.status == RuleStatus::Unknown;
    }
  }
  // A key the schema does not know may be a misspelt fact (`priseDePositionPolitique`): what it
  // says reached no rule, so the dossier cannot be found conforme until it is corrected or taken
  // out. It is incomplet, with the key listed; a violation stays a violation.
  result.verdict = verdict_of(violated, unknown || !dossier.unknown_fields().empty());
  for (const RuleOutcome& o : result.rules) {
    if (o.status != RuleStatus::Unknown) continue;
    for (const std::string& path : o.missing) {
      std::string copy = frame.take_string();
      copy.assign(path);
      result.missing.push_back(std::move(copy));
    }
  }
  std::sort(result.missing.begin(), result.missing.end());
  const auto duplicates = std::unique(result.missing.begin(), result.missing.end());
  for (auto it = duplicates; it != result.missing.end(); ++it) frame.give_back(*it);
  result.missing.erase(duplicates, result.missing.end());
  result.unknown_fields = dossier.unknown_fields();
}

}  // namespace subsidia::eval
