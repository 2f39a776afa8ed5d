// The compiled form of a rule base, private to eval/: the expression arena copied with its
// constant sub-expressions folded, table memberships and lookups as hash sets and maps,
// and the path texts used to name facts.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "eval/frame.hpp"
#include "eval/plan.hpp"
#include "model/expression.hpp"

namespace subsidia::eval {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using KeySet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
using KeyMap = std::unordered_map<std::string, std::string, StringHash, std::equal_to<>>;

// Cells of a table key are joined with a separator no CSV cell of ours holds.
inline constexpr char kKeySeparator = '\x1f';

struct CompiledPlan;
struct Step;
using StepFn = Val (*)(const CompiledPlan& plan, const Step& step, model::NodeId id, Frame& frame);

// What evaluating one node needs, 32 bytes (a model::Node is 304): the function of its
// operation, chosen once when the plan is built, and the fields the frequent operations read.
// A dossier walks some 600 nodes; as steps they stay in the first-level cache, and each
// operation is a small function with its own short prologue instead of one case of a switch
// whose frame is sized for the largest case. Rarer operations read their model::Node.
struct Step {
  StepFn run = nullptr;
  model::NodeId a = model::kNoNode;  // first child
  model::NodeId b = model::kNoNode;  // second child
  std::int32_t memo = -1;            // memo slot, or -1
  std::int32_t variable = -1;        // Path: the bound variable it starts from, or -1
  std::int32_t path_begin = 0;       // Path without [*]: its field slots in path_slots
  std::uint8_t path_count = 0;
  model::Op op = model::Op::Constant;
  bool negated = false;              // InList
};

struct CompiledPlan {
  CompiledPlan() = default;
  CompiledPlan(const CompiledPlan&) = delete;
  CompiledPlan& operator=(const CompiledPlan&) = delete;
  std::shared_ptr<const model::RuleBase> base;
  std::shared_ptr<const model::ExpressionArena> arena;  // the checker's (for tables)
  std::vector<model::Node> nodes;                      // folded copy
  std::vector<KeySet> sets;                            // per InTable node: aux index
  std::vector<KeyMap> maps;                            // per TableLookup node: aux index
  std::vector<std::int32_t> aux;                       // node -> index in sets / maps, or -1
  std::vector<std::string> path_names;                 // Path without [*]: "deliberation.date", cached
  // The value of every Constant node, made once (a constant costs a copy, not a switch and a
  // construction); and for a list literal whose items are all constants, its items' values
  // (an index in constant_lists, or -1), so that `x dans [...]` and a quantifier over a
  // literal list walk values rather than evaluate nodes.
  std::vector<Val> constant_values;
  std::vector<std::int32_t> constant_list;
  std::vector<std::vector<Val>> constant_lists;
  int variable_count = 0;
  // Sub-expressions worth remembering within one dossier: shared by several rules or
  // definitions (used twice or more) and closed (no variable bound outside them). Their
  // known values are kept in the frame's memo for the fast pass (no facts, no text).
  std::vector<std::int32_t> memo_slot;  // node -> slot, or -1; -2 - k: slot k of the element memo
  std::int32_t memo_count = 0;
  // Sub-expressions of one bound element worth remembering per element (memo_slot <= -2): the
  // variable they read the element from, and the number of their slots in the frame.
  std::vector<std::int32_t> element_variable;  // node -> variable, or -1
  std::int32_t element_memo_count = 0;
  // One step per node (evaluate.cpp, make_steps), remade whenever nodes or memo slots change.
  std::vector<Step> steps;
  std::vector<std::int32_t> path_slots;
  // Per family of base->families: whether a source of one of its versions has a disputed
  // period (add_date_caveats has something to look for); made once, as the plan.
  std::vector<bool> family_has_disputed_dates;
  // Per family: whether a version has a bounded period (the deliberation date chooses it).
  std::vector<bool> family_has_bounded_version;
  static bool has_bounded_version(const model::RuleFamily& family);  // explain.cpp
  // The index in base->families of a family of this plan's base, or -1 for any other.
  std::ptrdiff_t family_index(const model::RuleFamily& family) const {
    const auto& families = base->families;
    if (&family < families.data() || &family >= families.data() + families.size()) return -1;
    return &family - families.data();
  }
  int deliberation_slot = -1;
  int deliberation_date_slot = -1;

