#include "engine/sync/sync_session.h"

#include <algorithm>
#include <set>

#include "engine/sync/session_refresh.h"
#include "shared/json_util.h"

namespace kinerja {

bool IsFinalRefusal(Code code) {
  return code == Code::kLocked || code == Code::kInvalidArgument ||
         code == Code::kPermissionDenied || code == Code::kNotFound;
}

float SyncProgress::Fraction() const {
  switch (phase) {
    case kIdle: return 0;
    case kSending: return to_send > 0 ? static_cast<float>(sent) / static_cast<float>(to_send) : 1;
    case kReceiving:
      if (pull_head <= pull_from) return pull_head > 0 ? 1.0f : -1.0f;
      return static_cast<float>(pull_at - pull_from) / static_cast<float>(pull_head - pull_from);
  }
  return 0;
}

SyncSession::SyncSession(LocalStore& store, std::string token, Options options)
    : store_(store), token_(std::move(token)), options_(options) {
  options_.push_batch = std::max<size_t>(1, options_.push_batch);
  options_.pull_limit = std::max<int64_t>(1, options_.pull_limit);
  progress_.phase = SyncProgress::kSending;
  auto pending = store_.PendingCount();
  if (!pending.ok()) {
    End(SyncOutcome::kStoreError, pending.status().ToString());
    return;
  }
  progress_.to_send = *pending;
  if (options_.now > 0) {
    // An unreadable stored session is no reason to stop the sync: it just is not refreshed.
    auto stored = store_.LoadSession();
    refresh_due_ = stored.ok() && stored->has_value() && (*stored)->token == token_ &&
                   SessionRefreshDue((*stored)->expires_at, options_.now);
  }
}

void SyncSession::End(SyncOutcome outcome, std::string message) {
  outcome_ = outcome;
  message_ = std::move(message);
  progress_.phase = SyncProgress::kIdle;
  call_.reset();
}

std::optional<SyncCall> SyncSession::Next() {
  if (done()) return std::nullopt;
  if (!call_ && refresh_due_) {
    refresh_due_ = false;
    refreshing_ = true;
    call_ = SessionRefreshCall(token_);
    return call_;
  }
  if (!call_) {
    if (progress_.phase == SyncProgress::kSending) PreparePush();
    if (!done() && !call_) PreparePull();
  }
  return call_;
}

void SyncSession::PreparePush() {
  size_t limit = single_left_ > 0 ? 1 : options_.push_batch;
  auto req = store_.NextPush(limit);
  if (!req.ok()) return End(SyncOutcome::kStoreError, req.status().ToString());
  if (req->changes.empty()) {
    progress_.phase = SyncProgress::kReceiving;
    auto cursor = store_.Cursor();
    if (!cursor.ok()) return End(SyncOutcome::kStoreError, cursor.status().ToString());
    progress_.pull_from = progress_.pull_at = *cursor;
    return;
  }
  batch_ = req->changes.size();
  call_ = SyncCall{"POST", "/api/v1/sync/push", wire::ToJson(*req).dump(), token_};
}

void SyncSession::PreparePull() {
  auto cursor = store_.Cursor();
  if (!cursor.ok()) return End(SyncOutcome::kStoreError, cursor.status().ToString());
  pull_since_ = *cursor;
  // Pages of the server's largest size; each page commits on its own, so an interrupted pull
  // resumes from the last page stored.
  call_ = SyncCall{"GET",
                   "/api/v1/sync/pull?since=" + std::to_string(*cursor) +
                       "&limit=" + std::to_string(options_.pull_limit),
                   "", token_};
}

bool SyncSession::Deliver(const SyncAnswer& answer) {
  if (done() || !call_) return false;
  bool push = call_->method == "POST";
  bool refresh = refreshing_;
  refreshing_ = false;
  call_.reset();
  if (answer.status == 0) {
    End(SyncOutcome::kOffline);
    return false;
  }
  if (refresh) return DeliverRefresh(answer);
  if (push) return DeliverPush(answer);
  DeliverPull(answer);
  return false;
}

bool SyncSession::DeliverPush(const SyncAnswer& answer) {
  auto j = ParseJson(answer.body);
  if (!j.ok()) {
    End(SyncOutcome::kBadAnswer, "HTTP " + std::to_string(answer.status));
    return false;
  }
  if (answer.status == 401) {
    End(SyncOutcome::kSessionExpired);
    return false;
  }
  if (answer.status != 200) {
    Status refused = wire::StatusFromErrorJson(*j);
    if (!IsFinalRefusal(refused.code())) {
      End(SyncOutcome::kPushRefused, refused.message());
      return false;
    }
    std::string change_id;
    if (j->is_object() && (*j)["error"].is_object()) {
      const Json& id = (*j)["error"]["change_id"];
      if (id.is_string()) change_id = id.get<std::string>();
    }
    if (change_id.empty() && batch_ > 1) {
      // Which change was it? Send this batch again one change at a time.
      single_left_ = batch_;
      return false;
    }
    if (change_id.empty()) {
      // The single change on its own was refused for good: it is the one. Find its id.
      auto one = store_.NextPush(1);
      if (!one.ok()) {
        End(SyncOutcome::kStoreError, one.status().ToString());
        return false;
      }
      if (one->changes.empty()) {
        End(SyncOutcome::kPushRefused, refused.message());
        return false;
      }
      change_id = one->changes[0].change_id;
      single_left_ = 0;  // found: ordinary batches again
    }
    // Refused for good (signed off, out of scope, invalid): keep it aside, visible, with the
    // later changes of its record, and send the rest.
    auto before = store_.PendingCount();
    if (!before.ok()) {
      End(SyncOutcome::kStoreError, before.status().ToString());
      return false;
    }
    if (Status s = store_.SetAside(change_id, refused); !s.ok()) {
      // kNotFound: the server named a change this device did not send; nothing can pass.
      End(s.code() == Code::kNotFound ? SyncOutcome::kPushRefused : SyncOutcome::kStoreError,
          s.code() == Code::kNotFound ? refused.message() : s.ToString());
      return false;
    }
    auto after = store_.PendingCount();
    set_aside_ += after.ok() ? *before - *after : 1;
    return true;
  }
  auto acks = wire::PushResponseFromJson(*j);
  if (!acks.ok()) {
    End(SyncOutcome::kBadAnswer, acks.status().ToString());
    return false;
  }
  auto before = store_.PendingCount();
  if (!before.ok()) {
    End(SyncOutcome::kStoreError, before.status().ToString());
    return false;
  }
  if (Status s = store_.ApplyPushResponse(*acks); !s.ok()) {
    End(SyncOutcome::kStoreError, s.ToString());
    return false;
  }
  auto after = store_.PendingCount();
  if (!after.ok()) {
    End(SyncOutcome::kStoreError, after.status().ToString());
    return false;
  }
  if (*after >= *before) {
    // An answer that acknowledges none of the batch would have the same batch sent forever.
    End(SyncOutcome::kBadAnswer, "the server acknowledged none of the changes sent");
    return false;
  }
  progress_.sent += *before - *after;
  if (single_left_ > 0) --single_left_;
  return true;
}

bool SyncSession::DeliverRefresh(const SyncAnswer& answer) {
  auto fresh = ParseSessionRefreshAnswer(answer);
  if (!fresh.ok()) {
    if (fresh.status().code() == Code::kUnauthenticated) End(SyncOutcome::kSessionExpired);
    return false;  // busy, a server error: the old session still has days left
  }
  if (Status s = store_.SaveSession(*fresh); !s.ok()) {
    End(SyncOutcome::kStoreError, s.ToString());
    return false;
  }
  token_ = fresh->token;
  refreshed_ = true;
  return true;
}

void SyncSession::DeliverPull(const SyncAnswer& answer) {
  auto j = ParseJson(answer.body);
  if (!j.ok()) return End(SyncOutcome::kBadAnswer, "HTTP " + std::to_string(answer.status));
  if (answer.status == 401) return End(SyncOutcome::kSessionExpired);
  if (answer.status != 200) {
    return End(SyncOutcome::kPullRefused, wire::StatusFromErrorJson(*j).message());
  }
  auto pull = wire::PullResponseFromJson(*j);
  if (!pull.ok()) return End(SyncOutcome::kBadAnswer, pull.status().ToString());
  if (pull->more && pull->cursor <= pull_since_) {
    // "More" without moving on would be asked for forever.
    return End(SyncOutcome::kBadAnswer, "the server's pull cursor did not advance");
  }
  if (Status s = store_.ApplyPull(*pull); !s.ok()) return End(SyncOutcome::kStoreError, s.ToString());
  progress_.received += static_cast<int64_t>(pull->records.size());
  progress_.pull_at = pull->cursor;
  progress_.pull_head = pull->head;
  if (!pull->more) End(SyncOutcome::kOk);
}

SyncSession RunSync(LocalStore& store, const std::string& token, const SyncTransport& send,
                    SyncSession::Options options) {
  SyncSession session(store, token, options);
  while (auto call = session.Next()) session.Deliver(send(*call));
  return session;
}

}  // namespace kinerja
