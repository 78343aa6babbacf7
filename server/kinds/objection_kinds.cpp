#include "server/kinds/objection_kinds.h"

#include "server/kinds/kind_checks.h"

namespace kinerja::server {
namespace {

// Only the person the objection was routed to decides it. When the roster had no atasan
// (the appraiser is at the top of the chain) HR names who decides and records it.
Status MayDecide(const Principal& who, const std::string& atasan_id, const std::string& response_id,
                 const std::string& where) {
  if (atasan_id.empty()) {
    if (kinds::IsHrOrAdmin(who)) return Status::Ok();
    return Status::PermissionDenied(where + ": objection " + response_id +
                                    " has no atasan pejabat penilai in the roster; HR records "
                                    "the decision");
  }
  if (who.employee_id == atasan_id) return Status::Ok();
  return Status::PermissionDenied(where + ": objection " + response_id +
                                  " is decided by the atasan pejabat penilai " + atasan_id +
                                  " (PP 30/2019 Pasal 59), not by " +
                                  (who.employee_id.empty() ? who.username : who.employee_id));
}

// The rating codes and predikat of a scored appraisal result, to tell whether a decision
// changed anything and to record before and after.
std::string ResultKey(const Json& result) {
  return result.value("rating_hasil_kerja_code", "") + "/" +
         result.value("rating_perilaku_code", "") + "/" + result.value("predikat_code", "");
}

}  // namespace

Result<Accepted> CheckObjectionDecision(Database& db, const Principal& who, const wire::Change& c,
                                        const std::optional<StoredRecord>& existing,
                                        const std::string& where, PushContext& /*push*/) {
  const std::string w = where + ".body";
  if (existing) {
    return Status::Locked(where + ": objection decision " + c.record_id +
                          " was made and is final (PP 30/2019 Pasal 59); the edit is kept for "
                          "HR to review");
  }
  KINERJA_RETURN_IF_ERROR(RejectUnknownKeys(
      c.body,
      {"response_id", "outcome", "reason", "rating_hasil_kerja", "rating_perilaku", "appraisal_id",
       "employee_id", "atasan_id", "decided_by", "predikat_before", "predikat_after",
       "appraisal_version"},
      w));
  KINERJA_ASSIGN_OR_RETURN(const std::string response_id, GetString(c.body, "response_id", w));
  if (c.record_id != "decision." + response_id) {
    return Status::InvalidArgument(where + ".record_id must be decision." + response_id +
                                   " (one decision per objection), not " + c.record_id);
  }
  KINERJA_ASSIGN_OR_RETURN(const std::string outcome, GetString(c.body, "outcome", w));
  if (outcome != "upheld" && outcome != "rejected") {
    return Status::InvalidArgument(w + ".outcome must be upheld or rejected, not '" + outcome + "'");
  }
  KINERJA_ASSIGN_OR_RETURN(const auto reason, GetOptString(c.body, "reason", w));
  if (!reason) {
    return Status::InvalidArgument(w + ".reason is required: the decision says why (PP 30/2019 "
                                   "Pasal 59)");
  }
  KINERJA_RETURN_IF_ERROR(kinds::TextWithinLimit(*reason, "reason", w, 1));
  KINERJA_ASSIGN_OR_RETURN(const auto hasil, GetOptString(c.body, "rating_hasil_kerja", w));
  KINERJA_ASSIGN_OR_RETURN(const auto perilaku, GetOptString(c.body, "rating_perilaku", w));
  if (outcome == "rejected" && (hasil || perilaku)) {
    return Status::InvalidArgument(w + ": a rejected objection leaves the result as it is; "
                                   "rating_hasil_kerja and rating_perilaku are for upheld only");
  }
  if (outcome == "upheld" && !hasil && !perilaku) {
    return Status::InvalidArgument(w + ": an upheld objection sets the result anew: give "
                                   "rating_hasil_kerja, rating_perilaku or both");
  }

  KINERJA_ASSIGN_OR_RETURN(const auto response, LoadRecord(db, response_id));
  if (!response || response->kind != "appraisal_response") {
    return Status::NotFound(w + ".response_id: objection " + response_id + " does not exist");
  }
  if (response->body.value("decision", "") != "object") {
    return Status::InvalidArgument(w + ".response_id: response " + response_id +
                                   " accepts the appraisal; there is no objection to decide");
  }
  const std::string atasan_id = response->body.value("atasan_id", "");
  KINERJA_RETURN_IF_ERROR(MayDecide(who, atasan_id, response_id, where));
  const std::string appraisal_id = response->body.value("appraisal_id", "");
  KINERJA_ASSIGN_OR_RETURN(const auto appraisal, LoadRecord(db, appraisal_id));
  if (!appraisal || appraisal->kind != "appraisal") {
    return Status::NotFound(where + ": appraisal " + appraisal_id + " of objection " +
                            response_id + " does not exist");
  }
  const Json before = appraisal->body.value("result", Json::object());

  Json body{{"response_id", response_id}, {"outcome", outcome}, {"reason", *reason},
            {"appraisal_id", appraisal_id}, {"employee_id", appraisal->subject_id},
            {"atasan_id", atasan_id},
            {"decided_by", who.employee_id.empty() ? who.username : who.employee_id},
            {"predikat_before", before.value("predikat_code", "")},
            {"appraisal_version", appraisal->version}};
  Accepted accepted{appraisal->unit_path, appraisal->subject_id, Json()};
  if (outcome == "upheld") {
    // The atasan sets the result: her ratings replace the appraiser's in the SKP inputs, and
    // the engine scores them as it scores any appraisal (the rules hold whatever was sent).
    Json next = appraisal->body;
    Json& skp = next["skp"];
    if (hasil) skp["rating_hasil_kerja"] = *hasil;
    if (perilaku) skp["rating_perilaku"] = *perilaku;
    KINERJA_RETURN_IF_ERROR(kinds::ScoreSkpInto(db, skp, /*draft=*/false, w, next));
    if (ResultKey(next["result"]) == ResultKey(before)) {
      return Status::InvalidArgument(w + ": these ratings leave the result as it was (" +
                                     before.value("predikat", "") +
                                     "); reject the objection or change a rating");
    }
    next["objection_decision"] = c.record_id;
    body["predikat_after"] = next["result"].value("predikat_code", "");
    body["appraisal_version"] = appraisal->version + 1;
    if (hasil) body["rating_hasil_kerja"] = *hasil;
    if (perilaku) body["rating_perilaku"] = *perilaku;
    accepted.also = ServerWrite{appraisal_id, appraisal->version, std::move(next)};
  }
  accepted.body = std::move(body);
  return accepted;
}

}  // namespace kinerja::server
