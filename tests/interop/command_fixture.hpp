// The subsidia binary as a user runs it, for the import and export command tests: its exit
// code, standard output and standard error, in a temporary folder of its own.
#pragma once

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace subsidia::interop::testing {

namespace fs = std::filesystem;

inline const fs::path kSourceDir = SUBSIDIA_TEST_SOURCE_DIR;
inline const fs::path kFiles = kSourceDir / "tests" / "interop" / "scdl" / "fichiers";
inline const fs::path kReal = kSourceDir / "tests" / "interop" / "scdl" / "reels";

struct CommandRun {
  int exit_code = -1;
  std::string out, err;
};

inline CommandRun run(const std::string& arguments, const fs::path& folder) {
  const fs::path out = folder / "stdout", err = folder / "stderr";
  std::string command = "'";
  command.append(SUBSIDIA_BINARY).append("' ").append(arguments);
  command.append(" > '").append(out.string()).append("' 2> '").append(err.string()).append("'");
  const int status = std::system(command.c_str());
  CommandRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream o(out), e(err);
  std::stringstream so, se;
  so << o.rdbuf();
  se << e.rdbuf();
  r.out = so.str();
  r.err = se.str();
  return r;
}

inline std::string quoted(const fs::path& p) {
  std::string q = "'";
  q.append(p.string()).append("'");
  return q;
}

class CommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/subsidia-interop-XXXXXX";
    folder_ = ::mkdtemp(pattern);
  }
  void TearDown() override { fs::remove_all(folder_); }
  fs::path folder_;
};

}  // namespace subsidia::interop::testing
