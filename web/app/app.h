#pragma once
// The browser app's state and the actions screens may take. Actions call the engine's
// LocalStore and the platform layer; screens (web/screens/screens.h) only draw and call these.
// The actions live in web/app/: app.cpp (start-up, session, sync, notes, the frame),
// sync_center.cpp (the Sync screen: conflicts, export), kiosk.cpp (SKM survey kiosk),
// appraisal_form.cpp (SKP), competency_form.cpp (competency assessment), my_appraisal.cpp (the
// employee's own appraisal and self-assessment), training_view.cpp (training needs),
// queue_log.cpp (queue log), objections.cpp (the atasan's objections), hr_home.cpp (the HR workspace), hr_reports.cpp (its report
// screens) and bench_fill.cpp (a test and benchmark hook).

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/appraisal/template.h"
#include "engine/sync/local_store.h"
#include "engine/sync/roster_view.h"
#include "engine/sync/sync_session.h"
#include "web/app/appraisal_form.h"
#include "web/app/competency_form.h"
#include "web/app/draft.h"
#include "web/app/hr_reports.h"
#include "web/app/hr_workspace.h"
#include "web/app/kiosk.h"
#include "web/app/my_appraisal.h"
#include "web/app/objection_view.h"
#include "web/app/queue_log.h"
#include "web/app/training_view.h"

namespace kinerja::web {

enum class Screen {
  kLoading,
  kLogin,
  kRoster,
  kNote,
  kKioskSetup,
  kKiosk,
  kAppraise,
  kSync,
  kMyAppraisal,
  kCompetency,
  kQueue,
  kTraining,
  kHrHome,
  kHrReport,
  kObjections
};

// A record in conflict as the server keeps it: its stored version and the edits it kept.
struct ConflictView {
  struct Kept {
    std::string change_id, user_id, device_id, received_at;
    int64_t base_version = 0;
    Json body;
  };
  wire::Record record;
  std::vector<Kept> kept;
};

class App {
 public:
  // Called every frame: finishes start-up once storage is loaded, then draws the screen.
  void Frame();

  // --- actions (screens call these) ---
  void Login(const std::string& username, const std::string& password);
  void Logout(bool discard_unsynced);
  void StartSync();
  void OpenEmployee(const std::string& employee_id);
  // One screen up: appraisal or competency -> note -> roster; queue -> roster. Saves an
  // edited draft first.
  void Back();
  // Saves a new appraisal note for the open employee, on the device; false when refused.
  bool SaveNote(const std::string& text);
  // Switches Bahasa Indonesia / English and remembers the choice on the device.
  void ToggleLanguage();
  // The user's UI size: text and touch targets grow together, one of kUiZooms; `step` +1 is
  // one size larger, -1 one smaller (clamped). Remembered on the device.
  void ChangeUiZoom(int step);

  // --- sync centre ---
  // Opens the Sync screen (pending per kind, progress, set-aside changes, conflicts); loads the
  // conflicts from the server when online.
  void OpenSyncScreen();
  // Fetches the records in conflict within the user's scope, with their kept edits.
  void LoadConflicts();
  // Settles conflict_views()[index] with one version: -1 the stored one, k the kept edit k. The
  // resolution is written as an ordinary change naming every kept edit, then synced. False,
  // with a message, when the index or choice is out of range or the write fails.
  bool ResolveConflict(size_t index, int choice);
  // Saves every unsynced change (queued and set aside) to a JSON file the browser downloads.
  // The data stays on the device.
  void ExportUnsynced();

  // --- survey kiosk (enumerator) ---
  // Locks the tablet into kiosk mode for kiosk_units()[unit_index] and `service`. False, with
  // a message, when the service is empty, the PIN is not 4-6 digits or the two PINs differ.
  bool StartKiosk(size_t unit_index, const std::string& service, const std::string& pin,
                  const std::string& pin_again);
  // Records one answer (question 0..8, answer 1..4); anything else is ignored.
  void SetSurveyAnswer(int question, int answer);
  bool SurveyComplete() const;
  // Writes the answers as one survey_response on the device and resets the form for the next
  // respondent (a thank-you shows meanwhile). False when incomplete or the write failed.
  bool SubmitSurvey();
  void NextRespondent();
  // Leaves kiosk mode when `pin` matches; false with a message otherwise. Five wrong PINs in a
  // row lock the prompt for 30 seconds.
  bool LeaveKiosk(const std::string& pin);

