#include "output/json_writer.hpp"

#include <charconv>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace subsidia::output::json {

namespace {

// True for the bytes that need an escape: '"', '\\' and the C0 controls. Bytes >= 0x80
// are UTF-8 sequences and go through as they are (DEL too: JSON allows it).
constexpr bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// The same test on eight bytes at once (SWAR): output strings are long (explanations,
// citations: ~17 KB per dossier) and almost never need an escape, so the byte loop was a
// quarter of `check --format jsonl`. "Has a byte < n" is (x - n*ones) & ~x & high; it
// is exact for n <= 0x80, and bytes >= 0x80 never match (their ~x high bit is clear).
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHigh = 0x8080808080808080ull;
constexpr bool word_needs_escape(std::uint64_t w) {
  const std::uint64_t quote = w ^ (kOnes * '"');
  const std::uint64_t backslash = w ^ (kOnes * '\\');
  return (((w - kOnes * 0x20) & ~w) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & kHigh;
}

// The offset, from `i`, of the first 16-byte block of `text` holding a byte to escape, or of
// the last partial block: the same test as above on sixteen bytes at once, in the SSE2 every
// x86-64 processor has (explanations are ~200-byte French sentences without an escape, and
// scanning them eight bytes at a time was most of `append_string`). Elsewhere, no skip.
std::size_t skip_clean_blocks(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i last_control = _mm_set1_epi8(0x1F);
  while (i + 16 <= text.size()) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // A byte is a control when max(byte, 0x1F) is 0x1F, unsigned (bytes >= 0x80 are not).
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(block, last_control), last_control);
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash)), control);
    if (_mm_movemask_epi8(hit) != 0) break;
    i += 16;
  }
#endif
  return i;
}

std::uint64_t load_word(const char* at) {
  std::uint64_t word;
  std::memcpy(&word, at, sizeof word);
  return word;
}

// The offset of the first byte of `text`, from `i`, that needs an escape; text.size() when
// none does. Most strings written are short (a status, a fact's path or value, a key: some
// 160 a dossier) and need none: their last bytes are tested as one word that overlaps bytes
// already seen clean (two overlapping halves for four to seven bytes), not byte by byte.
std::size_t find_escape(std::string_view text, std::size_t i) {
  const char* const data = text.data();
  const std::size_t size = text.size();
  i = skip_clean_blocks(text, i);
  while (i + 8 <= size) {
    if (word_needs_escape(load_word(data + i))) {
      while (!needs_escape(static_cast<unsigned char>(data[i]))) ++i;  // one is in this word
      return i;
    }
    i += 8;
  }
  if (i == size) return size;
  if (size >= 8) {
    if (!word_needs_escape(load_word(data + size - 8))) return size;
  } else if (i == 0 && size >= 4) {
    std::uint32_t low, high;
    std::memcpy(&low, data, sizeof low);
    std::memcpy(&high, data + size - 4, sizeof high);
    if (!word_needs_escape(low | static_cast<std::uint64_t>(high) << 32)) return size;
  }
  while (i < size && !needs_escape(static_cast<unsigned char>(data[i]))) ++i;
  return i;
}

}  // namespace

void append_string(std::string& out, std::string_view text) {
  out.push_back('"');
  const char* const data = text.data();
  const std::size_t size = text.size();
  std::size_t run_start = 0;  // the first byte not yet copied
  for (std::size_t i = find_escape(text, 0); i < size; i = find_escape(text, i)) {
    const auto c = static_cast<unsigned char>(data[i]);
    out.append(data + run_start, i - run_start);
    run_start = ++i;
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(data + run_start, size - run_start);
  out.push_back('"');
}

void append_key(std::string& out, std::string_view key) {
  append_string(out, key);
  out.push_back(':');
}

void append_integer(std::string& out, std::uint64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace subsidia::output::json
