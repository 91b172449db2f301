#include "log/secret.hpp"

#include <sodium.h>

#include <new>
#include <utility>

namespace ownvoice::log {

Secret::Secret(std::size_t size) {
  if (size == 0) return;
  if (sodium_init() < 0) throw std::bad_alloc();
  data_ = static_cast<unsigned char*>(sodium_malloc(size));
  if (data_ == nullptr) throw std::bad_alloc();
  sodium_memzero(data_, size);
  size_ = size;
}

Secret::Secret(Secret&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

Secret& Secret::operator=(Secret&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

Secret::~Secret() { release(); }

void Secret::release() noexcept {
  // sodium_free wipes the region before unmapping it.
  if (data_ != nullptr) sodium_free(data_);
  data_ = nullptr;
  size_ = 0;
}

SecretString::SecretString() : buffer_(kCapacity) {}

SecretString::SecretString(std::string_view text) : buffer_(kCapacity) {
  for (char c : text) {
    if (!push_back(c)) break;
  }
}

bool SecretString::push_back(char c) {
  if (full()) return false;
  buffer_.data()[length_++] = static_cast<unsigned char>(c);
  return true;
}

void SecretString::pop_back() noexcept {
  if (length_ == 0) return;
  buffer_.data()[--length_] = 0;
}

void SecretString::clear() noexcept {
  if (!buffer_.empty()) sodium_memzero(buffer_.data(), buffer_.size());
  length_ = 0;
}

std::string_view SecretString::view() const noexcept {
  if (buffer_.empty()) return {};
  return {reinterpret_cast<const char*>(buffer_.data()), length_};
}

bool equal_secret(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ownvoice::log
