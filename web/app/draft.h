#pragma once
// An open form's autosave state. The appraisal and the competency form autosave alike: a few
// seconds after the first edit that is not yet stored, and on leaving the screen or syncing;
// their screens show "unsaved", "new" or "saved" from the same state.

#include <string>
#include <utility>

namespace kinerja::web {

class Draft {
 public:
  // How long after the first unsaved edit an open form saves itself.
  static constexpr double kAutosaveSeconds = 2.0;

  // An edit at `now` (seconds): the first one since the last save starts the autosave clock.
  void Edited(double now) {
    if (!dirty_) dirty_since_ = now;
    dirty_ = true;
  }
  // Whether the autosave is due at `now`.
  bool Due(double now) const { return dirty_ && now - dirty_since_ >= kAutosaveSeconds; }
  // The form now is what the store holds, as of `saved_at` (empty: not stored yet).
  void Stored(std::string saved_at) {
    dirty_ = false;
    saved_at_ = std::move(saved_at);
  }

  bool dirty() const { return dirty_; }
  const std::string& saved_at() const { return saved_at_; }

 private:
  bool dirty_ = false;
  double dirty_since_ = 0;
  std::string saved_at_;
};

}  // namespace kinerja::web
