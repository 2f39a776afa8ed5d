#include "io/string_pattern.hpp"

namespace subsidia::io {

namespace {
bool parse_count(const std::string& p, std::size_t& i, int& out) {
  if (i >= p.size() || p[i] < '0' || p[i] > '9') return false;
  out = 0;
  while (i < p.size() && p[i] >= '0' && p[i] <= '9') out = out * 10 + (p[i++] - '0');
  return true;
}
}  // namespace

StringPattern::StringPattern(const std::string& p) {
  std::size_t i = 0;
  bool simple = true;
  if (i < p.size() && p[i] == '^') {
    anchored_start_ = true;
    ++i;
  }
  while (i < p.size() && simple) {
    if (p[i] == '$' && i + 1 == p.size()) {
      anchored_end_ = true;
      ++i;
      break;
    }
    Atom atom;
    const char c = p[i];
    if (c == '[') {
      ++i;
      bool negate = false;
      if (i < p.size() && p[i] == '^') {
        negate = true;
        ++i;
      }
      bool closed = false;
      while (i < p.size()) {
        if (p[i] == ']') {
          closed = true;
          ++i;
          break;
        }
        unsigned char lo = static_cast<unsigned char>(p[i]);
        if (lo == '\\') {
          simple = false;
          break;
        }
        unsigned char hi = lo;
        if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
          hi = static_cast<unsigned char>(p[i + 2]);
          i += 3;
        } else {
          ++i;
        }
        for (unsigned v = lo; v <= hi; ++v) atom.accepts[v] = true;
      }
      if (!closed) simple = false;
      if (negate) {
        for (bool& a : atom.accepts) a = !a;
      }
    } else if (c == '\\' && i + 1 < p.size()) {
      const char e = p[i + 1];
      i += 2;
      if (e == 'd') {
        for (unsigned v = '0'; v <= '9'; ++v) atom.accepts[v] = true;
      } else if (std::string_view(".-+*?()[]{}^$|/\\").find(e) != std::string_view::npos) {
        atom.accepts[static_cast<unsigned char>(e)] = true;
      } else {
        simple = false;
      }
    } else if (c == '.') {
      for (unsigned v = 0; v < 256; ++v) atom.accepts[v] = v != '\n';
      ++i;
    } else if (std::string_view("()|$*+?{}").find(c) != std::string_view::npos) {
      simple = false;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      simple = false;  // multi-byte characters: leave them to std::regex
    } else {
      atom.accepts[static_cast<unsigned char>(c)] = true;
      ++i;
    }
    if (!simple) break;
    if (i < p.size()) {
      if (p[i] == '?') atom.min = 0, atom.max = 1, ++i;
      else if (p[i] == '*') atom.min = 0, atom.max = -1, ++i;
      else if (p[i] == '+') atom.min = 1, atom.max = -1, ++i;
      else if (p[i] == '{') {
        ++i;
        if (!parse_count(p, i, atom.min)) simple = false;
        atom.max = atom.min;
        if (simple && i < p.size() && p[i] == ',') {
          ++i;
          if (i < p.size() && p[i] == '}') atom.max = -1;
          else if (!parse_count(p, i, atom.max)) simple = false;
        }
        if (simple && (i >= p.size() || p[i] != '}')) simple = false;
        ++i;
      }
    }
    atoms_.push_back(atom);
  }
  if (!simple || i != p.size()) {
    atoms_.clear();
    fallback_ = std::make_unique<std::regex>(p, std::regex::ECMAScript);
  }
}

bool StringPattern::match_from(std::size_t index, std::string_view text, std::size_t pos) const {
  if (index == atoms_.size()) return !anchored_end_ || pos == text.size();
  const Atom& atom = atoms_[index];
  // Greedy: take as many as allowed, then give back one at a time.
  std::size_t taken = 0;
  const std::size_t limit = atom.max < 0 ? text.size() - pos : static_cast<std::size_t>(atom.max);
  while (taken < limit && pos + taken < text.size() && atom.accepts[static_cast<unsigned char>(text[pos + taken])]) ++taken;
  for (;;) {
    if (taken < static_cast<std::size_t>(atom.min)) return false;
    if (match_from(index + 1, text, pos + taken)) return true;
    if (taken == 0) return false;
    --taken;
  }
}

bool StringPattern::prefix_from(std::size_t index, std::string_view text, std::size_t pos) const {
  if (pos == text.size()) return true;  // the prefix is used up: the rest can follow
  if (index == atoms_.size()) return !anchored_end_;
  const Atom& atom = atoms_[index];
  std::size_t taken = 0;
  const std::size_t limit = atom.max < 0 ? text.size() - pos : static_cast<std::size_t>(atom.max);
  while (taken < limit && pos + taken < text.size() && atom.accepts[static_cast<unsigned char>(text[pos + taken])]) ++taken;
  for (;;) {
    if (pos + taken == text.size()) return true;  // ends inside this atom: more of it can follow
    if (taken >= static_cast<std::size_t>(atom.min) && prefix_from(index + 1, text, pos + taken)) return true;
    if (taken == 0) return false;
    --taken;
  }
}

bool StringPattern::accepts_prefix(std::string_view prefix) const {
  if (fallback_ || !anchored_start_) return true;
  return prefix_from(0, prefix, 0);
}

bool StringPattern::matches(std::string_view text) const {
  if (fallback_) return std::regex_search(text.begin(), text.end(), *fallback_);
  if (anchored_start_) return match_from(0, text, 0);
  for (std::size_t start = 0; start <= text.size(); ++start) {
    if (match_from(0, text, start)) return true;
  }
  return false;
}

}  // namespace subsidia::io
