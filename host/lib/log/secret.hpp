#pragma once
// Memory for keys and passphrases: allocated with sodium_malloc (guard pages, mlock'ed so it
// is never swapped out), wiped with sodium_memzero when released. Not copyable, only movable,
// so a secret has exactly one owner and one wipe.
#include <cstddef>
#include <string_view>

namespace ownvoice::log {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::size_t size);  // zero-filled; throws std::bad_alloc
  Secret(Secret&& other) noexcept;
  Secret& operator=(Secret&& other) noexcept;
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  ~Secret();

  [[nodiscard]] unsigned char* data() noexcept { return data_; }
  [[nodiscard]] const unsigned char* data() const noexcept { return data_; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

 private:
  void release() noexcept;
  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

// A passphrase being typed or read: a fixed-capacity secret buffer plus a length, so growing
// it never leaves copies behind in freed heap memory.
class SecretString {
 public:
  static constexpr std::size_t kCapacity = 1024;
  SecretString();
  explicit SecretString(std::string_view text);  // truncates beyond kCapacity - 1
  SecretString(SecretString&&) noexcept = default;
  SecretString& operator=(SecretString&&) noexcept = default;

  bool push_back(char c);  // false when full
  void pop_back() noexcept;
  void clear() noexcept;
  [[nodiscard]] std::size_t size() const noexcept { return length_; }
  [[nodiscard]] bool empty() const noexcept { return length_ == 0; }
  [[nodiscard]] bool full() const noexcept { return length_ + 1 >= buffer_.size(); }
  [[nodiscard]] std::string_view view() const noexcept;

 private:
  Secret buffer_;
  std::size_t length_ = 0;
};

// Constant-time comparison of two passphrases (for the "type it again" confirmation).
bool equal_secret(std::string_view a, std::string_view b) noexcept;

}  // namespace ownvoice::log
