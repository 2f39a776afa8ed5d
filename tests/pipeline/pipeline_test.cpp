// The ordered pipeline in process (label "threads", run under ThreadSanitizer by the tsan
// preset): input order kept with 2 and 4 workers, an early stop by the writer, and an
// exception thrown by a worker, each with thousands of entries so that the threads overlap.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>

#include "pipeline/pipeline.hpp"

namespace subsidia::pipeline {
namespace {

namespace fs = std::filesystem;

class Pipeline : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("subsidia-pipeline-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream out(dir_ / "lot.jsonl");
    for (int i = 0; i < kLines; ++i) out << "{\"id\": \"D-" << i << "\"}\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The worker gives back the line number it saw, and which thread saw it.
  struct Seen {
    std::size_t line = 0;
    std::thread::id thread;
  };
  static auto make_worker() {
    return [] {
      return [](InputEntry& entry) {
        const auto* item = std::get_if<io::InputItem>(&entry);
        return Seen{item ? item->line : 0, std::this_thread::get_id()};
      };
    };
  }

  static constexpr int kLines = 5000;
  fs::path dir_;
};

TEST_F(Pipeline, ManyWorkersGiveEveryEntryOnceInInputOrder) {
  for (unsigned threads : {2u, 4u}) {
    io::InputStream input({dir_ / "lot.jsonl"});
    std::vector<std::size_t> lines;
    std::set<std::thread::id> workers;
    const bool complete = run_ordered_pipeline<Seen>(input, threads, make_worker(), [&](Seen& s) {
      lines.push_back(s.line);
      workers.insert(s.thread);
      return true;
    });
    EXPECT_TRUE(complete);
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(kLines)) << threads << " threads";
    for (std::size_t i = 0; i < lines.size(); ++i) ASSERT_EQ(lines[i], i + 1) << threads << " threads";
    EXPECT_EQ(workers.count(std::this_thread::get_id()), 0u) << "the writer does not evaluate";
  }
}

TEST_F(Pipeline, WriterStoppingEarlyEndsEveryThread) {
  io::InputStream input({dir_ / "lot.jsonl"});
  std::size_t written = 0;
  const bool complete = run_ordered_pipeline<Seen>(input, 4, make_worker(), [&](Seen&) { return ++written < 100; });
  EXPECT_FALSE(complete);
  EXPECT_EQ(written, 100u);
}

TEST_F(Pipeline, ExceptionInAWorkerStopsTheRunAndIsRethrown) {
  io::InputStream input({dir_ / "lot.jsonl"});
  std::atomic<int> calls{0};
  auto make = [&] {
    return [&](InputEntry& entry) {
      ++calls;
      const auto* item = std::get_if<io::InputItem>(&entry);
      if (item && item->line == 3000) throw std::runtime_error("ligne 3000");
      return Seen{item ? item->line : 0, std::this_thread::get_id()};
    };
  };
  std::size_t written = 0;
  EXPECT_THROW(run_ordered_pipeline<Seen>(input, 4, make, [&](Seen&) { return ++written, true; }), std::runtime_error);
  EXPECT_LT(written, 3000u);
  EXPECT_LT(calls.load(), kLines) << "the run went on after the failure";
}

}  // namespace
}  // namespace subsidia::pipeline
