#pragma once
// `kinerja import unsynced FILE.json`: a tablet's "export unsynced data" file (the Sync
// screen's download, engine/sync/local_store.h ExportUnsynced) applied as that device would
// have pushed it, for a tablet that cannot reach the server (lost, broken, revoked). docs/cli.md.
//
// The whole file is checked before anything is stored (format, version, user, device, every
// change as the push reader checks it), so a malformed or truncated file stores nothing. Then
// each queued change goes through the store's push, one change a batch, as the device's user:
// the same checks, scores and locks as a sync, and idempotent by change id, so importing the
// file twice, or after the tablet did sync, stores nothing twice. Changes the device had set
// aside (refused for good by the server before) are reported, not sent.

#include <string_view>

#include "server/store/central_store.h"
#include "shared/json_util.h"
#include "shared/result.h"

namespace kinerja::server {

struct UnsyncedImport {
  Json report;          // per change: change_id, record_id, kind, outcome, version | code, message
  bool all_stored = true;  // every queued change applied, a duplicate or kept as a conflict
};

// kInvalidArgument naming the field (or the change) for a file that is not such an export;
// kNotFound / kPermissionDenied for its user (CentralStore::PrincipalOf).
Result<UnsyncedImport> ImportUnsynced(CentralStore& store, std::string_view file_text,
                                      const std::string& file_name, int64_t now);

}  // namespace kinerja::server
