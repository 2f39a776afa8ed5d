// The interpreter: one compiled expression, one frame, one value. Three-valued throughout:
// an absent fact is Unknown with its concrete path, never false.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>

#include "diag/utf8.hpp"
#include "eval/plan_impl.hpp"

namespace subsidia::eval {

const Val Frame::kUnbound{};

namespace {

using model::NodeId;
using model::Op;

// A dossier value as an evaluation value; records it as a fact when it is a scalar.
[[gnu::always_inline]] inline Val from_dossier(const io::Value& v, std::int32_t location, Frame& frame) {
  Val out;
  out.location = location;
  switch (v.kind) {
    case io::Kind::Missing:
      out.missing = frame.leaf(location);
      return out;
    case io::Kind::Null:
      frame.fact(&v, location);
      out.missing = frame.leaf(location);
      out.null_given = true;
      return out;
    case io::Kind::Boolean:
      frame.fact(&v, location);
      out.tag = Tag::Boolean;
      out.boolean = v.boolean;
      return out;
    case io::Kind::Integer:
    case io::Kind::Decimal:
      frame.fact(&v, location);
      out.tag = Tag::Number;
      out.number = v.number;
      return out;
    case io::Kind::String:
      frame.fact(&v, location);
      out.tag = Tag::Text;
      out.text = v.text;
      return out;
    case io::Kind::Date:
      frame.fact(&v, location);
      out.tag = Tag::Date;
      out.date = v.date;
      return out;
    case io::Kind::Object:
      out.tag = Tag::Object;
      out.node = &v;
      return out;
    case io::Kind::Array:
      out.tag = Tag::List;
      out.node = &v;
      return out;
  }
  return out;
}

// A dossier value read at `where`. The place is recorded only when something will need it:
// a missing or null value (its path is the evidence to ask for), a fact (the full and
// failures passes), an object or a list (the base of the paths read below it). A present
// scalar in the fast pass needs none, and that is most reads.
bool location_needed(const io::Value& v, const Frame& frame) {
  return !frame.skip_facts || v.kind == io::Kind::Missing || v.kind == io::Kind::Null || v.kind == io::Kind::Object ||
         v.kind == io::Kind::Array;
}

[[gnu::always_inline]] inline Val read_at(const io::Value& v, const Location& where, Frame& frame) {
  return from_dossier(v, location_needed(v, frame) ? frame.add_location(where) : -1, frame);
}

// The same for a path read whole from `base` (no [*], no element index).
[[gnu::always_inline]] inline Val read_whole_path_at(const io::Value& v, std::int32_t base, NodeId path, Frame& frame) {
  return from_dossier(v, location_needed(v, frame) ? frame.add_path_location(base, path) : -1, frame);
}

// Texts compared for equality alone, most often codes against a list of codes ("TN" against
// the thirteen French territories): the length and the first byte settle most pairs without a
// call to memcmp.
bool equal_texts(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return a[0] == b[0] && std::memcmp(a.data() + 1, b.data() + 1, a.size() - 1) == 0;
}

bool equal_values(const Val& a, const Val& b) {
  if (a.tag != b.tag) return false;
  switch (a.tag) {
    case Tag::Boolean: return a.boolean == b.boolean;
    case Tag::Number: return a.number == b.number;
    case Tag::Text: return equal_texts(a.text, b.text);
    case Tag::Date: return a.date == b.date;
    default: return false;
  }
}

// Text of a table key cell: text as is, an integer by its digits.
void append_key(std::string& key, const Val& v) {
  if (v.tag == Tag::Text) {
    key.append(v.text);
  } else if (v.tag == Tag::Number) {
    key += v.number.normalized().to_string();
  }
}

using diag::code_point_count;

// Byte offset of code point `n` (clamped to the end).
std::size_t byte_offset(std::string_view s, std::size_t n) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == n) return i;
      ++seen;
    }
  }
  return s.size();
}

Val overflow(Frame& frame, NodeId at) {
  if (!frame.overflow) frame.overflow_at = at;
  frame.overflow = true;
  return Val::unknown(-1);
}

Val number_or_overflow(const std::optional<decimal::Decimal>& d, Frame& frame, NodeId at) {
  if (!d) return overflow(frame, at);
  return Val::of_number(*d);
}

Val run_plain_path(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame);

// each() over a path without [*] (`financement.plan`): the array it ends on, element by
// element, the slots taken from the step. The general walk below gives the same values,
// locations and missing paths.
template <class Fn>
Val each_of_plain_path(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame, Fn&& fn) {
  const io::Value* v = nullptr;
  Location loc;
  loc.path = id;
  if (s.variable >= 0) {
    const Val& b = *frame.bindings[static_cast<std::size_t>(s.variable)];
    v = b.node;
    loc.base = b.location;
    if (v == nullptr) return Val::unknown(frame.leaf(frame.add_location(loc)));
    if (s.path_count == 0) return Val::of_bool(true);  // a bound variable that is itself a list: not produced by the checker
  } else {
    v = &frame.dossier->root();
  }
  const std::int32_t* slot = plan.path_slots.data() + s.path_begin;
  for (std::uint8_t step = 0; step < s.path_count; ++step) {
    if (v->kind != io::Kind::Object) return Val::unknown(frame.leaf(frame.add_location(loc)));
    v = &v->slot(slot[step]);
  }
  if (v->kind != io::Kind::Array) {
    const std::int32_t at = frame.add_location(loc);
    if (v->kind == io::Kind::Null) frame.fact(v, at);
    return Val::unknown(frame.leaf(at));
  }
  Location element = loc;
  element.element = true;
  element.count = 1;
  for (std::uint32_t i = 0; i < v->count; ++i) {
    element.index[0] = i;
    if (!fn(read_at(v->items[i], element, frame))) break;
  }
  return Val::of_bool(true);
}

