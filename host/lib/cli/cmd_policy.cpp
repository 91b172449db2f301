// `ownvoice policy show|validate|test`: the employee sees what the employer screens for;
// IT validates a policy and measures how noisy each rule is before deploying it.
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "platform/platform.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "checks/confidential.hpp"
#include "engine/engine.hpp"
#include "engine/evaluation.hpp"
#include "policy/loader.hpp"
#include "text/normalize.hpp"

namespace ownvoice::cli {
namespace {

int show(const std::string& policy_file, bool json) {
  policy::LoadOptions lo;
  if (!policy_file.empty()) lo.system_path = policy_file;
  const auto ep = policy::load_layers(lo);
  const auto d = policy::describe(ep);
  if (json) {
    std::cout << d.dump(2) << "\n";
    return kOk;
  }
  const auto style = make_style(ColorMode::Auto, 1);
  std::cout << style.bold("Policy layers (lowest first)") << "\n";
  for (const auto& l : d["layers"]) {
    std::cout << "  " << l["source"].get<std::string>();
    if (!l["path"].is_null()) std::cout << "  " << l["path"].get<std::string>();
    const std::string status = l["status"];
    std::cout << "  "
              << (status == "rejected" ? style.red(status)
                  : status == "absent" ? style.dim(status)
                                       : style.green(status))
              << "\n";
    if (l.contains("error")) std::cout << "      " << l["error"].get<std::string>() << "\n";
    if (l.contains("warnings"))
      for (const auto& w : l["warnings"]) std::cout << "      warning: " << w.get<std::string>() << "\n";
    if (l.contains("ignored"))
      for (const auto& w : l["ignored"]) std::cout << "      ignored: " << w.get<std::string>() << "\n";
  }
  const auto& p = ep.policy;
  const auto& src = ep.sources;
  auto from = [&src](const std::string& key) {
    auto it = src.find(key);
    return std::string(" (from ") + (it == src.end() ? "builtin" : it->second) + ")";
  };
  std::cout << "\n" << style.bold("What is screened, and where each value comes from") << "\n";
  std::cout << "  version: " << p.version << from("version") << "\n";
  std::cout << "  company: " << (p.company.empty() ? "(none)" : p.company) << from("company") << "\n";
  std::cout << "  brands:";
  for (const auto& b : p.brands) std::cout << " " << b << ";";
  std::cout << from("brands") << "\n";
  for (const auto& [lang, text] : p.disclaimers)
    std::cout << "  disclaimer " << lang << ": " << text << from("disclaimers." + lang) << "\n";
  std::cout << "  promotional threshold: " << p.promotional_threshold << from("promotional_threshold") << "\n";
  std::cout << "  rule packs:";
  for (const auto& pk : p.packs) std::cout << " " << pk;
  std::cout << from("packs") << "\n";
  for (const auto& r : p.rules) {
    std::cout << "  rule " << style.bold(r.id) << " [" << policy::to_string(r.severity) << "]" << from("rules." + r.id)
              << ": " << r.description << "\n";
    if (!r.terms.empty()) {
      std::cout << "      terms:";
      for (const auto& t : r.terms) std::cout << " \"" << t << "\"";
      std::cout << "\n";
    }
    for (const auto& pt : r.patterns) std::cout << "      pattern: " << pt << "\n";
    for (const auto& n : r.near) {
      std::cout << "      near (within " << n.within << " words):";
      for (const auto& t : n.left) std::cout << " " << t;
      std::cout << "  <->";
      for (const auto& t : n.right) std::cout << " " << t;
      std::cout << "\n";
    }
    if (!r.exceptions.empty()) {
      std::cout << "      exceptions:";
      for (const auto& t : r.exceptions) std::cout << " \"" << t << "\"";
      std::cout << "\n";
    }
    if (!r.platforms.empty()) {
      std::cout << "      only on:";
      for (const auto& t : r.platforms) std::cout << " " << t;
      std::cout << "\n";
    }
  }
  return kOk;
}

int validate(const std::string& file, bool json) {
  std::string error;
  auto doc = policy::read_policy_file(file, error);
  nlohmann::json report = {{"file", file}};
  if (!doc) {
    report["valid"] = false;
    report["errors"] = {error};
  } else {
    const auto v = policy::validate(*doc, policy::LayerKind::System);
    report["valid"] = v.errors.empty();
    report["errors"] = nlohmann::json::array();
    for (const auto& e : v.errors) report["errors"].push_back(file + ": " + e);
    report["warnings"] = v.warnings;
    if (v.errors.empty()) {
      const checks::Screener screener(policy::from_json(*doc));
      const auto st = screener.stats();
      report["rules"] = doc->contains("rules") ? (*doc)["rules"].size() : 0;
      report["terms"] = st.terms;
      report["patterns"] = st.patterns;
    }
  }
  if (json) {
    std::cout << report.dump(2) << "\n";
  } else if (report["valid"].get<bool>()) {
    std::cout << file << ": valid (" << report["rules"] << " rules, " << report["terms"] << " terms, "
              << report["patterns"] << " patterns)\n";
    for (const auto& w : report["warnings"]) std::cout << file << ": warning: " << w.get<std::string>() << "\n";
  } else {
    for (const auto& e : report["errors"]) std::cerr << e.get<std::string>() << "\n";
  }
  return report["valid"].get<bool>() ? kOk : kWarn;
}

int test_corpus(const std::string& file, const std::string& corpus, bool json) {
  policy::LoadOptions lo;
  lo.system_path = file;
  lo.load_user = false;
  auto ep = policy::load_layers(lo);
  if (!ep.layers[1].ok || !ep.layers[1].present) {
    std::cerr << (ep.layers[1].present ? ep.layers[1].error : file + ": does not exist") << "\n";
    return kWarn;
  }
  std::ifstream in(platform::fs_path(corpus), std::ios::binary);
  if (!in) {
    std::cerr << "ownvoice: cannot open " << corpus << "\n";
    return kNoInput;
  }
  std::map<std::string, size_t> flagged;
  for (const auto& r : ep.policy.rules) flagged[r.id] = 0;
  const engine::Engine engine(std::move(ep));
  std::string line;
  size_t posts = 0, bad = 0, line_number = 0;
  // Posts that carry labels ({"expect": {...}}, tests/corpus/LABELLING.md) are also
  // measured: precision, recall, F1 per check with 95% bootstrap intervals.
  std::vector<engine::LabelledPost> labelled;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json post;
    try {
      post = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error&) {
      ++bad;
      continue;
    }
    if (!post.is_object() || !post.contains("text") || !post["text"].is_string() ||
        !text::is_valid_utf8(post["text"].get<std::string>())) {
      ++bad;
      continue;
    }
    ++posts;
    if (post.contains("expect")) {
      if (auto lp = engine::parse_labelled_post(post, line_number)) labelled.push_back(std::move(*lp));
    }
    engine::CheckRequest req;
    req.text = post["text"].get<std::string>();
    req.platform = post.value("platform", "generic");
    const auto res = engine.check(req);
    std::set<std::string> rules;
    for (const auto& f : res.findings)
      if (f.check == engine::CheckKind::Confidential) rules.insert(f.rule);
    for (const auto& r : rules) ++flagged[r];
  }
  if (json) {
    nlohmann::json out = {{"posts", posts}, {"invalid_lines", bad}, {"rules", nlohmann::json::object()}};
    for (const auto& [id, n] : flagged)
      out["rules"][id] = {{"flagged", n}, {"share", posts ? static_cast<double>(n) / static_cast<double>(posts) : 0.0}};
    if (!labelled.empty()) out["figures"] = engine::figures_json(engine::evaluate(engine, labelled));
    std::cout << out.dump(2) << "\n";
  } else {
    std::cout << posts << " posts" << (bad ? " (" + std::to_string(bad) + " invalid lines skipped)" : "") << "\n";
    for (const auto& [id, n] : flagged) {
      const double share = posts ? 100.0 * static_cast<double>(n) / static_cast<double>(posts) : 0.0;
      char buf[32];
      std::snprintf(buf, sizeof buf, "%5.1f%%", share);
      std::cout << "  " << buf << "  " << n << "  " << id << (share > 20.0 ? "   <- noisy?" : "") << "\n";
    }
    if (!labelled.empty()) {
      std::cout << labelled.size() << " labelled posts (95% bootstrap intervals, 1000 resamples):\n"
                << engine::format_figures(engine::evaluate(engine, labelled));
    }
  }
  return bad ? kDataError : kOk;
}

}  // namespace

