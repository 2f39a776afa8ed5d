#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "auth/account_names.hpp"
#include "auth/passwords.hpp"
#include "auth/throttle.hpp"
#include "auth/tokens.hpp"

namespace subsidia::server::auth {
namespace {

TEST(Passwords, Argon2idHashVerifiesTheRightPasswordOnly) {
  std::optional<std::string> hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password("correct horse battery", *hash));
  EXPECT_FALSE(verify_password("correct horse batterie", *hash));
  EXPECT_NE(*hash, *hash_password("correct horse battery"));  // salted
}

// An unknown name costs a login one Argon2id verification too: measured against a real one in
// the same run (a ratio, not a time), the decoy's cost is of the same order, where a name
// looked up and found missing answers a thousand times faster.
TEST(Passwords, ALoginForAnUnknownNameSpendsAVerificationAndFails) {
  std::optional<std::string> hash = hash_password("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(verify_login("correct horse battery", &*hash));
  EXPECT_FALSE(verify_login("correct horse battery", nullptr));
  EXPECT_FALSE(verify_login("", nullptr));
  auto seconds_of = [](auto&& f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  double real = 1e9, decoy = 1e9;
  for (int i = 0; i < 3; ++i) {
    real = std::min(real, seconds_of([&] { verify_login("mauvais mot de passe", &*hash); }));
    decoy = std::min(decoy, seconds_of([&] { verify_login("mauvais mot de passe", nullptr); }));
  }
  EXPECT_GT(decoy, 0.3 * real) << "decoy " << decoy << " s, real " << real << " s";
}

TEST(Passwords, ShortPasswordsAreRefused) {
  EXPECT_TRUE(password_problem("court"));
  EXPECT_FALSE(password_problem("assez-long-vraiment"));
}

// A name is a URL segment of its account's forms and goes into the audit log.
TEST(AccountNames, RefuseWhatWouldBreakTheFormsOrTheLog) {
  for (const char* good : {"ada", "marie.dupont", "jean-éric", "a@b.fr", "x..y"})
    EXPECT_FALSE(account_name_problem(good)) << good;
  for (const char* bad : {"", "x/y", "x\\y", ".", "..", "a b", "tab\t", "\xFF\xFE", "MARK\xC0\xAF"})
    EXPECT_TRUE(account_name_problem(bad)) << bad;
  EXPECT_TRUE(account_name_problem(std::string(65, 'a')));
}

TEST(LoginFormTokens, OnlyTheServersOwnPassAndNotAnotherServers) {
  const LoginFormTokens forms, other;
  const std::string token = forms.issue();
  EXPECT_EQ(token.size(), 128u);
  EXPECT_TRUE(forms.genuine(token));
  EXPECT_NE(forms.issue(), token);
  EXPECT_FALSE(other.genuine(token));  // another key: a restart expires open forms
  EXPECT_FALSE(forms.genuine(std::string(128, 'a')));
  EXPECT_FALSE(forms.genuine(token.substr(0, 64)));
  std::string changed = token;
  changed[3] = changed[3] == '0' ? '1' : '0';
  EXPECT_FALSE(forms.genuine(changed));
  EXPECT_FALSE(forms.genuine(token.substr(0, 127) + "z"));
}

TEST(Tokens, AreSixtyFourHexDigitsAndDiffer) {
  const std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(a, b);
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(equal_in_constant_time(a, a));
  EXPECT_FALSE(equal_in_constant_time(a, b));
  EXPECT_FALSE(equal_in_constant_time(a, a.substr(1)));
}

TEST(LoginThrottle, FiveFailuresOfANameMakeItWaitThenTheWaitEnds) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::now();
  for (int i = 0; i < 4; ++i) throttle.failure("alice", "10.0.0.1", t0);
  EXPECT_EQ(throttle.wait_seconds("alice", "10.0.0.2", t0), 0);
  throttle.failure("alice", "10.0.0.1", t0);
  EXPECT_GT(throttle.wait_seconds("alice", "10.0.0.2", t0), 0);
  EXPECT_EQ(throttle.wait_seconds("bob", "10.0.0.2", t0), 0);
  EXPECT_EQ(throttle.wait_seconds("alice", "10.0.0.2", t0 + LoginThrottle::kFirstWait + std::chrono::seconds(1)), 0);
  throttle.success("alice");
  EXPECT_EQ(throttle.wait_seconds("alice", "10.0.0.2", t0), 0);
}

TEST(LoginThrottle, AnAddressTryingManyNamesIsSlowedToo) {
  LoginThrottle throttle;
  const auto t0 = LoginThrottle::Clock::now();
  for (int i = 0; i < LoginThrottle::kFreeAddressFailures; ++i) throttle.failure("nom" + std::to_string(i), "10.0.0.9", t0);
  EXPECT_GT(throttle.wait_seconds("nouveau", "10.0.0.9", t0), 0);
  EXPECT_EQ(throttle.wait_seconds("nouveau", "10.0.0.8", t0), 0);
}

}  // namespace
}  // namespace subsidia::server::auth
