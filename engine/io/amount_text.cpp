#include "io/amount_text.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "decimal/decimal.hpp"
#include <vector>

namespace subsidia::io {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// Takes a currency sign or word off either end: "1 500 €", "€1500", "1500 EUR", "12 euros".
std::string_view strip_currency(std::string_view s) {
  s = trim(s);
  static constexpr std::string_view kEuro = "\xE2\x82\xAC";
  if (s.starts_with(kEuro)) s.remove_prefix(kEuro.size());
  if (s.ends_with(kEuro)) s.remove_suffix(kEuro.size());
  for (std::string_view word : {"euros", "euro", "eur"}) {
    if (ends_with_ci(s, word)) {
      s.remove_suffix(word.size());
      break;
    }
  }
  return trim(s);
}

// The text with every space a digit group may use (space, no-break space U+00A0, narrow
// no-break space U+202F, thin space U+2009) turned into one marker ' ', others kept.
std::string normalise_group_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ' ') {
      out += ' ';
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      out += ' ';
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF" || s.substr(i, 3) == "\xE2\x80\x89") {
      out += ' ';
      i += 3;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// "1 234 567": a first group of 1 to 3 digits, then groups of exactly 3 after `separator`.
bool grouped(std::string_view s, char separator, std::size_t min_separators) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || i > 3) return false;
  std::size_t separators = 0;
  while (i < s.size()) {
    if (s[i] != separator || i + 4 > s.size()) return false;
    if (!is_digit(s[i + 1]) || !is_digit(s[i + 2]) || !is_digit(s[i + 3])) return false;
    i += 4;
    ++separators;
  }
  return separators >= min_separators;
}

bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::string without(std::string_view s, char c) {
  std::string out;
  for (char x : s) {
    if (x != c) out += x;
  }
  return out;
}

std::size_t count(std::string_view s, char c) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), c)); }

// The one reading of `body` (no sign, no currency, group spaces as ' '), as plain digits
// with an optional '.', or nullopt with the reason in `why`.
std::optional<std::string> one_reading(const std::string& body, std::string& why) {
  const std::size_t commas = count(body, ','), dots = count(body, '.'), spaces = count(body, ' ');
  // Split at the decimal mark, when there is one we can be sure of.
  auto with_fraction = [&](std::string_view whole, char group, std::string_view fraction) -> std::optional<std::string> {
    if (!all_digits(fraction)) return std::nullopt;
    if (group != 0 && !grouped(whole, group, 1) && !all_digits(whole)) return std::nullopt;
    if (group == 0 && !all_digits(whole)) return std::nullopt;
    std::string out = group != 0 ? without(whole, group) : std::string(whole);
    return out + "." + std::string(fraction);
  };
  if (spaces > 0 && dots + commas <= 1) {
    // "1 500", "1 500,00", "1 500.00": spaces group thousands (French usage).
    const std::size_t mark = body.find_first_of(",.");
    const std::string_view whole = std::string_view(body).substr(0, mark);
    if (!grouped(whole, ' ', 1)) {
      why = "espaces mal placées : les chiffres se groupent par trois";
      return std::nullopt;
    }
    if (mark == std::string::npos) return without(whole, ' ');
    return with_fraction(whole, ' ', std::string_view(body).substr(mark + 1));
  }
  if (spaces > 0) {
    why = "espaces, points et virgules mêlés";
    return std::nullopt;
  }
  if (commas == 1 && dots == 0) {
    const std::size_t mark = body.find(',');
    const std::string_view whole = std::string_view(body).substr(0, mark);
    const std::string_view fraction = std::string_view(body).substr(mark + 1);
    if (fraction.size() == 3 && all_digits(whole) && whole.size() <= 3 && all_digits(fraction)) {
      why = "« " + body + " » est ambigu : virgule décimale (" + std::string(whole) + "," + std::string(fraction) +
            ") ou séparateur de milliers à l'anglaise (" + std::string(whole) + std::string(fraction) +
            ") ; écrire le montant avec un point décimal";
      return std::nullopt;
    }
    return with_fraction(whole, 0, fraction);  // "1500,5": the French decimal comma
  }
  if (commas >= 2 && dots == 0 && grouped(body, ',', 2)) return without(body, ',');  // "1,500,000"
  if (dots >= 2 && commas == 0 && grouped(body, '.', 2)) return without(body, '.');  // "1.500.000"
  if (dots >= 1 && commas == 1 && body.find(',') > body.rfind('.')) {
    // "1.500,00": dots group thousands, the comma is decimal (continental usage).
    const std::size_t mark = body.find(',');
    return with_fraction(std::string_view(body).substr(0, mark), '.', std::string_view(body).substr(mark + 1));
  }
  if (commas >= 1 && dots == 1 && body.find('.') > body.rfind(',')) {
    // "1,500.00": commas group thousands, the dot is decimal (English usage).
    const std::size_t mark = body.find('.');
    return with_fraction(std::string_view(body).substr(0, mark), ',', std::string_view(body).substr(mark + 1));
  }
  why = "forme inattendue";
  return std::nullopt;
}

}  // namespace

bool is_plain_decimal_text(std::string_view s, int max_decimals) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == digits) return false;
  if (i < s.size() && s[i] == '.') {
    const std::size_t fraction = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == fraction) return false;
    if (max_decimals >= 0 && i - fraction > static_cast<std::size_t>(max_decimals)) return false;
  }
  return i == s.size();
}

