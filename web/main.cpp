// The browser app's frame loop: GLFW window on the canvas, Dear ImGui with the WebGL2
// renderer, and one App drawn per frame. Everything browser-specific is in platform/.
//
// Pixels: ImGui lays out in CSS pixels divided by the user's UI zoom (App::ui_zoom()); the
// canvas' backing store has the device's own pixels (CSS size x devicePixelRatio), and the font
// is rasterised at that density, so text stays crisp on a high-DPI tablet at every zoom.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "web/app/app.h"
#include "web/platform/platform.h"

namespace {

GLFWwindow* g_window = nullptr;
kinerja::web::App* g_app = nullptr;
double g_last_time = 0;
float g_font_scale = 0;  // device pixels per ImGui unit the font atlas was built for

constexpr float kFontPx = 20.0f;  // the UI font's size in CSS pixels at zoom 1
constexpr const char* kFontFile = "/fonts/kinerja_sans.ttf";
// The glyphs the build keeps in the font (web/CMakeLists.txt subsets it to the same ranges).
const ImWchar kGlyphRanges[] = {0x0020, 0x007E, 0x00A0, 0x00FF, 0x2013, 0x2014, 0x2018, 0x201D,
                                0x2022, 0x2022, 0x2026, 0x2026, 0x2190, 0x2193, 0x2212, 0x2212,
                                0x2713, 0x2713, 0x2717, 0x2717, 0};

// Rebuilds the font atlas for `scale` device pixels per ImGui unit. Called between frames.
void BuildFont(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.PixelSnapH = false;
  ImFont* font = io.Fonts->AddFontFromFileTTF(kFontFile, std::round(kFontPx * scale), &cfg,
                                               kGlyphRanges);
  if (!font) {  // the embedded file is missing: ImGui's own font, scaled, rather than nothing
    ImFontConfig fallback;
    fallback.SizePixels = std::round(13.0f * scale);
    io.Fonts->AddFontDefault(&fallback);
  }
  io.FontGlobalScale = font ? 1.0f / scale : 1.5f / scale;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  g_font_scale = scale;
}

// Emscripten's GLFW 3 passes the browser's wheel deltaY as it is (pixels, positive = down);
// ImGui expects GLFW's native steps (positive = up). A mouse notch is ~100 px in browsers.
void BrowserScroll(GLFWwindow* window, double dx, double dy) {
  ImGui_ImplGlfw_ScrollCallback(window, -dx / 100.0, -dy / 100.0);
}

// ImGui 1.86 reads each key once a frame, held or not, so a key pressed and released between
// two frames is never seen: a quick tap on a hardware keyboard, or a key press sent by a test.
// Emscripten's GLFW calls back at once from the browser's keydown and keyup, so both can land
// between frames. A release that comes before any frame saw its press waits for the next one.
struct HeldRelease {
  int key, scancode, mods;
  bool seen;  // a frame has seen the key down: release it before the next frame
};
std::vector<HeldRelease> g_held_releases;
std::vector<int> g_unseen_presses;  // keys pressed since the last frame began

void KeyEvent(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (action == GLFW_RELEASE &&
      std::find(g_unseen_presses.begin(), g_unseen_presses.end(), key) != g_unseen_presses.end()) {
    g_held_releases.push_back({key, scancode, mods, false});
    return;
  }
  if (action == GLFW_PRESS) {
    // Pressed again before its held release went out: the key simply stays down.
    std::erase_if(g_held_releases, [key](const HeldRelease& r) { return r.key == key; });
    g_unseen_presses.push_back(key);
  }
  ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

// Before ImGui's frame: the releases held back since before the last frame go out, and every
// press so far is seen by this frame.
void KeysBeginFrame() {
  std::vector<HeldRelease> later;
  for (const HeldRelease& r : g_held_releases) {
    if (r.seen) {
      ImGui_ImplGlfw_KeyCallback(g_window, r.key, r.scancode, GLFW_RELEASE, r.mods);
    } else {
      later.push_back({r.key, r.scancode, r.mods, true});
    }
  }
  g_held_releases = std::move(later);
  g_unseen_presses.clear();
}

void Frame() {
  const double frame_start_ms = kinerja::web::NowSeconds() * 1000;
  int w = 0, h = 0;
  double dpr = 1;
  kinerja::web::CanvasSize(&w, &h, &dpr);
  // The backing store follows the CSS size (a resize or a rotated tablet) at device pixels.
  int dev_w = static_cast<int>(std::lround(w * dpr));
  int dev_h = static_cast<int>(std::lround(h * dpr));
  int cur_w = 0, cur_h = 0;
  glfwGetWindowSize(g_window, &cur_w, &cur_h);
  if (dev_w > 0 && dev_h > 0 && (dev_w != cur_w || dev_h != cur_h)) {
    glfwSetWindowSize(g_window, dev_w, dev_h);
  }
  const float zoom = g_app->ui_zoom();
  const float scale = static_cast<float>(dpr) * zoom;  // device pixels per ImGui unit
  if (scale != g_font_scale) BuildFont(scale);
  kinerja::web::SetUiZoom(zoom);

  glfwPollEvents();
  KeysBeginFrame();
  kinerja::web::SoftKeyboardBeginFrame();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  // GLFW reports the window and the pointer in device pixels; ImGui works in units of `scale`.
  io.DisplaySize = ImVec2(static_cast<float>(dev_w) / scale, static_cast<float>(dev_h) / scale);
  io.DisplayFramebufferScale = ImVec2(scale, scale);
  if (io.MousePos.x != -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / scale, io.MousePos.y / scale);
  kinerja::web::TouchInputApply();  // a finger, in CSS pixels, replaces the pointer
  // Browsers may deliver two frames with one timestamp; ImGui asserts on a zero delta.
  double now = kinerja::web::NowSeconds();
  io.DeltaTime = static_cast<float>(std::max(now - g_last_time, 1e-4));
  g_last_time = now;
  ImGui::NewFrame();
  kinerja::web::TestBeginFrame();

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("kinerja", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings);
  g_app->Frame();
  ImGui::End();

  ImGui::Render();
  int fb_w = 0, fb_h = 0;
  glfwGetFramebufferSize(g_window, &fb_w, &fb_h);
  glViewport(0, 0, fb_w, fb_h);
  glClearColor(0.95f, 0.96f, 0.97f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  kinerja::web::SoftKeyboardEndFrame();
  kinerja::web::TestRecordFrame(frame_start_ms, kinerja::web::NowSeconds() * 1000);
}

}  // namespace

// TEST AND BENCHMARK ONLY: see App::TestFillStore.
extern "C" EMSCRIPTEN_KEEPALIVE int kinerja_test_fill_store(int total) {
  return g_app ? g_app->TestFillStore(total) : -1;
}

int main() {
  kinerja::web::StartStorage();
  // Before glfwInit: these listeners must run before GLFW's own.
  kinerja::web::InstallSoftKeyboard();
  kinerja::web::InstallTouchInput();
  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  int w = 0, h = 0;
  double dpr = 1;
  kinerja::web::CanvasSize(&w, &h, &dpr);
  g_window = glfwCreateWindow(std::max(w, 320), std::max(h, 240), "Kinerja", nullptr, nullptr);
  if (!g_window) return 1;
  glfwMakeContextCurrent(g_window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is code, not a file
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.FramePadding = ImVec2(10, 10);
  style.ItemSpacing = ImVec2(10, 10);
  style.ScrollbarSize = 24;
  style.TouchExtraPadding = ImVec2(4, 4);
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  glfwSetScrollCallback(g_window, BrowserScroll);  // replaces the backend's raw callback
  glfwSetKeyCallback(g_window, KeyEvent);  // the backend's, with quick taps kept for a frame

  static kinerja::web::App app;
  g_app = &app;
  g_last_time = kinerja::web::NowSeconds();
  emscripten_set_main_loop(Frame, 0, true);
  return 0;
}
