// What the store's tests share: a temporary folder, clocks, raw SQL on the file.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace plenary::store {

// A fresh folder per test (ctest runs tests in parallel), removed afterwards.
class TempFolder {
 public:
  TempFolder() {
    std::string pattern = std::filesystem::temp_directory_path() / "plenary-store-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  std::string file(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// SQLite's own verdict on the file: "ok", or what is wrong with it.
inline std::string integrity_check(const std::string& path) {
  sqlite3* db = nullptr;
  std::string result = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      result = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return result;
}

// A clock that ticks one second per reading: "2024-05-01T09:00:00Z", "...:01Z".
inline Clock ticking_clock() {
  auto seconds = std::make_shared<int>(0);
  return [seconds] {
    char text[32];
    std::snprintf(text, sizeof text, "2024-05-01T09:%02d:%02dZ", *seconds / 60 % 60, *seconds % 60);
    ++*seconds;
    return std::string(text);
  };
}

// A clock that reads what the test last set, to stand before or after a deadline.
class ManualClock {
 public:
  explicit ManualClock(std::string time) : time_(std::make_shared<std::string>(std::move(time))) {}
  void set(std::string time) { *time_ = std::move(time); }
  Clock clock() const {
    return [time = time_] { return *time; };
  }

 private:
  std::shared_ptr<std::string> time_;
};

// Raw SQL on the file, for what the store does not show.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
  }
  ~RawDatabase() { sqlite3_close(db_); }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;
  void execute(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "?";
      sqlite3_free(message);
      throw std::runtime_error(text);
    }
  }
  // The first column of every row, as text.
  std::vector<std::string> column(const std::string& sql) {
    std::vector<std::string> values;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db_));
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      values.push_back(text ? reinterpret_cast<const char*>(text) : "NULL");
    }
    sqlite3_finalize(statement);
    return values;
  }

 private:
  sqlite3* db_ = nullptr;
};

// Runs `write` and returns the message of the InvalidInput it must throw.
template <typename Write>
std::string invalid_input_message(Write write) {
  try {
    write();
  } catch (const InvalidInput& error) {
    return error.what();
  }
  ADD_FAILURE() << "no InvalidInput thrown";
  return "";
}

}  // namespace plenary::store
