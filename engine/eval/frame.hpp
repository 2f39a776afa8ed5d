// Per-dossier evaluation state: values, where they were read, what was missing. Lives on
// the stack of Plan::evaluate; nothing here is shared between threads.
#pragma once

#include <array>
#include <deque>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "calendar/date.hpp"
#include "decimal/decimal.hpp"
#include "eval/kleene.hpp"
#include "eval/result.hpp"
#include "io/dossier.hpp"
#include "model/expression.hpp"

namespace subsidia::eval {

// A concrete place in the dossier: the steps of a path node (from a base location, when
// the path starts at a bound variable), with the indices of its [*] steps, and possibly an
// element index of the array it ends on. Rendered to text only for the final outcome.
struct Location {
  std::int32_t base = -1;         // a location in the same frame, or -1 for the dossier root
  model::NodeId path = model::kNoNode;
  std::uint8_t upto = 0xFF;       // render only the first `upto` steps (a missing prefix)
  std::uint8_t count = 0;         // indices used
  bool element = false;           // the last index selects an element of the array the path ends on
  std::array<std::uint32_t, model::kMaxListDepth> index{};
};

enum class Tag : std::uint8_t { Unknown, NoValue, Boolean, Number, Text, Date, Object, List };

// One value of the evaluation, copied at every node: its payload is a union (the tag says
// which member holds), so that a value is 48 bytes rather than 80.
struct Val {
  Tag tag = Tag::Unknown;
  bool boolean = false;
  bool null_given = false;    // Unknown because the dossier says null, not because it is silent
  // Unknown because it is an item of `liste(… si f)` whose f is unknown (it may or may not be in
  // the list), not an item whose value is absent: a walk that binds items must not bind it.
  bool maybe_member = false;
  std::int32_t missing = -1;  // Unknown: root of its missing-paths tree (-1: none)
  std::int32_t location = -1; // where it was read from the dossier, when it was
  union {
    decimal::Decimal number;          // Number
    calendar::Date date;              // Date
    std::string_view text;            // Text
    const io::Value* node;            // Object / List read from the dossier (null: walk the path)
  };
  // The payload is left unset: most values are a truth or an unknown, and the tag says which
  // member, if any, holds; zeroing 32 bytes for every node evaluated cost more than the node.
  Val() {}

  static Val unknown(std::int32_t missing) {
    Val v;
    v.missing = missing;
    return v;
  }
  static Val of_bool(bool b) {
    Val v;
    v.tag = Tag::Boolean;
    v.boolean = b;
    return v;
  }
  static Val of_number(const decimal::Decimal& d) {
    Val v;
    v.tag = Tag::Number;
    v.number = d;
    return v;
  }
  static Val no_value() {
    Val v;
    v.tag = Tag::NoValue;
    return v;
  }
  Truth truth() const {
    if (tag == Tag::Boolean) return boolean ? Truth::True : Truth::False;
    return Truth::Unknown;
  }
};

struct FactRecord {
  const io::Value* value;
  std::int32_t location;
};

// Missing paths as a tree of unions: merging two unknowns is O(1), flattened at the end.
struct MissingNode {
  std::int32_t location = -1;  // a leaf when >= 0
  std::int32_t left = -1, right = -1;
};

// A value of an expression of one element (CompiledPlan::element_variable), for the element
// `key` of the dossier whose stamp it carries.
struct ElementMemo {
  std::uint64_t stamp = 0;
  const io::Value* key = nullptr;
  Val value;
};

// How much of an outcome to build (eval/plan.hpp, Detail): kept here to avoid a dependency.
enum class Detail : std::uint8_t;

struct Frame {
  const io::Dossier* dossier = nullptr;
  // The dossier's deliberation date when it gives one (a Date value), else null: it chooses the
  // version in force of every family with bounded versions, so it is looked up once a dossier.
  const io::Value* deliberation_date = nullptr;
  Detail detail{};  // Detail::Full (0) unless the caller asks for less
  std::vector<Location> locations;
  std::vector<FactRecord> facts;
  std::vector<MissingNode> missing;
  // The value each bound variable (`l` in `tous l dans financement.plan`) stands for: the
  // element being walked, pointed to rather than copied (it lives in the walk's frame until the
  // condition is evaluated); kUnbound outside its quantifier.
  std::vector<const Val*> bindings;
  static const Val kUnbound;
  // Keys of the table lookups being built, one per lookup in progress: a key cell may itself be
  // a lookup (`libelles(champ = "…", code = famille_du_compte)`, where famille_du_compte reads
  // another table), which builds its own key while the outer one is half made. One shared
  // string let the inner lookup overwrite the outer key, and the outer lookup found nothing.
  // A deque, so that a key being built stays where it is when a nested lookup adds one.
  std::deque<std::string> keys;
  std::size_t key_depth = 0;
  std::vector<std::int32_t> missing_stack;  // scratch for flattening a missing-paths tree
  bool overflow = false;
  model::NodeId overflow_at = model::kNoNode;
  bool division_by_zero = false;
  std::uint8_t roundings = 0;  // bit per decimal::RoundingMode used
  bool skip_facts = false;     // the fast pass: no fact is kept
  bool status_only = false;    // Plan::statuses: no missing path rendered, no caveat made
  RuleOutcome outcome;         // Plan::statuses: one family's outcome at a time, reused
  // Values of memoised sub-expressions for the current dossier (CompiledPlan::memo_slot): an
  // entry counts when its stamp is the current dossier's.
  bool memo_enabled = false;
  std::uint64_t memo_stamp = 0;
  std::vector<std::uint64_t> memo_stamps;
  std::vector<Val> memo_values;
  // The element memo: kElementMemoWays entries per slot, the element's place in its array
  // choosing the entry (a plan of financement of up to eight lines never shares one).
  static constexpr std::size_t kElementMemoWays = 8;
  std::vector<ElementMemo> element_memo;

