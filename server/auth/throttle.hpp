// Login throttling, per account name and per client address: after kFreeFailures failures
// for a name (kFreeAddressFailures for an address: an office behind one NAT address shares
// it) within kWindow, each further attempt must wait, the wait doubling with each failure up to
// kMaxWait. A success clears the name's count (not the address's: one address trying many
// names is the attack this is for). In memory: a restart forgets, which only helps whoever
// restarts the server, i.e. the administrator.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace subsidia::server::auth {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr int kFreeFailures = 5;
  static constexpr int kFreeAddressFailures = 20;
  static constexpr std::chrono::seconds kWindow{15 * 60};
  static constexpr std::chrono::seconds kFirstWait{30};
  static constexpr std::chrono::seconds kMaxWait{15 * 60};

  // Seconds to wait before trying again; 0 when an attempt is allowed now.
  long long wait_seconds(const std::string& name, const std::string& address, Clock::time_point now = Clock::now());
  void failure(const std::string& name, const std::string& address, Clock::time_point now = Clock::now());
  void success(const std::string& name);

 private:
  struct Record {
    int failures = 0;
    Clock::time_point last;
  };
  long long wait_of(const std::map<std::string, Record>& records, const std::string& key, int free_failures,
                    Clock::time_point now) const;
  void add_failure(std::map<std::string, Record>& records, const std::string& key, Clock::time_point now);
  std::mutex mutex_;
  std::map<std::string, Record> by_name_;
  std::map<std::string, Record> by_address_;
};

}  // namespace subsidia::server::auth
