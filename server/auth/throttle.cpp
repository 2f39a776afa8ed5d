#include "auth/throttle.hpp"

#include <algorithm>

namespace subsidia::server::auth {

long long LoginThrottle::wait_of(const std::map<std::string, Record>& records, const std::string& key,
                                 int free_failures, Clock::time_point now) const {
  auto found = records.find(key);
  if (found == records.end() || found->second.failures < free_failures) return 0;
  if (now - found->second.last > kWindow) return 0;
  const int extra = std::min(found->second.failures - free_failures, 10);
  const auto wait = std::min<std::chrono::seconds>(kFirstWait * (1LL << extra), kMaxWait);
  const auto until = found->second.last + wait;
  if (now >= until) return 0;
  return std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1;
}

void LoginThrottle::add_failure(std::map<std::string, Record>& records, const std::string& key, Clock::time_point now) {
  Record& r = records[key];
  if (r.failures > 0 && now - r.last > kWindow) r.failures = 0;
  ++r.failures;
  r.last = now;
  // Bounded memory under a flood of made-up names: forget those past the window.
  if (records.size() > 100000) {
    for (auto it = records.begin(); it != records.end();)
      it = now - it->second.last > kWindow ? records.erase(it) : std::next(it);
  }
}

long long LoginThrottle::wait_seconds(const std::string& name, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(wait_of(by_name_, name, kFreeFailures, now), wait_of(by_address_, address, kFreeAddressFailures, now));
}

void LoginThrottle::failure(const std::string& name, const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  add_failure(by_name_, name, now);
  add_failure(by_address_, address, now);
}

void LoginThrottle::success(const std::string& name) {
  std::lock_guard lock(mutex_);
  by_name_.erase(name);
}

}  // namespace subsidia::server::auth