// Walks a list-valued expression, calling `fn(element)` for every element (elements that
// are absent come as Unknown with their path). Returns an Unknown when the list itself is
// absent, a true Boolean otherwise.
template <class Fn>
Val each(const CompiledPlan& plan, NodeId id, Frame& frame, Fn&& fn) {
  const model::Node& n = plan.nodes[id];
  if (n.op == Op::ListLiteral) {
    if (const std::int32_t literal = plan.constant_list[id]; literal >= 0) {
      for (const Val& item : plan.constant_lists[static_cast<std::size_t>(literal)]) {
        if (!fn(item)) break;
      }
      return Val::of_bool(true);
    }
    for (NodeId item : n.children) {
      if (!fn(plan.eval(item, frame))) break;
    }
    return Val::of_bool(true);
  }
  if (n.op == Op::Collect) {
    // `liste(e pour v dans c si f)`: the elements of c that pass f, as e gives them.
    const bool bound = n.variable >= 0;
    const std::size_t var = bound ? static_cast<std::size_t>(n.variable) : 0;
    const model::NodeId element = bound && n.children.size() > 1 ? n.children[1] : model::kNoNode;
    const model::NodeId filter = bound && n.children.size() > 2 ? n.children[2] : model::kNoNode;
    const Val* saved = nullptr;
    if (bound) saved = frame.bindings[var];
    // The source is walked through the non-template elements(): each() calling itself with a
    // new lambda type would instantiate without end.
    BorrowedList borrowed(frame);
    std::vector<Val>& items = borrowed.items();
    const Val list = plan.elements(n.children[0], frame, items);
    for (const Val& item : items) {
      Val v = item;
      if (item.maybe_member) {
        if (!fn(item)) break;  // may or may not belong to the source list: so to this one
        continue;
      }
      if (bound) {
        frame.bindings[var] = &item;
        if (filter != model::kNoNode) {
          Val f = plan.eval(filter, frame);
          if (f.tag == Tag::Unknown) {
            // An item that may or may not belong: unknown, with the paths of its filter, and
            // marked so that a walk binding it does not take it for an item whose value is
            // absent (`x existe` would be false, `x sinon d` would be d: silence deciding).
            f.maybe_member = true;
            if (!fn(f)) break;
            continue;
          }
          if (!f.boolean) continue;
        }
        if (element != model::kNoNode) v = plan.eval(element, frame);
      }
      if (!fn(v)) break;
    }
    if (bound) frame.bindings[var] = saved;
    return list.tag == Tag::Unknown ? list : Val::of_bool(true);
  }
  if (n.op == Op::Otherwise) {
    // `liste sinon défaut`: the default when the list itself is absent (not when one of
    // its items is), the list otherwise.
    const Val first = plan.eval(n.children[0], frame);
    const bool present = first.tag != Tag::Unknown && first.tag != Tag::NoValue;
    return each(plan, n.children[present ? 0 : 1], frame, std::forward<Fn>(fn));
  }
  if (const Step& s = plan.steps[id]; s.run == run_plain_path) return each_of_plain_path(plan, s, id, frame, std::forward<Fn>(fn));
  if (n.op != Op::Path) {
    // A list produced by another construct: evaluate it.
    const Val v = plan.eval(id, frame);
    if (v.tag == Tag::Unknown) return v;
    if (v.tag == Tag::List && v.node != nullptr) {
      for (std::uint32_t i = 0; i < v.node->count; ++i) {
        Location element = v.location >= 0 ? frame.locations[static_cast<std::size_t>(v.location)] : Location{};
        element.element = true;
        if (element.count < element.index.size()) element.index[element.count++] = i;
        if (!fn(read_at(v.node->items[i], element, frame))) break;
      }
    }
    return Val::of_bool(true);
  }
  const io::Value* start = nullptr;
  std::int32_t base = -1;
  if (n.variable >= 0) {
    const Val& b = *frame.bindings[static_cast<std::size_t>(n.variable)];
    start = b.node;
    base = b.location;
  } else {
    start = &frame.dossier->root();
  }
  Location loc;
  loc.base = base;
  loc.path = id;
  const std::size_t steps = n.steps.size();
  bool stop = false;
  Val result = Val::of_bool(true);
  bool crossed = false;  // at least one [*] crossed: absences below it are per element
  const std::uint8_t first_star = n.first_list_step();  // steps up to the list, for naming a missing list
  // Depth-first over the [*] steps.
  auto walk = [&](auto&& self, const io::Value* v, std::size_t step) -> void {
    if (stop) return;
    for (; step < steps; ++step) {
      if (v == nullptr || v->kind != io::Kind::Object) {
        // Before any [*], the list itself is missing; below one, the element's field.
        Location missing = loc;
        if (!crossed) missing.upto = first_star;
        const std::int32_t at = frame.add_location(missing);
        if (!crossed) {
          result = Val::unknown(frame.leaf(at));
          stop = true;
        } else if (!fn(Val::unknown(frame.leaf(at)))) {
          stop = true;
        }
        return;
      }
      v = &v->slot(n.steps[step].slot);
      if (n.steps[step].all_items) {
        if (v->kind != io::Kind::Array) {
          Location missing = loc;
          if (!crossed) missing.upto = first_star;
          const std::int32_t at = frame.add_location(missing);
          if (v->kind == io::Kind::Null) frame.fact(v, at);
          if (!crossed) {
            result = Val::unknown(frame.leaf(at));
            stop = true;
          } else if (!fn(Val::unknown(frame.leaf(at)))) {
            stop = true;
          }
          return;
        }
        const bool was_crossed = crossed;
        crossed = true;
        const std::uint8_t depth = loc.count;
        for (std::uint32_t i = 0; i < v->count && !stop; ++i) {
          if (depth < loc.index.size()) loc.index[depth] = i;
          loc.count = static_cast<std::uint8_t>(depth + 1);
          self(self, &v->items[i], step + 1);
        }
        loc.count = depth;
        crossed = was_crossed;
        return;
      }
    }
    // End of the steps: an element (after [*]) or the array itself (no [*]).
    if (crossed) {
      if (!fn(read_at(*v, loc, frame))) stop = true;
      return;
    }
    if (v->kind != io::Kind::Array) {
      const std::int32_t at = frame.add_location(loc);
      if (v->kind == io::Kind::Null) frame.fact(v, at);
      result = Val::unknown(frame.leaf(at));
      stop = true;
      return;
    }
    for (std::uint32_t i = 0; i < v->count && !stop; ++i) {
      Location element = loc;
      element.element = true;
      if (element.count < element.index.size()) element.index[element.count++] = i;
      if (!fn(read_at(v->items[i], element, frame))) stop = true;
    }
  };
  if (start == nullptr) {
    const std::int32_t at = frame.add_location(loc);
    return Val::unknown(frame.leaf(at));
  }
  if (steps == 0) {
    // A bound variable that is itself a list: not produced by the checker.
    return Val::of_bool(true);
  }
  walk(walk, start, 0);
  return result;
}

