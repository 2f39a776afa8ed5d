// Runs a program as a child process with its stdout and stderr captured (through files,
// so that a large output never blocks on a full pipe) and returns its exit code.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace subsidia::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit normally (signal)
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& scratch);

}  // namespace subsidia::testing
