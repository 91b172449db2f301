#include "log/crypto.hpp"

#include <sodium.h>

#include <cstring>

#include "log/error.hpp"

namespace ownvoice::log::crypto {
namespace {

constexpr std::string_view kWrapContext = "OVLOG1-wrap";
constexpr std::string_view kEntryContext = "OVLOG1-entry";
constexpr std::string_view kChainContext = "OVLOG1-chain";
constexpr std::string_view kGenesisContext = "OVLOG1-genesis";
constexpr std::string_view kEpochContext = "OVLOG1-epoch";
constexpr std::string_view kTrustContext = "OVLOG1-trust";
constexpr unsigned char kCiphertextVersion = 1;
constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kHeaderBytes = 4 + 8 + 32;
constexpr std::size_t kTrustBytes = 8 + 32 + 8 + 32;

void append(Bytes& out, std::string_view s) { out.insert(out.end(), s.begin(), s.end()); }
void append(Bytes& out, std::span<const unsigned char> s) { out.insert(out.end(), s.begin(), s.end()); }
void append_u64(Bytes& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
std::uint64_t read_u64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

Hash blake2b(std::span<const unsigned char> message, std::span<const unsigned char> key = {}) {
  Hash out{};
  crypto_generichash(out.data(), out.size(), message.data(), message.size(), key.empty() ? nullptr : key.data(),
                     key.size());
  return out;
}

// K_epoch = BLAKE2b-256(context || X25519 shared || epk || pk): binding both public keys as
// crypto_box_seal does, so a shared secret is never used raw.
void epoch_key_from_shared(const unsigned char* shared, std::span<const unsigned char> epk,
                           std::span<const unsigned char> pk, unsigned char* out) {
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, 32);
  crypto_generichash_update(&st, bytes_of(kEpochContext), kEpochContext.size());
  crypto_generichash_update(&st, shared, crypto_scalarmult_BYTES);
  crypto_generichash_update(&st, epk.data(), epk.size());
  crypto_generichash_update(&st, pk.data(), pk.size());
  crypto_generichash_final(&st, out, 32);
  sodium_memzero(&st, sizeof st);
}

}  // namespace

void ensure_sodium() {
  if (sodium_init() < 0) throw Error(ErrorCode::io_error, "libsodium could not be initialised");
}

Bytes random_bytes(std::size_t n) {
  ensure_sodium();
  Bytes out(n);
  randombytes_buf(out.data(), out.size());
  return out;
}

Secret derive_kek(std::string_view passphrase, std::span<const unsigned char> salt, const KdfParams& params) {
  ensure_sodium();
  if (salt.size() != crypto_pwhash_SALTBYTES) throw Error(ErrorCode::corrupt, "the log's key salt is malformed");
  Secret kek(32);
  if (crypto_pwhash(kek.data(), kek.size(), passphrase.data(), passphrase.size(), salt.data(), params.opslimit,
                    params.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Error(ErrorCode::io_error, "not enough memory to derive the log key (Argon2id)");
  }
  return kek;
}

KeyMaterial generate_keys() {
  ensure_sodium();
  KeyMaterial km{Bytes(crypto_box_PUBLICKEYBYTES), Secret(kUnwrappedBytes)};
  crypto_box_keypair(km.public_key.data(), km.unwrapped.data());
  randombytes_buf(km.unwrapped.data() + 32, 32);
  return km;
}

Bytes wrap_ad(std::span<const unsigned char> log_id, std::span<const unsigned char> salt, const KdfParams& params) {
  Bytes ad;
  append(ad, kWrapContext);
  append(ad, log_id);
  append(ad, salt);
  append_u64(ad, params.opslimit);
  append_u64(ad, params.memlimit);
  return ad;
}

Bytes wrap(const Secret& kek, const Secret& unwrapped, std::span<const unsigned char> ad) {
  Bytes out(kNonceBytes + unwrapped.size() + kTagBytes);
  randombytes_buf(out.data(), kNonceBytes);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonceBytes, &len, unwrapped.data(), unwrapped.size(),
                                             ad.data(), ad.size(), nullptr, out.data(), kek.data());
  return out;
}

std::optional<Secret> unwrap(const Secret& kek, std::span<const unsigned char> wrapped,
                             std::span<const unsigned char> ad) {
  if (wrapped.size() != kNonceBytes + kUnwrappedBytes + kTagBytes) return std::nullopt;
  Secret out(kUnwrappedBytes);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), nullptr, nullptr, wrapped.data() + kNonceBytes,
                                                 wrapped.size() - kNonceBytes, ad.data(), ad.size(), wrapped.data(),
                                                 kek.data()) != 0) {
    return std::nullopt;
  }
  return out;
}

