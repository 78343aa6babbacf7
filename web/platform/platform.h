#pragma once
// Everything the browser app needs from the browser, in one place: persistent storage
// (SQLite on IndexedDB through IDBFS), HTTP (emscripten_fetch), the canvas size, and the
// test hook that lets end-to-end tests find widgets. Screens never call the browser directly.

#include <functional>
#include <string>

struct ImVec2;

namespace kinerja::web {

// --- Storage ---------------------------------------------------------------------------------
// The folder that lives on IndexedDB. Ready once the browser has loaded it (StorageReady).
inline constexpr const char* kDataDir = "/data";
// Starts mounting and loading /data from IndexedDB; StorageReady() turns true when done.
void StartStorage();
bool StorageReady();
// Writes /data back to IndexedDB. Call after every committed write; calls made while a
// flush runs are folded into one more flush. FlushesPending() is 0 when all is on disk.
void FlushStorage();
int FlushesPending();
// Milliseconds from the last FlushStorage() made while idle until IndexedDB had everything
// (including flushes folded into it); 0 before the first.
double LastFlushMs();
// Asks the browser not to evict our storage; the answer arrives later (PersistState).
void RequestPersistentStorage();
std::string PersistState();  // "unknown", "granted", "denied"
// Asks the browser how much storage the app uses; the answer arrives later. Negative until then.
void RequestStorageEstimate();
double StorageUsageBytes();
double StorageQuotaBytes();

// --- Network ---------------------------------------------------------------------------------
struct HttpResult {
  int status = 0;        // 0: no answer (offline, refused, timed out)
  std::string body;
};
using HttpCallback = std::function<void(const HttpResult&)>;
// Same-origin request; `token` adds a Bearer header. The callback runs on the main loop.
void HttpRequest(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& token, HttpCallback done);
bool BrowserOnline();
// Hands `content` to the browser as a file download named `filename` (the user keeps it).
void DownloadFile(const std::string& filename, const std::string& mime_type,
                  const std::string& content);

// --- Soft keyboard ---------------------------------------------------------------------------
// ImGui draws its text fields on the canvas, which a touch screen's keyboard knows nothing of.
// A hidden <input> stands in for them: it is focused while an ImGui text field is active (and
// again inside the tap itself, as mobile browsers open the keyboard only within a user
// gesture), and what is typed there (letters, IME compositions, Enter, Backspace, paste) is fed
// to ImGui. Other keys (arrows, Tab, shortcuts) reach ImGui through GLFW as before. A PIN field
// asks for the digit keyboard and a password field for a password keyboard.
// InstallSoftKeyboard(): once, before glfwInit (its key listeners must run before GLFW's).
// SoftKeyboardBeginFrame(): before ImGui::NewFrame; hands queued input to ImGui, a key press
//   per frame so that deletions and insertions keep their order.
// SoftKeyboardEndFrame(): after ImGui::Render; shows or hides the keyboard and keeps the input
//   at the text cursor (where the IME draws its candidates).
void InstallSoftKeyboard();
void SoftKeyboardBeginFrame();
void SoftKeyboardEndFrame();
// Call right after an ImGui::InputText with Password or CharsDecimal `flags` (ImGui 1.86
// forgets a field's flags when it returns): while that field is active, the browser shows a
// password or digit keyboard. Other fields get the text keyboard.
void SoftKeyboardNoteField(int imgui_input_text_flags);
// For the test hook: the text of the active text field, "" when none is active or it is a
// password or PIN field (never exposed).
std::string ActiveTextForTest();

// --- Touch -----------------------------------------------------------------------------------
// Emscripten 3.1.6's GLFW presses the mouse button on a touch without moving the pointer to
// the finger. Touches are taken from the canvas before GLFW sees them and given to ImGui as
// the left mouse button, replayed a frame at a time (land, press, drag, lift, leave), so that
// a quick tap is a click where the finger was and nothing stays hovered after it.
// InstallTouchInput(): once, before glfwInit and after InstallSoftKeyboard.
// TouchInputApply(): every frame after ImGui_ImplGlfw_NewFrame (it overrides GLFW's pointer
//   while the last input was a finger; a mouse takes over again when it moves).
void InstallTouchInput();
void TouchInputApply();

// --- Canvas and time -------------------------------------------------------------------------
// The canvas' CSS size and the device pixel ratio.
void CanvasSize(int* width, int* height, double* dpr);
// CSS pixels per ImGui unit: the user's UI size setting (the device pixel ratio is applied to
// the framebuffer only, so ImGui units are CSS pixels at zoom 1). Set by the frame loop.
void SetUiZoom(float zoom);
float UiZoom();
double NowSeconds();
int64_t NowUnixSeconds();

// --- Test hook -------------------------------------------------------------------------------
// Records the last ImGui item's rectangle under `id` for end-to-end tests, which read it with
// Module.ccall('kinerja_test_rect', 'string', ['string'], [id]) as "x,y,w,h" in CSS pixels
// (ImGui units times UiZoom()).
void TestMarkItem(const char* id);
// The same for a rectangle drawn by hand (screen coordinates), when it is visible.
void TestMarkRect(const char* id, const ImVec2& min, const ImVec2& max);
void TestBeginFrame();
// The JSON the tests read with kinerja_test_state().
void TestSetState(const std::string& json);
// Records one frame: its start and end (NowSeconds() * 1000). Benchmarks read the frames'
// CPU times and the intervals between their starts with kinerja_test_frames(), which returns
// {"cpu_ms": [...], "interval_ms": [...]} for the frames since the previous call (when
// nobody reads, the older half is dropped once 4096 are kept).
void TestRecordFrame(double start_ms, double end_ms);

}  // namespace kinerja::web
