// The rule base the server checks with, and what is derived from it once (the jaune's
// extractor and zone table). Reloading builds a whole new RuleSet and swaps a
// shared_ptr<const RuleSet> under a mutex: a request holds the one it started with to its
// end, so a reload never mixes two bases in one answer, and each stored verdict records the
// fingerprint of the base that made it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/engine.hpp"
#include "output/check_format.hpp"
#include "reports/jaune_entry.hpp"
#include "reports/zone_table.hpp"

namespace subsidia::server::http {

// What checking a request needs besides the engine, kept from one request to the next: a
// reader (its JSON parser's buffers, the schema's compiled patterns), an evaluation scratch,
// the JSON of the rules' fixed fields. Made afresh for every request they cost allocations,
// page faults and pattern compilation on each (a tenth of the server's CPU under load).
struct CheckTools {
  explicit CheckTools(const api::Engine& engine) : reader(engine.shared_schema()), scratch(engine.scratch()) {}
  io::DossierReader reader;
  api::Engine::Scratch scratch;
  output::RuleJsonCache json_cache;
};

// Tools lent to one request at a time and given back when it ends; as many as requests ran at
// once, at most (the server's threads). They live and die with their RuleSet, so a tool never
// outlives the base it was made for.
class CheckToolPool {
 public:
  class Lease {
   public:
    Lease(CheckToolPool& pool, std::unique_ptr<CheckTools> tools) : pool_(&pool), tools_(std::move(tools)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (tools_) pool_->give_back(std::move(tools_));
    }
    CheckTools& operator*() const { return *tools_; }
    CheckTools* operator->() const { return tools_.get(); }

   private:
    CheckToolPool* pool_;
    std::unique_ptr<CheckTools> tools_;
  };
  Lease take(const api::Engine& engine);

 private:
  void give_back(std::unique_ptr<CheckTools> tools);
  std::mutex mutex_;
  std::vector<std::unique_ptr<CheckTools>> free_;
};

// A warning of the base in service (check/load.hpp), kept to be shown on the rules page and
// in /api/regles: the base loaded, but an administrator should look.
struct RuleSetWarning {
  std::string code;     // "source_inutilisee"
  std::string file;     // as loaded
  std::uint32_t line = 0, column = 0;
  std::string message;  // French
};

struct RuleSet {
  RuleSet(std::shared_ptr<const api::Engine> e, reports::EntryExtractor x, reports::ZoneTable z,
          std::vector<RuleSetWarning> w = {})
      : engine(std::move(e)), extractor(std::move(x)), zones(std::move(z)), warnings(std::move(w)) {}
  std::shared_ptr<const api::Engine> engine;
  reports::EntryExtractor extractor;
  reports::ZoneTable zones;
  std::vector<RuleSetWarning> warnings;
  mutable CheckToolPool tools;  // state for checking, not part of what the set is
};

struct RuleSetLoad {
  std::shared_ptr<const RuleSet> rules;  // null on failure
  std::string error;                     // French, every diagnostic
  std::string warnings;                  // French, the base loaded with these (may be empty)
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
