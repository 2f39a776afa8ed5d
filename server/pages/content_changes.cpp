#include "pages/content_changes.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace subsidia::server::pages {

namespace {

using Json = nlohmann::json;

// The leaves of a JSON text, read as events rather than into a json value: a number then comes
// with the text it was written with, where a parsed value would hold a binary double.
class LeafCollector : public nlohmann::json_sax<Json> {
 public:
  std::vector<ContentLeaf> leaves;

  bool null() override { return leaf("vide (null)"); }
  bool boolean(bool value) override { return leaf(value ? "oui" : "non"); }
  bool number_integer(number_integer_t value) override { return leaf(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return leaf(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& text) override { return leaf(text); }
  // A text between guillemets: blanks at its ends, or a text that reads as a number, show as such.
  bool string(string_t& value) override { return leaf("« " + value + " »"); }
  bool binary(binary_t&) override { return false; }  // not produced by JSON text
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& name) override {
    frames_.back().key = name;
    return true;
  }
  bool end_object() override { return close("objet vide"); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close("liste vide"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  struct Frame {
    bool array = false;
    std::size_t items = 0;  // children seen so far (the next array index)
    std::string key;        // of the member being read (objects)
    std::string path;       // of the container itself
  };
  std::vector<Frame> frames_;

  // The path of the value about to be read in the innermost container.
  std::string child_path() {
    if (frames_.empty()) return {};
    Frame& f = frames_.back();
    if (f.array) return f.path + "[" + std::to_string(f.items) + "]";
    return f.path.empty() ? f.key : f.path + "." + f.key;
  }
  bool leaf(std::string shown) {
    leaves.push_back({child_path(), std::move(shown)});
    if (!frames_.empty()) ++frames_.back().items;
    return true;
  }
  bool open(bool array) {
    Frame f;
    f.array = array;
    f.path = child_path();
    frames_.push_back(std::move(f));
    return true;
  }
  bool close(const char* empty_shown) {
    Frame f = std::move(frames_.back());
    frames_.pop_back();
    // An empty container is a fact of its own (« liste vide » is not « absent »).
    if (f.items == 0 && !f.path.empty()) leaves.push_back({f.path, empty_shown});
    if (!frames_.empty()) ++frames_.back().items;
    return true;
  }
};

}  // namespace

std::optional<std::vector<ContentLeaf>> content_leaves(std::string_view json) {
  LeafCollector collector;
  if (!Json::sax_parse(json.begin(), json.end(), &collector)) return std::nullopt;
  return std::move(collector.leaves);
}

std::optional<std::vector<ContentChange>> content_changes(std::string_view before, std::string_view after) {
  const auto old_leaves = content_leaves(before);
  const auto new_leaves = content_leaves(after);
  if (!old_leaves || !new_leaves) return std::nullopt;
  std::unordered_map<std::string_view, const std::string*> old_by_path;
  for (const ContentLeaf& leaf : *old_leaves) old_by_path.emplace(leaf.path, &leaf.shown);
  std::unordered_map<std::string_view, bool> in_new;
  std::vector<ContentChange> changes;
  for (const ContentLeaf& leaf : *new_leaves) {
    in_new.emplace(leaf.path, true);
    auto found = old_by_path.find(leaf.path);
    if (found == old_by_path.end()) changes.push_back({leaf.path, std::nullopt, leaf.shown});
    else if (*found->second != leaf.shown) changes.push_back({leaf.path, *found->second, leaf.shown});
  }
  for (const ContentLeaf& leaf : *old_leaves)
    if (!in_new.contains(leaf.path)) changes.push_back({leaf.path, leaf.shown, std::nullopt});
  return changes;
}

}  // namespace subsidia::server::pages
