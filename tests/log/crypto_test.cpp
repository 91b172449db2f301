// The building blocks of docs/log-crypto.md, tested on their own.
#include <sodium.h>

#include "log/crypto.hpp"
#include "log/error.hpp"
#include "log/passphrase.hpp"
#include "log/secret.hpp"
#include "log_test_util.hpp"

namespace ownvoice::log {
namespace {

TEST(LogCrypto, WrapUnwrapNeedsTheSamePassphraseSaltAndParameters) {
  crypto::ensure_sodium();
  auto keys = crypto::generate_keys();
  auto log_id = crypto::random_bytes(crypto::kLogIdBytes);
  auto salt = crypto::random_bytes(crypto::kSaltBytes);
  auto params = KdfParams::fast_for_tests();
  auto ad = crypto::wrap_ad(log_id, salt, params);
  Secret kek = crypto::derive_kek("pass phrase one", salt, params);
  auto wrapped = crypto::wrap(kek, keys.unwrapped, ad);

  auto back = crypto::unwrap(crypto::derive_kek("pass phrase one", salt, params), wrapped, ad);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(sodium_memcmp(back->data(), keys.unwrapped.data(), 64), 0);
  EXPECT_TRUE(crypto::matches_public_key(*back, keys.public_key));

  EXPECT_FALSE(crypto::unwrap(crypto::derive_kek("pass phrase two", salt, params), wrapped, ad).has_value());
  // Lowering the stored cost (a downgrade) changes the AD: the unwrap fails.
  KdfParams cheaper = params;
  cheaper.memlimit *= 2;
  EXPECT_FALSE(crypto::unwrap(kek, wrapped, crypto::wrap_ad(log_id, salt, cheaper)).has_value());
  // Moving the wrapped key into another log is caught too.
  auto other_log = crypto::random_bytes(crypto::kLogIdBytes);
  EXPECT_FALSE(crypto::unwrap(kek, wrapped, crypto::wrap_ad(other_log, salt, params)).has_value());
  // A swapped public key (IT substituting its own) does not match the secret key.
  auto other = crypto::generate_keys();
  EXPECT_FALSE(crypto::matches_public_key(*back, other.public_key));
  EXPECT_EQ(crypto::derive_public_key(*back), keys.public_key);
}

TEST(LogCrypto, EpochKeysAgreeOnlyWithTheRightSecretKey) {
  auto keys = crypto::generate_keys();
  auto writer = crypto::new_writer_epoch(keys.public_key);
  auto reader = crypto::reader_epoch_key(keys.unwrapped, keys.public_key, writer.epk);
  ASSERT_TRUE(reader.has_value());
  EXPECT_EQ(sodium_memcmp(reader->data(), writer.key.data(), 32), 0);
  auto stranger = crypto::generate_keys();
  auto wrong = crypto::reader_epoch_key(stranger.unwrapped, keys.public_key, writer.epk);
  ASSERT_TRUE(wrong.has_value());
  EXPECT_NE(sodium_memcmp(wrong->data(), writer.key.data(), 32), 0);
  // A low-order point as ephemeral key is rejected rather than giving an all-zero key.
  crypto::Bytes zero(32, 0);
  EXPECT_FALSE(crypto::reader_epoch_key(keys.unwrapped, keys.public_key, zero).has_value());
}

TEST(LogCrypto, EntriesAuthenticateTheirPositionAndContent) {
  auto keys = crypto::generate_keys();
  auto log_id = crypto::random_bytes(crypto::kLogIdBytes);
  auto epoch = crypto::new_writer_epoch(keys.public_key);
  crypto::Hash prev = crypto::genesis_hash(log_id);
  auto pt = crypto::frame_plaintext(5, prev, R"({"a":1})");
  auto ct = crypto::seal_entry(epoch.key, crypto::entry_ad(log_id, 1, 5), pt);

  auto opened = crypto::open_entry(epoch.key, crypto::entry_ad(log_id, 1, 5), ct);
  ASSERT_TRUE(opened.has_value());
  auto u = crypto::unframe_plaintext(*opened);
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->seq, 5);
  EXPECT_EQ(u->prev, prev);
  EXPECT_EQ(u->json, R"({"a":1})");

