// Built-in rule packs fire on real formats and not on ordinary numbers.
#include <gtest/gtest.h>

#include "checks/confidential.hpp"
#include "checks/confidential_packs.hpp"

using namespace ownvoice::checks;

namespace {
std::vector<std::string> detectors(const char* pack, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& h : scan_pack(pack, text)) out.push_back(h.detector);
  return out;
}
}  // namespace

TEST(RulePacks, Validators) {
  EXPECT_TRUE(iban_checksum_ok("FR1420041010050500013M02606"));
  EXPECT_TRUE(iban_checksum_ok("CH9300762011623852957"));
  EXPECT_FALSE(iban_checksum_ok("FR1420041010050500013M02607"));
  EXPECT_TRUE(luhn_ok("4111111111111111"));
  EXPECT_FALSE(luhn_ok("4111111111111112"));
}

TEST(RulePacks, PersonalDataFound) {
  EXPECT_EQ(detectors("personal_data", "write to jane.doe@example.com"), std::vector<std::string>{"email"});
  EXPECT_EQ(detectors("personal_data", "appelle Marie au 06 12 34 56 78"), std::vector<std::string>{"phone"});
  EXPECT_EQ(detectors("personal_data", "call +41 79 123 45 67 now"), std::vector<std::string>{"phone"});
  EXPECT_EQ(detectors("personal_data", "IBAN CH93 0076 2011 6238 5295 7 merci"), std::vector<std::string>{"iban"});
  EXPECT_EQ(detectors("personal_data", "IBAN FR14 2004 1010 0505 0001 3M02 606"), std::vector<std::string>{"iban"});
  EXPECT_EQ(detectors("personal_data", "card 4111 1111 1111 1111 exp"), std::vector<std::string>{"card"});
}

TEST(RulePacks, PersonalDataNoise) {
  EXPECT_TRUE(detectors("personal_data", "From 2019 to 2023 we grew 45% to 12 000 clients").empty());
  EXPECT_TRUE(detectors("personal_data", "IBAN-like CH93 0076 2011 6238 5295 8 (bad checksum)").empty());
  EXPECT_TRUE(detectors("personal_data", "order 4111 1111 1111 1112").empty());
  EXPECT_TRUE(detectors("personal_data", "Le 12/03/2024 à 14h30, 250 participants").empty());
  EXPECT_TRUE(detectors("personal_data", "Version 1.2.3.4 released, CHF 1'250.00").empty());
}

TEST(RulePacks, Secrets) {
  EXPECT_EQ(detectors("secrets", "key AKIAIOSFODNN7EXAMPLE oops"), std::vector<std::string>{"aws_key"});
  EXPECT_EQ(detectors("secrets", "ghp_abcdefghijklmnopqrstuvwxyz0123456789"), std::vector<std::string>{"github_token"});
  EXPECT_EQ(detectors("secrets", "-----BEGIN OPENSSH PRIVATE KEY-----"), std::vector<std::string>{"private_key"});
  EXPECT_EQ(detectors("secrets", "xoxb-123456789012-abcdefghij"), std::vector<std::string>{"slack_token"});
  EXPECT_TRUE(detectors("secrets", "AKIA is an acronym; ghp_short; sk-notakey").empty());
}

TEST(RulePacks, ScreenerReportsPackRulesWithUtf16Spans) {
  ownvoice::policy::Policy p;
  p.packs = {"personal_data", "secrets"};
  Screener s(p);
  const std::string text = "é jane@example.com AKIAIOSFODNN7EXAMPLE";
  const auto hits = s.screen(text, ownvoice::text::normalize(text), "x");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].rule, "pack:personal_data");
  EXPECT_EQ(hits[0].start, 2u);
  EXPECT_EQ(hits[0].excerpt, "jane@example.com");
  EXPECT_EQ(hits[1].rule, "pack:secrets");
  EXPECT_EQ(hits[1].severity, ownvoice::policy::Severity::Block);
}
