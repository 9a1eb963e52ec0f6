// Bytes the server made once and serves many times: public pages and
// downloads, keyed by what they were made from (meeting, publication,
// language, format), so a new publication simply misses. Bounded in bytes;
// when full, the least recently used entries go.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace plenary::web {

struct CachedBytes {
  std::string body;
  std::string content_type;
  std::string etag;           // quoted, strong: "\"3f2a...\""
  std::string last_modified;  // an HTTP date
};

class Cache {
 public:
  explicit Cache(size_t max_bytes) : max_bytes_(max_bytes) {}

  std::shared_ptr<const CachedBytes> get(const std::string& key);
  // Stores and returns the entry; an entry larger than the whole cache is
  // returned without being kept.
  std::shared_ptr<const CachedBytes> put(const std::string& key, CachedBytes bytes);

  size_t bytes() const;

 private:
  struct Entry {
    std::shared_ptr<const CachedBytes> bytes;
    std::list<std::string>::iterator age;
  };
  size_t max_bytes_;
  mutable std::mutex mutex_;
  size_t used_ = 0;
  std::list<std::string> ages_;  // most recently used first
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace plenary::web
