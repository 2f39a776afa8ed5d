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
  // Path without [*]: its first field slot in path_slots. A constant, or a comparison with
  // one: the constant's value in step_constants.
  std::int32_t path_begin = 0;
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
  // The constants the steps read (`run_constant`, `run_compare_constant`), side by side, and the
  // texts of every constant value above, side by side: read from their nodes, 300 bytes apart,
  // each was a first-level cache miss of its own (a list `dans [...]` of ten codes, ten misses).
  // Made by make_steps and pack_constant_texts.
  std::vector<Val> step_constants;
  std::string constant_texts;
  void pack_constant_texts();  // evaluate.cpp; last, once the values and steps are final
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
  // What choosing and evaluating a version reads, for every version of every family, side by
  // side. The model's Rule objects are large (titles, sources, messages) and lie apart; reading
  // a period, a condition's id and a severity from each cost some 200 first-level cache misses
  // a dossier on the legal base (cachegrind), a tenth of the evaluation's time. Made once, as
  // the plan; the model is still read for messages, caveats and the no-date path.
  struct VersionRecord {
    const model::Rule* rule = nullptr;
    model::Period period;
    model::NodeId applies_if = model::kNoNode;   // kNoNode: always applies
    model::NodeId requirement = model::kNoNode;  // kNoNode: not compiled (indéterminée)
    bool blocking = false;
  };
  // A disputed period of a source of a version, in the order versions, sources, periods.
  struct DisputeRecord {
    model::Period period;
    const model::LegalSource* source = nullptr;
    const model::DisputedPeriod* disputed = nullptr;
  };
  struct FamilyRecord {
    std::string_view id;
    std::uint32_t first_version = 0;  // in version_records
    std::uint32_t version_count = 0;
    std::uint32_t first_dispute = 0;  // in dispute_records
    std::uint32_t dispute_count = 0;
    bool bounded = false;   // a version has a bounded period: the deliberation date chooses
    bool disputed = false;  // a source of a version has a disputed period: caveats to look for
  };
  std::vector<FamilyRecord> family_records;    // one per base->families, in its order
  std::vector<VersionRecord> version_records;
  std::vector<DisputeRecord> dispute_records;
  static VersionRecord record_of(const model::Rule& version);  // explain.cpp
  // Whether `version`, a version of family `index` (or nullptr), is blocking: read from the
  // records, not from the Rule.
  bool blocking(std::size_t index, const model::Rule* version) const {
    const FamilyRecord& family = family_records[index];
    for (std::uint32_t k = 0; k < family.version_count; ++k) {
      const VersionRecord& record = version_records[family.first_version + k];
      if (record.rule == version) return record.blocking;
    }
    return version != nullptr && version->severity == model::Severity::Blocking;
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
  // The family base->families[index]. Returns whether the version that judged it (out.rule) is
  // blocking, read from the record the family chose: the caller's verdict needs it for every
  // family, and looking the version up again among the family's records cost a loop a family.
  bool evaluate_family(std::size_t index, Frame& frame, RuleOutcome& out) const;
  // plan_from_model.cpp: which nodes the memo keeps.
  void choose_memo_slots();
  RuleOutcome evaluate_without_date(std::size_t index, Frame& frame) const;
  void add_date_caveats(const FamilyRecord& family, const calendar::Date& date, RuleOutcome& out) const;
  // Applicability, then requirement, of one version; fills status, facts, missing, explanation.
  void evaluate_version(const VersionRecord& version, RuleOutcome& outcome, Frame& frame) const;
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