  EXPECT_FALSE(crypto::open_entry(epoch.key, crypto::entry_ad(log_id, 1, 6), ct).has_value());  // moved
  EXPECT_FALSE(crypto::open_entry(epoch.key, crypto::entry_ad(log_id, 2, 5), ct).has_value());  // other epoch
  auto flipped = ct;
  flipped[30] ^= 1;
  EXPECT_FALSE(crypto::open_entry(epoch.key, crypto::entry_ad(log_id, 1, 5), flipped).has_value());
  // Chain hashes depend on position and bytes.
  EXPECT_NE(crypto::chain_hash(5, 1, ct), crypto::chain_hash(6, 1, ct));
  EXPECT_NE(crypto::chain_hash(5, 1, ct), crypto::chain_hash(5, 1, flipped));
}

TEST(LogCrypto, PaddingHidesExactLengthWithin256ByteBuckets) {
  crypto::Hash prev{};
  auto a = crypto::frame_plaintext(1, prev, std::string(10, 'a'));
  auto b = crypto::frame_plaintext(1, prev, std::string(150, 'b'));
  auto c = crypto::frame_plaintext(1, prev, std::string(300, 'c'));
  EXPECT_EQ(a.size(), 256u);
  EXPECT_EQ(b.size(), 256u);
  EXPECT_EQ(c.size(), 512u);
  auto u = crypto::unframe_plaintext(c);
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->json.size(), 300u);
}

TEST(LogCrypto, TrustRecordIsAuthenticated) {
  auto keys = crypto::generate_keys();
  auto log_id = crypto::random_bytes(crypto::kLogIdBytes);
  crypto::TrustRecord t{3, crypto::genesis_hash(log_id), 9, crypto::genesis_hash(log_id)};
  auto blob = crypto::seal_trust(keys.unwrapped, log_id, t);
  auto back = crypto::open_trust(keys.unwrapped, log_id, blob);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->anchor_seq, 3);
  EXPECT_EQ(back->checkpoint_seq, 9);
  blob[0] ^= 1;
  EXPECT_FALSE(crypto::open_trust(keys.unwrapped, log_id, blob).has_value());
  auto other = crypto::generate_keys();
  EXPECT_FALSE(crypto::open_trust(other.unwrapped, log_id, crypto::seal_trust(keys.unwrapped, log_id, t)).has_value());
}

TEST(LogSecret, SecretStringHoldsAndWipes) {
  SecretString s("abc");
  EXPECT_EQ(s.view(), "abc");
  s.push_back('d');
  s.pop_back();
  EXPECT_EQ(s.view(), "abc");
  s.clear();
  EXPECT_TRUE(s.empty());
  SecretString big(std::string(5000, 'x'));
  EXPECT_EQ(big.size(), SecretString::kCapacity - 1);
  EXPECT_TRUE(equal_secret("same", "same"));
  EXPECT_FALSE(equal_secret("same", "sane"));
  EXPECT_FALSE(equal_secret("same", "same!"));
}

TEST(LogPassphrase, ReadsOneLineFromAFileDescriptor) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  std::string input = "my secret words\r\nnext line ignored";
  ASSERT_EQ(::write(fds[1], input.data(), input.size()), static_cast<ssize_t>(input.size()));
  ::close(fds[1]);
  auto p = read_passphrase_fd(fds[0]);
  ::close(fds[0]);
  EXPECT_EQ(p.view(), "my secret words");
  EXPECT_THROW((void)read_passphrase_fd(987), Error);
}

TEST(LogPassphrase, AdviceRefusesShortAndFlagsWeak) {
  EXPECT_FALSE(assess_passphrase("short").acceptable);
  EXPECT_FALSE(assess_passphrase("éééé").acceptable);
  auto weak = assess_passphrase("password123");
  EXPECT_TRUE(weak.acceptable);
  EXPECT_LE(weak.score, 1);
  auto repeated = assess_passphrase("aaaaaaaaaaaaaaaa");
  EXPECT_LE(repeated.score, 1);
  auto strong = assess_passphrase("copper Lantern river 42 sleeps");
  EXPECT_TRUE(strong.acceptable);
  EXPECT_GE(strong.score, 3);
}

}  // namespace
}  // namespace ownvoice::log
