#pragma once
// The labelled corpus (tests/corpus/posts/*.jsonl, files in name order) for the corpus
// test and the feature dump. Throws on a malformed line: the corpus is ours.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/evaluation.hpp"

namespace ownvoice::corpus {

inline std::vector<engine::LabelledPost> load_posts(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<engine::LabelledPost> posts;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto post = engine::parse_labelled_post(nlohmann::json::parse(line), n);
      if (!post) throw std::runtime_error(f.string() + ":" + std::to_string(n) + ": not a post");
      posts.push_back(std::move(*post));
    }
  }
  return posts;
}

}  // namespace ownvoice::corpus