Bytes derive_public_key(const Secret& unwrapped) {
  Bytes pk(crypto_box_PUBLICKEYBYTES);
  crypto_scalarmult_base(pk.data(), secret_key(unwrapped));
  return pk;
}

bool matches_public_key(const Secret& unwrapped, std::span<const unsigned char> public_key) {
  if (public_key.size() != crypto_box_PUBLICKEYBYTES) return false;
  unsigned char derived[crypto_box_PUBLICKEYBYTES];
  crypto_scalarmult_base(derived, secret_key(unwrapped));
  return sodium_memcmp(derived, public_key.data(), sizeof derived) == 0;
}

WriterEpoch new_writer_epoch(std::span<const unsigned char> public_key) {
  ensure_sodium();
  if (public_key.size() != crypto_box_PUBLICKEYBYTES)
    throw Error(ErrorCode::corrupt, "the log's public key is malformed");
  Secret esk(crypto_box_SECRETKEYBYTES);
  Bytes epk(crypto_box_PUBLICKEYBYTES);
  crypto_box_keypair(epk.data(), esk.data());
  Secret shared(crypto_scalarmult_BYTES);
  if (crypto_scalarmult(shared.data(), esk.data(), public_key.data()) != 0) {
    throw Error(ErrorCode::corrupt, "the log's public key is not a valid X25519 key");
  }
  // esk is wiped when it goes out of scope: after this point nobody can re-derive K_epoch
  // without the employee's secret key.
  Secret key(32);
  epoch_key_from_shared(shared.data(), epk, public_key, key.data());
  return WriterEpoch{std::move(key), std::move(epk)};
}

bool reader_epoch_key_into(const Secret& unwrapped, std::span<const unsigned char> public_key,
                           std::span<const unsigned char> epk, unsigned char* out) {
  if (epk.size() != crypto_box_PUBLICKEYBYTES) return false;
  // On the stack for speed; wiped before returning.
  unsigned char shared[crypto_scalarmult_BYTES];
  bool ok = crypto_scalarmult(shared, secret_key(unwrapped), epk.data()) == 0;
  if (ok) epoch_key_from_shared(shared, epk, public_key, out);
  sodium_memzero(shared, sizeof shared);
  return ok;
}

std::optional<Secret> reader_epoch_key(const Secret& unwrapped, std::span<const unsigned char> public_key,
                                       std::span<const unsigned char> epk) {
  Secret key(32);
  if (!reader_epoch_key_into(unwrapped, public_key, epk, key.data())) return std::nullopt;
  return key;
}

Bytes entry_ad(std::span<const unsigned char> log_id, std::int64_t epoch, std::int64_t seq) {
  Bytes ad;
  append(ad, kEntryContext);
  append(ad, log_id);
  append_u64(ad, static_cast<std::uint64_t>(epoch));
  append_u64(ad, static_cast<std::uint64_t>(seq));
  return ad;
}

Bytes seal_entry(const Secret& epoch_key, std::span<const unsigned char> ad, std::span<const unsigned char> plaintext) {
  Bytes out(1 + kNonceBytes + plaintext.size() + kTagBytes);
  out[0] = kCiphertextVersion;
  randombytes_buf(out.data() + 1, kNonceBytes);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + 1 + kNonceBytes, &len, plaintext.data(), plaintext.size(),
                                             ad.data(), ad.size(), nullptr, out.data() + 1, epoch_key.data());
  return out;
}

std::optional<Bytes> open_entry(const unsigned char* epoch_key, std::span<const unsigned char> ad,
                                std::span<const unsigned char> ciphertext) {
  if (ciphertext.size() < 1 + kNonceBytes + kTagBytes || ciphertext[0] != kCiphertextVersion) return std::nullopt;
  Bytes out(ciphertext.size() - 1 - kNonceBytes - kTagBytes);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), nullptr, nullptr, ciphertext.data() + 1 + kNonceBytes,
                                                 ciphertext.size() - 1 - kNonceBytes, ad.data(), ad.size(),
                                                 ciphertext.data() + 1, epoch_key) != 0) {
    return std::nullopt;
  }
  return out;
}

