#pragma once
// The atasan's decision on an objection (keberatan), PP 30/2019 Pasal 59: the atasan
// pejabat penilai hears both sides and may change the result; the decision is final
// (docs/rules/objections.md, docs/sync.md §"Objections decided").
//   objection_decision  {"response_id", "outcome": "upheld"|"rejected", "reason",
//                        "rating_hasil_kerja"?, "rating_perilaku"?}; record id
//                        "decision.<response_id>"; create-only. Upheld: the new ratings are
//                        set on the appraisal, which the server rescores with the engine and
//                        stores as its next version in the same transaction.

#include <optional>
#include <string>

#include "server/kinds/record_kinds.h"

namespace kinerja::server {

// Checks an objection_decision change. Fails with kPermissionDenied (not the atasan the
// objection was routed to; HR or an admin only when it was routed to nobody), kNotFound (no
// such objection), kInvalidArgument (bad record id, unknown fields, wrong types, no reason,
// ratings on a rejection, an upheld decision that changes nothing, ratings the engine refuses)
// or kLocked (already decided: final).
Result<Accepted> CheckObjectionDecision(Database& db, const Principal& who, const wire::Change& c,
                                        const std::optional<StoredRecord>& existing,
                                        const std::string& where, PushContext& push);

}  // namespace kinerja::server
