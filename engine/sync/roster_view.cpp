#include "engine/sync/roster_view.h"

#include <algorithm>

namespace kinerja {
namespace {

std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != ' ' && c != '\t') out.push_back(c);
  }
  return out;
}

std::string BodyText(const Json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

const char* AppraisalStatusCode(AppraisalStatus s) {
  switch (s) {
    case AppraisalStatus::kNotStarted: return "not_started";
    case AppraisalStatus::kDraft: return "draft";
    case AppraisalStatus::kSubmitted: return "submitted";
    case AppraisalStatus::kSignedOff: return "signed_off";
  }
  return "not_started";
}

AppraisalStatus AppraisalStatusFromCode(std::string_view code) {
  if (code == "submitted") return AppraisalStatus::kSubmitted;
  if (code == "signed_off") return AppraisalStatus::kSignedOff;
  return AppraisalStatus::kDraft;
}

Result<AppraisalStatuses> LoadAppraisalStatuses(LocalStore& store, std::string_view period) {
  KINERJA_ASSIGN_OR_RETURN(auto rows, store.FieldOfKind("appraisal", "status", "period", period));
  AppraisalStatuses out;
  for (auto& r : rows) {
    AppraisalStatus s = AppraisalStatusFromCode(r.value);
    auto [it, added] = out.emplace(std::move(r.subject_id), s);
    if (!added && s > it->second) it->second = s;
  }
  return out;
}

void RosterView::Build(const std::vector<wire::Record>& employees,
                       const AppraisalStatuses& statuses) {
  rows_.clear();
  rows_.reserve(employees.size());
  counts_ = {};
  for (const auto& rec : employees) {
    if (!rec.body.is_object()) continue;
    RosterRow row;
    row.id = rec.id;
    row.name = BodyText(rec.body, "name");
    row.nip = BodyText(rec.body, "nip");
    row.position = BodyText(rec.body, "position");
    auto it = statuses.find(rec.id);
    row.status = it == statuses.end() ? AppraisalStatus::kNotStarted : it->second;
    row.name_folded = Fold(row.name);
    row.nip_digits = WithoutSpaces(row.nip);
    ++counts_[static_cast<size_t>(row.status)];
    rows_.push_back(std::move(row));
  }
  std::sort(rows_.begin(), rows_.end(), [](const RosterRow& a, const RosterRow& b) {
    if (a.name_folded != b.name_folded) return a.name_folded < b.name_folded;
    if (a.nip_digits != b.nip_digits) return a.nip_digits < b.nip_digits;
    return a.id < b.id;
  });
  Filter();
}

bool RosterView::SetQuery(std::string_view query) {
  if (query == query_) return false;
  query_.assign(query);
  Filter();
  return true;
}

void RosterView::Filter() {
  ++filter_runs_;
  visible_.clear();
  std::string name_q = Fold(query_);
  std::string nip_q = WithoutSpaces(query_);
  // Trim the name query; a blank query shows everyone.
  size_t b = name_q.find_first_not_of(" \t");
  size_t e = name_q.find_last_not_of(" \t");
  name_q = b == std::string::npos ? "" : name_q.substr(b, e - b + 1);
  visible_.reserve(rows_.size());
  for (size_t i = 0; i < rows_.size(); ++i) {
    const RosterRow& r = rows_[i];
    bool match = name_q.empty() || r.name_folded.find(name_q) != std::string::npos ||
                 (!nip_q.empty() && r.nip_digits.find(nip_q) != std::string::npos);
    if (match) visible_.push_back(static_cast<int>(i));
  }
}

}  // namespace kinerja