  // Emptied value lists lent to the walks that gather elements (BorrowedList below).
  std::vector<std::vector<Val>> spare_lists;

  // Strings of the outcomes emptied for the next dossier (fact paths and values, missing
  // paths), given back with their capacity: a path such as "financement.plan[2].montant" is
  // longer than a string holds without an allocation, and the same rules fail dossier after
  // dossier. Bounded, so that one dossier with thousands of facts does not keep them all.
  std::vector<std::string> spare_strings;
  static constexpr std::size_t kMaxSpareStrings = 1024;
  std::string take_string() {
    if (spare_strings.empty()) return {};
    std::string s = std::move(spare_strings.back());
    spare_strings.pop_back();
    s.clear();
    return s;
  }
  void give_back(std::string& s) {
    if (spare_strings.size() < kMaxSpareStrings && s.capacity() > std::string().capacity()) {
      spare_strings.push_back(std::move(s));
    }
  }

  void reset_rule() {
    locations.clear();
    facts.clear();
    if (!facts_seen.empty()) facts_seen.clear();
    missing.clear();
    overflow = false;
    division_by_zero = false;
    overflow_at = model::kNoNode;
    roundings = 0;
  }
  std::int32_t add_location(const Location& l) {
    locations.push_back(l);
    return static_cast<std::int32_t>(locations.size() - 1);
  }
  // The place of a path read whole from `base`, built where it is kept: copying a Location just
  // built field by field on the stack costs a failed store-to-load forwarding, on the hottest path.
  std::int32_t add_path_location(std::int32_t base, model::NodeId path) {
    Location& l = locations.emplace_back();
    l.base = base;
    l.path = path;
    return static_cast<std::int32_t>(locations.size() - 1);
  }
  std::int32_t leaf(std::int32_t location) {
    missing.push_back(MissingNode{location, -1, -1});
    return static_cast<std::int32_t>(missing.size() - 1);
  }
  std::int32_t merge(std::int32_t a, std::int32_t b) {
    if (a < 0) return b;
    if (b < 0 || a == b) return a;
    missing.push_back(MissingNode{-1, a, b});
    return static_cast<std::int32_t>(missing.size() - 1);
  }
  // A rule reads a handful of facts, looked through in place; a rule that walks a list reads one
  // a item, and a dossier listing 100 000 countries took 22 s in this loop alone (review 30): past
  // kFactScan facts, the ones seen are also kept in a set.
  static constexpr std::size_t kFactScan = 32;
  std::unordered_set<const io::Value*> facts_seen;
  void fact(const io::Value* value, std::int32_t location) {
    if (skip_facts) return;
    if (facts.size() < kFactScan) {
      for (const FactRecord& f : facts) {
        if (f.value == value) return;
      }
    } else {
      if (facts_seen.empty())
        for (const FactRecord& f : facts) facts_seen.insert(f.value);
      if (!facts_seen.insert(value).second) return;
    }
    facts.push_back(FactRecord{value, location});
  }
};

// The key of one table lookup, lent by the frame for the time the lookup builds and reads it
// (Frame::keys): allocation-free once the frame has served a dossier, and private to this
// lookup even when a key cell evaluates another lookup.
class BorrowedKey {
 public:
  explicit BorrowedKey(Frame& frame) : frame_(frame) {
    if (frame.key_depth == frame.keys.size()) frame.keys.emplace_back();
    key_ = &frame.keys[frame.key_depth++];
    key_->clear();
  }
  ~BorrowedKey() { --frame_.key_depth; }
  BorrowedKey(const BorrowedKey&) = delete;
  BorrowedKey& operator=(const BorrowedKey&) = delete;
  std::string& text() { return *key_; }

 private:
  Frame& frame_;
  std::string* key_;
};

// A list of values for one walk (the elements of a `liste(...)`, the values seen by
// `distincts`), lent by the frame and given back emptied: each evaluation of such a node
// allocated its own vector, and grew it, for every dossier. Nested walks borrow in turn.
class BorrowedList {
 public:
  explicit BorrowedList(Frame& frame) : frame_(frame) {
    if (!frame.spare_lists.empty()) {
      items_ = std::move(frame.spare_lists.back());
      frame.spare_lists.pop_back();
    }
  }
  ~BorrowedList() {
    items_.clear();
    frame_.spare_lists.push_back(std::move(items_));
  }
  BorrowedList(const BorrowedList&) = delete;
  BorrowedList& operator=(const BorrowedList&) = delete;
  std::vector<Val>& items() { return items_; }

 private:
  Frame& frame_;
  std::vector<Val> items_;
};

}  // namespace subsidia::eval
