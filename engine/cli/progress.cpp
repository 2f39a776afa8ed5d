#include "cli/progress.hpp"

#include <cstdio>
#include <string>
#include <unistd.h>

namespace subsidia::cli {

namespace {

constexpr auto kRedrawEvery = std::chrono::milliseconds(250);

// "1234567" -> "1 234 567" (French digit grouping, ASCII space for terminals).
std::string grouped(std::size_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

}  // namespace

ProgressMeter::ProgressMeter(bool enabled, std::string_view unit)
    : enabled_(enabled), unit_(unit), start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

ProgressMeter::~ProgressMeter() { finish(); }

bool ProgressMeter::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void ProgressMeter::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
  const std::size_t rate = elapsed_ms > 0 ? done * 1000 / static_cast<std::size_t>(elapsed_ms) : 0;
  std::string line = "\r\033[K" + grouped(done) + " " + std::string(unit_) + ", " + grouped(rate) + "/s";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressMeter::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace subsidia::cli