Val read_path(const CompiledPlan& plan, NodeId id, Frame& frame) {
  const model::Node& n = plan.nodes[id];
  const io::Value* v = nullptr;
  std::int32_t base = -1;
  if (n.variable >= 0) {
    const Val& b = *frame.bindings[static_cast<std::size_t>(n.variable)];
    if (n.steps.empty()) return b;
    v = b.node;
    base = b.location;
    if (v == nullptr) return b;  // an element that is itself unknown
  } else {
    v = &frame.dossier->root();
  }
  for (std::size_t step = 0; step < n.steps.size(); ++step) {
    if (v->kind != io::Kind::Object) {
      // A missing prefix: the whole path is missing (up to its list, for a list path).
      Location loc{base, id, n.first_list_step(), 0, false, {}};
      const std::int32_t at = frame.add_location(loc);
      return Val::unknown(frame.leaf(at));
    }
    v = &v->slot(n.steps[step].slot);
    if (n.steps[step].all_items) {
      // The list of every item of this array (and of those below it): it is there when the
      // array is; its items are judged one by one by whoever walks them (each()), where an
      // absent item is missing evidence with its own index.
      Location loc{base, id, static_cast<std::uint8_t>(step + 1), 0, false, {}};
      const std::int32_t at = frame.add_location(loc);
      if (v->kind != io::Kind::Array) {
        if (v->kind == io::Kind::Null) frame.fact(v, at);
        return Val::unknown(frame.leaf(at));
      }
      Val list;
      list.tag = Tag::List;
      list.node = nullptr;  // walked through its path by each()
      list.location = at;
      return list;
    }
  }
  return read_whole_path_at(*v, base, id, frame);
}

[[gnu::always_inline]] inline Val compare(Op op, const Val& a, const Val& b, Frame& frame) {
  if (a.tag == Tag::Unknown || b.tag == Tag::Unknown) {
    return Val::unknown(frame.merge(a.tag == Tag::Unknown ? a.missing : -1, b.tag == Tag::Unknown ? b.missing : -1));
  }
  if (a.tag == Tag::NoValue || b.tag == Tag::NoValue) return Val::of_bool(op == Op::NotEqual);
  if (a.tag == Tag::Text && b.tag == Tag::Text && (op == Op::Equal || op == Op::NotEqual)) {
    return Val::of_bool(equal_texts(a.text, b.text) == (op == Op::Equal));
  }
  std::partial_ordering order = std::partial_ordering::unordered;
  switch (a.tag) {
    case Tag::Number: order = a.number <=> b.number; break;
    case Tag::Date: order = a.date <=> b.date; break;
    case Tag::Text: order = a.text <=> b.text; break;
    case Tag::Boolean: order = a.boolean == b.boolean ? std::partial_ordering::equivalent : std::partial_ordering::unordered; break;
    default: break;
  }
  switch (op) {
    case Op::Equal: return Val::of_bool(order == 0);
    case Op::NotEqual: return Val::of_bool(order != 0);
    case Op::Less: return Val::of_bool(order < 0);
    case Op::LessEqual: return Val::of_bool(order <= 0);
    case Op::Greater: return Val::of_bool(order > 0);
    case Op::GreaterEqual: return Val::of_bool(order >= 0);
    default: return Val::of_bool(false);
  }
}

Val quantify(const CompiledPlan& plan, const model::Node& n, Frame& frame) {
  const std::size_t var = static_cast<std::size_t>(n.variable);
  Truth acc = n.op == Op::Some ? Truth::False : Truth::True;
  std::int32_t missing = -1;
  const Val* saved = frame.bindings[var];
  Val list = each(plan, n.children[0], frame, [&](const Val& element) {
    Truth t = Truth::Unknown;
    if (element.maybe_member) {
      // An item of `liste(… si f)` whose f is unknown: whether it counts is unknown.
      missing = frame.merge(missing, element.missing);
    } else {
      frame.bindings[var] = &element;  // the element lives until fn returns
      const Val c = plan.eval(n.children[1], frame);
      t = c.truth();
      if (n.op == Op::None) t = kleene_not(t);
      if (t == Truth::Unknown) missing = frame.merge(missing, c.missing);
    }
    acc = n.op == Op::Some ? kleene_or(acc, t) : kleene_and(acc, t);
    // A decided result stops the walk: all -> one false, some -> one true, none -> one true.
    return !(n.op == Op::Some ? acc == Truth::True : acc == Truth::False);
  });
  frame.bindings[var] = saved;
  if (list.tag == Tag::Unknown) return list;
  if (acc == Truth::Unknown) return Val::unknown(missing);
  return Val::of_bool(acc == Truth::True);
}

