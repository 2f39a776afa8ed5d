#include "scdl/amount.hpp"

#include "detect/folded_text.hpp"

namespace subsidia::interop::scdl {

namespace {

// Length of a space at `i` (ASCII or one of the Unicode spaces of spreadsheets), or 0.
std::size_t space_at(std::string_view t, std::size_t i) {
  const char c = t[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return 1;
  if (t.substr(i, 2) == "\xC2\xA0") return 2;                        // U+00A0 no-break space
  if (t.substr(i, 3) == "\xE2\x80\xAF" || t.substr(i, 3) == "\xE2\x80\x89" ||
      t.substr(i, 3) == "\xE2\x80\x87")                               // U+202F, U+2009, U+2007
    return 3;
  return 0;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes a currency mark at either end: "€", "EUR", "euro(s)".
std::string_view strip_currency(std::string_view t) {
  for (int pass = 0; pass < 2; ++pass) {
    t = trim_spaces(t);
    for (std::string_view mark : {"\xE2\x82\xAC", "euros", "euro", "eur", "EUROS", "EURO", "EUR", "Euros", "Euro", "Eur"}) {
      if (t.starts_with(mark)) t.remove_prefix(mark.size());
      else if (t.ends_with(mark)) t.remove_suffix(mark.size());
    }
  }
  return trim_spaces(t);
}

AmountReading invalid(std::string_view text, std::string why) {
  AmountReading r;
  r.status = AmountReading::Status::Invalid;
  r.reason = "montant illisible « " + std::string(text) + " »" + (why.empty() ? "" : " : " + why);
  return r;
}

}  // namespace

std::string_view trim_spaces(std::string_view t) {
  // Most cells start and end with a visible ASCII character.
  auto plain = [](char c) { return c > ' ' && static_cast<unsigned char>(c) < 0x80; };
  if (t.empty() || (plain(t.front()) && plain(t.back()))) return t;
  while (!t.empty()) {
    std::size_t n = space_at(t, 0);
    if (!n) break;
    t.remove_prefix(n);
  }
  for (;;) {
    bool cut = false;
    for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
      if (t.size() >= n && space_at(t, t.size() - n) == n) {
        t.remove_suffix(n);
        cut = true;
        break;
      }
    }
    if (!cut) break;
  }
  return t;
}

bool is_missing_marker(std::string_view text) {
  text = trim_spaces(text);
  if (text.empty()) return true;
  // Every mark begins with one of these; a cell that does not is read at once.
  const char c = text.front();
  if (c != 'n' && c != 'N' && c != 's' && c != 'S' && c != '-' && c != '?' && c != '/') return false;
  if (text == "-" || text == "?" || text == "/") return true;
  if (text.size() > 14) return false;
  const std::string key = folded_key(text);
  for (std::string_view marker : {"na", "nc", "nd", "nr", "neant", "sansobjet", "nonrenseigne", "nonconnu", "null", "none", "nan"})
    if (key == marker) return true;
  return false;
}

AmountReading read_amount(std::string_view text) {
  const std::string_view original = trim_spaces(text);
  if (is_missing_marker(original)) {
    AmountReading r;
    r.status = AmountReading::Status::Missing;
    r.reason = original.empty() ? "montant absent (cellule vide)" : "montant non donné (« " + std::string(original) + " »)";
    return r;
  }
  std::string_view t = strip_currency(original);
  bool negative = false;
  if (t.starts_with("-")) {
    negative = true;
    t.remove_prefix(1);
  } else if (t.starts_with("\xE2\x88\x92")) {  // U+2212 minus sign
    negative = true;
    t.remove_prefix(3);
  } else if (t.starts_with("+")) {
    t.remove_prefix(1);
  }
  t = trim_spaces(t);
  if (t.empty()) return invalid(original, "aucun chiffre");

  // Scientific notation, as spreadsheets write large numbers: 2.4E+04.
  const std::size_t e = t.find_first_of("eE");
  if (e != std::string_view::npos) {
    std::string plain(t);
    decimal::ParseError error;
    auto value = decimal::Decimal::parse(plain, &error);
    if (!value) return invalid(original, "");
    auto rounded = value->normalized();
    if (rounded.scale() > 2) return invalid(original, "plus de deux décimales");
    AmountReading r;
    r.status = AmountReading::Status::Ok;
    r.value = negative ? rounded.negated() : rounded;
    r.scientific = true;
    return r;
  }

  // Digits, marks and spaces only; spaces only between digits (thousands).
  std::string digits;  // digits and marks, spaces removed
  digits.reserve(t.size());
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (is_digit(c) || c == '.' || c == ',') {
      digits += c;
      ++i;
      continue;
    }
    if (std::size_t n = space_at(t, i)) {
      if (digits.empty() || !is_digit(digits.back()) || i + n >= t.size() || !is_digit(t[i + n]))
        return invalid(original, "espace mal placée");
      digits += ' ';  // a thousands separator, checked with the others below
      i += n;
      continue;
    }
    if (c == '\'' && !digits.empty() && is_digit(digits.back()) && i + 1 < t.size() && is_digit(t[i + 1])) {
      digits += ' ';  // 1'500: Swiss thousands
      ++i;
      continue;
    }
    return invalid(original, "");
  }
  // "." or "," alone: a mark and no digit is no amount, not 0,00 € (as "€" alone).
  if (digits.find_first_of("0123456789") == std::string::npos) return invalid(original, "aucun chiffre");
  const std::size_t last_dot = digits.rfind('.'), last_comma = digits.rfind(',');
  std::size_t decimal_at = std::string::npos;
  char thousands = 0;
  if (last_dot != std::string::npos && last_comma != std::string::npos) {
    decimal_at = std::max(last_dot, last_comma);
    thousands = decimal_at == last_dot ? ',' : '.';
    if (digits.find(digits[decimal_at]) != decimal_at) return invalid(original, "deux marques décimales");
  } else if (last_dot != std::string::npos || last_comma != std::string::npos) {
    const char mark = last_dot != std::string::npos ? '.' : ',';
    const std::size_t first = digits.find(mark), last = digits.rfind(mark);
    if (first != last) {
      thousands = mark;  // 1.500.000 or 1,500,000
    } else {
      const std::size_t after = digits.size() - last - 1;
      const std::string_view before = std::string_view(digits).substr(0, last);
      if (after == 3 && !before.empty() && before.size() <= 3 && before != "0" && before.find(' ') == std::string_view::npos) {
        AmountReading r;
        r.status = AmountReading::Status::Ambiguous;
        // Both readings, written the French way: 12 500 € or 12,50 €.
        const std::string fraction = digits.substr(last + 1);
        const auto as_thousands = decimal::Decimal::parse(std::string(before) + fraction);
        const auto as_decimal = decimal::Decimal::parse(std::string(before) + "." + fraction);
        r.reason = "montant ambigu « " + std::string(original) + " » : " +
                   (as_thousands ? as_thousands->to_french(0) : std::string(before) + fraction) +
                   " € (séparateur de milliers) ou " + (as_decimal ? as_decimal->to_french(2) : std::string()) +
                   " € (marque décimale) ?";
        return r;
      }
      decimal_at = last;
    }
  }
  // Thousands marks must separate groups of three digits.
  std::string normal;
  std::size_t group = 0;
  bool grouped = false;
  const std::size_t integer_end = decimal_at == std::string::npos ? digits.size() : decimal_at;
  if (digits.find(' ', integer_end) != std::string::npos) return invalid(original, "espace après la marque décimale");
  for (std::size_t i = 0; i < integer_end; ++i) {
    if (digits[i] == thousands || digits[i] == ' ') {
      if ((grouped && group != 3) || (!grouped && (group == 0 || group > 3))) return invalid(original, "séparateur de milliers mal placé");
      grouped = true;
      group = 0;
      continue;
    }
    if (!is_digit(digits[i])) return invalid(original, "");
    normal += digits[i];
    ++group;
  }
  if (grouped && group != 3) return invalid(original, "séparateur de milliers mal placé");
  if (normal.empty()) normal = "0";
  if (decimal_at != std::string::npos) {
    std::string fraction = digits.substr(decimal_at + 1);
    for (char c : fraction)
      if (!is_digit(c)) return invalid(original, "");
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (fraction.size() > 2) return invalid(original, "plus de deux décimales (au-delà du centime)");
    if (!fraction.empty()) normal += "." + fraction;
  }
  std::size_t zeros = 0;
  while (zeros + 1 < normal.size() && normal[zeros] == '0' && normal[zeros + 1] != '.') ++zeros;
  normal.erase(0, zeros);
  decimal::ParseError error;
  auto value = decimal::Decimal::parse(normal, &error);
  if (!value) return invalid(original, std::string(decimal::parse_error_french(error)));
  AmountReading r;
  r.status = AmountReading::Status::Ok;
  r.value = negative ? value->negated() : *value;
  return r;
}

}  // namespace subsidia::interop::scdl
