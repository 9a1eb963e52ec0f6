// Store connections shared by the server's worker threads. A store is used by
// one thread at a time (store.h), so each request leases one and gives it
// back; connections are opened on demand and kept for the next request.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace plenary::web {

using StoreFactory = std::function<std::unique_ptr<store::Store>()>;

class StorePool {
 public:
  explicit StorePool(StoreFactory open) : open_(std::move(open)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<store::Store> store) : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // A store for this thread's use until the lease ends. Throws what the
  // factory throws (store::StoreError when the database cannot be opened).
  Lease lease();

 private:
  void give_back(std::unique_ptr<store::Store> store);

  StoreFactory open_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace plenary::web
