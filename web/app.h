#pragma once
// The browser app's state and the actions screens may take. Actions call the engine's
// LocalStore and the platform layer; screens only draw and call these.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/sync/local_store.h"

namespace kinerja::web {

enum class Screen { kLoading, kLogin, kRoster, kNote };

class App {
 public:
  // Called every frame: finishes start-up once storage is loaded, then draws the screen.
  void Frame();

  // --- actions (screens call these) ---
  void Login(const std::string& username, const std::string& password);
  void Logout(bool discard_unsynced);
  void StartSync();
  void OpenEmployee(const std::string& employee_id);
  void Back();
  // Saves a new appraisal note for the open employee, on the device; false when refused.
  bool SaveNote(const std::string& text);

  // --- state (screens read these) ---
  Screen screen() const { return screen_; }
  const std::optional<wire::Session>& session() const { return session_; }
  const std::vector<wire::Record>& roster() const { return roster_; }
  const std::string& open_employee() const { return open_employee_; }
  std::vector<wire::Record> NotesFor(const std::string& employee_id);
  bool busy() const { return busy_; }
  int64_t pending() const { return pending_; }
  const std::string& last_sync() const { return last_sync_; }
  const std::string& message() const { return message_; }
  bool message_is_error() const { return message_is_error_; }
  bool logout_blocked() const { return logout_blocked_; }

 private:
  void Start();
  void Refresh();
  void SetMessage(std::string text, bool error);
  void PushStep(int sent_so_far);
  void PullStep(int sent, int received);
  void FinishSync(const std::string& error, int sent, int received);
  void PublishTestState();

  std::unique_ptr<LocalStore> store_;
  std::optional<wire::Session> session_;
  Screen screen_ = Screen::kLoading;
  std::vector<wire::Record> roster_;
  std::string open_employee_;
  bool busy_ = false;
  int64_t pending_ = 0;
  std::string last_sync_;
  std::string message_;
  bool message_is_error_ = false;
  bool logout_blocked_ = false;
  int frames_ = 0;
};

// Screens: one file each under web/screens/.
void DrawTopBar(App& app);
void DrawLoginScreen(App& app);
void DrawRosterScreen(App& app);
void DrawNoteScreen(App& app);

}  // namespace kinerja::web
