// A one-line progress meter on stderr ("12 800 dossiers, 41 000/s"), shown only when
// stderr is a terminal, redrawn at most four times a second and erased at the end, so
// that redirected output and logs never see it.
#pragma once

#include <chrono>
#include <cstddef>
#include <string_view>

#include "pipeline/pipeline.hpp"

namespace subsidia::cli {

class ProgressMeter final : public pipeline::ProgressObserver {
 public:
  // `enabled` false makes every call a no-op (use stderr_is_terminal()).
  ProgressMeter(bool enabled, std::string_view unit = "dossiers");
  ~ProgressMeter();  // finish()

  // `done` items so far (a running total, not an increment).
  void update(std::size_t done) override;
  // Erases the line; idempotent.
  void finish();

  static bool stderr_is_terminal();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::string_view unit_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace subsidia::cli
