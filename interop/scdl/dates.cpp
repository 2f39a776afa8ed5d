#include "scdl/dates.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "scdl/amount.hpp"

namespace subsidia::interop::scdl {

namespace {

bool all_digits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view t) {
  int n = 0;
  for (char c : t) n = n * 10 + (c - '0');
  return n;
}

// Splits "13/04/2017" on one separator kind; empty when the text mixes others.
std::vector<std::string_view> parts(std::string_view t) {
  std::vector<std::string_view> out;
  char separator = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '/' || c == '-' || c == '.') {
      if (separator && c != separator) return {};
      separator = c;
      out.push_back(t.substr(start, i - start));
      start = i + 1;
    }
  }
  out.push_back(t.substr(start));
  return out;
}

// Civil date from a count of days since 1970-01-01 (H. Hinnant's algorithm).
std::optional<calendar::Date> from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  return calendar::Date::from_ymd(static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d));
}

DateReading ok(calendar::Date date, std::string guess = {}) {
  DateReading r;
  r.status = DateReading::Status::Ok;
  r.date = date;
  r.year = date.year();
  r.guess = std::move(guess);
  return r;
}

DateReading invalid(std::string_view text, std::string why) {
  DateReading r;
  r.status = DateReading::Status::Invalid;
  r.reason = "date illisible « " + std::string(text) + " »" + (why.empty() ? "" : " : " + why);
  return r;
}

bool plausible_year(int y) { return y >= 1900 && y <= 2100; }

// Why year-month-day is no date: the month first (2017-13-01 has no 13th month, whatever its
// day), then the day of that month (30 February).
std::string why_not_a_date(int year, int month, int day) {
  static constexpr const char* kMonths[] = {"janvier", "février", "mars",      "avril",   "mai",      "juin",
                                            "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  if (year < 1) return "année " + std::to_string(year) + " inexistante";
  if (month < 1 || month > 12) return "mois " + std::to_string(month) + " inexistant";
  const std::string day_text = day == 1 ? "1er" : std::to_string(day);
  return "le " + day_text + " " + kMonths[month - 1] + " " + std::to_string(year) + " n'existe pas";
}

}  // namespace

DateReading read_date(std::string_view text) {
  const std::string_view original = trim_spaces(text);
  if (is_missing_marker(original)) return {};
  std::string_view t = original;
  // A time after the date: "2017-04-13T00:00:00", "13/04/2017 00:00", "2017-04-13 00:00:00+02".
  if (std::size_t cut = t.find_first_of("T "); cut != std::string_view::npos && cut >= 8) {
    const std::string_view time = trim_spaces(t.substr(cut + 1));
    if (!time.empty() && time.find_first_not_of("0123456789:.,+-Z") == std::string_view::npos && time[0] >= '0' &&
        time[0] <= '9')
      t = t.substr(0, cut);
  }

  // A year out of 1900-2100 is a typo ("13/04/0217"), in every form: read as it stands, it went
  // into both exports.
  auto implausible = [&](std::string_view year) {
    return invalid(original, "année " + std::string(year) + " hors de 1900-2100 (faute de frappe ?)");
  };
  if (all_digits(t)) {
    if (t.size() == 4) {
      if (!plausible_year(number(t))) return implausible(t);
      DateReading r;
      r.status = DateReading::Status::YearOnly;
      r.year = number(t);
      return r;
    }
    if (t.size() == 8) {
      auto date = calendar::Date::from_ymd(number(t.substr(0, 4)), number(t.substr(4, 2)), number(t.substr(6, 2)));
      if (date) return plausible_year(date->year()) ? ok(*date) : implausible(t.substr(0, 4));
    }
    if (t.size() == 5) {
      // Spreadsheet serial: day 25569 is 1970-01-01.
      const int serial = number(t);
      if (serial >= 29221 && serial <= 73050) {
        if (auto date = from_days(serial - 25569))
          return ok(*date, "nombre de jours de tableur " + std::string(t) + " lu comme le " + date->iso());
      }
    }
    return invalid(original, "");
  }

  const std::vector<std::string_view> p = parts(t);
  if (p.size() != 3) return invalid(original, "");
  for (std::string_view part : p)
    if (!all_digits(part) || part.size() > 4) return invalid(original, "");
  if (p[0].size() == 4) {  // yyyy-mm-dd, yyyy/mm/dd
    auto date = calendar::Date::from_ymd(number(p[0]), number(p[1]), number(p[2]));
    if (!date) return invalid(original, why_not_a_date(number(p[0]), number(p[1]), number(p[2])));
    if (!plausible_year(date->year())) return implausible(p[0]);
    return ok(*date);
  }
  if (p[2].size() != 4) return invalid(original, "année à deux chiffres");
  const int year = number(p[2]);
  if (!plausible_year(year)) return implausible(p[2]);
  if (auto date = calendar::Date::from_ymd(year, number(p[1]), number(p[0]))) return ok(*date);
  if (auto date = calendar::Date::from_ymd(year, number(p[0]), number(p[1])))
    return ok(*date, "« " + std::string(original) + " » lu mois/jour/année (le jour/mois/année n'existe pas)");
  // Neither day/month nor month/day: said as the usual day/month reading.
  return invalid(original, why_not_a_date(year, number(p[1]), number(p[0])));
}

