#include "web/widgets/report_table.h"

#include <string>

#include "imgui.h"
#include "web/platform/platform.h"
#include "web/widgets/chart.h"

namespace kinerja::web {

ReportTableAction DrawReportTable(const ReportTable& table, const char* id) {
  ReportTableAction action;
  const int columns = static_cast<int>(table.columns.size());
  if (columns == 0) return action;
  // Tristate: the third tap on a heading gives the report's own order back.
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                                ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable(id, columns, flags)) return action;
  // Names and texts get more room than numbers; a heading cut short shows whole on hover.
  for (size_t c = 0; c < table.columns.size(); ++c) {
    const auto& col = table.columns[c];
    ImGui::TableSetupColumn(col.label.c_str(),
                            ImGuiTableColumnFlags_WidthStretch |
                                (col.numeric ? ImGuiTableColumnFlags_PreferSortDescending : 0),
                            c == 0 ? 2.6f : col.numeric ? 1.0f : 1.6f);
  }
  ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
  for (int c = 0; c < columns; ++c) {
    ImGui::TableSetColumnIndex(c);
    const char* label = table.columns[static_cast<size_t>(c)].label.c_str();
    ImGui::TableHeader(label);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", label);
  }
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    specs->SpecsDirty = false;
    const int column = specs->SpecsCount > 0 ? specs->Specs[0].ColumnIndex : -1;
    const bool ascending =
        specs->SpecsCount == 0 || specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    if (column != table.sort_column || (column >= 0 && ascending != table.sort_ascending)) {
      action = {-1, true, column, ascending};
    }
  }
  const float row_height = ImGui::GetFrameHeight() + 6;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(table.rows.size()), row_height);
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ReportRow& row = table.rows[static_cast<size_t>(i)];
      ImGui::TableNextRow(0, row_height);
      const bool leads = !row.drill_unit.empty() || !row.drill_id.empty();
      if (row.warn) ImGui::PushStyleColor(ImGuiCol_Text, chart::kWarningColour);
      for (int c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(c);
        static const std::string kNone;
        const std::string& text =
            static_cast<size_t>(c) < row.cells.size() ? row.cells[static_cast<size_t>(c)].text : kNone;
        if (c == 0 && leads) {
          ImGui::PushID(i);
          if (ImGui::Selectable(text.c_str(), false, ImGuiSelectableFlags_SpanAllColumns,
                                ImVec2(0, row_height - 6))) {
            action.tapped_row = i;
          }
          ImGui::PopID();
        } else if (table.columns[static_cast<size_t>(c)].numeric) {
          const float w = ImGui::CalcTextSize(text.c_str()).x;
          const float room = ImGui::GetContentRegionAvail().x;
          if (room > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - w);
          ImGui::TextUnformatted(text.c_str());
        } else {
          ImGui::TextUnformatted(text.c_str());
        }
        if (c == 0) TestMarkItem((std::string(id) + ".row." + std::to_string(i)).c_str());
      }
      if (row.warn) ImGui::PopStyleColor();
    }
  }
  ImGui::EndTable();
  return action;
}

}  // namespace kinerja::web
