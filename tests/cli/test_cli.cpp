// `ownvoice check` and `ownvoice policy` through the real executable: exit statuses,
// --json, --jsonl, errors for bad input and broken policies.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;

namespace {
struct Run {
  int status;
  std::string out;
};

const std::string kPolicy = OWNVOICE_SOURCE_DIR "/examples/policy.example.json";

// One stderr file per test process: ctest runs these tests in parallel.
std::string stderr_path() { return "/tmp/ownvoice-cli-stderr-" + std::to_string(::getpid()); }

// Runs `ownvoice ARGS` with `input` on stdin; stdout captured, stderr to a file.
Run run(const std::string& args, const std::string& input = "") {
  const fs::path in = fs::temp_directory_path() / ("ownvoice-cli-in-" + std::to_string(::getpid()));
  std::ofstream(in, std::ios::binary) << input;
  const std::string cmd =
      "OWNVOICE_USER_PREFERENCES=/nonexistent " OWNVOICE_CLI " " + args + " < " + in.string() + " 2>" + stderr_path();
  FILE* p = ::popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int st = ::pclose(p);
  fs::remove(in);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st), out};
}

std::string stderr_text() {
  std::ifstream f(stderr_path());
  return std::string(std::istreambuf_iterator<char>(f), {});
}
}  // namespace

TEST(Cli, ExitStatusFollowsTheVerdict) {
  EXPECT_EQ(run("check --policy " + kPolicy, "A lovely hike. Opinions are my own.").status, 0);
  EXPECT_EQ(run("check --policy " + kPolicy, "Ticket LUM-4521 closed. Opinions are my own.").status, 1);
  EXPECT_EQ(run("check --policy " + kPolicy, "Le #ProjetEdelweiss avance").status, 2);
}

TEST(Cli, JsonPrintsExactlyTheResultObject) {
  const auto r = run("check --json --platform x --policy " + kPolicy, "PROJET\u00a0ÉDELWEISS arrive");
  ASSERT_EQ(r.status, 2);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["verdict"], "block");
  EXPECT_EQ(j["platform"], "x");
  EXPECT_EQ(j["findings"][0]["excerpt"], "PROJET\u00a0ÉDELWEISS");
}

TEST(Cli, JsonlChecksOnePostPerLine) {
  const std::string input =
      "{\"text\": \"Projet Edelweiss\", \"platform\": \"x\"}\n"
      "{\"text\": \"A walk in the park. Views my own.\"}\n"
      "\n"
      "{\"text\": \"LUM-123\", \"platform\": \"mastodon\"}\n";
  const auto r = run("check --jsonl --policy " + kPolicy, input);
  EXPECT_EQ(r.status, 2);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> results;
  for (std::string l; std::getline(lines, l);) results.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["verdict"], "block");
  EXPECT_EQ(results[1]["verdict"], "ok");
  EXPECT_EQ(results[2]["verdict"], "warn");
  EXPECT_EQ(results[2]["platform"], "mastodon");
}

TEST(Cli, BadJsonlLinesAreReportedAndTheRestStillChecked) {
  const auto r = run("check --jsonl --policy " + kPolicy, "not json\n{\"text\": \"hello\"}\n{\"nope\": 1}\n");
  EXPECT_EQ(r.status, 65);
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> results;
  for (std::string l; std::getline(lines, l);) results.push_back(nlohmann::json::parse(l));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["error"], "invalid JSON");
  EXPECT_EQ(results[1]["verdict"], "ok");
  EXPECT_EQ(results[2]["line"], 3);
}