std::optional<std::string> read_period(std::string_view text) {
  const std::string_view t = trim_spaces(text);
  if (is_missing_marker(t)) return std::nullopt;
  auto one = [](std::string_view s) -> std::optional<calendar::Date> {
    DateReading r = read_date(s);
    return r.status == DateReading::Status::Ok ? r.date : std::nullopt;
  };
  // The SCDL form itself, AAAA-MM-JJ/AAAA-MM-JJ (or with '_'), read at once.
  if (t.size() == 21 && (t[10] == '/' || t[10] == '_') && t[4] == '-' && t[15] == '-') {
    auto from = one(t.substr(0, 10)), to = one(t.substr(11));
    if (from && to) return from->iso() + "/" + to->iso();
  }
  if (auto single = one(t)) return single->iso();
  // A year alone (« 2019 », as Loire-Atlantique publishes it): paid within that calendar year,
  // written as the whole year in the SCDL form. It was « illisible », and the row's exercice then
  // fell back to the decision's year (review of real files, 3 December 2026).
  if (const DateReading r = read_date(t); r.status == DateReading::Status::YearOnly) {
    const std::string year = std::to_string(r.year);
    return year + "-01-01/" + year + "-12-31";
  }
  for (std::string_view separator : {"_", " au ", " - ", "/"}) {
    for (std::size_t at = t.find(separator); at != std::string_view::npos; at = t.find(separator, at + 1)) {
      auto from = one(t.substr(0, at)), to = one(t.substr(at + separator.size()));
      if (from && to) return from->iso() + "/" + to->iso();
    }
  }
  if (const std::vector<calendar::Date> dates = read_date_list(t); !dates.empty())
    return dates.front().iso() + "/" + dates.back().iso();
  return std::nullopt;
}

std::vector<calendar::Date> read_date_list(std::string_view text) {
  // Cut at line breaks, ';', ',', '|' and « et »; every piece must be a whole date.
  std::vector<calendar::Date> dates;
  std::string_view rest = trim_spaces(text);
  while (!rest.empty()) {
    std::size_t cut = rest.find_first_of("\n\r;,|");
    std::size_t skip = 1;
    if (const std::size_t et = rest.find(" et "); et != std::string_view::npos && et < cut) {
      cut = et;
      skip = 4;
    }
    const std::string_view piece = trim_spaces(rest.substr(0, cut));
    rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + skip);
    if (piece.empty()) continue;
    const DateReading r = read_date(piece);
    if (r.status != DateReading::Status::Ok || !r.guess.empty()) return {};
    dates.push_back(*r.date);
  }
  if (dates.size() < 2) return {};
  std::sort(dates.begin(), dates.end());
  return dates;
}

}  // namespace subsidia::interop::scdl
