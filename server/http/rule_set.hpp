// The rule base the server checks with, and what is derived from it once (the jaune's
// extractor and zone table). Reloading builds a whole new RuleSet and swaps a
// shared_ptr<const RuleSet> under a mutex: a request holds the one it started with to its
// end, so a reload never mixes two bases in one answer, and each stored verdict records the
// fingerprint of the base that made it.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "api/engine.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::server::http {

struct RuleSet {
  std::shared_ptr<const api::Engine> engine;
  reports::EntryExtractor extractor;
  reports::ZoneTable zones;
};

struct RuleSetLoad {
  std::shared_ptr<const RuleSet> rules;  // null on failure
  std::string error;                     // French, every diagnostic
};

RuleSetLoad load_rule_set(const std::filesystem::path& rules, const std::filesystem::path& schema);

class RuleSetHolder {
 public:
  explicit RuleSetHolder(std::shared_ptr<const RuleSet> initial) : current_(std::move(initial)) {}
  std::shared_ptr<const RuleSet> get() const {
    std::lock_guard lock(mutex_);
    return current_;
  }
  void set(std::shared_ptr<const RuleSet> next) {
    std::lock_guard lock(mutex_);
    current_ = std::move(next);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const RuleSet> current_;
};

}  // namespace subsidia::server::http
