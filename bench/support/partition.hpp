// Runs `work(thread_index, begin, end)` over [0, count) cut into `threads` contiguous
// slices, one std::thread each (the calling thread does the first slice). Contiguous
// slices keep each thread's results in file order without any merging step.
#pragma once

#include <cstddef>
#include <thread>
#include <vector>

namespace subsidia::bench {

template <class Work>
void run_partitioned(unsigned threads, std::size_t count, Work&& work) {
  if (threads <= 1) {
    work(0u, std::size_t{0}, count);
    return;
  }
  const std::size_t per = (count + threads - 1) / threads;
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) {
    const std::size_t begin = std::min(count, per * t);
    const std::size_t end = std::min(count, begin + per);
    pool.emplace_back([&work, t, begin, end] { work(t, begin, end); });
  }
  work(0u, std::size_t{0}, std::min(count, per));
  for (std::thread& th : pool) th.join();
}

}  // namespace subsidia::bench
