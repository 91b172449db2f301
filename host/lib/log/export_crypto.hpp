#pragma once
// Encrypted exports: a page of the log sealed under a passphrase the employee chooses for
// the file (not the log's), so an export left in Downloads or on a share is not readable
// by whoever can read the file. Format (docs/log-crypto.md, "Encrypted export"):
//
//   -----BEGIN OWNVOICE ENCRYPTED EXPORT-----
//   base64( "OVX1" || salt (16) || opslimit (8, LE) || memlimit (8, LE) || nonce (24) ||
//           XChaCha20-Poly1305(key = Argon2id(passphrase, salt, ops, mem), ad = the 36 bytes before the nonce) )
//   -----END OWNVOICE ENCRYPTED EXPORT-----
//
// A file may hold several blobs one after the other (one per page); open_export returns
// their clear texts concatenated in order.
#include <string>
#include <string_view>

#include "log/store.hpp"

namespace ownvoice::log {

// Throws passphrase_too_short, io_error (the KDF memory cannot be allocated).
std::string seal_export(std::string_view passphrase, std::string_view plaintext, const KdfParams& params);

// Throws invalid_argument (no blob, malformed base64 or header, a cost out of range) and
// wrong_passphrase (a blob does not authenticate under this passphrase).
std::string open_export(std::string_view passphrase, std::string_view armored);

}  // namespace ownvoice::log