  // plan_from_model.cpp: constant_values and constant_lists from the (folded) nodes.
  void make_constant_values();
  // evaluate.cpp
  static Val constant_value(const model::Node& n);
  // Every node is evaluated through here, inlined where it is called: a test and a call, no
  // frame of its own. A value the memo holds is copied out here; its first evaluation, with
  // the bookkeeping and a local value, lives in eval_and_remember.
  Val eval(model::NodeId id, Frame& frame) const {  // through the memo when the frame allows it
    const Step& s = steps[id];
    if (s.memo == -1 || !frame.memo_enabled) return s.run(*this, s, id, frame);
    if (s.memo < -1) return eval_for_element(s, id, frame);
    const std::size_t slot = static_cast<std::size_t>(s.memo);
    if (frame.memo_stamps[slot] == frame.memo_stamp) return frame.memo_values[slot];
    return eval_and_remember(s, id, frame);
  }
  [[gnu::noinline]] Val eval_and_remember(const Step& s, model::NodeId id, Frame& frame) const;
  // Through the element memo (memo_slot <= -2), keyed by the dossier value the step's variable
  // stands for.
  [[gnu::noinline]] Val eval_for_element(const Step& s, model::NodeId id, Frame& frame) const;
  // evaluate.cpp: the step of every node (of one node: after it was folded into a constant),
  // from nodes and memo_slot.
  void make_steps();
  void make_step(model::NodeId id);
  // The elements of a list-valued expression; an Unknown when the list itself is absent.
  Val elements(model::NodeId id, Frame& frame, std::vector<Val>& out) const;
  // Into `out`, which it empties first (the caller's, reused: no allocation once grown).
  void evaluate_family(const model::RuleFamily& family, Frame& frame, RuleOutcome& out) const;
  // plan_from_model.cpp: which nodes the memo keeps.
  void choose_memo_slots();
  RuleOutcome evaluate_without_date(const model::RuleFamily& family, Frame& frame) const;
  void add_date_caveats(const model::RuleFamily& family, const calendar::Date& date, RuleOutcome& out) const;
  // Applicability, then requirement, of one version; fills status, facts, missing, explanation.
  void evaluate_version(const model::Rule& version, RuleOutcome& outcome, Frame& frame) const;
  // explain.cpp
  void append_location(std::string& out, const Frame& frame, std::int32_t location) const;
  void append_value(std::string& out, const Val& value, const model::Type& type, Frame& frame, model::NodeId id) const;
  void append_template(std::string& out, const model::MessageTemplate& t, Frame& frame) const;
  // Inline for what most outcomes of the fast pass are, a status alone (nothing missing, no
  // message wanted): the rest, missing paths rendered, message and facts, is written out of line.
  void finish_outcome(RuleOutcome& outcome, Frame& frame, std::int32_t missing) const {
    if (frame.status_only || (missing < 0 && !wants_text(frame, outcome.status))) {
      outcome.explanation.clear();
      return;
    }
    finish_outcome_in_full(outcome, frame, missing);
  }
  void finish_outcome_in_full(RuleOutcome& outcome, Frame& frame, std::int32_t missing) const;
  // Whether this level of detail asks for the message and facts of an outcome of `status`.
  static bool wants_text(const Frame& frame, RuleStatus status) {
    if (frame.detail == Detail::None) return false;
    if (frame.detail == Detail::Failures) return status == RuleStatus::Violated || status == RuleStatus::Unknown;
    return true;
  }
};

struct Plan::Impl : CompiledPlan {};

}  // namespace subsidia::eval
