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

// --- Canvas and time -------------------------------------------------------------------------
// Makes a finger work like the mouse on the canvas. Emscripten's GLFW presses and releases
// the button on touchstart/touchend but never moves the cursor for a touch, so a drag (the
// lists' drag-to-scroll) went nowhere; this moves it to the first finger and stops the
// browser's emulated mouse events after a tap, which would otherwise tap a second time.
// Call once, after the GLFW window exists.
void InstallTouchInput();
// The canvas' CSS size and the device pixel ratio.
void CanvasSize(int* width, int* height, double* dpr);
double NowSeconds();
int64_t NowUnixSeconds();

// --- Test hook -------------------------------------------------------------------------------
// Records the last ImGui item's rectangle under `id` for end-to-end tests, which read it with
// Module.ccall('kinerja_test_rect', 'string', ['string'], [id]) as "x,y,w,h" in CSS pixels.
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
