// The engine's sentences in English and French (see messages.hpp).
#include "engine/messages.hpp"

#include <initializer_list>
#include <utility>

namespace ownvoice::engine {
namespace {

constexpr Messages kEnglish{
    .promotional = "This post reads as promotional.",
    .promotional_because = "This post reads as promotional: {why}.",
    .own_share =
        "With this post, {after} of what you shared in the last {days} days would be promotional "
        "(threshold {threshold}).",
    .disclaimer_proposed = "No personal disclaimer: OwnVoice proposes adding one.",
    .disclaimer_no_fit = "No personal disclaimer, and none fits within the platform's limit.",
    .consent_statement = "I choose to share this, on my own account.",
};

constexpr Messages kFrench{
    .promotional = "Ce message ressemble à de la publicité.",
    .promotional_because = "Ce message ressemble à de la publicité : {why}.",
    .own_share =
        "Avec ce message, {after} de vos partages des {days} derniers jours seraient promotionnels "
        "(seuil {threshold}).",
    .disclaimer_proposed = "Aucune mention personnelle : OwnVoice propose de l'ajouter.",
    .disclaimer_no_fit = "Aucune mention personnelle, et elle ne tient pas dans la limite de la plateforme.",
    .consent_statement = "Je choisis de partager ceci, sur mon propre compte.",
};

}  // namespace

const Messages& messages_for(std::string_view language) { return language == "fr" ? kFrench : kEnglish; }

std::string fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out(pattern);
  for (const auto& [name, value] : values) {
    // Built by append, not "{" + std::string(name): GCC 12 for MinGW-w64 raises a false
    // -Wrestrict on operator+(const char*, std::string&&) (a warning is an error here).
    std::string key;
    key.reserve(name.size() + 2);
    key.append(1, '{').append(name).append(1, '}');
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key, at + value.size()))
      out.replace(at, key.size(), value);
  }
  return out;
}

}  // namespace ownvoice::engine