  // --- appraisal (supervisor) ---
  // Opens this period's appraisal of the open employee: the stored one, or a fresh form.
  void OpenAppraisal();
  // The screen edits appraisal() in place, then calls AppraisalEdited(): the engine rescores
  // and a draft is saved at most every 2 s (and when leaving the screen). Ignored once
  // submitted.
  AppraisalForm& appraisal() { return appraisal_; }
  void AppraisalEdited();
  // draft -> submitted, and submitted -> signed_off; both need a form that scores. False with
  // a message otherwise.
  bool SubmitAppraisal();
  bool SignOffAppraisal();

  // --- my appraisal (employee; web/app/my_appraisal.cpp) ---
  // Opens "Penilaian saya" for the current period: her stored self-assessment (or a fresh
  // form starting from the supervisor's indicators), his submitted rating and her response.
  void OpenMyAppraisal();
  // The screen edits my().self in place, then calls SelfAssessmentEdited(): rescored, and
  // autosaved like the supervisor's draft (every 2 s at most, before sync and log out).
  MyAppraisal& my() { return my_; }
  void SelfAssessmentEdited();
  // draft -> submitted, which is final; false with a message when it does not score.
  bool SubmitSelfAssessment();
  // Writes her response to the supervisor's submitted appraisal, once; an objection needs a
  // reason. False with a message otherwise.
  bool RespondToAppraisal(bool accept, const std::string& reason);
  // On the appraise screen: the open employee's submitted self-assessment and response.
  const SelfBeside& self_beside() const { return self_beside_; }
  // --- objections (the atasan pejabat penilai, HR; web/app/objections.cpp) ---
  // The objections routed to this session's employee (as atasan) or, for HR, every objection
  // on the device, open ones first, with her decisions; reloaded by Refresh.
  const std::vector<ObjectionCase>& objections() const { return objections_; }
  int objections_open() const { return OpenCount(objections_); }
  void OpenObjections();
  // Opens objections()[index] for a decision (ignored when out of range).
  void SelectObjection(size_t index);
  const ObjectionCase* selected_objection() const;
  // Whether this session records the decision: the atasan named in the objection, or HR and
  // admins when none is.
  bool CanDecide(const ObjectionCase& c) const;
  // The screen edits decision() in place (outcome, ratings), then sends it with her reason:
  // the objection_decision is written on the device and queued (final once synced). False
  // with a message when incomplete or not hers to decide.
  DecisionForm& decision() { return decision_; }
  bool SendDecision(const std::string& reason);

  // --- competency assessment (supervisor; her own for an employee; competency_form.cpp) ---
  // Opens this period's competency assessment of the open employee against their position's
  // required levels: the stored one, or a fresh form. Stays put, with a message, when the
  // employee's position has no required levels on this device.
  void OpenCompetency();
  // The employee's own submitted assessment (this period's, else the latest), read-only, with
  // the gaps and JPM the server stored. Stays put, with a message, when there is none yet.
  void OpenMyCompetency();
  // Sets the assessed level (1-5) of form row `row`; the engine rescores at once and a draft
  // is saved at most every 2 s (and when leaving). Ignored once submitted.
  void SetCompetencyLevel(size_t row, int level);
  // draft -> submitted; needs every competency assessed. False with a message otherwise.
  bool SubmitCompetency();
  const CompetencyForm& competency() const { return competency_; }
  const CompetencyScore& competency_score() const { return competency_score_; }
  const Draft& competency_draft() const { return competency_draft_; }

