#pragma once
// The screens: one file each in web/screens/, called once per frame by App::Frame for the
// screen the app is on (the top bar on every screen). They only draw from the App's state
// and call its actions (web/app/app.h); nothing they do touches the store or the network.

namespace kinerja::web {

class App;

void DrawTopBar(App& app);
void DrawLoginScreen(App& app);
void DrawRosterScreen(App& app);
void DrawNoteScreen(App& app);
void DrawKioskSetupScreen(App& app);
void DrawKioskScreen(App& app);
void DrawAppraiseScreen(App& app);
void DrawSyncScreen(App& app);
void DrawMyAppraisalScreen(App& app);
void DrawCompetencyScreen(App& app);
void DrawQueueScreen(App& app);
void DrawTrainingScreen(App& app);
void DrawHrHomeScreen(App& app);
void DrawHrReportScreen(App& app);
void DrawObjectionsScreen(App& app);

}  // namespace kinerja::web
