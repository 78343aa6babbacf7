#pragma once
// Reading `records` rows into wire::Record: the columns every record query selects, in one
// order. Internal to the central store (server/store/*.cpp).

#include <string>

#include "engine/store/db.h"
#include "shared/result.h"
#include "shared/wire/sync.h"

namespace kinerja::server {

// Records selected with the columns RecordFromRow reads, in its order; queries append their
// WHERE.
inline const std::string kSelectRecords =
    "SELECT id, kind, version, unit_path, subject_id, author_id, body, conflict, seq, updated_at"
    " FROM records";

// A record from a row selected as: id, kind, version, unit_path, subject_id, author_id, body,
// conflict, seq, updated_at. kCorruption when the stored body is unreadable. With
// `body_text`, the body is checked and handed back as text instead of parsed into `body`.
Result<wire::Record> RecordFromRow(const Statement& st, std::string* body_text = nullptr);

}  // namespace kinerja::server