  // --- training needs (supervisor, HR; training_view.cpp) ---
  // Opens the training needs of `period` ("" for this one) of the staff whose submitted
  // competency assessments are on this tablet, computed by the engine from the local store
  // (works offline).
  void OpenTraining(const std::string& period = "");
  const TrainingView& training() const { return training_; }

  // --- HR workspace (hr and admin; hr_home.cpp) ---
  // The first screen of an hr or admin session: the unit tree, a period picker, the staff's
  // appraisal statuses per unit, and the way on to training needs and the roster. Rebuilt from
  // the local store by Refresh (after start-up, login and every sync) and on a period change.
  void OpenHrHome();
  const HrWorkspace& hr() const { return hr_; }
  // Selects hr().units[index] (-1, or out of range: the whole city).
  void SelectHrUnit(int index);
  // Picks the year hr().periods[index] and recounts the statuses; ignored when out of range.
  void SelectHrPeriod(size_t index);
  // Picks the part of the chosen year: 0 the whole year (annual), 1 Semester I, 2 Semester II.
  void SelectHrPeriodPart(int part);
  // The supervisors' roster ("Pegawai saya"), reachable for HR; Back returns to the workspace.
  void OpenHrRoster();
  bool IsHrSession() const;

  // --- HR reports (hr and admin; hr_reports.cpp, hr_reports.h) ---
  // Opens `kind` for the workspace's unit (or the city) and period: the device's last copy at
  // once, then the server's answer when online. The case-study timeline needs a unit (stays
  // put, with a message, otherwise).
  void OpenHrReport(HrReportKind kind);
  const HrReportScreen& hr_report() const { return hr_report_; }
  void RefreshHrReport();
  // Opens the unit, employee or rater of hr_report().view.tables[table].rows[row]; Back
  // returns one level up.
  void DrillHrReport(size_t table, size_t row);
  // Sorts hr_report().view.tables[table] by `column` (-1: the report's own order).
  void SortHrReportTable(size_t table, int column, bool ascending);
  // Service time: compares before and after `date` (YYYY-MM-DD; "" for no comparison) and
  // fetches again. False, with a message, for a malformed date.
  bool SetHrReportSplit(const std::string& date);
  // Downloads the open report as "csv" or "xlsx", an employee's evaluation document or a
  // unit's documents (PDF), from the server; the browser keeps the file.
  void DownloadHrReport(const std::string& format);
  void DownloadEvaluationDocument(const std::string& employee_id);
  void DownloadUnitDocuments(const std::string& unit_id);
  // The unit's one-page recap (GET /api/v1/reports/unit-recap) for the report's period.
  void DownloadUnitRecap(const std::string& unit_id);

  // --- queue log (officers of a unit that keeps one; queue_log.cpp) ---
  // The queue units of this session: units with the queue log on the way up from its unit
  // (reloaded by Refresh, after start-up, login and every sync).
  const std::vector<QueueUnit>& queue_units() const { return queue_units_; }
  void OpenQueue();
  // Takes the next ticket number of the day (issued now); calls / finishes one of the
  // officer's own tickets by record id. False with a message when refused.
  bool TakeTicket();
  bool CallTicket(const std::string& record_id);
  bool FinishTicket(const std::string& record_id);
  const QueueUnit& queue_unit() const { return queue_unit_; }
  const std::vector<QueueEntry>& queue_tickets() const { return queue_tickets_; }
  const QueueDay& queue_day() const { return queue_day_; }

