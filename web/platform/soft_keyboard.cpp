// The soft keyboard bridge (see platform.h): a hidden <input> that the browser's keyboard and
// IME type into, and the queue that hands what was typed to ImGui.
//
// Browser side, in order of the events of one key on a tablet:
// - touchend / mouseup on the canvas: when the finger is on an ImGui text field (ImGui showed
//   its text cursor there in the last frame) or a field is already active, the input is
//   (re)focused inside this handler, the user gesture that lets a mobile browser open its
//   keyboard.
// - keydown on the input: named keys (Backspace, Enter, arrows, Tab...) and shortcuts go on to
//   GLFW, which already turns them into ImGui keys; the input itself is left unchanged. Keys
//   that make text are kept from GLFW and arrive as input events instead. A virtual keyboard
//   reports most keys as "Unidentified" (229): those, too, arrive as input events.
// - beforeinput: text, paste, Enter and Backspace are sent to C++ and the edit is cancelled, so
//   the input keeps one space (Backspace always has something to delete).
// - composition (IME, and Android keyboards' word suggestions): each update is sent as the
//   difference to the last one (Backspaces, then the new tail), so ImGui shows the word as it
//   is composed; compositionend settles it.
#include <GLFW/glfw3.h>
#include <emscripten.h>

#include <cmath>
#include <deque>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // the active text field's flags and caret position
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

enum : int { kTextEvent = 0, kBackspace = 1, kEnter = 2 };

struct TypedEvent {
  int kind = kTextEvent;
  std::string text;
};

std::deque<TypedEvent> g_typed;
int g_key_held = -1;  // a GLFW key pressed for the current frame, released on the next

// What the browser side was last told, so it is called only on a change.
struct Shown {
  bool want = false;
  bool over = false;
  int mode = -1;
  int x = -1, y = -1;
};
Shown g_shown;
ImGuiID g_noted_id = 0;  // the last field SoftKeyboardNoteField saw active, and its flags
int g_noted_flags = 0;

// Input modes for the browser's keyboard.
enum : int { kModeText = 0, kModeDecimal = 1, kModePassword = 2, kModePin = 3 };

}  // namespace
}  // namespace kinerja::web

extern "C" {
EMSCRIPTEN_KEEPALIVE void kinerja_text_input(const char* utf8) {
  if (utf8 && *utf8) kinerja::web::g_typed.push_back({kinerja::web::kTextEvent, utf8});
}
EMSCRIPTEN_KEEPALIVE void kinerja_text_key(int key) {
  if (key == kinerja::web::kBackspace || key == kinerja::web::kEnter) {
    kinerja::web::g_typed.push_back({key, ""});
  }
}
}

namespace kinerja::web {

void InstallSoftKeyboard() {
  EM_ASM(Module.kinerjaInstallIme());
}

void SoftKeyboardBeginFrame() {
  ImGuiIO& io = ImGui::GetIO();
  if (g_key_held >= 0) {  // released a frame after it was pressed; nothing else this frame
    io.KeysDown[g_key_held] = false;
    g_key_held = -1;
    return;
  }
  std::string text;
  while (!g_typed.empty() && g_typed.front().kind == kTextEvent) {
    text += g_typed.front().text;
    g_typed.pop_front();
  }
  if (!text.empty()) {
    io.AddInputCharactersUTF8(text.c_str());
    return;  // a key after this text goes next frame, after ImGui took the text
  }
  if (!g_typed.empty()) {
    g_key_held = g_typed.front().kind == kBackspace ? GLFW_KEY_BACKSPACE : GLFW_KEY_ENTER;
    io.KeysDown[g_key_held] = true;
    g_typed.pop_front();
  }
}

void SoftKeyboardEndFrame() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool want = g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
  const bool over = ImGui::GetMouseCursor() == ImGuiMouseCursor_TextInput;
  int mode = kModeText;
  if (want && g.ActiveId == g_noted_id) {
    int f = g_noted_flags;
    bool secret = (f & ImGuiInputTextFlags_Password) != 0;
    bool digits = (f & ImGuiInputTextFlags_CharsDecimal) != 0;
    mode = secret && digits ? kModePin : secret ? kModePassword : digits ? kModeDecimal : kModeText;
  }
  int x = 0, y = 0;
  if (want && g.PlatformImePos.x != FLT_MAX) {
    x = static_cast<int>(std::lround(g.PlatformImePos.x * UiZoom()));
    y = static_cast<int>(std::lround(g.PlatformImePos.y * UiZoom()));
  }
  if (want == g_shown.want && over == g_shown.over && mode == g_shown.mode && x == g_shown.x &&
      y == g_shown.y) {
    return;
  }
  g_shown = {want, over, mode, x, y};
  EM_ASM({ Module.kinerjaImeUpdate($0, $1, $2, $3, $4); }, want ? 1 : 0, over ? 1 : 0, mode, x, y);
}

void SoftKeyboardNoteField(int imgui_input_text_flags) {
  if (!ImGui::IsItemActive()) return;
  g_noted_id = ImGui::GetItemID();
  g_noted_flags = imgui_input_text_flags;
}

std::string ActiveTextForTest() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImGuiInputTextState& st = g.InputTextState;
  if (g.ActiveId == 0 || g.ActiveId != st.ID) return "";
  if (g.ActiveId == g_noted_id && (g_noted_flags & ImGuiInputTextFlags_Password)) return "";
  std::string out(static_cast<size_t>(st.CurLenA) + 1, '\0');
  int n = ImTextStrToUtf8(out.data(), static_cast<int>(out.size()), st.TextW.Data,
                          st.TextW.Data + st.CurLenW);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace kinerja::web