Hash genesis_hash(std::span<const unsigned char> log_id) {
  Bytes m;
  append(m, kGenesisContext);
  append(m, log_id);
  return blake2b(m);
}

Hash chain_hash(std::int64_t seq, std::int64_t epoch, std::span<const unsigned char> ciphertext) {
  Hash out{};
  Bytes prefix;
  append(prefix, kChainContext);
  append_u64(prefix, static_cast<std::uint64_t>(seq));
  append_u64(prefix, static_cast<std::uint64_t>(epoch));
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, out.size());
  crypto_generichash_update(&st, prefix.data(), prefix.size());
  crypto_generichash_update(&st, ciphertext.data(), ciphertext.size());
  crypto_generichash_final(&st, out.data(), out.size());
  return out;
}

Bytes frame_plaintext(std::int64_t seq, const Hash& prev, std::string_view json) {
  Bytes out;
  out.reserve(kHeaderBytes + json.size() + kPadBlock);
  append(out, std::string_view("OVE1"));
  append_u64(out, static_cast<std::uint64_t>(seq));
  append(out, prev);
  append(out, json);
  std::size_t unpadded = out.size();
  out.resize(unpadded + kPadBlock);
  std::size_t padded = 0;
  sodium_pad(&padded, out.data(), unpadded, kPadBlock, out.size());
  out.resize(padded);
  return out;
}

std::optional<Unframed> unframe_plaintext(Bytes& padded) {
  std::size_t unpadded = 0;
  if (sodium_unpad(&unpadded, padded.data(), padded.size(), kPadBlock) != 0) return std::nullopt;
  if (unpadded < kHeaderBytes || std::memcmp(padded.data(), "OVE1", 4) != 0) return std::nullopt;
  Unframed u;
  u.seq = static_cast<std::int64_t>(read_u64(padded.data() + 4));
  std::memcpy(u.prev.data(), padded.data() + 12, 32);
  u.json = std::string_view(reinterpret_cast<const char*>(padded.data()) + kHeaderBytes, unpadded - kHeaderBytes);
  return u;
}

namespace {
Bytes trust_body(const TrustRecord& t) {
  Bytes b;
  append_u64(b, static_cast<std::uint64_t>(t.anchor_seq));
  append(b, t.anchor_hash);
  append_u64(b, static_cast<std::uint64_t>(t.checkpoint_seq));
  append(b, t.checkpoint_hash);
  return b;
}
Hash trust_mac(const Secret& unwrapped, std::span<const unsigned char> log_id, std::span<const unsigned char> body) {
  Bytes m;
  append(m, kTrustContext);
  append(m, log_id);
  append(m, body);
  return blake2b(m, std::span<const unsigned char>(audit_key(unwrapped), 32));
}
}  // namespace

Bytes seal_trust(const Secret& unwrapped, std::span<const unsigned char> log_id, const TrustRecord& t) {
  Bytes body = trust_body(t);
  Hash mac = trust_mac(unwrapped, log_id, body);
  append(body, mac);
  return body;
}

std::optional<TrustRecord> open_trust(const Secret& unwrapped, std::span<const unsigned char> log_id,
                                      std::span<const unsigned char> blob) {
  if (blob.size() != kTrustBytes + 32) return std::nullopt;
  Hash mac = trust_mac(unwrapped, log_id, blob.first(kTrustBytes));
  if (sodium_memcmp(mac.data(), blob.data() + kTrustBytes, 32) != 0) return std::nullopt;
  TrustRecord t;
  const unsigned char* p = blob.data();
  t.anchor_seq = static_cast<std::int64_t>(read_u64(p));
  std::memcpy(t.anchor_hash.data(), p + 8, 32);
  t.checkpoint_seq = static_cast<std::int64_t>(read_u64(p + 40));
  std::memcpy(t.checkpoint_hash.data(), p + 48, 32);
  return t;
}

std::string to_hex(std::span<const unsigned char> bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();
  return out;
}

}  // namespace ownvoice::log::crypto
