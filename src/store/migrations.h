// The store's schema, as numbered migrations.
//
// The SQL is what SQLite and PostgreSQL both accept: TEXT and BIGINT columns,
// timestamps as ISO 8601 text, ids given by the store (no AUTOINCREMENT, no
// SERIAL), no PRAGMA. A database records the migrations applied to it in
// schema_migrations; opening applies the ones it lacks, in order, in one
// transaction.
//
// Never edit a migration that has shipped: add the next one.
#pragma once

#include <cstdint>
#include <span>

namespace plenary::store {

// What a migration does after its SQL, in the same transaction, where SQL
// alone cannot (Unicode case folding is not SQL). Each store implements
// every step.
enum class MigrationStep {
  none,
  // Fills users.name_key with fold_name(name); refuses, naming them, when
  // two existing names fold to one.
  fold_user_names,
};

struct Migration {
  int64_t version;  // 1, 2, 3, ... without gaps
  const char* name;
  const char* sql;  // one or more statements separated by ';'
  MigrationStep step;
};

// Created, if missing, before the migrations are read.
inline constexpr const char* kSchemaMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (\n"
    "  version BIGINT PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  applied_at TEXT NOT NULL\n"
    ")";

// Every migration, oldest first.
std::span<const Migration> migrations();

}  // namespace plenary::store
