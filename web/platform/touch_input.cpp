// Touch input (see platform.h): one finger fed to ImGui as the left mouse button.
//
// A finger's path is replayed a frame at a time so ImGui sees what a mouse would give it:
// the frame the finger lands, the pointer moves there (hover settles, nothing pressed); the
// next frame the button goes down; moves follow while it is down (drag-to-scroll); the frame
// it lifts, the button goes up where it lifted; the frame after, the pointer leaves the
// canvas, so nothing stays "hovered" on a touch screen. A tap shorter than a frame still gets
// its frames, in order.
#include <emscripten.h>

#include <cfloat>
#include <deque>

#include "imgui.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

enum : int { kStart = 0, kMove = 1, kEnd = 2, kMouse = 3 };

struct TouchEvent {
  int type;
  float x, y;  // CSS pixels from the canvas' top left
};

enum class Stage { kIdle, kArrived, kDown, kLifted };

std::deque<TouchEvent> g_events;
Stage g_stage = Stage::kIdle;
float g_x = 0, g_y = 0;
bool g_touch_mode = false;  // the last input was a finger, not a mouse

// One frame of the finger's replay.
void Step() {
  if (g_stage == Stage::kArrived) g_stage = Stage::kDown;
  else if (g_stage == Stage::kLifted) g_stage = Stage::kIdle;
  while (!g_events.empty()) {
    const TouchEvent e = g_events.front();
    if (e.type == kMove) {
      if (g_stage != Stage::kIdle && g_stage != Stage::kLifted) {
        g_x = e.x;
        g_y = e.y;
      }
      g_events.pop_front();
      continue;
    }
    if (e.type == kStart) {
      if (g_stage == Stage::kIdle) {
        g_x = e.x;
        g_y = e.y;
        g_stage = Stage::kArrived;
        g_events.pop_front();
      }
      break;  // one change of the button per frame
    }
    // kEnd: a finger that only just arrived presses first (next frame), then lifts.
    if (g_stage == Stage::kDown) {
      g_x = e.x;
      g_y = e.y;
      g_stage = Stage::kLifted;
      g_events.pop_front();
    } else if (g_stage == Stage::kIdle || g_stage == Stage::kLifted) {
      g_events.pop_front();  // an end without its start
    }
    break;
  }
}

}  // namespace
}  // namespace kinerja::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void kinerja_touch(int type, double x, double y) {
  using namespace kinerja::web;
  if (type == kMouse) {
    if (g_stage == Stage::kIdle && g_events.empty()) g_touch_mode = false;
    return;
  }
  if (type < kStart || type > kEnd) return;
  g_touch_mode = true;
  g_events.push_back({type, static_cast<float>(x), static_cast<float>(y)});
}
}

namespace kinerja::web {

void InstallTouchInput() { EM_ASM(Module.kinerjaInstallTouch()); }

void TouchInputApply() {
  if (!g_touch_mode) return;
  Step();
  ImGuiIO& io = ImGui::GetIO();
  const float zoom = UiZoom();
  io.MousePos = g_stage == Stage::kIdle ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(g_x / zoom, g_y / zoom);
  io.MouseDown[0] = g_stage == Stage::kDown;
}

}  // namespace kinerja::web
