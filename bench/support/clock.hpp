// Wall and process CPU time for the timed passes, and the median the kit reports.
// Seconds are binary floating point here: they are timings, never amounts.
#pragma once

#include <algorithm>
#include <chrono>
#include <sys/resource.h>
#include <vector>

namespace subsidia::bench {

inline double wall_seconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

// User + system time of every thread of the process: cpu / wall is the number of cores kept busy.
inline double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

inline double median(std::vector<double> xs) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const std::size_t m = xs.size() / 2;
  return xs.size() % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

}  // namespace subsidia::bench
