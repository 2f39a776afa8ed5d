#include "csv/separator.hpp"

#include "csv/tokenizer.hpp"

namespace subsidia::csv {

namespace {

constexpr char kCandidates[] = {';', ',', '\t', '|'};
constexpr std::size_t kSampleRecords = 50;

struct Score {
  std::size_t header_fields = 0;
  std::size_t consistent = 0;  // sampled records with as many fields as the first
  std::size_t sampled = 0;

  bool better_than(const Score& other) const {
    const bool splits = header_fields > 1, other_splits = other.header_fields > 1;
    if (splits != other_splits) return splits;
    // consistent / sampled, compared without division (an empty sample counts as consistent)
    const std::size_t a = sampled ? consistent : 1, b = sampled ? sampled : 1;
    const std::size_t c = other.sampled ? other.consistent : 1, d = other.sampled ? other.sampled : 1;
    if (a * d != c * b) return a * d > c * b;
    return header_fields > other.header_fields;
  }
};

Score score(std::string_view text, char separator) {
  Tokenizer tokens(text, {separator, false});
  Record record;
  Score s;
  bool header_seen = false;
  while (s.sampled < kSampleRecords && tokens.next(record)) {
    if (record.blank()) continue;
    if (!header_seen) {
      header_seen = true;
      s.header_fields = record.fields.size();
      continue;
    }
    ++s.sampled;
    if (record.fields.size() == s.header_fields) ++s.consistent;
  }
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
  return best_score.header_fields > 1 ? best : ',';
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
