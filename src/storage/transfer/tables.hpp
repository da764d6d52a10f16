#pragma once

// Which tables `redress migrate` copies, and in which order: every table of a Redress schema is
// either copied (CopiedTables(), parents before the tables whose foreign keys name them) or named
// here with the reason it is not (EngineTables()). tables_test.cpp checks that the two lists cover
// every table of both engines' schemas, so a table a new migration adds cannot be forgotten; the
// copy also refuses a source holding a table in neither list.

#include <span>
#include <string_view>

namespace redress::storage::transfer {

// Whether the migrations write a table's first row (the organisation's settings, a single row
// from the start): the target's is replaced by the source's, and is not counted when the copy
// checks the target is empty (`redress init` names the organisation there and writes nothing else).
enum class Seeded { kNo, kYes };

struct CopiedTable {
  std::string_view name;
  Seeded seeded = Seeded::kNo;
  // A column written as NULL with its row and set once every table is copied: it names a row of a
  // table copied later (a cycle of foreign keys: a service request's complaint, a complaint's
  // service request). "" for none. The table's key column is `id`.
  std::string_view deferred_column = {};
};

std::span<const CopiedTable> CopiedTables();

// The tables each engine keeps for itself, not copied: its migrations' record, its search index,
// its counters of ids, the chain head (set from the copied events), the readiness probe (not
// data). A name ending in '*' stands for every table it begins.
std::span<const std::string_view> EngineTables();

// Whether `table` is one of EngineTables().
bool IsEngineTable(std::string_view table);

}  // namespace redress::storage::transfer