// A batch is checked by several threads in blocks of lines: the results must come out in
// the input's order, each error must name its own line across block boundaries, and the
// last line needs no newline. The same input on one thread is the reference.
TEST(Cli, JsonlOnManyThreadsKeepsTheInputsOrderAndLineNumbers) {
  const std::vector<std::string> kinds = {
      "{\"text\": \"Le #ProjetEdelweiss avance\", \"platform\": \"x\"}",
      "{\"text\": \"A walk in the park. Views my own.\"}",
      "{\"text\": \"Ticket LUM-4521 closed.\", \"platform\": \"mastodon\"}",
      "{\"text\": \"-20 % sur Photon Suite jusqu'\u00e0 dimanche ! lumetra.ch/boutique\"}",
  };
  std::string input;
  const size_t count = 1300;  // more than two blocks
  for (size_t n = 1; n <= count; ++n) {
    if (n % 97 == 0) {
      input += "{\"nope\": " + std::to_string(n) + "}";
    } else if (n % 89 == 0) {
      input += "   ";  // blank: no output line
    } else {
      input += kinds[n % kinds.size()];
    }
    if (n < count) input += "\n";
  }
  const auto strip_ids = [](const std::string& out) {
    std::vector<nlohmann::json> results;
    std::istringstream lines(out);
    for (std::string l; std::getline(lines, l);) {
      auto j = nlohmann::json::parse(l);
      j.erase("check_id");
      results.push_back(std::move(j));
    }
    return results;
  };
  const auto one = run("check --jsonl -j 1 --policy " + kPolicy, input);
  const auto many = run("check --jsonl -j 4 --policy " + kPolicy, input);
  EXPECT_EQ(one.status, 65);
  EXPECT_EQ(many.status, 65);
  const auto a = strip_ids(one.out);
  const auto b = strip_ids(many.out);
  ASSERT_EQ(a.size(), count - count / 89 + count / (89 * 97));
  EXPECT_EQ(a, b);
  // Each output line belongs to the input line in the same place: errors name their line,
  // results carry their line's platform (x, generic, mastodon, generic, ...).
  const std::vector<std::string> platforms = {"x", "generic", "mastodon", "generic"};
  size_t at = 0;
  for (size_t n = 1; n <= count; ++n) {
    if (n % 89 == 0 && n % 97 != 0) continue;
    ASSERT_LT(at, b.size());
    if (n % 97 == 0) {
      EXPECT_EQ(b[at]["line"], n);
    } else {
      EXPECT_EQ(b[at]["platform"], platforms[n % 4]) << "line " << n;
      if (n % 4 == 0) {
        EXPECT_EQ(b[at]["verdict"], "block") << "line " << n;
      } else if (n % 4 == 2) {
        EXPECT_EQ(b[at]["verdict"], "warn") << "line " << n;
      }
    }
    ++at;
  }
  EXPECT_EQ(at, b.size());
  EXPECT_EQ(b.back()["verdict"], "block");  // line 1300, without a newline, was checked
}

TEST(Cli, InvalidUtf8AndMissingFilesAreDistinctErrors) {
  EXPECT_EQ(run("check --policy " + kPolicy, std::string("caf\xC3", 4)).status, 65);
  EXPECT_NE(stderr_text().find("not valid UTF-8"), std::string::npos);
  EXPECT_EQ(run("check /nonexistent/post.txt").status, 66);
  EXPECT_EQ(run("check --platform").status, 64);
  EXPECT_EQ(run("frobnicate").status, 64);
}

TEST(Cli, BrokenPolicyIsNamedAndTheChecksStillRun) {
  const fs::path bad = fs::temp_directory_path() / ("ownvoice-bad-policy-" + std::to_string(::getpid()) + ".json");
  std::ofstream(bad) << "{\n  \"rules\": [\n    {\"id\": \"a\", \"severity\": \"high\", \"terms\": [\"x\"]}\n  ]\n}\n";
  const auto r = run("check --json --policy " + bad.string(), "hello world");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(stderr_text().find(bad.string() + ": rules[0].severity"), std::string::npos) << stderr_text();
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["policy"]["rejected_layers"].size(), 1u);

  const auto v = run("policy validate " + bad.string());
  EXPECT_EQ(v.status, 1);
  EXPECT_NE(stderr_text().find("must be \"block\" or \"warn\""), std::string::npos);
  std::ofstream(bad) << "{ \"company\": \"X\",, }";
  EXPECT_EQ(run("policy validate " + bad.string()).status, 1);
  EXPECT_NE(stderr_text().find(bad.string() + ":1:"), std::string::npos) << stderr_text();
  fs::remove(bad);
}

