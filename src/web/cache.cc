#include "web/cache.h"

namespace plenary::web {

namespace {
size_t size_of(const std::string& key, const CachedBytes& bytes) {
  return key.size() + bytes.body.size() + bytes.content_type.size() + bytes.etag.size() +
         bytes.last_modified.size();
}
}  // namespace

std::shared_ptr<const CachedBytes> Cache::get(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) return nullptr;
  ages_.splice(ages_.begin(), ages_, found->second.age);
  return found->second.bytes;
}

std::shared_ptr<const CachedBytes> Cache::put(const std::string& key, CachedBytes bytes) {
  auto shared = std::make_shared<const CachedBytes>(std::move(bytes));
  const size_t size = size_of(key, *shared);
  if (size > max_bytes_) return shared;
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end()) {
    used_ -= size_of(key, *found->second.bytes);
    ages_.erase(found->second.age);
    entries_.erase(found);
  }
  while (used_ + size > max_bytes_ && !ages_.empty()) {
    auto oldest = entries_.find(ages_.back());
    used_ -= size_of(oldest->first, *oldest->second.bytes);
    entries_.erase(oldest);
    ages_.pop_back();
  }
  ages_.push_front(key);
  entries_[key] = Entry{shared, ages_.begin()};
  used_ += size;
  return shared;
}

size_t Cache::bytes() const {
  std::lock_guard lock(mutex_);
  return used_;
}

}  // namespace plenary::web
