#include "log/export_crypto.hpp"

#include <sodium.h>

#include <cstdint>
#include <cstring>

#include "log/crypto.hpp"
#include "log/secret.hpp"

namespace ownvoice::log {
namespace {

constexpr std::string_view kBegin = "-----BEGIN OWNVOICE ENCRYPTED EXPORT-----";
constexpr std::string_view kEnd = "-----END OWNVOICE ENCRYPTED EXPORT-----";
constexpr unsigned char kMagic[4] = {'O', 'V', 'X', '1'};
constexpr std::size_t kSalt = crypto_pwhash_SALTBYTES;
constexpr std::size_t kHeader = 4 + kSalt + 8 + 8;
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kLineChars = 76;
// Bounds on the cost read from a file: a crafted export must not allocate unbounded memory.
constexpr std::uint64_t kMaxOps = 64;
constexpr std::uint64_t kMaxMem = std::uint64_t{4} << 30;

void put_le64(crypto::Bytes& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
std::uint64_t get_le64(const unsigned char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

Secret derive(std::string_view passphrase, const unsigned char* salt, std::uint64_t ops, std::size_t mem) {
  Secret key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), salt, ops, mem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw Error(ErrorCode::io_error, "not enough memory to derive the export key");
  }
  return key;
}

}  // namespace

std::string seal_export(std::string_view passphrase, std::string_view plaintext, const KdfParams& params) {
  require_passphrase_length(passphrase);
  crypto::ensure_sodium();
  crypto::Bytes blob(kMagic, kMagic + 4);
  const crypto::Bytes salt = crypto::random_bytes(kSalt);
  blob.insert(blob.end(), salt.begin(), salt.end());
  put_le64(blob, params.opslimit);
  put_le64(blob, params.memlimit);
  const crypto::Bytes nonce = crypto::random_bytes(kNonce);
  blob.insert(blob.end(), nonce.begin(), nonce.end());
  const Secret key = derive(passphrase, salt.data(), params.opslimit, params.memlimit);
  const std::size_t at = blob.size();
  blob.resize(at + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(blob.data() + at, &written,
                                             reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                                             blob.data(), kHeader, nullptr, nonce.data(), key.data());
  blob.resize(at + written);

  std::string b64(sodium_base64_ENCODED_LEN(blob.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), blob.data(), blob.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  std::string out(kBegin);
  out += "\n";
  for (std::size_t i = 0; i < b64.size(); i += kLineChars) out += b64.substr(i, kLineChars) + "\n";
  out += kEnd;
  out += "\n";
  return out;
}

std::string open_export(std::string_view passphrase, std::string_view armored) {
  crypto::ensure_sodium();
  std::string out;
  std::size_t pos = 0;
  int blobs = 0;
  for (;;) {
    const std::size_t begin = armored.find(kBegin, pos);
    if (begin == std::string_view::npos) break;
    const std::size_t end = armored.find(kEnd, begin);
    if (end == std::string_view::npos) throw Error(ErrorCode::invalid_argument, "an encrypted export has no END line");
    std::string b64;
    for (char c : armored.substr(begin + kBegin.size(), end - begin - kBegin.size())) {
      if (c != '\n' && c != '\r' && c != ' ') b64 += c;
    }
    crypto::Bytes blob(b64.size());
    std::size_t len = 0;
    if (sodium_base642bin(blob.data(), blob.size(), b64.data(), b64.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len < kHeader + kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        std::memcmp(blob.data(), kMagic, 4) != 0) {
      throw Error(ErrorCode::invalid_argument, "an encrypted export is malformed");
    }
    blob.resize(len);
    const std::uint64_t ops = get_le64(blob.data() + 4 + kSalt);
    const std::uint64_t mem = get_le64(blob.data() + 4 + kSalt + 8);
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > kMaxOps || mem < crypto_pwhash_MEMLIMIT_MIN || mem > kMaxMem) {
      throw Error(ErrorCode::invalid_argument, "an encrypted export has a key derivation cost out of range");
    }
    const Secret key = derive(passphrase, blob.data() + 4, ops, static_cast<std::size_t>(mem));
    const std::size_t at = kHeader + kNonce;
    std::string plain(len - at - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
    unsigned long long plain_len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plain_len, nullptr,
                                                   blob.data() + at, len - at, blob.data(), kHeader,
                                                   blob.data() + kHeader, key.data()) != 0) {
      throw Error(ErrorCode::wrong_passphrase, "wrong passphrase for this export (or the file was altered)");
    }
    out += plain;
    sodium_memzero(plain.data(), plain.size());
    ++blobs;
    pos = end + kEnd.size();
  }
  if (blobs == 0) throw Error(ErrorCode::invalid_argument, "no encrypted export found (no BEGIN line)");
  return out;
}

}  // namespace ownvoice::log
