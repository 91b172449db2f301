#include "checks/promotional.hpp"

namespace ownvoice::checks {

PromotionalResult check_promotional(std::string_view, const text::NormalizedText&,
                                    std::string_view, const policy::Policy&) {
  return {};
}

}  // namespace ownvoice::checks
