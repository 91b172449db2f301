// Reading the browser's command line and deciding whether the caller may talk to us.
#include <gtest/gtest.h>

#include "policy/allowed_callers.hpp"
#include "protocol/caller.hpp"

namespace ownvoice::protocol {
namespace {
using policy::kChromiumDevelopmentId;

const std::string kDev(kChromiumDevelopmentId);

TEST(ParseArguments, ChromiumOriginWithAndWithoutParentWindow) {
  auto a = parse_arguments({"chrome-extension://" + kDev + "/"});
  EXPECT_EQ(a.caller.browser, Browser::Chromium);
  EXPECT_EQ(a.caller.extension_id, kDev);
  a = parse_arguments({"chrome-extension://" + kDev + "/", "--parent-window=1234"});
  EXPECT_TRUE(a.error.empty());
  EXPECT_EQ(a.caller.extension_id, kDev);
}

TEST(ParseArguments, FirefoxManifestPathAndId) {
  const auto a =
      parse_arguments({"/usr/lib/mozilla/native-messaging-hosts/org.ownvoice.host.json", "ownvoice@ownvoice.org"});
  EXPECT_EQ(a.caller.browser, Browser::Firefox);
  EXPECT_EQ(a.caller.extension_id, "ownvoice@ownvoice.org");
}

TEST(ParseArguments, HostFlags) {
  const auto a =
      parse_arguments({"--policy", "/tmp/p.json", "--max-message-bytes=1000", "chrome-extension://" + kDev + "/"});
  EXPECT_TRUE(a.error.empty());
  EXPECT_EQ(a.policy_path, "/tmp/p.json");
  EXPECT_EQ(a.max_message_bytes, 1000u);
  EXPECT_EQ(a.caller.extension_id, kDev);
  EXPECT_FALSE(parse_arguments({"--max-message-bytes=lots"}).error.empty());
  EXPECT_FALSE(parse_arguments({"--max-message-bytes=0"}).error.empty());
  EXPECT_FALSE(parse_arguments({"--policy"}).error.empty());
  EXPECT_FALSE(parse_arguments({"--frobnicate"}).error.empty());
}

TEST(ParseArguments, NoCaller) {
  EXPECT_EQ(parse_arguments({}).caller.browser, Browser::Unknown);
  EXPECT_EQ(parse_arguments({"just-one"}).caller.browser, Browser::Unknown);
}

TEST(AllowedCallers, KnownIdsOnly) {
  // The development id is a caller only when a test-hooks main passes it in (never by default).
  EXPECT_FALSE(is_allowed_caller({Browser::Chromium, kDev}, {}));
  EXPECT_TRUE(is_allowed_caller({Browser::Chromium, kDev}, {kDev}));
  EXPECT_TRUE(is_allowed_caller({Browser::Firefox, "ownvoice@ownvoice.org"}, {}));
  EXPECT_FALSE(is_allowed_caller({Browser::Chromium, "abcdefghijklmnopabcdefghijklmnop"}, {}));
  EXPECT_FALSE(is_allowed_caller({Browser::Firefox, "evil@example.org"}, {}));
  EXPECT_FALSE(is_allowed_caller({Browser::Unknown, kDev}, {}));
  EXPECT_FALSE(is_allowed_caller({Browser::Chromium, ""}, {""}));
  // The Firefox id is not a Chromium id, and the other way round.
  EXPECT_FALSE(is_allowed_caller({Browser::Chromium, "ownvoice@ownvoice.org"}, {}));
}

TEST(AllowedCallers, SystemPolicyAddsIds) {
  const std::vector<std::string> ids{"abcdefghijklmnopabcdefghijklmnop", "corp@example.org"};
  EXPECT_TRUE(is_allowed_caller({Browser::Chromium, "abcdefghijklmnopabcdefghijklmnop"}, ids));
  EXPECT_TRUE(is_allowed_caller({Browser::Firefox, "corp@example.org"}, ids));
  // A listed string that is not a valid Chromium id cannot pose as an origin.
  EXPECT_FALSE(is_allowed_caller({Browser::Chromium, "corp@example.org"}, ids));
}

}  // namespace
}  // namespace ownvoice::protocol