  // --- state (screens read these) ---
  Screen screen() const { return screen_; }
  const std::optional<wire::Session>& session() const { return session_; }
  const std::vector<wire::Record>& roster() const { return roster_; }
  // The roster with this period's appraisal statuses, rebuilt by Refresh(); the screen sets
  // its query and reports how far the list is scrolled (for the test hook).
  RosterView& roster_view() { return roster_view_; }
  void set_roster_scroll(float y) { roster_scroll_ = y; }
  const std::string& open_employee() const { return open_employee_; }
  // The open employee's notes, newest first; reloaded by Refresh() after every change.
  const std::vector<wire::Record>& open_notes() const { return open_notes_; }
  float ui_zoom() const { return ui_zoom_; }
  const SyncProgress& sync_progress() const { return progress_; }
  const std::vector<LocalStore::KindCount>& pending_by_kind() const { return pending_by_kind_; }
  const std::vector<LocalStore::SetAsideChange>& set_aside_list() const { return set_aside_list_; }
  // Records on this device that the server flagged as in conflict.
  const std::vector<wire::Record>& conflicts() const { return conflicts_; }
  const std::vector<ConflictView>& conflict_views() const { return conflict_views_; }
  bool conflicts_loading() const { return conflicts_loading_; }
  const std::string& conflicts_error() const { return conflicts_error_; }
  // The display name of an employee on the roster; the id when unknown.
  std::string EmployeeName(const std::string& employee_id) const;
  bool busy() const { return busy_; }
  int64_t pending() const { return pending_; }
  int64_t set_aside_total() const { return set_aside_total_; }
  const std::string& last_sync() const { return last_sync_; }
  const std::string& message() const { return message_; }
  bool message_is_error() const { return message_is_error_; }
  bool logout_blocked() const { return logout_blocked_; }
  const std::vector<KioskUnit>& kiosk_units() const { return kiosk_units_; }
  const KioskConfig& kiosk() const { return kiosk_; }
  const SurveyAnswers& survey_answers() const { return survey_answers_; }
  bool showing_thanks() const;
  int kiosk_submitted() const { return kiosk_submitted_; }
  const Template* appraisal_template() const { return template_ ? &*template_ : nullptr; }
  const AppraisalScore& appraisal_score() const { return appraisal_score_; }
  const Draft& appraisal_draft() const { return appraisal_draft_; }

 private:
  void Start();
  void Refresh();
  void LoadOpenNotes();
  void SetMessage(std::string text, bool error);
  // Writes one local edit and flushes it to IndexedDB; on failure shows the error and returns
  // it. Every action's write goes through here; it times the SQLite commit alone
  // (save_commit_ms_, which the web bench reads after appraisal saves).
  Result<wire::Change> WriteEdit(const LocalStore::Edit& edit, int64_t now_unix);
  // Saves an open form (appraisal, competency) as one edit of `kind` about `employee_id`:
  // autosaved drafts fold into the queued change until a sync hands it out; a submission or a
  // sign-off is always a change of its own. On success sets *record_id (a new form's first
  // save creates the record), marks `draft` stored and refreshes the lists.
  bool SaveForm(const char* kind, const std::string& employee_id, Json body, bool is_draft,
                std::string* record_id, Draft* draft);
  // The first screen after start-up or login: the kiosk for enumerators, else the roster.
  Screen HomeScreen();
  // Carries the running sync's next request over fetch; its answer comes back to SyncStep
  // again (one request in flight), until the engine's session ends and FinishSync runs.
  void SyncStep();
  void FinishSync();
  void PublishTestState();
  std::string EmployeeUnitPath(const std::string& employee_id) const;
  // The device's meta table (key/value); "" when missing.
  std::string MetaGet(const std::string& key);
  void MetaSet(const std::string& key, const std::string& value);
  void MetaDelete(const std::string& key);
  void LoadKiosk();
  bool LoadAppraisalTemplate();
  void TickAppraisalAutosave();
  bool SaveAppraisal();
  bool ChangeAppraisalStatus(const char* from, const char* to, const char* done_key);

