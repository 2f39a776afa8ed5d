#include "calendar/date.hpp"

#include <array>
#include <cstdio>

namespace subsidia::calendar {

namespace {
bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}
}  // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date(year, month, day);
}

std::optional<Date> Date::parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (int i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (t[i] < '0' || t[i] > '9') return std::nullopt;
      v[k] = v[k] * 10 + (t[i] - '0');
    }
  }
  return from_ymd(v[0], v[1], v[2]);
}

std::int32_t Date::days_since_epoch() const {
  // Howard Hinnant's days_from_civil
  int y = year_;
  const unsigned m = static_cast<unsigned>(month_), d = static_cast<unsigned>(day_);
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

std::string Date::iso() const {
  // By hand for the years dossiers hold: snprintf was a tenth of `check --format jsonl`
  // (every rule's period is printed for every dossier).
  if (year_ >= 0 && year_ <= 9999) {
    const int y = year_;
    const char text[10] = {char('0' + y / 1000),      char('0' + y / 100 % 10), char('0' + y / 10 % 10),
                           char('0' + y % 10),        '-',
                           char('0' + month_ / 10),   char('0' + month_ % 10),  '-',
                           char('0' + day_ / 10),     char('0' + day_ % 10)};
    return std::string(text, sizeof text);
  }
  char buffer[24];  // room for "-32768-12-31"
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", int(year_), int(month_), int(day_));
  return buffer;
}

std::string Date::french() const {
  static constexpr std::array<const char*, 12> months{"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                                      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  return (day_ == 1 ? std::string("1er") : std::to_string(day_)) + " " + months[month_ - 1] + " " + std::to_string(year_);
}

}  // namespace subsidia::calendar
