#include "test_hooks.hpp"

#include <cstdlib>
#include <string>
#include <string_view>

#include "install/extension_ids.hpp"
#include "log/store.hpp"
#include "policy/allowed_callers.hpp"

namespace ownvoice::app {

void apply_test_environment() {
  install::include_development_id_for_tests();
  const char* fast = std::getenv("OWNVOICE_TEST_FAST_KDF");
  if (fast != nullptr && std::string_view(fast) == "1") log::KdfParams::use_fast_for_tests();
}

protocol::HostOptions test_host_options() {
  protocol::HostOptions options;
  options.extra_allowed_ids.emplace_back(policy::kChromiumDevelopmentId);
  return options;
}

}  // namespace ownvoice::app