Val aggregate(const CompiledPlan& plan, NodeId id, const model::Node& n, Frame& frame) {
  const bool bound = n.variable >= 0;
  const std::size_t var = bound ? static_cast<std::size_t>(n.variable) : 0;
  const NodeId element = bound && n.children.size() > 1 ? n.children[1] : model::kNoNode;
  const NodeId filter = bound && n.children.size() > 2 ? n.children[2] : model::kNoNode;
  const Val* saved = nullptr;
  if (bound) saved = frame.bindings[var];
  std::int32_t missing = -1;
  bool unknown = false;
  std::int64_t count = 0;
  decimal::Decimal sum;
  Val best = Val::no_value();
  // Only `distincts` keeps the values it has seen: the other aggregates borrow no list.
  std::optional<BorrowedList> distinct;
  if (n.op == Op::CountDistinct) distinct.emplace(frame);
  bool failed = false;
  Val list = each(plan, n.children[0], frame, [&](const Val& item) {
    if (item.maybe_member) {
      // An item of `liste(… si f)` whose f is unknown: it may count, add or be the least.
      unknown = true;
      missing = frame.merge(missing, item.missing);
      return true;
    }
    Val v = item;
    if (bound) {
      frame.bindings[var] = &item;  // the item lives until this call returns
      if (filter != model::kNoNode) {
        const Val f = plan.eval(filter, frame);
        if (f.tag == Tag::Unknown) {
          unknown = true;
          missing = frame.merge(missing, f.missing);
          return true;
        }
        if (!f.boolean) return true;
      }
      if (element != model::kNoNode) v = plan.eval(element, frame);
    }
    if (n.op == Op::Count && (bound || v.tag != Tag::Unknown)) {
      ++count;
      return true;
    }
    if (v.tag == Tag::Unknown) {
      // An item that may or may not be there, or whose value is not given, leaves every
      // aggregate unknown, `distincts` included: counting only the values that are there made
      // `distincts(…) = 2` respected when a third, unknown, value might differ (silence passed).
      unknown = true;
      missing = frame.merge(missing, v.missing);
      return true;
    }
    if (v.tag == Tag::NoValue) return true;
    switch (n.op) {
      case Op::Sum: {
        auto s = add(sum, v.number);
        if (!s) {
          failed = true;
          return false;
        }
        sum = *s;
        break;
      }
      case Op::CountDistinct:
        if (std::none_of(distinct->items().begin(), distinct->items().end(), [&](const Val& d) { return equal_values(d, v); })) {
          distinct->items().push_back(v);
        }
        break;
      case Op::Min:
      case Op::Max: {
        if (best.tag == Tag::NoValue) {
          best = v;
        } else {
          const bool less = v.tag == Tag::Date ? v.date < best.date : v.number < best.number;
          const bool greater = v.tag == Tag::Date ? best.date < v.date : best.number < v.number;
          if ((n.op == Op::Min && less) || (n.op == Op::Max && greater)) best = v;
        }
        break;
      }
      default: break;
    }
    return true;
  });
  if (bound) frame.bindings[var] = saved;
  if (list.tag == Tag::Unknown) return list;
  if (failed) return overflow(frame, id);
  if (unknown) return Val::unknown(missing);
  switch (n.op) {
    case Op::Sum: return Val::of_number(sum);
    case Op::Count: return Val::of_number(decimal::Decimal::from_integer(count));
    case Op::CountDistinct:
      return Val::of_number(decimal::Decimal::from_integer(static_cast<std::int64_t>(distinct->items().size())));
    default: {
      best.location = -1;
      return best;
    }
  }
}

Val at_least(const CompiledPlan& plan, const model::Node& n, Frame& frame) {
  const Val needed = plan.eval(n.children[0], frame);
  if (needed.tag != Tag::Number) return needed.tag == Tag::Unknown ? needed : Val::of_bool(false);
  // Only `au moins n distincts` keeps the values it has seen.
  std::optional<BorrowedList> seen;
  if (n.distinct) seen.emplace(frame);
  std::int64_t count = 0;
  // Items whose value is not given: they may or may not add to the count. Enough known values
  // settle it (true); too few known ones that the unknown ones could complete leave it unknown,
  // with their missing paths (incomplete evidence is not a violation); otherwise false.
  std::int64_t unknown_items = 0;
  std::int32_t missing = -1;
  Val list = each(plan, n.children[1], frame, [&](const Val& v) {
    if (v.tag == Tag::Unknown) {
      ++unknown_items;
      missing = frame.merge(missing, v.missing);
      return true;
    }
    if (v.tag == Tag::NoValue) return true;  // a value that is not there (no row, null): not counted
    if (n.distinct) {
      std::vector<Val>& values = seen->items();
      if (std::none_of(values.begin(), values.end(), [&](const Val& d) { return equal_values(d, v); })) values.push_back(v);
    } else {
      ++count;
    }
    return true;
  });
  if (list.tag == Tag::Unknown) return list;
  if (n.distinct) count = static_cast<std::int64_t>(seen->items().size());
  if (decimal::Decimal::from_integer(count) >= needed.number) return Val::of_bool(true);
  if (unknown_items > 0 && decimal::Decimal::from_integer(count + unknown_items) >= needed.number) {
    return Val::unknown(missing);
  }
  return Val::of_bool(false);
}

}  // namespace

