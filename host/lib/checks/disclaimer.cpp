#include "checks/disclaimer.hpp"

namespace ownvoice::checks {

DisclaimerResult check_disclaimer(std::string_view original, const text::NormalizedText&,
                                  Platform platform, std::string_view language,
                                  const policy::Policy&) {
  DisclaimerResult r;
  r.language = std::string(language);
  r.form = "none";
  r.fits = false;
  r.length = measure_length(original, platform);
  r.limit = length_rule(platform).limit;
  return r;
}

}  // namespace ownvoice::checks
