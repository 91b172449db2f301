#pragma once
// Built-in rule packs a policy can switch on by name. Each detector pairs a pattern with
// a validator (IBAN mod 97, Luhn for card numbers, digit counts for phone numbers) so
// that a pack does not fire on ordinary numbers, dates or prices.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "policy/policy.hpp"

namespace ownvoice::checks {

struct PackHit {
  std::string detector;  // "email", "phone", "iban", "card", "aws_key", ...
  size_t begin = 0;      // byte range in the original text
  size_t end = 0;
};

struct PackInfo {
  std::string name;     // "personal_data"
  std::string rule_id;  // "pack:personal_data"
  std::string description;
  policy::Severity severity;
};

bool is_known_pack(std::string_view name);
PackInfo pack_info(std::string_view name);
std::vector<PackHit> scan_pack(std::string_view name, std::string_view original);

// Validators, exposed for tests.
bool iban_checksum_ok(std::string_view iban);  // letters/digits only, mod 97 == 1
bool luhn_ok(std::string_view digits);

}  // namespace ownvoice::checks
