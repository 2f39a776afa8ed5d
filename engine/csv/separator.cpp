#include "csv/separator.hpp"

#include <map>

#include "csv/tokenizer.hpp"

namespace subsidia::csv {

namespace {

constexpr char kCandidates[] = {';', ',', '\t', '|'};
constexpr std::size_t kSampleRecords = 50;

// How a candidate splits the sample: the most frequent number of fields above one (the mode)
// and how many records have it.
struct Score {
  std::size_t mode = 0;
  std::size_t frequency = 0;
  bool splits() const { return mode > 1; }
  bool better_than(const Score& other) const {
    if (splits() != other.splits()) return splits();
    if (frequency != other.frequency) return frequency > other.frequency;
    return mode > other.mode;
  }
};

Score score(std::string_view text, char separator) {
  Tokenizer tokens(text, {separator, false});
  Record record;
  std::map<std::size_t, std::size_t> counts;
  std::size_t sampled = 0;
  while (sampled < kSampleRecords && tokens.next(record)) {
    if (record.blank()) continue;
    ++sampled;
    ++counts[record.fields.size()];
  }
  // Records of one field say nothing (a title, a one-column file): the best split wins.
  Score s;
  for (const auto& [fields, n] : counts)
    if (fields > 1 && (n > s.frequency || (n == s.frequency && fields > s.mode))) s = {fields, n};
  return s;
}

}  // namespace

char sniff_separator(std::string_view text) {
  char best = ',';
  Score best_score;
  bool first = true;
  for (char candidate : kCandidates) {
    Score s = score(text, candidate);
    if (first || s.better_than(best_score)) {
      best = candidate;
      best_score = s;
      first = false;
    }
  }
  return best_score.splits() ? best : ',';
}

std::string_view separator_label(char separator) {
  switch (separator) {
    case ';': return "point-virgule";
    case ',': return "virgule";
    case '\t': return "tabulation";
    case '|': return "barre verticale";
  }
  return "autre";
}

}  // namespace subsidia::csv