Val CompiledPlan::elements(NodeId id, Frame& frame, std::vector<Val>& out) const {
  return each(*this, id, frame, [&](const Val& v) {
    out.push_back(v);
    return true;
  });
}

Val CompiledPlan::constant_value(const model::Node& n) {
  Val v;
  switch (n.constant.kind) {
    case model::TypeKind::Boolean: return Val::of_bool(n.constant.boolean);
    case model::TypeKind::Integer:
    case model::TypeKind::Decimal:
    case model::TypeKind::Money: return Val::of_number(n.constant.number);
    case model::TypeKind::Text:
      v.tag = Tag::Text;
      v.text = n.constant.text;
      return v;
    case model::TypeKind::Date:
      v.tag = Tag::Date;
      v.date = n.constant.date;
      return v;
    default: return Val::no_value();
  }
}

namespace {

// Whether a value just computed may be remembered, made ready to be: only what does not depend
// on the rule being evaluated, a known value (an unknown carries missing paths of this rule's
// frame) computed without overflow, with no place of this rule's frame.
[[gnu::always_inline]] inline bool ready_to_remember(Val& v, bool overflow_before, const Frame& frame) {
  const bool known = v.tag != Tag::Unknown && v.tag != Tag::List && v.tag != Tag::Object;
  if (!known || frame.overflow || overflow_before) return false;
  // Normally neither is set on a known value of the fast pass. Tested before written: a store
  // into the value just before it is copied whole would block the copy's store forwarding.
  if (v.location != -1) v.location = -1;
  if (v.missing != -1) v.missing = -1;
  return true;
}

}  // namespace

// One return object, built in the caller's slot by the operation itself: a copy of a value
// just returned costs a failed store-to-load forwarding on the evaluator's hottest path.
Val CompiledPlan::eval_and_remember(const Step& step, NodeId id, Frame& frame) const {
  const bool overflow_before = frame.overflow;
  Val v = step.run(*this, step, id, frame);
  if (ready_to_remember(v, overflow_before, frame)) {
    const std::size_t s = static_cast<std::size_t>(step.memo);
    frame.memo_stamps[s] = frame.memo_stamp;
    frame.memo_values[s] = v;
  }
  return v;
}

Val CompiledPlan::eval_for_element(const Step& step, NodeId id, Frame& frame) const {
  const Val& element = *frame.bindings[static_cast<std::size_t>(step.variable)];
  // Only an element read from the dossier has a place to key on (not a literal's item).
  if (element.tag != Tag::Object || element.node == nullptr) return step.run(*this, step, id, frame);
  const io::Value* key = element.node;
  // The items of an array are contiguous: consecutive elements take consecutive entries.
  const std::size_t way = (reinterpret_cast<std::uintptr_t>(key) / sizeof(io::Value)) % Frame::kElementMemoWays;
  ElementMemo& entry = frame.element_memo[static_cast<std::size_t>(-2 - step.memo) * Frame::kElementMemoWays + way];
  if (entry.stamp == frame.memo_stamp && entry.key == key) return entry.value;
  const bool overflow_before = frame.overflow;
  Val v = step.run(*this, step, id, frame);
  if (ready_to_remember(v, overflow_before, frame)) {
    entry.stamp = frame.memo_stamp;
    entry.key = key;
    entry.value = v;
  }
  return v;
}

