#pragma once
// Everything the browser app needs from the browser, in one place: persistent storage
// (SQLite on IndexedDB through IDBFS), HTTP (emscripten_fetch), the canvas size, and the
// test hook that lets end-to-end tests find widgets. Screens never call the browser directly.

#include <functional>
#include <string>

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
// The canvas' CSS size and the device pixel ratio.
void CanvasSize(int* width, int* height, double* dpr);
double NowSeconds();
int64_t NowUnixSeconds();

// --- Test hook -------------------------------------------------------------------------------
// Records the last ImGui item's rectangle under `id` for end-to-end tests, which read it with
// Module.ccall('kinerja_test_rect', 'string', ['string'], [id]) as "x,y,w,h" in CSS pixels.
void TestMarkItem(const char* id);
void TestBeginFrame();
// The JSON the tests read with kinerja_test_state().
void TestSetState(const std::string& json);

}  // namespace kinerja::web
