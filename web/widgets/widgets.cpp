#include "web/widgets/widgets.h"

#include <cfloat>
#include <cmath>
#include <string_view>

#include "imgui_internal.h"  // ClearActiveID: a scrolling drag cancels the pressed button
#include "shared/utf8.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

const ImVec4 kAccent(0.12f, 0.37f, 0.55f, 1.0f);  // the theme colour of the page (#1f5f8b)

// What LimitedTextField's callback knows of its field during one frame.
struct CharLimit {
  size_t max_chars;
  size_t chars;  // the field's characters as the frame began, plus those let in since
};

// Refuses a character that would pass the limit (typed or pasted: ImGui filters each one),
// and cuts the text at the limit after an edit that still passed it (an IME composition).
int LimitChars(ImGuiInputTextCallbackData* data) {
  auto* limit = static_cast<CharLimit*>(data->UserData);
  if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) {
    if (limit->chars >= limit->max_chars) return 1;
    ++limit->chars;
    return 0;
  }
  const std::string_view text(data->Buf, static_cast<size_t>(data->BufTextLen));
  const size_t keep = PrefixBytesForChars(text, limit->max_chars);
  if (keep < text.size()) {
    data->DeleteChars(static_cast<int>(keep), static_cast<int>(text.size() - keep));
  }
  limit->chars = CodePointCount(std::string_view(data->Buf, static_cast<size_t>(data->BufTextLen)))
                     .value_or(limit->max_chars);
  return 0;
}

}  // namespace

bool BigChoice(const char* id, const char* label, bool selected, ImVec2 size) {
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, size);
  bool held = ImGui::IsItemActive();
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 end(pos.x + size.x, pos.y + size.y);
  float alpha = ImGui::GetStyle().Alpha;  // BeginDisabled lowers it
  ImU32 fill = selected ? ImGui::GetColorU32(kAccent)
                        : ImGui::GetColorU32(held      ? ImGuiCol_ButtonActive
                                             : hovered ? ImGuiCol_ButtonHovered
                                                       : ImGuiCol_Button);
  dl->AddRectFilled(pos, end, fill, 10.0f);
  dl->AddRect(pos, end, ImGui::GetColorU32(selected ? kAccent : ImVec4(0.6f, 0.65f, 0.7f, alpha)),
              10.0f, 0, selected ? 3.0f : 1.0f);
  ImFont* font = ImGui::GetFont();
  float font_size = ImGui::GetFontSize();
  float wrap = size.x - 16.0f;
  ImVec2 text = font->CalcTextSizeA(font_size, FLT_MAX, wrap, label);
  ImVec2 at(pos.x + (size.x - text.x) * 0.5f, pos.y + (size.y - text.y) * 0.5f);
  ImU32 ink = selected ? ImGui::GetColorU32(ImVec4(1, 1, 1, alpha)) : ImGui::GetColorU32(ImGuiCol_Text);
  dl->AddText(font, font_size, at, ink, label, nullptr, wrap);
  return pressed;
}

void DragToScroll() {
  constexpr float kThreshold = 14.0f;  // px before a press counts as a scroll
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, kThreshold)) return;
  ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, kThreshold);
  if (std::fabs(drag.y) < std::fabs(drag.x)) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.ActiveId != 0 && g.InputTextState.ID != g.ActiveId) ImGui::ClearActiveID();
  ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

bool BackButton(const char* test_id) {
  bool tapped = ImGui::Button(T("back"), ImVec2(140, 44));
  TestMarkItem(test_id);
  return tapped;
}

void Heading(const char* text, float scale) {
  ImGui::SetWindowFontScale(scale);
  ImGui::TextColored(kAccent, "%s", text);
  ImGui::SetWindowFontScale(1.0f);
}

void DraftStatus(const Draft& draft) {
  ImGui::TextDisabled("%s", draft.dirty()              ? T("draft_unsaved")
                            : draft.saved_at().empty() ? T("draft_new")
                                                       : T("draft_saved"));
}

bool LimitedTextField(const char* id, const char* test_id, char* buf, size_t buf_size,
                      size_t max_chars, ImVec2 size) {
  const std::string_view before(buf);
  CharLimit limit{max_chars, CodePointCount(before).value_or(before.size())};
  const ImGuiInputTextFlags flags =
      ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackEdit;
  bool changed;
  if (size.y > 0) {
    changed = ImGui::InputTextMultiline(id, buf, buf_size, size, flags, LimitChars, &limit);
  } else {
    changed = ImGui::InputText(id, buf, buf_size, flags, LimitChars, &limit);
  }
  TestMarkItem(test_id);
  if (size.y > 0) {
    const size_t chars = CodePointCount(buf).value_or(0);
    ImGui::TextDisabled(
        "%s", Tf("text_chars", static_cast<int>(chars), static_cast<int>(max_chars)).c_str());
  }
  return changed;
}

}  // namespace kinerja::web
