// Built-in rule packs: personal data of others and secrets in common formats.
// Patterns run case-sensitively on the original text (key formats are case-sensitive);
// every candidate goes through a validator before it is reported.
#include "checks/confidential_packs.hpp"

#include <re2/re2.h>

#include <cctype>
#include <memory>

namespace ownvoice::checks {
namespace {

struct Detector {
  const char* name;
  std::unique_ptr<RE2> re;
  bool (*valid)(std::string_view);
};

std::string digits_of(std::string_view s) {
  std::string d;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) d.push_back(c);
  return d;
}

bool valid_any(std::string_view) { return true; }

bool valid_phone(std::string_view s) {
  const auto d = digits_of(s);
  if (d.size() < 9 || d.size() > 15) return false;
  // A run of one digit ("0000000000") is a placeholder, not a number.
  return d.find_first_not_of(d[0]) != std::string::npos;
}

bool valid_iban(std::string_view s) {
  std::string compact;
  for (char c : s)
    if (c != ' ') compact.push_back(c);
  return compact.size() >= 15 && compact.size() <= 34 && iban_checksum_ok(compact);
}

bool valid_card(std::string_view s) {
  const auto d = digits_of(s);
  if (d.size() < 13 || d.size() > 19) return false;
  if (d[0] < '2' || d[0] > '6') return false;  // Mastercard 2/5, Amex 3, Visa 4, Discover 6
  if (d.find_first_not_of(d[0]) == std::string::npos) return false;
  return luhn_ok(d);
}

std::unique_ptr<RE2> compile(const char* pattern) {
  RE2::Options opt;
  opt.set_log_errors(false);
  return std::make_unique<RE2>(pattern, opt);
}

const std::vector<Detector>& detectors(std::string_view pack) {
  static const std::vector<Detector> personal = [] {
    std::vector<Detector> v;
    v.push_back(
        {"email", compile(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24})"), valid_any});
    v.push_back({"phone", compile(R"((?:\+|\b00)[1-9][0-9]{0,2}(?:[ .-]?\(?[0-9]{1,4}\)?){2,6}\b)"), valid_phone});
    v.push_back({"phone", compile(R"(\b0[1-9](?:[ .-]?[0-9]{2}){4}\b)"), valid_phone});
    v.push_back({"phone", compile(R"(\(\d{3}\) ?\d{3}[ .-]\d{4}\b|\b\d{3}-\d{3}-\d{4}\b)"), valid_phone});
    v.push_back({"iban", compile(R"(\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b)"), valid_iban});
    v.push_back({"card", compile(R"(\b[2-6][0-9]{3}(?:[ -]?[0-9]{3,4}){2,4}\b)"), valid_card});
    return v;
  }();
  static const std::vector<Detector> secrets = [] {
    std::vector<Detector> v;
    v.push_back({"aws_key", compile(R"(\b(?:AKIA|ASIA)[0-9A-Z]{16}\b)"), valid_any});
    v.push_back(
        {"github_token", compile(R"(\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,90}\b)"), valid_any});
    v.push_back({"slack_token", compile(R"(\bxox[baprs]-[A-Za-z0-9-]{10,}\b)"), valid_any});
    v.push_back({"google_api_key", compile(R"(\bAIza[0-9A-Za-z_-]{35}\b)"), valid_any});
    v.push_back({"stripe_key", compile(R"(\b[rs]k_live_[0-9A-Za-z]{24,}\b)"), valid_any});
    v.push_back({"openai_key", compile(R"(\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b)"), valid_any});
    v.push_back({"private_key",
                 compile(R"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)"),
                 valid_any});
    v.push_back({"jwt", compile(R"(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"), valid_any});
    return v;
  }();
  static const std::vector<Detector> none;
  if (pack == "personal_data") return personal;
  if (pack == "secrets") return secrets;
  return none;
}

}  // namespace

bool iban_checksum_ok(std::string_view iban) {
  if (iban.size() < 5) return false;
  // Move the first four characters to the end, letters as 10..35, then mod 97.
  const std::string rearranged = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  unsigned remainder = 0;
  for (char c : rearranged) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isdigit(u)) {
      remainder = (remainder * 10 + static_cast<unsigned>(u - '0')) % 97;
    } else if (std::isupper(u)) {
      const unsigned v = static_cast<unsigned>(u - 'A') + 10;
      remainder = (remainder * 100 + v) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool luhn_ok(std::string_view digits) {
  unsigned sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (!std::isdigit(static_cast<unsigned char>(*it))) return false;
    unsigned d = static_cast<unsigned>(*it - '0');
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

bool is_known_pack(std::string_view name) { return name == "personal_data" || name == "secrets"; }

PackInfo pack_info(std::string_view name) {
  if (name == "secrets")
    return {"secrets", "pack:secrets", "Credentials or keys (API keys, tokens, private keys)", policy::Severity::Block};
  return {"personal_data", "pack:personal_data",
          "Personal data of others (e-mail addresses, phone numbers, IBANs, card numbers)", policy::Severity::Warn};
}

std::vector<PackHit> scan_pack(std::string_view name, std::string_view original) {
  std::vector<PackHit> out;
  for (const auto& d : detectors(name)) {
    if (!d.re->ok()) continue;
    re2::StringPiece input(original.data(), original.size());
    re2::StringPiece match;
    size_t pos = 0;
    while (pos <= original.size() && out.size() < 200 &&
           d.re->Match(input, pos, original.size(), RE2::UNANCHORED, &match, 1)) {
      const auto b = static_cast<size_t>(match.data() - original.data());
      const size_t e = b + match.size();
      if (d.valid(std::string_view(match.data(), match.size()))) {
        bool overlaps = false;  // the same characters found by another detector of the pack
        for (const auto& h : out) overlaps = overlaps || (b < h.end && h.begin < e);
        if (!overlaps) out.push_back(PackHit{d.name, b, e});
      }
      pos = e > b ? e : b + 1;
    }
  }
  return out;
}

}  // namespace ownvoice::checks
