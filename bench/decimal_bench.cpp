// subsidia-bench-decimal: our exact 128-bit decimal against Boost.Multiprecision on the
// operations a co-financing check does: read amounts and shares from their text, sum the
// shares, multiply the total by a share and round to the cent half away from zero.
//
// Why this benchmark exists: the brief allowed Boost.Multiprecision or an exact fixed point
// of our own, "benchmarked". The two Boost candidates are cpp_dec_float_50 (a decimal float
// of 50 digits: exact for our magnitudes, but a float, so exactness is a property of the
// data, not of the type) and cpp_int scaled by 10^k (exact, like ours, but heap-free only up
// to its inline limb count). Each benchmark checks its own result, so a fast wrong answer
// fails loudly.
#include <benchmark/benchmark.h>

#include <boost/multiprecision/cpp_dec_float.hpp>
#include <boost/multiprecision/cpp_int.hpp>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "decimal/decimal.hpp"

namespace {

using subsidia::decimal::Decimal;
using subsidia::decimal::RoundingMode;
namespace mp = boost::multiprecision;

// A realistic co-financing plan: total, shares as written in dossiers.
const std::string kTotal = "18050.00";
const std::vector<std::string> kShares = {"0.1667", "0.1667", "0.1666", "0.1667", "0.1666", "0.1667"};

void fail(const char* what) {
  std::cerr << "wrong result: " << what << "\n";
  std::abort();
}

// ---- Subsidia Decimal ------------------------------------------------------------------
void BM_Subsidia_ParseSumMultiplyRound(benchmark::State& state) {
  for (auto _ : state) {
    const Decimal total = *Decimal::parse(kTotal);
    Decimal sum;
    Decimal first_line;
    for (std::size_t i = 0; i < kShares.size(); ++i) {
      const Decimal share = *Decimal::parse(kShares[i]);
      sum = *add(sum, share);
      if (i == 0) first_line = *multiply(total, share)->round(2, RoundingMode::HalfAwayFromZero);
    }
    if (sum != Decimal::from_integer(1)) fail("subsidia sum");
    if (first_line.to_string() != "3008.94") fail("subsidia line");  // 18050 x 0.1667 = 3008.935
    benchmark::DoNotOptimize(first_line);
  }
}
BENCHMARK(BM_Subsidia_ParseSumMultiplyRound);

// ---- Boost cpp_dec_float_50 ----------------------------------------------------------------
void BM_BoostDecFloat_ParseSumMultiplyRound(benchmark::State& state) {
  using D = mp::cpp_dec_float_50;
  const D one = 1, hundred = 100, half = D("0.5");
  for (auto _ : state) {
    const D total(kTotal);
    D sum = 0;
    D first_line;
    for (std::size_t i = 0; i < kShares.size(); ++i) {
      const D share(kShares[i]);
      sum += share;
      if (i == 0) {
        const D cents = total * share * hundred;  // half away from zero, by hand
        const D rounded = cents >= 0 ? D(floor(cents + half)) : D(ceil(cents - half));
        first_line = rounded / hundred;
      }
    }
    if (sum != one) fail("boost dec float sum");
    if (first_line != D("3008.94")) fail("boost dec float line");
    benchmark::DoNotOptimize(first_line);
  }
}
BENCHMARK(BM_BoostDecFloat_ParseSumMultiplyRound);

// ---- Boost cpp_int, fixed point at 10^-18 --------------------------------------------------
mp::cpp_int parse_fixed(const std::string& text, int scale) {
  const auto dot = text.find('.');
  std::string digits = text;
  int fraction = 0;
  if (dot != std::string::npos) {
    digits = text.substr(0, dot) + text.substr(dot + 1);
    fraction = static_cast<int>(text.size() - dot - 1);
  }
  // cpp_int reads a leading 0 as octal: strip it
  const auto first = digits.find_first_not_of('0');
  mp::cpp_int value(first == std::string::npos ? std::string("0") : digits.substr(first));
  for (int i = fraction; i < scale; ++i) value *= 10;
  return value;
}

void BM_BoostCppInt_ParseSumMultiplyRound(benchmark::State& state) {
  constexpr int kScale = 18;
  const mp::cpp_int unit = mp::pow(mp::cpp_int(10), kScale);
  const mp::cpp_int to_cents = mp::pow(mp::cpp_int(10), 2 * kScale - 2);
  for (auto _ : state) {
    const mp::cpp_int total = parse_fixed(kTotal, kScale);
    mp::cpp_int sum = 0;
    mp::cpp_int first_line_cents;
    for (std::size_t i = 0; i < kShares.size(); ++i) {
      const mp::cpp_int share = parse_fixed(kShares[i], kScale);
      sum += share;
      if (i == 0) {
        const mp::cpp_int product = total * share;  // scale 36
        first_line_cents = (product + to_cents / 2) / to_cents;  // positive: half up = away from zero
      }
    }
    if (sum != unit) fail("boost cpp_int sum");
    if (first_line_cents != 300894) fail("boost cpp_int line");
    benchmark::DoNotOptimize(first_line_cents);
  }
}
BENCHMARK(BM_BoostCppInt_ParseSumMultiplyRound);

}  // namespace

BENCHMARK_MAIN();
