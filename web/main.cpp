// The browser app's frame loop: GLFW window on the canvas, Dear ImGui with the WebGL2
// renderer, and one App drawn per frame. Everything browser-specific is in platform.cpp.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <algorithm>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "web/app.h"
#include "web/platform.h"

namespace {

GLFWwindow* g_window = nullptr;
kinerja::web::App* g_app = nullptr;
double g_last_time = 0;

// Emscripten's GLFW 3 passes the browser's wheel deltaY as it is (pixels, positive = down);
// ImGui expects GLFW's native steps (positive = up). A mouse notch is ~100 px in browsers.
void BrowserScroll(GLFWwindow* window, double dx, double dy) {
  ImGui_ImplGlfw_ScrollCallback(window, -dx / 100.0, -dy / 100.0);
}

void Frame() {
  const double frame_start_ms = kinerja::web::NowSeconds() * 1000;
  int w = 0, h = 0;
  double dpr = 1;
  kinerja::web::CanvasSize(&w, &h, &dpr);
  int cur_w = 0, cur_h = 0;
  glfwGetWindowSize(g_window, &cur_w, &cur_h);
  if (w > 0 && h > 0 && (w != cur_w || h != cur_h)) glfwSetWindowSize(g_window, w, h);

  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // Browsers may deliver two frames with one timestamp; ImGui asserts on a zero delta.
  ImGuiIO& io = ImGui::GetIO();
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
  kinerja::web::TestRecordFrame(frame_start_ms, kinerja::web::NowSeconds() * 1000);
}

}  // namespace

// TEST AND BENCHMARK ONLY: see App::TestFillStore.
extern "C" EMSCRIPTEN_KEEPALIVE int kinerja_test_fill_store(int total) {
  return g_app ? g_app->TestFillStore(total) : -1;
}

int main() {
  kinerja::web::StartStorage();
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
  io.FontGlobalScale = 1.5f;
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  glfwSetScrollCallback(g_window, BrowserScroll);  // replaces the backend's raw callback
  kinerja::web::InstallTouchInput();

  static kinerja::web::App app;
  g_app = &app;
  g_last_time = kinerja::web::NowSeconds();
  emscripten_set_main_loop(Frame, 0, true);
  return 0;
}
