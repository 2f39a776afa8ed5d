#include "diff/base_source.hpp"

#include <cstdio>
#include <cstdlib>
#include <random>
#include <sys/wait.h>

namespace subsidia::workbench {

namespace fs = std::filesystem;

MaterialisedBase::MaterialisedBase(MaterialisedBase&& other) noexcept
    : rules(std::move(other.rules)), label(std::move(other.label)), temporary_(std::move(other.temporary_)) {
  other.temporary_.clear();
}

MaterialisedBase& MaterialisedBase::operator=(MaterialisedBase&& other) noexcept {
  if (this != &other) {
    std::error_code ec;
    if (!temporary_.empty()) fs::remove_all(temporary_, ec);
    rules = std::move(other.rules);
    label = std::move(other.label);
    temporary_ = std::move(other.temporary_);
    other.temporary_.clear();
  }
  return *this;
}

MaterialisedBase::~MaterialisedBase() {
  std::error_code ec;
  if (!temporary_.empty()) fs::remove_all(temporary_, ec);
}

std::string MaterialisedBase::shown(std::string message) const {
  if (temporary_.empty()) return message;
  const std::string from = temporary_.string() + "/";
  const std::string to = label.substr(4) + ":";
  for (std::size_t at = message.find(from); at != std::string::npos; at = message.find(from, at + to.size()))
    message.replace(at, from.size(), to);
  return message;
}

namespace {

// The revision goes into a shell command: only what git revision syntax needs is let through
// (no quote, space, `;`, `$` or backquote), so a revision can never run anything else.
bool safe_revision(std::string_view rev) {
  if (rev.empty() || rev.front() == '-') return false;
  for (char c : rev) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-' || c == '/' || c == '~' || c == '^' || c == '@' || c == '{' || c == '}' ||
                    c == ':';
    if (!ok) return false;
  }
  return true;
}

std::string quoted(const fs::path& path) {
  std::string out = "'";
  for (char c : path.string()) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Runs a shell command, its stderr captured into `output`; returns its exit status.
int run_shell(const std::string& command, std::string& output) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return -1;
  char buffer[512];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  const int status = ::pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

struct BaseMaterialiser {
  static BaseOrError from_git(std::string_view spec, std::string_view rev, const fs::path& repository) {
    BaseOrError out;
    if (!safe_revision(rev)) {
      out.error = "révision git invalide : « " + std::string(rev) + " »";
      return out;
    }
    std::string output;
    if (run_shell("git -C " + quoted(repository) + " rev-parse --verify --quiet " + std::string(rev) + "^{commit} >/dev/null",
                  output) != 0) {
      out.error = "révision git inconnue : « " + std::string(rev) + " » (dans " + repository.string() + ")";
      return out;
    }
    std::random_device random;
    const fs::path temporary = fs::temp_directory_path() / ("subsidia-diff-" + std::to_string(random()) + std::to_string(random()));
    std::error_code ec;
    fs::create_directories(temporary, ec);
    if (ec) {
      out.error = "dossier temporaire impossible à créer : " + temporary.string();
      return out;
    }
    MaterialisedBase base;
    base.temporary_ = temporary;
    base.label = std::string(spec);
    base.rules = temporary / "rules";
    // rules/ as the revision has it, relative to the repository's top (git archive names
    // paths from there whatever the current folder).
    output.clear();
    const int status = run_shell("cd " + quoted(repository) + " && cd \"$(git rev-parse --show-toplevel)\" && git archive --format=tar " +
                                     std::string(rev) + " rules | tar -x -C " + quoted(temporary),
                                 output);
    if (status != 0 || !fs::is_directory(base.rules, ec)) {
      out.error = "impossible d'extraire rules/ de la révision « " + std::string(rev) + " »" +
                  (output.empty() ? std::string() : " : " + output);
      while (!out.error.empty() && out.error.back() == '\n') out.error.pop_back();
      return out;
    }
    out.base = std::move(base);
    return out;
  }
};

BaseOrError materialise_base(std::string_view spec, const fs::path& repository) {
  if (spec.substr(0, 4) == "git:") return BaseMaterialiser::from_git(spec, spec.substr(4), repository);
  BaseOrError out;
  std::error_code ec;
  if (!fs::exists(fs::path(spec), ec)) {
    out.error = "base de règles introuvable : " + std::string(spec);
    return out;
  }
  MaterialisedBase base;
  base.rules = fs::path(spec);
  base.label = std::string(spec);
  out.base = std::move(base);
  return out;
}

}  // namespace subsidia::workbench
