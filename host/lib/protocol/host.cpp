#include "protocol/host.hpp"

#include <sodium.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <utility>

#include "ownvoice/version.hpp"
#include "platform/platform.hpp"
#include "protocol/caller.hpp"
#include "protocol/diagnostics.hpp"
#include "protocol/frame.hpp"
#include "protocol/sandbox.hpp"
#include "protocol/session.hpp"
#include "protocol/stdio_channel.hpp"

namespace ownvoice::protocol {
namespace {

std::optional<std::string> system_policy_override(const HostArguments& args) {
  if (args.policy_path) return args.policy_path;
  if (auto env = platform::env_or_empty("OWNVOICE_SYSTEM_POLICY"); !env.empty()) return env;
  return std::nullopt;
}

// Only the file IT installs may add callers: the managed layer comes from the extension
// itself and the user layer from the employee, and neither may widen the allowlist. At
// start-up there is no managed layer, and the loader refuses the field in the employee's
// preferences, so the merged list is the system one; if a user layer ever did set it,
// read the system file alone.
std::vector<std::string> system_allowed_ids(const policy::EffectivePolicy& effective) {
  const auto source = effective.sources.find("allowed_extension_ids");
  if (source == effective.sources.end() || source->second == "builtin" || source->second == "system") {
    return effective.policy.allowed_extension_ids;
  }
  std::vector<std::string> ids;
  for (const auto& layer : effective.layers) {
    if (layer.kind != policy::LayerKind::System || !layer.ok || !layer.present || layer.path.empty()) continue;
    std::string error;
    const auto doc = policy::read_policy_file(layer.path, error);
    if (!doc || !doc->is_object()) continue;
    const auto it = doc->find("allowed_extension_ids");
    if (it == doc->end() || !it->is_array()) continue;
    for (const auto& id : *it) {
      if (id.is_string()) ids.push_back(id.get<std::string>());
    }
  }
  return ids;
}

const char* browser_name(Browser b) {
  switch (b) {
    case Browser::Chromium: return "chromium";
    case Browser::Firefox: return "firefox";
    case Browser::Unknown: return "unknown";
  }
  return "unknown";
}

int refuse_caller(const Channel& channel, FrameReader& reader, spdlog::logger& logger) {
  const FrameEvent event = reader.next();
  if (event.status != FrameStatus::Frame && event.status != FrameStatus::TooLarge) return kExitForbiddenCaller;
  nlohmann::json id;
  try {
    (void)parse_request(event.body, id);
  } catch (const ProtocolError&) {
    // The id, when readable, is all we need from the request.
  }
  const std::string reply = serialize_reply(
      make_error(id, ErrorCode::ForbiddenCaller, "this extension is not allowed to use the OwnVoice host"),
      kMaxReplyBytes);
  if (!write_frame(channel.out_fd, reply)) logger.warn("could not write the forbidden_caller reply");
  return kExitForbiddenCaller;
}

std::string layer_sources(const policy::EffectivePolicy& effective) {
  std::string out;
  for (const auto& layer : effective.layers) {
    if (!out.empty()) out += ", ";
    out += policy::to_string(layer.kind);
    if (!layer.path.empty()) out += " " + layer.path;
    out += !layer.ok ? " rejected" : (layer.present ? " ok" : " absent");
  }
  return out;
}

int serve(const Channel& channel, const HostArguments& args, const HostOptions& host_options, Diagnostics& diagnostics,
          const platform::HardeningStatus& hardening) {
  spdlog::logger& logger = *diagnostics.logger;

  policy::LoadOptions options;
  options.system_path = system_policy_override(args);
  policy::EffectivePolicy base = policy::load_layers(options);
  for (const auto& layer : base.rejected()) {
    logger.warn("policy layer {} rejected: {}", policy::to_string(layer.kind), layer.error);
  }
  const std::size_t max_bytes = args.max_message_bytes.value_or(
      base.policy.max_message_bytes > 0 ? base.policy.max_message_bytes : kDefaultMaxMessageBytes);
  std::vector<std::string> allowed_ids = system_allowed_ids(base);
  allowed_ids.insert(allowed_ids.end(), host_options.extra_allowed_ids.begin(), host_options.extra_allowed_ids.end());
  const bool allowed = is_allowed_caller(args.caller, allowed_ids);
  // Debug is never read from the environment or from a policy/preferences file (IT can
  // write both): only a request's own "debug": true turns it on, for that request.

  // From here on the process cannot open a connection, whatever code runs in it.
  const SandboxStatus sandbox = install_network_filter();
  if (!sandbox.installed) logger.warn("network filter not installed: {}", sandbox.detail);
  if (!hardening.detail.empty()) logger.warn("process hardening: {}", hardening.detail);

  // The start summary: what a support person needs, nothing about any post. Written only
  // when it changed since the last start (the host starts once per post).
  record_start(diagnostics,
               std::string("ownvoice-host ") + kVersion + "; caller " + browser_name(args.caller.browser) +
                   (allowed ? " (allowed)" : " (refused)") + "; policy " + layer_sources(base) + "; network " +
                   (sandbox.installed ? "enforced (" + sandbox.detail + ")" : "not enforced (" + sandbox.detail + ")") +
                   "; core dumps " + (hardening.core_dumps_disabled ? "off" : "on") + "; dumpable " +
                   (hardening.non_dumpable ? "no" : "yes"));

  FdSource source(channel.in_fd);
  FrameReader reader(source, max_bytes);
  if (!allowed) {
    logger.warn("refusing caller {} '{}'", browser_name(args.caller.browser), args.caller.extension_id.substr(0, 128));
    return refuse_caller(channel, reader, logger);
  }

  HostConfig config;
  config.max_message_bytes = max_bytes;
  config.load_options = options;
  config.caller = args.caller;
  config.sandbox = sandbox;
  Session session(std::move(config), std::move(base), diagnostics.logger);

  std::vector<HandlerEntry> handlers = standard_handlers();
  handlers.insert(handlers.end(), host_options.extra_handlers.begin(), host_options.extra_handlers.end());
  const Dispatcher dispatcher(std::move(handlers));

  for (;;) {
    FrameEvent event = reader.next();
    std::string reply;
    switch (event.status) {
      case FrameStatus::EndOfInput: logger.debug("stdin closed: exiting"); return kExitOk;
      case FrameStatus::TruncatedLength:
      case FrameStatus::TruncatedBody:
        // An error by code only: the declared length would tell the post's size.
        logger.warn("error: stdin ended in the middle of a frame ({})", to_string(event.status));
        return kExitOk;
      case FrameStatus::TooLarge:
        logger.warn("error: {}", to_string(ErrorCode::MessageTooLarge));
        reply = dump_json(make_error(nullptr, ErrorCode::MessageTooLarge,
                                     "the message is " + std::to_string(event.declared_length) +
                                         " bytes; the limit is " + std::to_string(max_bytes)));
        break;
      case FrameStatus::Frame: reply = dispatcher.answer(session, event.body); break;
    }
    if (!write_frame(channel.out_fd, reply)) {
      logger.debug("the browser closed the channel: exiting");
      return kExitOk;
    }
  }
}

}  // namespace

int run_host(int argc, char** argv, const HostOptions& host_options) {
  // Before anything reads a post or a passphrase: no core file, not dumpable, and every
  // file this process creates (host.log, the log and its WAL) for the user only.
  const platform::HardeningStatus hardening = platform::harden_process();
  platform::restrict_new_files();
  platform::use_one_heap();
#ifdef SIGPIPE
  // A browser that goes away must give us EPIPE from write(2), not kill us mid-log.
  std::signal(SIGPIPE, SIG_IGN);
#endif
  const Channel channel = isolate_stdio();
  const HostArguments args = parse_arguments(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
  if (args.version) {
    const std::string line =
        std::string("ownvoice-host ") + kVersion + " (protocol " + std::to_string(kProtocolVersion) + ")\n";
    return write_all(channel.out_fd, line) ? kExitOk : kExitFailure;
  }

  Diagnostics diagnostics = open_diagnostics(default_state_dir());
  if (!diagnostics.warning.empty()) std::fprintf(stderr, "ownvoice-host: warning: %s\n", diagnostics.warning.c_str());
  if (!args.error.empty()) {
    diagnostics.logger->error("bad command line: {}", args.error);
    std::fprintf(stderr, "ownvoice-host: %s\n", args.error.c_str());
    return kExitUsage;
  }
  if (!channel.ok) {
    diagnostics.logger->error("cannot set up the stdio channel");
    return kExitFailure;
  }
  if (sodium_init() < 0) {
    diagnostics.logger->error("libsodium failed to initialise");
    return kExitFailure;
  }
  try {
    const int status = serve(channel, args, host_options, diagnostics, hardening);
    diagnostics.logger->flush();
    return status;
  } catch (const std::exception& e) {
    diagnostics.logger->critical("fatal: {}", e.what());
    diagnostics.logger->flush();
    return kExitFailure;
  }
}

}  // namespace ownvoice::protocol
