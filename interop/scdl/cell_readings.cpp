#include "scdl/cell_readings.hpp"

#include <string>

#include "detect/folded_text.hpp"
#include "scdl/amount.hpp"

namespace subsidia::interop::scdl {

std::optional<bool> read_yes_no(std::string_view text) {
  const std::string key = folded_key(text);
  if (key == "oui" || key == "o" || key == "true" || key == "vrai" || key == "1" || key == "yes") return true;
  if (key == "non" || key == "n" || key == "false" || key == "faux" || key == "0" || key == "no") return false;
  return std::nullopt;
}

std::optional<int> read_year(std::string_view text) {
  text = trim_spaces(text);
  if (std::size_t dot = text.find('.'); dot != std::string_view::npos &&
                                        text.find_first_not_of('0', dot + 1) == std::string_view::npos)
    text = text.substr(0, dot);
  if (text.size() != 4) return std::nullopt;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    year = year * 10 + (c - '0');
  }
  return year;
}

ShareReading read_share(std::string_view raw) {
  std::string_view number = raw;
  bool percent_sign = false;
  if (!number.empty() && number.back() == '%') {
    percent_sign = true;
    // "45 %" as French spreadsheets write it: a no-break or narrow no-break space before the
    // sign, the spaces amounts accept too.
    number = trim_spaces(number.substr(0, number.size() - 1));
  }
  std::string plain;
  for (char c : number) {
    if (c == ',') plain += '.';
    else if (c != ' ') plain += c;
  }
  auto share = decimal::Decimal::parse(plain);
  static const decimal::Decimal hundred = decimal::Decimal::from_integer(100);
  // "45 %" says it is a percentage. A bare number is the schema's decimal share (0.45): 1.5 is
  // out of range, not 1.5 % (that would turn 10 000 € into 150 €), nor 150 %.
  if (share && percent_sign) {
    auto divided = divide(*share, hundred, 10, decimal::RoundingMode::HalfAwayFromZero);
    share = divided ? std::optional(divided->normalized()) : std::nullopt;
  }
  static const decimal::Decimal minimum = *decimal::Decimal::from_parts(1, 2);  // 0.01
  if (!share) return {};
  if (*share < minimum || *share > decimal::Decimal::from_integer(1)) return {ShareReading::Status::OutOfRange, *share};
  return {ShareReading::Status::Ok, share->normalized()};
}

}  // namespace subsidia::interop::scdl
