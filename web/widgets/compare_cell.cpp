#include "web/widgets/compare_cell.h"

#include <cfloat>

#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

constexpr float kWideFrom = 880.0f;   // CSS px of content width; a portrait tablet is narrower
constexpr float kCellShare = 0.30f;   // of the line, when beside the buttons
const ImVec4 kDiffers(0.96f, 0.55f, 0.12f, 1.0f);

}  // namespace

bool CompareWide() { return ImGui::GetContentRegionAvail().x >= kWideFrom; }

float CompareButtonsWidth() {
  float avail = ImGui::GetContentRegionAvail().x;
  float spacing = ImGui::GetStyle().ItemSpacing.x;
  float row = CompareWide() ? avail * (1.0f - kCellShare) - spacing : avail;
  return (row - 2 * spacing) / 3;
}

void CompareCellPlacement() {
  if (CompareWide()) ImGui::SameLine();
}

void CompareCell(const char* test_id, const char* caption, const char* value, bool differs,
                 ImVec2 size) {
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(size);
  TestMarkItem(test_id);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 end(pos.x + size.x, pos.y + size.y);
  ImVec4 fill = differs ? ImVec4(kDiffers.x, kDiffers.y, kDiffers.z, 0.22f)
                        : ImVec4(0.90f, 0.92f, 0.94f, 1.0f);
  dl->AddRectFilled(pos, end, ImGui::GetColorU32(fill), 8.0f);
  dl->AddRect(pos, end, ImGui::GetColorU32(differs ? kDiffers : ImVec4(0.7f, 0.74f, 0.78f, 1)),
              8.0f, 0, differs ? 3.0f : 1.0f);
  ImFont* font = ImGui::GetFont();
  float big = ImGui::GetFontSize();
  float small = big * 0.75f;
  float wrap = size.x - 16.0f;
  const char* shown = value && value[0] ? value : "-";
  ImVec2 cap = font->CalcTextSizeA(small, FLT_MAX, wrap, caption);
  ImVec2 val = font->CalcTextSizeA(big, FLT_MAX, wrap, shown);
  float top = pos.y + (size.y - cap.y - val.y - 2) * 0.5f;
  dl->AddText(font, small, ImVec2(pos.x + 8, top), ImGui::GetColorU32(ImGuiCol_TextDisabled),
              caption, nullptr, wrap);
  dl->AddText(font, big, ImVec2(pos.x + 8, top + cap.y + 2), ImGui::GetColorU32(ImGuiCol_Text),
              shown, nullptr, wrap);
  if (differs) {
    // "!=" in the corner: the difference reads without relying on colour.
    const char* mark = "!=";
    ImVec2 m = font->CalcTextSizeA(big, FLT_MAX, 0, mark);
    dl->AddText(font, big, ImVec2(end.x - m.x - 8, pos.y + (size.y - m.y) * 0.5f),
                ImGui::GetColorU32(ImVec4(0.7f, 0.3f, 0.0f, 1)), mark);
  }
}

}  // namespace kinerja::web
