// The development id in allowed_callers.hpp must be the id Chromium derives from the
// key the extension pins: first 128 bits of SHA-256 of the DER public key, each hex
// digit 0-f written as a letter a-p.
#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "policy/allowed_callers.hpp"

namespace ownvoice::protocol {
namespace {
using policy::kChromiumDevelopmentId;
using policy::kFirefoxId;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string chromium_id_from_key(std::string key_b64) {
  while (!key_b64.empty() && (key_b64.back() == '\n' || key_b64.back() == '\r' || key_b64.back() == ' ')) {
    key_b64.pop_back();
  }
  std::string der(key_b64.size(), '\0');
  size_t der_len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(der.data()), der.size(), key_b64.data(), key_b64.size(),
                        nullptr, &der_len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return "";
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(der.data()), der_len);
  std::string id;
  for (int i = 0; i < 16; ++i) {
    id += static_cast<char>('a' + (digest[i] >> 4));
    id += static_cast<char>('a' + (digest[i] & 0x0f));
  }
  return id;
}

TEST(AllowedCallers, DevelopmentIdMatchesThePinnedKey) {
  const std::string key = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/extension/dev-public-key.b64");
  ASSERT_FALSE(key.empty()) << "extension/dev-public-key.b64 is missing";
  EXPECT_EQ(chromium_id_from_key(key), kChromiumDevelopmentId);
}

TEST(AllowedCallers, DevelopmentIdMatchesTheExtensionsRecord) {
  std::string recorded = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/extension/DEV_EXTENSION_ID");
  ASSERT_FALSE(recorded.empty());
  while (!recorded.empty() && (recorded.back() == '\n' || recorded.back() == '\r')) recorded.pop_back();
  EXPECT_EQ(recorded, kChromiumDevelopmentId);
}

// extension/build.mjs writes the key into the built manifest (not committed).
TEST(AllowedCallers, ManifestKeyWhenPresentIsTheSameKey) {
  for (const char* name : {"dist/dev/chromium/manifest.json", "manifest.json"}) {
    const std::string text = read_file(std::string(OWNVOICE_SOURCE_DIR) + "/extension/" + name);
    if (text.empty()) continue;
    const auto manifest = nlohmann::json::parse(text, nullptr, false);
    if (manifest.is_discarded() || !manifest.contains("key")) continue;
    EXPECT_EQ(chromium_id_from_key(manifest["key"].get<std::string>()), kChromiumDevelopmentId) << name;
  }
}

TEST(AllowedCallers, FirefoxIdIsTheGeckoId) { EXPECT_EQ(kFirefoxId, "ownvoice@ownvoice.org"); }

}  // namespace
}  // namespace ownvoice::protocol