void add_policy_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("policy", "Show, validate or test a policy");
  cmd->require_subcommand(1);

  auto show_file = std::make_shared<std::string>();
  auto show_json = std::make_shared<bool>(false);
  auto* s = cmd->add_subcommand("show", "The effective policy and where each value came from");
  s->add_option("--policy", *show_file, "Policy file to use instead of the system policy");
  s->add_flag("--json", *show_json, "Machine-readable output");
  s->callback([=, &exit_code] { exit_code = show(*show_file, *show_json); });

  auto v_file = std::make_shared<std::string>();
  auto v_json = std::make_shared<bool>(false);
  auto* v = cmd->add_subcommand("validate", "Check a policy file before deploying it");
  v->add_option("file", *v_file, "Policy file")->required();
  v->add_flag("--json", *v_json, "Machine-readable output");
  v->callback([=, &exit_code] { exit_code = validate(*v_file, *v_json); });

  auto t_file = std::make_shared<std::string>();
  auto t_corpus = std::make_shared<std::string>();
  auto t_json = std::make_shared<bool>(false);
  auto* t = cmd->add_subcommand("test", "How many posts of a sample each rule would flag");
  t->add_option("file", *t_file, "Policy file")->required();
  t->add_option("--corpus", *t_corpus, "Sample posts, one {\"text\": ...} per line")->required();
  t->add_flag("--json", *t_json, "Machine-readable output");
  t->callback([=, &exit_code] { exit_code = test_corpus(*t_file, *t_corpus, *t_json); });
}

}  // namespace ownvoice::cli
