#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "decimal/decimal.hpp"

namespace subsidia::decimal {
namespace {

Decimal D(std::string_view text) {
  auto d = Decimal::parse(text);
  if (!d) ADD_FAILURE() << "cannot parse " << text;
  return d.value_or(Decimal{});
}

ParseError error_of(std::string_view text) {
  ParseError error = ParseError::Empty;
  EXPECT_FALSE(Decimal::parse(text, &error).has_value()) << text;
  return error;
}

// Trailing zeros that widen the common scale beyond 36 digits do not make a sum fail: it is
// retried on the normalized operands.
TEST(Decimal, ASumWidenedByTrailingZerosIsStillExact) {
  const Decimal a = *Decimal::parse("9999999999999999.99");
  const Decimal b = *Decimal::parse("5.97500000000000000000");
  const std::optional<Decimal> difference = subtract(a, b);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(*difference, *Decimal::parse("9999999999999994.015"));  // fits at the common scale
  const std::optional<Decimal> sum = add(a, b);
  ASSERT_TRUE(sum.has_value());
  EXPECT_EQ(sum->to_string(), "10000000000000005.965");  // 37 digits at scale 20: retried
}

// The 64-bit shortcuts of multiply, add, subtract and round against the general 128-bit
// path: the same value written with extra trailing zeros (5.5 as 5.50000000000000000000) has a
// coefficient beyond 64 bits and takes the general path; both must give equal values, and fail
// alike. Coefficients up to 18 digits, both signs, scales 0 to 8, and the 64-bit edges.
TEST(Decimal, SixtyFourBitShortcutsAgreeWithTheGeneralPath) {
  std::mt19937_64 random(20261201);
  const auto make = [&](std::int64_t coefficient, int scale) { return *Decimal::from_parts(coefficient, scale); };
  // The same value with a coefficient of at least 20 digits.
  const auto widened = [](const Decimal& d) {
    __int128 c = d.coefficient();
    int scale = d.scale();
    while (c != 0 && c > -(static_cast<__int128>(1) << 66) && c < (static_cast<__int128>(1) << 66)) {
      c *= 10;
      ++scale;
    }
    return *Decimal::from_parts(c, scale);
  };
  std::vector<Decimal> values = {make(INT64_MAX, 0), make(INT64_MIN, 0), make(INT64_MAX, 8), make(INT64_MIN, 3),
                                 make(999999999999999999, 2), make(-1, 8), make(0, 4), make(5, 3)};
  std::uniform_int_distribution<int> digits(1, 18), scale(0, 8), sign(0, 1);
  for (int n = 0; n < 400; ++n) {
    std::int64_t c = 0;
    const int count = digits(random);
    for (int k = 0; k < count; ++k) c = c * 10 + static_cast<std::int64_t>(random() % 10);
    values.push_back(make(sign(random) ? -c : c, scale(random)));
  }
  const auto same = [](const std::optional<Decimal>& x, const std::optional<Decimal>& y) {
    return x.has_value() == y.has_value() && (!x || *x == *y);
  };
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Decimal& a = values[i];
    const Decimal wide_a = widened(a);
    ASSERT_EQ(a, wide_a);
    ASSERT_TRUE(a.is_zero() || !(wide_a.coefficient() >= INT64_MIN && wide_a.coefficient() <= INT64_MAX));
    for (int d = 0; d <= a.scale(); ++d) {
      for (RoundingMode mode : {RoundingMode::HalfAwayFromZero, RoundingMode::HalfEven, RoundingMode::TowardZero,
                                RoundingMode::Up, RoundingMode::Down}) {
        ASSERT_TRUE(same(a.round(d, mode), wide_a.round(d, mode))) << a.to_string() << " to " << d;
      }
    }
    for (std::size_t j = i % 7; j < values.size(); j += 7) {
      const Decimal& b = values[j];
      ASSERT_TRUE(same(multiply(a, b), multiply(wide_a, b))) << a.to_string() << " × " << b.to_string();
      ASSERT_TRUE(same(add(a, b), add(wide_a, b))) << a.to_string() << " + " << b.to_string();
      ASSERT_TRUE(same(subtract(a, b), subtract(a, widened(b)))) << a.to_string() << " - " << b.to_string();
    }
  }
  // At the edges: -2^63 × -2^63 = 2^126 has 38 digits, beyond the 36 the type holds: refused,
  // not wrapped; (2^63 - 1) × 10^17 has 36 and is exact.
  EXPECT_FALSE(multiply(make(INT64_MIN, 0), make(INT64_MIN, 0)).has_value());
  const std::optional<Decimal> product = multiply(make(INT64_MAX, 0), make(100000000000000000, 0));
  ASSERT_TRUE(product.has_value());
  EXPECT_EQ(product->to_string(), "922337203685477580700000000000000000");
}

// Every count of significant digits the type holds (1 to 36, across the 19 gathered in 64
// bits and the rest in 128), with the point anywhere and leading zeros after it, reads back as
// written; 37 digits are refused.
TEST(Decimal, EveryCountOfDigitsReadsBackAsWritten) {
  std::mt19937 random(20261201);
  std::uniform_int_distribution<int> digit(0, 9), nonzero(1, 9), coin(0, 1);
  for (int digits = 1; digits <= 36; ++digits) {
    for (int trial = 0; trial < 200; ++trial) {
      std::string significant(1, static_cast<char>('0' + nonzero(random)));
      for (int k = 1; k < digits; ++k) significant += static_cast<char>('0' + digit(random));
      std::string text;
      if (coin(random) == 0) {
        // 0.000ddd: leading zeros after the point, at most 30 decimals in all.
        const int zeros = std::uniform_int_distribution<int>(0, std::max(0, 30 - digits))(random);
        if (digits > 30) continue;
        text = "0." + std::string(static_cast<std::size_t>(zeros), '0') + significant;
      } else {
        // ddd.ddd: the point after 1 to `digits` digits, at most 30 decimals.
        const int whole = std::uniform_int_distribution<int>(std::max(1, digits - 30), digits)(random);
        text = significant.substr(0, static_cast<std::size_t>(whole));
        if (whole < digits) text += "." + significant.substr(static_cast<std::size_t>(whole));
      }
      if (coin(random) == 0) text = "-" + text;
      const std::optional<Decimal> read = Decimal::parse(text);
      ASSERT_TRUE(read.has_value()) << text;
      EXPECT_EQ(read->to_string(), text);
    }
  }
  ParseError error{};
  EXPECT_FALSE(Decimal::parse(std::string(37, '7'), &error).has_value());
  EXPECT_EQ(error, ParseError::TooManyDigits);
  EXPECT_EQ(Decimal::parse("9999999999999999999")->to_string(), "9999999999999999999");    // 19 nines: 64 bits
  EXPECT_EQ(Decimal::parse("18446744073709551616")->to_string(), "18446744073709551616");  // 2^64: 128 bits
}

TEST(Decimal, TenthPlusTwoTenthsPlusSevenTenthsIsExactlyOne) {
  auto sum = add(*add(D("0.1"), D("0.2")), D("0.7"));
  ASSERT_TRUE(sum);
  EXPECT_EQ(*sum, Decimal::from_integer(1));
  EXPECT_EQ(sum->to_string(), "1.0");
}

TEST(Decimal, FourDigitThirdTimesThreeIsNotOne) {
  auto product = multiply(D("0.3333"), Decimal::from_integer(3));
  ASSERT_TRUE(product);
  EXPECT_NE(*product, Decimal::from_integer(1));
  EXPECT_EQ(product->to_string(), "0.9999");
}

TEST(Decimal, ShareOfAmountRoundsHalfAwayFromZeroOrHalfEven) {
  auto product = multiply(D("18050.00"), D("0.3333"));
  ASSERT_TRUE(product);
  EXPECT_EQ(*product, D("6016.065"));
  EXPECT_EQ(product->round(2, RoundingMode::HalfAwayFromZero)->to_string(), "6016.07");
  EXPECT_EQ(product->round(2, RoundingMode::HalfEven)->to_string(), "6016.06");
  EXPECT_EQ(product->round(2, RoundingMode::TowardZero)->to_string(), "6016.06");
  EXPECT_EQ(product->round(2, RoundingMode::Up)->to_string(), "6016.07");
  EXPECT_EQ(product->round(2, RoundingMode::Down)->to_string(), "6016.06");
}

TEST(Decimal, NegativeHalfCentRoundsAwayFromZero) {
  EXPECT_EQ(D("-0.005").round(2, RoundingMode::HalfAwayFromZero)->to_string(), "-0.01");
  EXPECT_EQ(D("-0.005").round(2, RoundingMode::Up)->to_string(), "0.00");
  EXPECT_EQ(D("-0.005").round(2, RoundingMode::Down)->to_string(), "-0.01");
  EXPECT_EQ(D("-0.005").round(2, RoundingMode::HalfEven)->to_string(), "0.00");
  EXPECT_EQ(D("6172.835").round(2, RoundingMode::HalfAwayFromZero)->to_string(), "6172.84");
}

TEST(Decimal, RoundNeverWidensTheScale) {
  EXPECT_EQ(D("1.5").round(4, RoundingMode::HalfEven)->to_string(), "1.5");
}

TEST(Decimal, SpreadsheetThirdsDoNotSumToOne) {
  auto sum = add(*add(D("0.33333333333333331"), D("0.33333333333333331")), D("0.33333333333333337"));
  ASSERT_TRUE(sum);
  EXPECT_EQ(sum->to_string(), "0.99999999999999999");
  EXPECT_NE(*sum, Decimal::from_integer(1));
  EXPECT_LT(*sum, Decimal::from_integer(1));
}

TEST(Decimal, SumOfAmountsEqualsHundredthOfBigAmount) {
  auto sum = add(D("6858204.61"), D("193355.40"));
  auto product = multiply(D("705156001.00"), D("0.01"));
  ASSERT_TRUE(sum && product);
  EXPECT_EQ(*sum, D("7051560.01"));
  EXPECT_EQ(*sum, *product);
}

TEST(Decimal, ParsesJsonNumbersWithExactExponents) {
  EXPECT_EQ(D("1e2"), Decimal::from_integer(100));
  EXPECT_EQ(D("1.5e-3").to_string(), "0.0015");
  EXPECT_EQ(D("-12.50").to_string(), "-12.50");
  EXPECT_EQ(D("0").to_string(), "0");
  EXPECT_EQ(D("0.1E+1"), Decimal::from_integer(1));
  EXPECT_EQ(D("123456789012345678901234567890123456").to_string(), "123456789012345678901234567890123456");
  EXPECT_EQ(D("0.000000000000000000000000000001").scale(), 30);
}

// Short plain numbers ("194260.00", "0.2") are read by a shortcut. The same text with "e0"
// appended has the same value and scale but must go the general way: both agree, error kind
// included, on every string of up to 20 characters drawn from digits, point and minus, and on
// the forms a dossier writes.
TEST(Decimal, ShortPlainNumbersReadAsByTheGeneralPath) {
  const auto agree = [](const std::string& text) {
    ParseError short_error = ParseError::Empty, general_error = ParseError::Empty;
    const std::optional<Decimal> short_way = Decimal::parse(text, &short_error);
    const std::optional<Decimal> general_way = Decimal::parse(text + "e0", &general_error);
    ASSERT_EQ(short_way.has_value(), general_way.has_value()) << text;
    if (!short_way) {
      EXPECT_EQ(short_error, general_error) << text;
      return;
    }
    EXPECT_EQ(short_way->coefficient(), general_way->coefficient()) << text;
    EXPECT_EQ(short_way->scale(), general_way->scale()) << text;
  };
  for (const char* text : {"0", "-0", "0.0", "-0.00", "0.05", "1", "-1", "194260.00", "0.2", "1942600.00",
                           "9999999999999999999", "-999999999999999999", "999999999999999999.9", "0.000000000000000001",
                           "18446744073709551615", "00", "01", "-01", "1.", ".5", "-", "-.5", "1.2.3", "1..2", "1-2"}) {
    agree(text);
  }
  std::mt19937 random(20261201);
  const std::string alphabet = "0123456789012345678901234567890123456789.-";
  std::uniform_int_distribution<std::size_t> length(1, 20), pick(0, alphabet.size() - 1);
  for (int n = 0; n < 50000; ++n) {
    std::string text;
    const std::size_t size = length(random);
    for (std::size_t i = 0; i < size; ++i) text += alphabet[pick(random)];
    agree(text);
  }
}

TEST(Decimal, RejectsEmptyText) { EXPECT_EQ(error_of(""), ParseError::Empty); }

TEST(Decimal, RejectsWhatJsonDoesNotAllow) {
  for (const char* bad : {"12,50", "+1", "1.", ".5", " 1", "1 ", "0x1", "01", "-", "1e", "1e+", "--1", "1.2.3", "abc", "-.5", "1_000"}) {
    EXPECT_EQ(error_of(bad), ParseError::Syntax) << bad;
  }
}

TEST(Decimal, RejectsFortyDigits) {
  EXPECT_EQ(error_of("1234567890123456789012345678901234567890"), ParseError::TooManyDigits);
  EXPECT_EQ(error_of("1234567890123456789012345678901234567"), ParseError::TooManyDigits);
}

TEST(Decimal, RejectsExponentBeyondRange) {
  EXPECT_EQ(error_of("1e400"), ParseError::ExponentTooLarge);
  EXPECT_EQ(error_of("1e-400"), ParseError::ExponentTooLarge);
  EXPECT_EQ(error_of("1e99999999999999999999"), ParseError::ExponentTooLarge);
  EXPECT_EQ(error_of("1e-31"), ParseError::ExponentTooLarge);
}

// Without an exponent, the cause is the decimals written (review 24: « exposant trop grand »).
TEST(Decimal, ThirtyOneDecimalsAreTooManyDecimalsNotAnExponent) {
  EXPECT_EQ(error_of("0.3333333333333333333333333333333"), ParseError::TooManyDecimals);
  EXPECT_TRUE(Decimal::parse("0.1000000000000000000000000000000").has_value());  // zeros dropped
}

TEST(Decimal, AdditionOverflowIsNullopt) {
  const Decimal big = D("999999999999999999999999999999999999");
  EXPECT_FALSE(add(big, Decimal::from_integer(1)).has_value());
  EXPECT_FALSE(subtract(big.negated(), Decimal::from_integer(1)).has_value());
  EXPECT_TRUE(add(big, Decimal::from_integer(0)).has_value());
}

TEST(Decimal, MultiplicationOverflowIsNullopt) {
  const Decimal big = D("100000000000000000000");
  EXPECT_FALSE(multiply(big, big).has_value());
}

TEST(Decimal, MultiplicationRefusesToRoundBeyondThirtyDecimals) {
  const Decimal tiny = D("0.000000000000000001");  // scale 18
  EXPECT_FALSE(multiply(tiny, tiny).has_value());
  // Trailing zeros are dropped first, so a scale that only looks too wide is fine.
  auto product = multiply(D("0.100000000000000000"), D("0.100000000000000000"));
  ASSERT_TRUE(product);
  EXPECT_EQ(*product, D("0.01"));
}

TEST(Decimal, DivisionRoundsWithTheRequestedMode) {
  EXPECT_EQ(divide(Decimal::from_integer(1), Decimal::from_integer(3), 4, RoundingMode::HalfAwayFromZero)->to_string(), "0.3333");
  EXPECT_EQ(divide(Decimal::from_integer(2), Decimal::from_integer(3), 2, RoundingMode::HalfAwayFromZero)->to_string(), "0.67");
  EXPECT_EQ(divide(Decimal::from_integer(-2), Decimal::from_integer(3), 2, RoundingMode::TowardZero)->to_string(), "-0.66");
  EXPECT_EQ(divide(D("6016.07"), D("18050.00"), 6, RoundingMode::HalfEven)->to_string(), "0.333300");
  EXPECT_EQ(divide(D("1.25"), Decimal::from_integer(1), 1, RoundingMode::HalfEven)->to_string(), "1.2");
  EXPECT_EQ(divide(D("5"), D("1000000"), 0, RoundingMode::Up)->to_string(), "1");
  EXPECT_FALSE(divide(Decimal::from_integer(1), Decimal::from_integer(0), 2, RoundingMode::HalfEven).has_value());
}

TEST(Decimal, ComparesValuesAcrossScales) {
  EXPECT_EQ(D("5000"), D("5000.00"));
  EXPECT_LT(D("4999.99"), D("5000"));
  EXPECT_GT(D("-0.5"), D("-0.51"));
  EXPECT_LT(D("-0.5"), D("0.5"));
  EXPECT_LT(D("0.000000000000000000000000000001"), D("100000000000000000000000000000000000"));
  EXPECT_GT(D("1.000000000000000000000000000001"), Decimal::from_integer(1));
}

// The comparison's fast paths (same scale; small coefficients with nearby scales) against
// the general method (integer parts, then fractions widened to kMaxScale), on values drawn
// around their edges: coefficients near 2^63 and near the 36-digit limit, every scale.
TEST(Decimal, ComparisonFastPathsAgreeWithTheGeneralMethod) {
  using i128 = __int128;
  auto pow10 = [](int n) {
    i128 p = 1;
    for (int i = 0; i < n; ++i) p *= 10;
    return p;
  };
  auto general = [&](const Decimal& a, const Decimal& b) {
    const i128 pa = pow10(a.scale()), pb = pow10(b.scale());
    const i128 ia = a.coefficient() / pa, ib = b.coefficient() / pb;
    if (ia != ib) return ia <=> ib;
    return (a.coefficient() % pa) * pow10(Decimal::kMaxScale - a.scale()) <=>
           (b.coefficient() % pb) * pow10(Decimal::kMaxScale - b.scale());
  };
  std::mt19937_64 random(20140709);
  const i128 edge63 = i128{1} << 63;
  const i128 max36 = pow10(36) - 1;
  std::vector<i128> pool = {0, 1, -1, 5, 500, edge63 - 1, edge63, edge63 + 1, -edge63 + 1, -edge63, max36, -max36};
  for (int i = 0; i < 200; ++i) {
    const i128 wide = (static_cast<i128>(random() % 1000000000000000000ull) * pow10(18) + static_cast<i128>(random() % 1000000000000000000ull)) % max36;
    pool.push_back((random() & 1) ? wide : -wide);
    const i128 small = static_cast<i128>(random() % 100000000000ull);
    pool.push_back((random() & 1) ? small : -small);
  }
  std::size_t compared = 0;
  for (int round = 0; round < 20000; ++round) {
    const i128 ca = pool[random() % pool.size()], cb = pool[random() % pool.size()];
    const int sa = static_cast<int>(random() % (Decimal::kMaxScale + 1));
    const int sb = (random() & 1) ? sa : static_cast<int>(random() % (Decimal::kMaxScale + 1));
    const auto a = Decimal::from_parts(ca, sa), b = Decimal::from_parts(cb, sb);
    if (!a || !b) continue;
    ASSERT_EQ((*a <=> *b), general(*a, *b)) << a->to_string() << " vs " << b->to_string();
    ++compared;
  }
  EXPECT_GT(compared, 15000u);
}

TEST(Decimal, NormalizedDropsTrailingZeros) {
  EXPECT_EQ(D("5000.00").normalized().to_string(), "5000");
  EXPECT_EQ(D("0.500").normalized().to_string(), "0.5");
  EXPECT_EQ(D("0.00").normalized().to_string(), "0");
}

TEST(Decimal, PrintsAsStored) {
  EXPECT_EQ(D("5000.00").to_string(), "5000.00");
  EXPECT_EQ(D("-0.5").to_string(), "-0.5");
  EXPECT_EQ(D("0.33333333333333331").to_string(), "0.33333333333333331");
}

TEST(Decimal, FixedPadsOrRounds) {
  EXPECT_EQ(D("5000").to_fixed(2), "5000.00");
  EXPECT_EQ(D("6016.065").to_fixed(2), "6016.07");
  EXPECT_EQ(D("-0.001").to_fixed(2), "0.00");
  EXPECT_EQ(D("12.5").to_fixed(0), "13");
}

TEST(Decimal, FrenchFormatUsesNarrowNoBreakSpaceAndComma) {
  EXPECT_EQ(D("46190000").to_french(2), "46\u202F190\u202F000,00");
  EXPECT_EQ(D("-1234.5").to_french(2), "-1\u202F234,50");
  EXPECT_EQ(D("999").to_french(0), "999");
  EXPECT_EQ(D("0.333").to_french(2), "0,33");
}

TEST(Decimal, IntegersConvertOnlyWhenWhole) {
  EXPECT_EQ(D("2014.00").to_int64(), 2014);
  EXPECT_FALSE(D("2014.5").to_int64().has_value());
  EXPECT_TRUE(D("3.000").is_integer());
}

TEST(Decimal, FrenchNamesForModesAndErrors) {
  EXPECT_NE(rounding_mode_french(RoundingMode::HalfAwayFromZero).find("plus proche"), std::string_view::npos);
  EXPECT_NE(parse_error_french(ParseError::Syntax).find("12.50"), std::string_view::npos);
}

}  // namespace
}  // namespace subsidia::decimal
