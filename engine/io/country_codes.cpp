// The ISO 3166-1 alpha-2 codes, as in rules/tables/pays-zones.csv (249 assigned codes and
// XK, Kosovo, the user-assigned code the European Union and IATI use); a test keeps the two
// lists equal.
#include "io/country_codes.hpp"

#include <array>
#include <cstdint>

namespace subsidia::io {

namespace {

constexpr std::array<std::string_view, 250> kCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
    "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
    "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
    "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
    "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
    "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
    "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
    "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
    "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
    "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
};

}  // namespace

// The same list as 26 × 26 bits, one per pair of capital letters, made at compile time: a
// dossier has several country codes, and the reader checks each (a binary search made eight
// string comparisons a code).
constexpr std::array<std::uint32_t, 26> kCodeBits = [] {
  std::array<std::uint32_t, 26> bits{};
  for (std::string_view c : kCodes) bits[static_cast<std::size_t>(c[0] - 'A')] |= std::uint32_t{1} << (c[1] - 'A');
  return bits;
}();

bool is_country_code(std::string_view code) {
  if (code.size() != 2) return false;
  const unsigned first = static_cast<unsigned char>(code[0]) - 'A', second = static_cast<unsigned char>(code[1]) - 'A';
  return first < 26 && second < 26 && (kCodeBits[first] >> second & 1u) != 0;
}

std::span<const std::string_view> country_codes() { return kCodes; }

std::optional<std::string> suggest_country_code(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // Codes people write for another: the United Kingdom is GB, Greece GR (EL is the
  // European Union's own abbreviation).
  if (upper == "UK") return "GB";
  if (upper == "EL") return "GR";
  if (upper != text && is_country_code(upper)) return upper;
  return std::nullopt;
}

}  // namespace subsidia::io
