#include "web/platform/platform.h"

#include <emscripten.h>
#include <emscripten/fetch.h>
#include <emscripten/html5.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <vector>

#include "imgui.h"

namespace kinerja::web {
namespace {

bool g_storage_ready = false;
bool g_flush_running = false;
bool g_flush_again = false;
std::string g_persist = "unknown";
double g_usage_bytes = -1;
double g_quota_bytes = -1;
std::map<std::string, std::string> g_rects;
std::string g_state = "{}";
double g_flush_started_ms = 0;  // when the current run of flushes was asked for
double g_last_flush_ms = 0;
constexpr size_t kMaxFrameSamples = 4096;
std::vector<double> g_frame_cpu_ms;
std::vector<double> g_frame_interval_ms;
double g_last_frame_start_ms = 0;
float g_zoom = 1.0f;

void RunFlush();

}  // namespace
}  // namespace kinerja::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void kinerja_storage_loaded() { kinerja::web::g_storage_ready = true; }
EMSCRIPTEN_KEEPALIVE void kinerja_flush_done(int ok) {
  (void)ok;
  kinerja::web::g_flush_running = false;
  if (kinerja::web::g_flush_again) {
    kinerja::web::g_flush_again = false;
    kinerja::web::RunFlush();
    return;
  }
  kinerja::web::g_last_flush_ms = emscripten_get_now() - kinerja::web::g_flush_started_ms;
}
EMSCRIPTEN_KEEPALIVE void kinerja_persist_result(int granted) {
  kinerja::web::g_persist = granted ? "granted" : "denied";
}
EMSCRIPTEN_KEEPALIVE void kinerja_storage_estimate(double usage, double quota) {
  kinerja::web::g_usage_bytes = usage;
  kinerja::web::g_quota_bytes = quota;
}
EMSCRIPTEN_KEEPALIVE const char* kinerja_test_rect(const char* id) {
  static std::string out;
  auto it = kinerja::web::g_rects.find(id ? id : "");
  out = it == kinerja::web::g_rects.end() ? "" : it->second;
  return out.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* kinerja_test_state() { return kinerja::web::g_state.c_str(); }
EMSCRIPTEN_KEEPALIVE const char* kinerja_test_frames() {
  static std::string out;
  auto list = [](const std::vector<double>& v) {
    std::string s = "[";
    char buf[32];
    for (size_t i = 0; i < v.size(); ++i) {
      std::snprintf(buf, sizeof buf, i ? ",%.3f" : "%.3f", v[i]);
      s += buf;
    }
    return s + "]";
  };
  out = "{\"cpu_ms\":" + list(kinerja::web::g_frame_cpu_ms) +
        ",\"interval_ms\":" + list(kinerja::web::g_frame_interval_ms) + "}";
  kinerja::web::g_frame_cpu_ms.clear();
  kinerja::web::g_frame_interval_ms.clear();
  return out.c_str();
}
}

