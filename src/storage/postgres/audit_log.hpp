#pragma once

// The hash-chained event log on PostgreSQL, with several writers: connections of one instance or
// of several instances behind a load balancer.
//
// One chain in commit order: an append locks the chain head's one row (SELECT ... FOR UPDATE on
// audit_chain_head) and holds it until its transaction ends, takes the next sequence and the
// previous hash from it, inserts the event and moves the head. A second writer waits on the row
// lock and, under READ COMMITTED, then reads the head the first one committed, so the chain never
// forks and a sequence number is never taken twice; a rolled-back append leaves the head as it
// was, so numbers have no gaps. Writers thus serialise from their first event to their commit,
// as SQLite's single writer does for the whole Write. Never a session advisory lock: a
// transaction-pooling connection pooler would hand it to another client.

#include <cstdint>
#include <optional>
#include <vector>

#include "app/ports.hpp"
#include "storage/common/audit_chain.hpp"
#include "storage/common/audit_checkpoint.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

// Appends `record` to the chain inside the connection's open transaction: fills in its
// prev_hash and sequence from the head (locking it), stores it with its hash and returns the
// sequence. Every other field must be set, in the form audit_chain.hpp hashes.
Result<std::int64_t> AppendChained(Connection& connection, common::ChainRecord record);

// The chain's head: the last record's sequence and hash, and the number of records.
Result<common::ChainHead> ReadChainHead(Connection& connection);

// Checks every record of the chain, in sequence order, against `checkpoints` (whose signatures
// the caller verified), inside the connection's open (snapshot) transaction.
Result<app::AuditReport> VerifyChain(Connection& connection,
                                     std::vector<common::Checkpoint> checkpoints);

}  // namespace redress::storage::postgres