namespace {

// The operations, one function each, chosen per node by make_steps. `s.a` and `s.b` are the
// node's first two children.

Val run_constant(const CompiledPlan& plan, const Step& s, NodeId, Frame&) {
  return plan.step_constants[static_cast<std::size_t>(s.path_begin)];
}

Val run_path(const CompiledPlan& plan, const Step&, NodeId id, Frame& frame) { return read_path(plan, id, frame); }

// A path without [*]: read_path's walk over the slots kept in the step, without the node.
Val run_plain_path(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame) {
  const io::Value* v = nullptr;
  std::int32_t base = -1;
  if (s.variable >= 0) {
    const Val& b = *frame.bindings[static_cast<std::size_t>(s.variable)];
    if (s.path_count == 0) return b;
    v = b.node;
    base = b.location;
    if (v == nullptr) return b;  // an element that is itself unknown
  } else {
    v = &frame.dossier->root();
  }
  const std::int32_t* slot = plan.path_slots.data() + s.path_begin;
  for (std::uint8_t step = 0; step < s.path_count; ++step) {
    if (v->kind != io::Kind::Object) return Val::unknown(frame.leaf(frame.add_path_location(base, id)));
    v = &v->slot(slot[step]);
  }
  return read_whole_path_at(*v, base, id, frame);
}

Val run_list_literal(const CompiledPlan&, const Step&, NodeId, Frame&) {
  // A literal list is always there; each() walks its items.
  Val v;
  v.tag = Tag::List;
  v.node = nullptr;
  return v;
}

Val run_not(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  Val v = plan.eval(s.a, frame);
  if (v.tag != Tag::Boolean) return v;
  return Val::of_bool(!v.boolean);
}

Val run_negate(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  Val v = plan.eval(s.a, frame);
  if (v.tag != Tag::Number) return v;
  return Val::of_number(v.number.negated());
}

Val run_exists(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {  // Exists, IsAbsent
  const Val v = plan.eval(s.a, frame);
  const bool present = v.tag != Tag::Unknown && v.tag != Tag::NoValue;
  return Val::of_bool(s.op == Op::Exists ? present : !present);
}

Val run_is_known(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val v = plan.eval(s.a, frame);
  if (v.tag == Tag::Unknown) return v;
  return Val::of_bool(v.tag != Tag::NoValue);
}

Val run_is_null(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val v = plan.eval(s.a, frame);
  if (v.null_given) return Val::of_bool(true);
  if (v.tag == Tag::Unknown) return v;  // silence: neither null nor a value
  return Val::of_bool(false);
}

Val run_and_or(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val a = plan.eval(s.a, frame);
  const Truth ta = a.truth();
  // Short circuit where the table decides alone: false et _, true ou _.
  if ((s.op == Op::And && ta == Truth::False) || (s.op == Op::Or && ta == Truth::True)) return Val::of_bool(ta == Truth::True);
  const Val b = plan.eval(s.b, frame);
  const Truth tb = b.truth();
  const Truth t = s.op == Op::And ? kleene_and(ta, tb) : kleene_or(ta, tb);
  if (t != Truth::Unknown) return Val::of_bool(t == Truth::True);
  return Val::unknown(frame.merge(kleene_keeps_missing(t, ta) ? a.missing : -1, kleene_keeps_missing(t, tb) ? b.missing : -1));
}

Val run_compare(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val a = plan.eval(s.a, frame);
  const Val b = plan.eval(s.b, frame);
  return compare(s.op, a, b, frame);
}

// The same against a constant (`l.part >= 0`, `type_intervention = "subvention"`): the
// constant's value is read where the plan keeps it, not copied out by a call.
Val run_compare_constant(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val a = plan.eval(s.a, frame);
  return compare(s.op, a, plan.step_constants[static_cast<std::size_t>(s.path_begin)], frame);
}

// Unknown when either operand is, with the missing paths of both.
Val unknown_of(const Val& a, const Val& b, Frame& frame) {
  return Val::unknown(frame.merge(a.tag == Tag::Unknown ? a.missing : -1, b.tag == Tag::Unknown ? b.missing : -1));
}

Val run_arithmetic(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame) {  // Add, Subtract, Multiply
  const Val a = plan.eval(s.a, frame);
  const Val b = plan.eval(s.b, frame);
  if (a.tag == Tag::Unknown || b.tag == Tag::Unknown) return unknown_of(a, b, frame);
  if (a.tag != Tag::Number || b.tag != Tag::Number) return Val::no_value();
  if (s.op == Op::Add) return number_or_overflow(add(a.number, b.number), frame, id);
  if (s.op == Op::Subtract) return number_or_overflow(subtract(a.number, b.number), frame, id);
  return number_or_overflow(multiply(a.number, b.number), frame, id);
}

Val run_otherwise(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  Val a = plan.eval(s.a, frame);
  if (a.tag != Tag::Unknown && a.tag != Tag::NoValue) return a;
  return plan.eval(s.b, frame);
}

Val run_starts_with(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val a = plan.eval(s.a, frame);
  const Val b = plan.eval(s.b, frame);
  if (a.tag == Tag::Unknown || b.tag == Tag::Unknown) return unknown_of(a, b, frame);
  if (a.tag != Tag::Text || b.tag != Tag::Text) return Val::of_bool(false);
  return Val::of_bool(a.text.starts_with(b.text));
}

Val run_in_list(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val x = plan.eval(s.a, frame);
  if (x.tag == Tag::Unknown) return x;
  if (x.tag == Tag::NoValue) return Val::of_bool(s.negated);
  if (const std::int32_t literal = plan.constant_list[s.b]; literal >= 0) {
    // A list of constants (`p hors de territoires_francais`): none of its items is unknown.
    bool found = false;
    for (const Val& item : plan.constant_lists[static_cast<std::size_t>(literal)]) {
      if (equal_values(x, item)) {
        found = true;
        break;
      }
    }
    return Val::of_bool(found != s.negated);
  }
  bool found = false;
  std::int32_t missing = -1;
  bool unknown = false;
  const Val list = each(plan, s.b, frame, [&](const Val& item) {
    if (item.tag == Tag::Unknown) {
      unknown = true;
      missing = frame.merge(missing, item.missing);
      return true;
    }
    if (equal_values(x, item)) {
      found = true;
      return false;
    }
    return true;
  });
  // A list the dossier does not give (`"DE" hors de action.pays` without action.pays) is
  // unknown, not empty: read as empty, `hors de` passed on silence and `dans` failed on it.
  if (list.tag == Tag::Unknown) return list;
  if (!found && unknown) return Val::unknown(missing);
  return Val::of_bool(found != s.negated);
}

Val run_table(const CompiledPlan& plan, const Step&, NodeId id, Frame& frame) {  // InTable, TableLookup
  const model::Node& n = plan.nodes[id];
  BorrowedKey borrowed(frame);
  std::string& key = borrowed.text();
  std::int32_t missing = -1;
  bool unknown = false;
  bool no_value = false;
  for (std::size_t i = 0; i < n.children.size(); ++i) {
    const Val v = plan.eval(n.children[i], frame);
    if (v.tag == Tag::Unknown) {
      unknown = true;
      missing = frame.merge(missing, v.missing);
      continue;
    }
    if (v.tag == Tag::NoValue) no_value = true;
    if (i > 0) key += kKeySeparator;
    append_key(key, v);
  }
  if (unknown) return Val::unknown(missing);
  const std::int32_t a = plan.aux[id];
  if (n.op == Op::InTable) {
    if (no_value) return Val::of_bool(n.negated);
    const KeySet& set = plan.sets[static_cast<std::size_t>(a)];
    const bool found = set.find(std::string_view(key)) != set.end();
    return Val::of_bool(found != n.negated);
  }
  if (no_value) return Val::no_value();
  const KeyMap& map = plan.maps[static_cast<std::size_t>(a)];
  auto it = map.find(std::string_view(key));
  if (it == map.end()) return Val::no_value();
  Val v;
  v.tag = Tag::Text;
  v.text = it->second;
  return v;
}

Val run_quantify(const CompiledPlan& plan, const Step&, NodeId id, Frame& frame) {  // All, Some, None
  return quantify(plan, plan.nodes[id], frame);
}

Val run_aggregate(const CompiledPlan& plan, const Step&, NodeId id, Frame& frame) {  // Sum, Count, CountDistinct, Min, Max
  return aggregate(plan, id, plan.nodes[id], frame);
}

Val run_collect(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  // Walked by each(); as a value it is there when its source list is.
  const Val source = plan.eval(s.a, frame);
  if (source.tag == Tag::Unknown) return source;
  Val v;
  v.tag = Tag::List;
  v.node = nullptr;
  return v;
}

Val run_at_least(const CompiledPlan& plan, const Step&, NodeId id, Frame& frame) {
  return at_least(plan, plan.nodes[id], frame);
}

Val run_round(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame) {
  const model::Node& n = plan.nodes[id];
  const Val a = plan.eval(s.a, frame);
  Val b;
  if (n.divide) b = plan.eval(s.b, frame);
  if (a.tag == Tag::Unknown || (n.divide && b.tag == Tag::Unknown)) {
    return Val::unknown(frame.merge(a.tag == Tag::Unknown ? a.missing : -1, n.divide && b.tag == Tag::Unknown ? b.missing : -1));
  }
  if (a.tag != Tag::Number || (n.divide && b.tag != Tag::Number)) return Val::no_value();
  frame.roundings = static_cast<std::uint8_t>(frame.roundings | (1u << static_cast<unsigned>(n.rounding)));
  if (n.divide) {
    if (b.number.is_zero()) {
      frame.division_by_zero = true;
      return overflow(frame, id);
    }
    return number_or_overflow(divide(a.number, b.number, n.digits, n.rounding), frame, id);
  }
  return number_or_overflow(a.number.round(n.digits, n.rounding), frame, id);
}

Val run_start_end(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {  // Start, End
  const Val text = plan.eval(s.a, frame);
  const Val k = plan.eval(s.b, frame);
  if (text.tag == Tag::Unknown || k.tag == Tag::Unknown) return unknown_of(text, k, frame);
  if (text.tag != Tag::Text || k.tag != Tag::Number) return Val::no_value();
  const auto count = k.number.to_int64();
  if (!count || *count < 0) return Val::no_value();
  const std::size_t total = code_point_count(text.text);
  const std::size_t take = std::min<std::size_t>(total, static_cast<std::size_t>(*count));
  Val v;
  v.tag = Tag::Text;
  if (s.op == Op::Start) {
    v.text = text.text.substr(0, byte_offset(text.text, take));
  } else {
    v.text = text.text.substr(byte_offset(text.text, total - take));
  }
  return v;
}

Val run_length(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val text = plan.eval(s.a, frame);
  if (text.tag != Tag::Text) return text.tag == Tag::Unknown ? text : Val::no_value();
  return Val::of_number(decimal::Decimal::from_integer(static_cast<std::int64_t>(code_point_count(text.text))));
}

// The number of bytes of white space that `text` starts with (`from_end`: ends with): the
// ASCII blanks, and the Unicode spaces a form or a word processor leaves (no-break U+00A0,
// narrow no-break U+202F, the U+2000-U+200A spaces, ideographic U+3000, zero width U+200B and
// the byte order mark U+FEFF), so that "   " or a lone no-break space is not an objet.
std::size_t blank_bytes(std::string_view text, bool from_end) {
  static constexpr std::string_view kWide[] = {
      "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81", "\xE2\x80\x82", "\xE2\x80\x83",
      "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87", "\xE2\x80\x88", "\xE2\x80\x89",
      "\xE2\x80\x8A", "\xE2\x80\x8B", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F",
      "\xE3\x80\x80", "\xEF\xBB\xBF"};
  std::size_t count = 0;
  while (count < text.size()) {
    const std::string_view rest = from_end ? text.substr(0, text.size() - count) : text.substr(count);
    const char c = from_end ? rest.back() : rest.front();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      ++count;
      continue;
    }
    // Only a byte of a multi-byte character can start (or end) a wide blank: a letter stops
    // the scan at once, without the comparisons below.
    if (static_cast<unsigned char>(c) < 0x80) break;
    std::size_t wide = 0;
    for (std::string_view blank : kWide) {
      if (from_end ? rest.ends_with(blank) : rest.starts_with(blank)) {
        wide = blank.size();
        break;
      }
    }
    if (wide == 0) break;
    count += wide;
  }
  return count;
}

Val run_trim(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  Val text = plan.eval(s.a, frame);
  if (text.tag != Tag::Text) return text.tag == Tag::Unknown ? text : Val::no_value();
  const std::size_t head = blank_bytes(text.text, false);
  text.text.remove_prefix(head);
  text.text.remove_suffix(blank_bytes(text.text, true));
  return text;  // a view of the same text: the dossier's, or a constant's
}

Val run_abs(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val v = plan.eval(s.a, frame);
  if (v.tag != Tag::Number) return v;
  return Val::of_number(v.number.abs());
}

Val run_year(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {
  const Val v = plan.eval(s.a, frame);
  if (v.tag != Tag::Date) return v.tag == Tag::Unknown ? v : Val::no_value();
  return Val::of_number(decimal::Decimal::from_integer(v.date.year()));
}

Val run_min_max(const CompiledPlan& plan, const Step& s, NodeId, Frame& frame) {  // Min2, Max2
  const Val a = plan.eval(s.a, frame);
  const Val b = plan.eval(s.b, frame);
  if (a.tag == Tag::Unknown || b.tag == Tag::Unknown) return unknown_of(a, b, frame);
  if (a.tag == Tag::NoValue) return b;
  if (b.tag == Tag::NoValue) return a;
  const bool less = a.tag == Tag::Date ? a.date < b.date : a.number < b.number;
  return (s.op == Op::Min2) == less ? a : b;
}

// selon(c, a, b): only the branch chosen is evaluated, so only its facts and missing paths
// count; the third child is read from the node (a step keeps two).
Val run_choose(const CompiledPlan& plan, const Step& s, NodeId id, Frame& frame) {
  const Val condition = plan.eval(s.a, frame);
  if (condition.tag != Tag::Boolean) return condition.tag == Tag::Unknown ? condition : Val::no_value();
  return plan.eval(condition.boolean ? s.b : plan.nodes[id].children[2], frame);
}

Val run_no_value(const CompiledPlan&, const Step&, NodeId, Frame&) { return Val::no_value(); }

StepFn step_function(const model::Node& n) {
  switch (n.op) {
    case Op::Constant: return run_constant;
    case Op::Path:
      for (const model::PathStep& step : n.steps) {
        if (step.all_items) return run_path;
      }
      return run_plain_path;
    case Op::DeliberationDate: return run_path;
    case Op::ListLiteral: return run_list_literal;
    case Op::Not: return run_not;
    case Op::Negate: return run_negate;
    case Op::Exists:
    case Op::IsAbsent: return run_exists;
    case Op::IsKnown: return run_is_known;
    case Op::IsNull: return run_is_null;
    case Op::And:
    case Op::Or: return run_and_or;
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual: return run_compare;
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply: return run_arithmetic;
    case Op::Otherwise: return run_otherwise;
    case Op::StartsWith: return run_starts_with;
    case Op::InList: return run_in_list;
    case Op::InTable:
    case Op::TableLookup: return run_table;
    case Op::All:
    case Op::Some:
    case Op::None: return run_quantify;
    case Op::Sum:
    case Op::Count:
    case Op::CountDistinct:
    case Op::Min:
    case Op::Max: return run_aggregate;
    case Op::Collect: return run_collect;
    case Op::AtLeast: return run_at_least;
    case Op::Round: return run_round;
    case Op::Start:
    case Op::End: return run_start_end;
    case Op::Length: return run_length;
    case Op::Trim: return run_trim;
    case Op::Choose: return run_choose;
    case Op::Abs: return run_abs;
    case Op::Year: return run_year;
    case Op::Min2:
    case Op::Max2: return run_min_max;
  }
  return run_no_value;
}

}  // namespace

void CompiledPlan::make_steps() {
  steps.assign(nodes.size(), Step{});
  path_slots.clear();
  step_constants.clear();
  for (NodeId id = 0; id < nodes.size(); ++id) make_step(id);
}

void CompiledPlan::make_step(NodeId id) {
  const model::Node& n = nodes[id];
  Step& s = steps[id];
  s = Step{};
  s.run = step_function(n);
  s.op = n.op;
  s.negated = n.negated;
  if (!n.children.empty()) s.a = n.children[0];
  if (n.children.size() > 1) s.b = n.children[1];
  if (id < memo_slot.size()) s.memo = memo_slot[id];
  if (id < element_variable.size() && element_variable[id] >= 0) s.variable = element_variable[id];  // not a path
  if (s.run == run_compare && nodes[s.b].op == Op::Constant) s.run = run_compare_constant;
  if (s.run == run_constant || s.run == run_compare_constant) {
    s.path_begin = static_cast<std::int32_t>(step_constants.size());
    step_constants.push_back(constant_values[s.run == run_constant ? id : s.b]);
  }
  if (s.run == run_plain_path) {
    s.variable = n.variable;
    if (n.steps.size() > 0xFF) {
      s.run = run_path;
      return;
    }
    s.path_begin = static_cast<std::int32_t>(path_slots.size());
    s.path_count = static_cast<std::uint8_t>(n.steps.size());
    for (const model::PathStep& step : n.steps) path_slots.push_back(step.slot);
  }
}

void CompiledPlan::pack_constant_texts() {
  std::size_t total = 0;
  auto measure = [&](const Val& v) { total += v.tag == Tag::Text ? v.text.size() : 0; };
  for (const Val& v : constant_values) measure(v);
  for (const std::vector<Val>& list : constant_lists) std::for_each(list.begin(), list.end(), measure);
  for (const Val& v : step_constants) measure(v);
  constant_texts.clear();
  constant_texts.reserve(total);  // never grows past: the views below stay valid
  auto pack = [&](Val& v) {
    if (v.tag != Tag::Text) return;
    const std::size_t at = constant_texts.size();
    constant_texts.append(v.text);
    v.text = std::string_view(constant_texts.data() + at, v.text.size());
  };
  for (Val& v : constant_values) pack(v);
  for (std::vector<Val>& list : constant_lists) std::for_each(list.begin(), list.end(), pack);
  for (Val& v : step_constants) pack(v);
}

}  // namespace subsidia::eval
