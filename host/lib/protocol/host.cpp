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

int serve(const Channel& channel, const HostArguments& args, const std::vector<HandlerEntry>& extra_handlers,
          Diagnostics& diagnostics) {
  spdlog::logger& logger = *diagnostics.logger;

  policy::LoadOptions options;
  options.system_path = system_policy_override(args);
  policy::EffectivePolicy base = policy::load_layers(options);
  for (const auto& layer : base.rejected()) {
    logger.warn("policy layer {} rejected: {}", policy::to_string(layer.kind), layer.error);
  }
  const std::size_t max_bytes = args.max_message_bytes.value_or(
      base.policy.max_message_bytes > 0 ? base.policy.max_message_bytes : kDefaultMaxMessageBytes);
  const bool allowed = is_allowed_caller(args.caller, system_allowed_ids(base));
  // The employee may switch debug on in their preferences (the employer's policy cannot).
  const bool debug = debug_from_environment() || base.policy.debug;
  if (debug) logger.set_level(spdlog::level::debug);

  // From here on the process cannot open a connection, whatever code runs in it.
  const SandboxStatus sandbox = install_network_filter();
  if (sandbox.installed) {
    logger.info("{}", sandbox.detail);
  } else {
    logger.warn("network filter not installed: {}", sandbox.detail);
  }

  FdSource source(channel.in_fd);
  FrameReader reader(source, max_bytes);
  if (!allowed) {
    logger.warn("refusing caller {} '{}'", browser_name(args.caller.browser), args.caller.extension_id.substr(0, 128));
    return refuse_caller(channel, reader, logger);
  }
  logger.info("serving {} extension {} (policy {}, max message {} bytes)", browser_name(args.caller.browser),
              args.caller.extension_id, base.policy.version, max_bytes);

  HostConfig config;
  config.max_message_bytes = max_bytes;
  config.load_options = options;
  config.caller = args.caller;
  config.debug = debug;
  Session session(std::move(config), std::move(base), diagnostics.logger);

  std::vector<HandlerEntry> handlers = standard_handlers();
  handlers.insert(handlers.end(), extra_handlers.begin(), extra_handlers.end());
  const Dispatcher dispatcher(std::move(handlers));

  for (;;) {
    FrameEvent event = reader.next();
    std::string reply;
    switch (event.status) {
      case FrameStatus::EndOfInput:
        logger.info("stdin closed: exiting");
        return kExitOk;
      case FrameStatus::TruncatedLength:
      case FrameStatus::TruncatedBody:
        logger.warn("stdin ended in the middle of a frame ({}, declared length {}): exiting",
                    to_string(event.status), event.declared_length);
        return kExitOk;
      case FrameStatus::TooLarge:
        logger.warn("refused a {}-byte message (limit {})", event.declared_length, max_bytes);
        reply = dump_json(make_error(nullptr, ErrorCode::MessageTooLarge,
                                     "the message is " + std::to_string(event.declared_length) +
                                         " bytes; the limit is " + std::to_string(max_bytes)));
        break;
      case FrameStatus::Frame:
        reply = dispatcher.answer(session, event.body);
        break;
    }
    if (!write_frame(channel.out_fd, reply)) {
      logger.info("the browser closed the channel: exiting");
      return kExitOk;
    }
  }
}

}  // namespace

int run_host(int argc, char** argv, const std::vector<HandlerEntry>& extra_handlers) {
#ifdef SIGPIPE
  // A browser that goes away must give us EPIPE from write(2), not kill us mid-log.
  std::signal(SIGPIPE, SIG_IGN);
#endif
  const Channel channel = isolate_stdio();
  const HostArguments args = parse_arguments(std::vector<std::string>(argv + (argc > 0 ? 1 : 0), argv + argc));
  if (args.version) {
    const std::string line = std::string("ownvoice-host ") + kVersion + " (protocol " +
                             std::to_string(kProtocolVersion) + ")\n";
    return write_all(channel.out_fd, line) ? kExitOk : kExitFailure;
  }

  Diagnostics diagnostics = open_diagnostics(default_state_dir(), debug_from_environment());
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
    const int status = serve(channel, args, extra_handlers, diagnostics);
    diagnostics.logger->flush();
    return status;
  } catch (const std::exception& e) {
    diagnostics.logger->critical("fatal: {}", e.what());
    diagnostics.logger->flush();
    return kExitFailure;
  }
}

}  // namespace ownvoice::protocol