namespace kinerja::web {
namespace {

void RunFlush() {
  g_flush_running = true;
  EM_ASM({
    FS.syncfs(false, function(err) {
      if (err) console.error('kinerja: IndexedDB flush failed', err);
      Module._kinerja_flush_done(err ? 0 : 1);
    });
  });
}

struct FetchContext {
  HttpCallback done;
  std::string body;
  std::string method;
  std::string auth;
};

void FetchFinished(emscripten_fetch_t* f) {
  std::unique_ptr<FetchContext> ctx(static_cast<FetchContext*>(f->userData));
  HttpResult r;
  r.status = f->status;
  if (f->data && f->numBytes > 0) r.body.assign(f->data, static_cast<size_t>(f->numBytes));
  emscripten_fetch_close(f);
  ctx->done(r);
}

}  // namespace

void StartStorage() {
  EM_ASM({
    try { FS.mkdir('/data'); } catch (e) {}
    FS.mount(IDBFS, {}, '/data');
    FS.syncfs(true, function(err) {
      if (err) console.error('kinerja: IndexedDB load failed', err);
      Module._kinerja_storage_loaded();
    });
  });
}

bool StorageReady() { return g_storage_ready; }

void FlushStorage() {
  if (g_flush_running) {
    g_flush_again = true;
    return;
  }
  g_flush_started_ms = emscripten_get_now();
  RunFlush();
}

int FlushesPending() { return (g_flush_running ? 1 : 0) + (g_flush_again ? 1 : 0); }

double LastFlushMs() { return g_last_flush_ms; }

void RequestPersistentStorage() {
  EM_ASM({
    if (navigator.storage && navigator.storage.persist) {
      navigator.storage.persist().then(function(g) { Module._kinerja_persist_result(g ? 1 : 0); },
                                       function() { Module._kinerja_persist_result(0); });
    }
  });
}

std::string PersistState() { return g_persist; }

void RequestStorageEstimate() {
  EM_ASM({
    if (navigator.storage && navigator.storage.estimate) {
      navigator.storage.estimate().then(function(e) {
        Module._kinerja_storage_estimate(e.usage || 0, e.quota || 0);
      }, function() {});
    }
  });
}

double StorageUsageBytes() { return g_usage_bytes; }
double StorageQuotaBytes() { return g_quota_bytes; }

void HttpRequest(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& token, HttpCallback done) {
  auto* ctx = new FetchContext{std::move(done), body, method, token.empty() ? "" : "Bearer " + token};
  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, ctx->method.c_str(), sizeof(attr.requestMethod) - 1);
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.timeoutMSecs = 20000;
  static const char* kJsonHeaders[] = {"Content-Type", "application/json", nullptr};
  const char* auth_headers[] = {"Content-Type", "application/json", "Authorization",
                                ctx->auth.c_str(), nullptr};
  attr.requestHeaders = ctx->auth.empty() ? kJsonHeaders : auth_headers;
  if (!ctx->body.empty()) {
    attr.requestData = ctx->body.data();
    attr.requestDataSize = ctx->body.size();
  }
  attr.userData = ctx;
  attr.onsuccess = FetchFinished;
  attr.onerror = FetchFinished;
  emscripten_fetch(&attr, path.c_str());  // headers and body are copied before return
}

void DownloadFile(const std::string& filename, const std::string& mime_type,
                  const std::string& content) {
  EM_ASM(
      {
        var blob = new Blob([HEAPU8.slice($2, $2 + $3)], {type : UTF8ToString($1)});
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = UTF8ToString($0);
        a.style.display = 'none';
        document.body.appendChild(a);
        a.click();
        setTimeout(function() {
          URL.revokeObjectURL(a.href);
          a.remove();
        }, 10000);
      },
      filename.c_str(), mime_type.c_str(), content.data(), content.size());
}

bool BrowserOnline() { return EM_ASM_INT({ return navigator.onLine ? 1 : 0; }) != 0; }

void CanvasSize(int* width, int* height, double* dpr) {
  double w = 0, h = 0;
  emscripten_get_element_css_size("#canvas", &w, &h);
  *width = static_cast<int>(w);
  *height = static_cast<int>(h);
  *dpr = emscripten_get_device_pixel_ratio();
}

void SetUiZoom(float zoom) { g_zoom = zoom; }
float UiZoom() { return g_zoom; }

double NowSeconds() { return emscripten_get_now() / 1000.0; }

int64_t NowUnixSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void TestBeginFrame() { g_rects.clear(); }

void TestMarkItem(const char* id) {
  ImVec2 a = ImGui::GetItemRectMin();
  ImVec2 b = ImGui::GetItemRectMax();
  // Only items actually visible in their window count: a clipped row reports nothing.
  if (!ImGui::IsItemVisible()) return;
  char buf[96];
  const float z = g_zoom;
  std::snprintf(buf, sizeof buf, "%.1f,%.1f,%.1f,%.1f", a.x * z, a.y * z, (b.x - a.x) * z,
                (b.y - a.y) * z);
  g_rects[id] = buf;
}

void TestMarkRect(const char* id, const ImVec2& a, const ImVec2& b) {
  if (!ImGui::IsRectVisible(a, b)) return;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%.1f,%.1f,%.1f,%.1f", a.x, a.y, b.x - a.x, b.y - a.y);
  g_rects[id] = buf;
}

void TestSetState(const std::string& json) { g_state = json; }

void TestRecordFrame(double start_ms, double end_ms) {
  // Nobody reading: drop the older half at once rather than shifting every frame.
  for (auto* v : {&g_frame_cpu_ms, &g_frame_interval_ms}) {
    if (v->size() >= kMaxFrameSamples) v->erase(v->begin(), v->begin() + kMaxFrameSamples / 2);
  }
  g_frame_cpu_ms.push_back(end_ms - start_ms);
  if (g_last_frame_start_ms > 0) g_frame_interval_ms.push_back(start_ms - g_last_frame_start_ms);
  g_last_frame_start_ms = start_ms;
}

}  // namespace kinerja::web