namespace {

// A share written as people write one: « 20 % », « 20% », « 1/5 ». The schema wants a fraction
// of 1 (0.2), and a fix is offered only when it is exact (1/3 has none).
std::optional<AmountAdvice> share_advice(std::string_view text) {
  std::string_view t = trim(text);
  const auto plain = [](std::string_view digits) {
    std::string out;
    for (char c : digits)
      if (c != ' ') out += c == ',' ? '.' : c;
    return decimal::Decimal::parse(out);
  };
  const auto exact_ratio = [](const decimal::Decimal& a, const decimal::Decimal& b) -> std::optional<decimal::Decimal> {
    if (b.is_zero()) return std::nullopt;
    auto q = divide(a, b, 12, decimal::RoundingMode::HalfAwayFromZero);
    if (!q) return std::nullopt;
    auto back = multiply(*q, b);
    if (!back || *back != a) return std::nullopt;
    return q->normalized();
  };
  AmountAdvice advice;
  if (t.ends_with("%")) {
    t = trim(t.substr(0, t.size() - 1));
    while (t.ends_with("\xC2\xA0") || t.ends_with("\xE2\x80\xAF")) t = trim(t.substr(0, t.size() - (t.ends_with("\xC2\xA0") ? 2 : 3)));
    const auto percent = plain(t);
    if (!percent) return std::nullopt;
    advice.reason = "une part s'écrit en fraction de 1, pas en pourcentage";
    if (auto share = exact_ratio(*percent, decimal::Decimal::from_integer(100))) advice.fix = share->to_string();
    return advice;
  }
  if (const std::size_t slash = t.find('/'); slash != std::string_view::npos) {
    const auto numerator = plain(trim(t.substr(0, slash))), denominator = plain(trim(t.substr(slash + 1)));
    if (!numerator || !denominator) return std::nullopt;
    advice.reason = "une part s'écrit en nombre décimal, pas en fraction";
    if (auto share = exact_ratio(*numerator, *denominator)) advice.fix = share->to_string();
    else advice.reason += " (celle-ci ne tombe pas juste : reprendre la part de la pièce justificative)";
    return advice;
  }
  return std::nullopt;
}

}  // namespace

AmountAdvice advise_amount_text(std::string_view text, int max_decimals) {
  if (max_decimals < 0) {
    if (std::optional<AmountAdvice> share = share_advice(text)) return *share;
  }
  AmountAdvice advice;
  std::string_view core = strip_currency(text);
  bool negative = false;
  if (!core.empty() && (core.front() == '-' || core.front() == '+')) {
    negative = core.front() == '-';
    core = trim(core.substr(1));
  }
  if (core.find_first_of("eE") != std::string_view::npos &&
      std::any_of(core.begin(), core.end(), is_digit)) {
    advice.reason = "notation scientifique (celle d'un tableur) : la valeur exacte est perdue, reprendre le "
                    "montant de la pièce justificative";
    return advice;
  }
  const std::string body = normalise_group_spaces(core);
  std::string why;
  std::optional<std::string> reading;
  if (is_plain_decimal_text(body)) {
    reading = body;
  } else {
    reading = one_reading(body, why);
  }
  if (!reading) {
    advice.reason = why.empty() ? "forme inattendue" : why;
    return advice;
  }
  // "25.000" for a money amount: a decimal point with a third decimal, or the dot that groups
  // thousands in continental usage (25 000 €)? As for "1,500", no fix is offered for a reading
  // that could be off by a factor of a thousand.
  if (max_decimals >= 0 && *reading == body) {
    const std::size_t dot = body.find('.');
    const std::size_t whole = dot == std::string::npos ? 0 : dot;
    if (dot != std::string::npos && body.size() - dot - 1 == 3 && whole >= 1 && whole <= 3 &&
        static_cast<std::size_t>(max_decimals) < 3 && !(whole == 1 && body[0] == '0')) {
      advice.reason = "« " + body + " » est ambigu : point décimal (" + body.substr(0, dot) + "," + body.substr(dot + 1) +
                      ") ou séparateur de milliers (" + body.substr(0, dot) + body.substr(dot + 1) +
                      ") ; donner le montant sans séparateur de milliers, avec au plus deux décimales";
      return advice;
    }
  }
  std::string fixed = (negative ? "-" : "") + *reading;
  // Too many decimals: fixable only when the extra ones are zeros ("2500.000" is 2500.00).
  if (max_decimals >= 0 && !is_plain_decimal_text(fixed, max_decimals)) {
    const std::size_t dot = fixed.find('.');
    std::size_t keep = fixed.size();
    while (keep > dot + 1 + static_cast<std::size_t>(max_decimals) && fixed[keep - 1] == '0') --keep;
    if (keep > dot + 1 + static_cast<std::size_t>(max_decimals)) {
      advice.reason = "un montant a au plus deux décimales (centimes)";
      return advice;
    }
    fixed.resize(keep);
    if (fixed.back() == '.') fixed.pop_back();
  }
  if (!is_plain_decimal_text(fixed, max_decimals)) {
    advice.reason = "forme inattendue";
    return advice;
  }
  if (fixed == text) return advice;  // nothing to fix: not this function's case
  advice.fix = std::move(fixed);
  advice.reason = "un nombre s'écrit en chiffres, avec un point décimal, sans espace ni symbole monétaire";
  return advice;
}

}  // namespace subsidia::io
