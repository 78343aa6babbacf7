#include "engine/kiosk/pin.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

namespace kinerja::kiosk {
namespace {

TEST(KioskPin, HashIsArgon2idWithTheTabletLimits) {
  auto hash = HashPin("4321");
  ASSERT_TRUE(hash.ok()) << hash.status().message();
  EXPECT_EQ(hash->rfind("$argon2id$v=19$m=16384,t=3,p=1$", 0), 0u) << *hash;
}

TEST(KioskPin, RightPinMatchesAndWrongPinDoesNot) {
  auto start = std::chrono::steady_clock::now();
  auto hash = HashPin("4321");
  auto hashed = std::chrono::steady_clock::now();
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(PinMatches("4321", *hash));
  auto checked = std::chrono::steady_clock::now();
  EXPECT_FALSE(PinMatches("4322", *hash));
  EXPECT_FALSE(PinMatches("432", *hash));
  EXPECT_FALSE(PinMatches("", *hash));
  using Ms = std::chrono::duration<double, std::milli>;
  std::printf("kiosk PIN: hash %.0f ms, check %.0f ms\n", Ms(hashed - start).count(),
              Ms(checked - hashed).count());
}

TEST(KioskPin, TwoHashesOfOnePinDifferBySalt) {
  auto a = HashPin("123456");
  auto b = HashPin("123456");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(PinMatches("123456", *a));
  EXPECT_TRUE(PinMatches("123456", *b));
}

// Hashes the web app stored before libsodium (10,000 rounds of SHA-256, computed independently
// with Python's hashlib) still unlock the kiosk once.
TEST(KioskPin, LegacyStretchStillMatches) {
  const std::string legacy =
      "v1:0123456789abcdef:c1424879fc0aa83ea7ce4cad58fc121b1c39163ac4798d495681f83194743b0d";
  EXPECT_TRUE(PinMatches("4321", legacy));
  EXPECT_FALSE(PinMatches("4322", legacy));
  EXPECT_TRUE(PinMatches(
      "123456", "v1:k1:d263f61217244916f9415ba4868c1d0ecc52f7b69106390398b215f3be43b522"));
}

TEST(KioskPin, MalformedStoredHashesNeverMatch) {
  for (const char* stored : {"", "v1:", "v1:salt", "v1:salt:", "v1:salt:zz",
                             "v1:0123456789abcdef:C1424879FC0AA83EA7CE4CAD58FC121B1C39163AC4798D495681F83194743B0D0",
                             "$argon2id$v=19$m=16384,t=3,p=1$bad", "4321"}) {
    EXPECT_FALSE(PinMatches("4321", stored)) << stored;
  }
}

}  // namespace
}  // namespace kinerja::kiosk
