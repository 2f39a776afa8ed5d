// Calendar dates (proleptic Gregorian, no time, no zone), as rule bases and dossiers use them.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace subsidia::calendar {

class Date {
 public:
  constexpr Date() = default;
  // std::nullopt when the day does not exist (2014-02-30, month 13, ...).
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Exactly "YYYY-MM-DD".
  static std::optional<Date> parse(std::string_view text);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  std::int32_t days_since_epoch() const;  // 1970-01-01 is 0

  friend auto operator<=>(const Date&, const Date&) = default;

  std::string iso() const;     // "2006-07-06"
  std::string french() const;  // "6 juillet 2006", "1er février 1992"

 private:
  constexpr Date(int y, int m, int d) : year_(static_cast<std::int16_t>(y)), month_(static_cast<std::int8_t>(m)), day_(static_cast<std::int8_t>(d)) {}
  std::int16_t year_ = 1970;
  std::int8_t month_ = 1;
  std::int8_t day_ = 1;
};

}  // namespace subsidia::calendar
