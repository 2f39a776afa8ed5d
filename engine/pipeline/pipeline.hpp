// The ordered parallel pipeline behind `subsidia check` (and reusable by `jaune`):
//
//   reader thread ──batches of 64 inputs──▶ N workers ──▶ writer (the calling thread)
//
// Output order is input order: batches carry a sequence number and the writer consumes
// them strictly in sequence. Memory stays flat on millions of dossiers: the reader may run
// at most 2 × threads + 2 batches ahead of the writer, whatever the speeds.
//
// API:
//   io::InputStream input(paths);
//   bool complete = run_ordered_pipeline<Out>(input, threads,
//       /*make_worker*/ [&] { return [reader = io::DossierReader(schema)](InputEntry& e) mutable -> Out {...}; },
//       /*consume*/     [&](Out& out) -> bool { return sink.write(out.text); },
//       &progress);
// make_worker() is called once per worker thread (per-thread state lives in the callable);
// the worker callable runs on that thread only. consume() runs on the calling thread, in
// input order; returning false stops the run early (the function then returns false).
// An exception thrown by a worker or the input stream stops the run and is rethrown here.
// threads == 1 runs everything on the calling thread, with no thread at all.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <variant>
#include <vector>

#include "io/inputs.hpp"

namespace subsidia::pipeline {

// One thing pulled from the inputs: a dossier text, or an input that could not be read.
using InputEntry = std::variant<io::InputItem, io::InputError>;

inline constexpr std::size_t kPipelineBatchSize = 64;

// Told how many outputs were consumed so far (a running total), on the calling thread.
// The command line draws a meter with it; a library caller may count or ignore.
class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  virtual void update(std::size_t done) = 0;
};

// -j 0 means one worker per hardware thread.
unsigned resolve_thread_count(unsigned requested);

namespace detail {
// Pulls the next entry; false at the end.
bool next_entry(io::InputStream& input, InputEntry& entry);
}  // namespace detail

template <class Output, class MakeWorker, class Consume>
bool run_ordered_pipeline(io::InputStream& input, unsigned threads, MakeWorker make_worker, Consume consume,
                          ProgressObserver* progress = nullptr) {
  std::size_t consumed = 0;
  if (threads <= 1) {
    auto worker = make_worker();
    InputEntry entry;
    while (detail::next_entry(input, entry)) {
      Output out = worker(entry);
      if (!consume(out)) return false;
      ++consumed;
      if (progress) progress->update(consumed);
    }
    return true;
  }

  using Batch = std::vector<InputEntry>;
  using Done = std::vector<Output>;
  // Enough for every worker to hold a batch and one more queued each, while the writer waits
  // on a slow one; the bound (not the input size) sets the memory.
  const std::size_t max_in_flight = std::size_t{threads} * 2 + 2;

  std::mutex mutex;
  std::condition_variable work_ready, done_ready, space_ready;
  std::map<std::size_t, Batch> work;   // by sequence; taken in order by the workers
  std::map<std::size_t, Done> done;    // by sequence; taken in order by the writer
  std::size_t issued = 0;              // batches handed out by the reader
  std::size_t next_to_write = 0;
  bool input_done = false;
  bool stop = false;
  std::exception_ptr failure;

  auto fail = [&](std::exception_ptr e) {
    std::lock_guard lock(mutex);
    if (!failure) failure = e;
    stop = true;
    work_ready.notify_all();
    done_ready.notify_all();
    space_ready.notify_all();
  };

  std::thread reader([&] {
    try {
      for (;;) {
        Batch batch;
        batch.reserve(kPipelineBatchSize);
        InputEntry entry;
        bool more = true;
        while (batch.size() < kPipelineBatchSize && (more = detail::next_entry(input, entry))) {
          batch.push_back(std::move(entry));
          entry = InputEntry{};
        }
        std::unique_lock lock(mutex);
        if (!batch.empty()) {
          space_ready.wait(lock, [&] { return stop || issued - next_to_write < max_in_flight; });
          if (stop) return;
          work.emplace(issued++, std::move(batch));
          work_ready.notify_one();
        }
        if (!more) {
          input_done = true;
          work_ready.notify_all();
          done_ready.notify_all();
          return;
        }
      }
    } catch (...) {
      fail(std::current_exception());
    }
  });

  std::vector<std::thread> workers;
  workers.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      try {
        auto worker = make_worker();
        for (;;) {
          std::unique_lock lock(mutex);
          work_ready.wait(lock, [&] { return stop || !work.empty() || input_done; });
          if (stop || work.empty()) return;  // stopped, or input done and nothing left
          auto node = work.extract(work.begin());
          lock.unlock();
          Done outputs;
          outputs.reserve(node.mapped().size());
          for (InputEntry& entry : node.mapped()) outputs.push_back(worker(entry));
          lock.lock();
          done.emplace(node.key(), std::move(outputs));
          done_ready.notify_one();
        }
      } catch (...) {
        fail(std::current_exception());
      }
    });
  }

  bool complete = true;
  {
    std::unique_lock lock(mutex);
    for (;;) {
      done_ready.wait(lock, [&] {
        return stop || done.count(next_to_write) > 0 || (input_done && next_to_write == issued);
      });
      if (stop) break;
      auto found = done.find(next_to_write);
      if (found == done.end()) break;  // input done and every batch written
      Done outputs = std::move(found->second);
      done.erase(found);
      ++next_to_write;
      space_ready.notify_one();
      lock.unlock();
      bool keep_going = true;
      for (Output& out : outputs) {
        if (!consume(out)) {
          keep_going = false;
          break;
        }
        ++consumed;
      }
      if (progress) progress->update(consumed);
      lock.lock();
      if (!keep_going) {
        complete = false;
        stop = true;
        work_ready.notify_all();
        space_ready.notify_all();
        break;
      }
    }
  }
  reader.join();
  for (std::thread& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
  return complete;
}

}  // namespace subsidia::pipeline