  // Employee views (web/app/my_appraisal.cpp).
  void LoadMyAppraisal();
  void TickMyAppraisal();
  bool SaveSelfAssessment();
  void LoadSelfBeside();
  void RefreshEmployeeViews();
  void PublishEmployeeViews(Json& j) const;
  bool RecordQueued(const std::string& record_id);
  bool SaveCompetency();
  void TickCompetencyAutosave();
  void LoadQueueUnits();
  void LoadQueue();
  bool WriteTicket(const std::string& record_id, const QueueTicket& t);
  // Adds the competency and queue parts of the test state (competency_form.cpp, queue_log.cpp).
  void PublishCompetencyState(Json& state) const;
  void PublishTrainingState(Json& state) const;  // training_view.cpp
  void PublishQueueState(Json& state) const;
  void LoadHrWorkspace();
  // Asks the server for the workspace summary of the chosen period while this session has not
  // finished a pull, so a fresh device draws the city's tree at once (hr_home.cpp).
  void FetchHrSummary();
  void PublishHrState(Json& state) const;  // hr_home.cpp
  void LoadCachedHrReport();  // hr_reports.cpp
  void FetchHrReport();
  void RebuildHrReportView();
  // One level up in the open report; false at its top.
  bool HrReportUp();
  void DownloadReportFile(const std::string& path, const std::string& filename,
                          const std::string& mime);
  void PublishHrReportState(Json& state) const;
  void LoadObjections();                         // objections.cpp
  void PublishObjectionState(Json& state) const;
 public:
  // TEST AND BENCHMARK ONLY (bench/web, kinerja_test_fill_store): fills the device store with
  // synthetic, already-synced appraisal records (ids "bench-fill-N", never queued for the
  // server) until it holds at least `total` records, in one transaction, then flushes.
  // Returns the number of records stored, or -1 when the store is not open.
  int TestFillStore(int total);

 private:

  std::unique_ptr<LocalStore> store_;
  std::optional<wire::Session> session_;
  Screen screen_ = Screen::kLoading;
  std::vector<wire::Record> roster_;
  RosterView roster_view_;
  float roster_scroll_ = 0;
  double first_interactive_ms_ = 0;  // performance.now() at the end of the first usable frame
  double save_commit_ms_ = 0;        // the last local write's commit (SQLite) time
  double refresh_ms_ = 0;            // the last Refresh(): counts, roster and statuses
  std::string open_employee_;
  std::vector<wire::Record> open_notes_;
  bool busy_ = false;
  int64_t pending_ = 0;
  int64_t set_aside_total_ = 0;  // changes the server refused for good, kept on the device
  std::unique_ptr<SyncSession> sync_;  // the running sync, if any (busy_ is true)
  std::string last_sync_;
  std::string message_;
  bool message_is_error_ = false;
  bool logout_blocked_ = false;
  int frames_ = 0;
  float ui_zoom_ = 1.0f;
  Screen before_sync_screen_ = Screen::kRoster;
  SyncProgress progress_;
  std::vector<LocalStore::KindCount> pending_by_kind_;
  std::vector<LocalStore::SetAsideChange> set_aside_list_;
  std::vector<wire::Record> conflicts_;
  std::vector<ConflictView> conflict_views_;
  bool conflicts_loading_ = false;
  std::string conflicts_error_;

  KioskConfig kiosk_;
  std::vector<KioskUnit> kiosk_units_;
  SurveyAnswers survey_answers_{};
  int kiosk_submitted_ = 0;
  double thanks_until_ = 0;
  int pin_failures_ = 0;
  double pin_locked_until_ = 0;

  std::optional<Template> template_;
  AppraisalForm appraisal_;
  AppraisalScore appraisal_score_;
  Draft appraisal_draft_;

  MyAppraisal my_;
  SelfBeside self_beside_;
  CompetencyForm competency_;
  CompetencyScore competency_score_;
  Draft competency_draft_;

  std::vector<ObjectionCase> objections_;
  DecisionForm decision_;

  TrainingView training_;
  HrWorkspace hr_;
  // This session's device store holds HR's scope: a pull ended well since login (or, for a
  // session restored at start, some sync did). Until then the workspace is the server's.
  bool hr_pulled_ = false;
  HrReportScreen hr_report_;

  std::vector<QueueUnit> queue_units_;
  QueueUnit queue_unit_;
  std::vector<QueueEntry> queue_tickets_;
  QueueDay queue_day_;
};

}  // namespace kinerja::web
