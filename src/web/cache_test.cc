#include "web/cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace plenary::web {
namespace {

CachedBytes bytes_of(size_t size, char fill = 'x') {
  CachedBytes bytes;
  bytes.body = std::string(size, fill);
  return bytes;
}

// What an entry costs: its key and every field.
size_t cost(const std::string& key, size_t body) { return key.size() + body; }

TEST(Cache, KeepsWhatItWasGiven) {
  Cache cache(1000);
  EXPECT_EQ(cache.get("a"), nullptr);
  CachedBytes page;
  page.body = "<p>page</p>";
  page.content_type = "text/html";
  page.etag = "\"e\"";
  page.last_modified = "Mon, 27 Jun 2022 08:00:00 GMT";
  const auto stored = cache.put("a", page);
  ASSERT_NE(stored, nullptr);
  const auto found = cache.get("a");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found.get(), stored.get());
  EXPECT_EQ(found->body, "<p>page</p>");
  EXPECT_EQ(found->content_type, "text/html");
  EXPECT_EQ(cache.bytes(),
            1 + page.body.size() + page.content_type.size() + page.etag.size() + page.last_modified.size());
  EXPECT_EQ(cache.get(""), nullptr);
}

TEST(Cache, ReplacingAnEntryCountsItOnce) {
  Cache cache(1000);
  cache.put("k", bytes_of(100));
  cache.put("k", bytes_of(50, 'y'));
  EXPECT_EQ(cache.bytes(), cost("k", 50));
  EXPECT_EQ(cache.get("k")->body, std::string(50, 'y'));
}

TEST(Cache, DropsTheLeastRecentlyUsedWhenFull) {
  Cache cache(3 * cost("a", 100));
  cache.put("a", bytes_of(100));
  cache.put("b", bytes_of(100));
  cache.put("c", bytes_of(100));
  EXPECT_EQ(cache.bytes(), 3 * cost("a", 100));
  ASSERT_NE(cache.get("a"), nullptr);  // "a" is now the most recently used
  cache.put("d", bytes_of(100));
  EXPECT_EQ(cache.get("b"), nullptr);
  EXPECT_NE(cache.get("a"), nullptr);
  EXPECT_NE(cache.get("c"), nullptr);
  EXPECT_NE(cache.get("d"), nullptr);
  // A large entry makes room by dropping as many of the oldest as it needs:
  // by use, the order is now d, c, a.
  cache.put("e", bytes_of(2 * 100 + 1));
  EXPECT_EQ(cache.bytes(), cost("e", 201) + cost("d", 100));
  EXPECT_NE(cache.get("e"), nullptr);
  EXPECT_NE(cache.get("d"), nullptr);
  EXPECT_EQ(cache.get("a"), nullptr);
  EXPECT_EQ(cache.get("c"), nullptr);
}

TEST(Cache, DoesNotKeepAnEntryLargerThanItself) {
  Cache cache(100);
  cache.put("small", bytes_of(10));
  const auto huge = cache.put("huge", bytes_of(1000));
  ASSERT_NE(huge, nullptr);
  EXPECT_EQ(huge->body.size(), 1000u) << "returned all the same";
  EXPECT_EQ(cache.get("huge"), nullptr);
  EXPECT_NE(cache.get("small"), nullptr) << "nothing was dropped for it";
  EXPECT_EQ(cache.bytes(), cost("small", 10));
  // Exactly the whole cache fits.
  cache.put("full", bytes_of(100 - 4));
  EXPECT_NE(cache.get("full"), nullptr);
  EXPECT_EQ(cache.bytes(), 100u);
  EXPECT_EQ(cache.get("small"), nullptr);
}

TEST(Cache, AZeroSizedCacheKeepsNothing) {
  Cache cache(0);
  EXPECT_NE(cache.put("a", bytes_of(1)), nullptr);
  EXPECT_EQ(cache.get("a"), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(Cache, EntriesOutliveTheirEviction) {
  Cache cache(cost("a", 10));
  const auto first = cache.put("a", bytes_of(10, '1'));
  cache.put("b", bytes_of(10, '2'));
  EXPECT_EQ(cache.get("a"), nullptr);
  EXPECT_EQ(first->body, std::string(10, '1')) << "a reader still holding it is safe";
}

TEST(Cache, SharedBetweenThreads) {
  Cache cache(50 * cost("key-00", 100));
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = "key-" + std::to_string((i * 7 + t) % 100);
        if (auto found = cache.get(key)) {
          EXPECT_EQ(found->body.size(), 100u);
        } else {
          cache.put(key, bytes_of(100, static_cast<char>('a' + t)));
        }
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_LE(cache.bytes(), 50 * cost("key-00", 100));
  size_t counted = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string key = "key-" + std::to_string(i);
    if (cache.get(key)) counted += cost(key, 100);
  }
  EXPECT_EQ(counted, cache.bytes()) << "the byte count matches what is kept";
}

}  // namespace
}  // namespace plenary::web
