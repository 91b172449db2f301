// Dumps, for every post of the corpus, its split, labels, what the real engine decides and
// the promotional model's feature vector as the real extractor (checks::check_promotional)
// computes it. scripts/train_promotional.py trains on the train split of this output.
//
//   corpus_features [POSTS_DIR [POLICY]] > features.jsonl
#include <iostream>

#include "checks/language.hpp"
#include "checks/promotional.hpp"
#include "corpus_posts.hpp"
#include "engine/result_json.hpp"
#include "policy/loader.hpp"
#include "text/normalize.hpp"

using namespace ownvoice;

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : std::string(OWNVOICE_SOURCE_DIR) + "/tests/corpus/posts";
  policy::LoadOptions options;
  options.system_path = argc > 2 ? argv[2] : std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
  options.load_user = false;
  auto effective = policy::load_layers(options);
  if (!effective.rejected().empty()) {
    std::cerr << effective.rejected_json().dump() << "\n";
    return 1;
  }
  const policy::Policy pol = effective.policy;
  const engine::Engine engine(std::move(effective));
  const auto infos = checks::feature_infos();
  for (const auto& post : corpus::load_posts(dir)) {
    engine::CheckRequest req;
    req.text = post.text;
    req.platform = post.platform;
    const auto result = engine::to_json(engine.check(req));
    const auto norm = text::normalize(post.text);
    const std::string lang = result["language"].get<std::string>();
    const auto promo = checks::check_promotional(post.text, norm, lang, pol);
    nlohmann::json features = nlohmann::json::object();
    for (size_t i = 0; i < checks::kFeatureCount; ++i) features[infos[i].name] = promo.features[i];
    nlohmann::json expect = nlohmann::json::object();
    if (post.disclaimer) expect["disclaimer_present"] = *post.disclaimer;
    if (post.promotional) expect["promotional"] = *post.promotional;
    std::cout << nlohmann::json{{"id", post.id},
                                {"split", engine::is_test_post(post.id) ? "test" : "train"},
                                {"expect", expect},
                                {"got",
                                 {{"disclaimer", result["disclaimer"]["present"]},
                                  {"matched", result["disclaimer"]["matched"]},
                                  {"promotional", result["promotional"]["promotional"]},
                                  {"score", result["promotional"]["score"]}}},
                                {"features", features}}
                     .dump()
              << "\n";
  }
  return 0;
}