TEST(Cli, PolicyShowNamesEverySource) {
  const auto r = run("policy show --json --policy " + kPolicy);
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["sources"]["company"], "system");
  EXPECT_EQ(j["sources"]["rules.codenames"], "system");
  EXPECT_EQ(j["sources"]["promotional_threshold"], "system");
  EXPECT_EQ(j["effective"]["company"], "Lumetra");
  const auto human = run("policy show --policy " + kPolicy);
  EXPECT_NE(human.out.find("rule codenames [block] (from system)"), std::string::npos) << human.out;
}

TEST(Cli, PolicyTestCountsFlaggedPostsPerRule) {
  const fs::path corpus = fs::temp_directory_path() / ("ownvoice-corpus-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(corpus)
      << "{\"text\": \"Projet Edelweiss\"}\n{\"text\": \"LUM-1234 and Orion\"}\n{\"text\": \"hello\"}\n";
  const auto r = run("policy test " + kPolicy + " --json --corpus " + corpus.string());
  ASSERT_EQ(r.status, 0);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["posts"], 3);
  EXPECT_EQ(j["rules"]["codenames"]["flagged"], 2);
  EXPECT_EQ(j["rules"]["tickets"]["flagged"], 1);
  EXPECT_EQ(j["rules"]["deals"]["flagged"], 0);
  fs::remove(corpus);
}

TEST(Cli, PolicyTestMeasuresLabelledPosts) {
  // An IT sample with labels (tests/corpus/LABELLING.md) gets the corpus test's figures.
  const fs::path corpus = fs::temp_directory_path() / ("ownvoice-labelled-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(corpus)
      << R"({"id": "a", "text": "Projet Edelweiss avance. Ces propos n'engagent que moi.", "expect": {"disclaimer_present": true, "promotional": false, "confidential": ["codenames"]}})"
         "\n"
      << R"({"id": "b", "text": "Selling my bike, 300 EUR, DM me.", "expect": {"disclaimer_present": false, "promotional": true, "confidential": []}})"
         "\n"
      << R"({"id": "c", "text": "Morning run by the lake.", "expect": {"disclaimer_present": true, "promotional": false, "confidential": []}})"
         "\n";
  const auto r = run("policy test " + kPolicy + " --json --corpus " + corpus.string());
  ASSERT_EQ(r.status, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& d = j["figures"]["checks"]["disclaimer"];
  EXPECT_EQ(d["tp"], 1);
  EXPECT_EQ(d["fn"], 1);  // post c is labelled (wrongly) as having one: the figures say so
  EXPECT_DOUBLE_EQ(d["recall"]["value"].get<double>(), 0.5);
  EXPECT_LE(d["recall"]["low"].get<double>(), 0.5);
  EXPECT_EQ(j["figures"]["checks"]["promotional"]["tp"], 1);
  EXPECT_EQ(j["figures"]["checks"]["confidential"]["tp"], 1);
  const auto human = run("policy test " + kPolicy + " --corpus " + corpus.string());
  EXPECT_NE(human.out.find("3 labelled posts"), std::string::npos) << human.out;
  EXPECT_NE(human.out.find("disclaimer    P 1.000"), std::string::npos) << human.out;
  fs::remove(corpus);
}

TEST(Cli, VersionAndHelp) {
  EXPECT_EQ(run("--version").out, "ownvoice 0.1.0\n");
  const auto h = run("check --help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("--jsonl"), std::string::npos);
}
