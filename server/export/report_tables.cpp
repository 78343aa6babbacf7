#include "server/export/report_tables.h"

#include <string>

#include "engine/competency/training_report.h"

namespace kinerja::server::exports {

namespace {

Cell Text(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::monostate{};
  return it->get<std::string>();
}

Cell Integer(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::monostate{};
  return it->get<int64_t>();
}

Cell Number(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::monostate{};
  return it->get<double>();
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

}  // namespace

std::vector<Table> TrainingNeedsTables(const Json& report) {
  using T = ColumnType;
  const Cell period = Text(report, "period");
  Table needs{"training_needs",
              {{"period", T::kText},
               {"unit_id", T::kText},
               {"unit", T::kText},
               {"type", T::kText},
               {"code", T::kText},
               {"competency", T::kText},
               {"staff_assessed", T::kInteger},
               {"staff_with_gap", T::kInteger},
               {"total_gap", T::kInteger},
               {"mean_gap", T::kNumber},
               {"priority", T::kNumber},
               {"staff_below_standard", T::kText}},
              {}};
  const auto below = StaffBelowStandard(report);
  for (const auto& u : report.value("training_needs", Json::array())) {
    const std::string unit_id = u.value("unit_id", "");
    auto in_unit = below.find(unit_id);
    for (const char* type : {"manajerial", "sosial_kultural", "teknis"}) {
      for (const auto& n : u.value(type, Json::array())) {
        std::string names;
        if (in_unit != below.end()) {
          auto staff = in_unit->second.find(n.value("code", ""));
          if (staff != in_unit->second.end()) names = Joined(staff->second);
        }
        needs.rows.push_back({period, unit_id, Text(u, "unit"), std::string(type), Text(n, "code"),
                              Text(n, "name"), Integer(n, "staff_assessed"),
                              Integer(n, "staff_with_gap"), Integer(n, "total_gap"),
                              Number(n, "mean_gap"), Number(n, "priority"), names});
      }
    }
  }
  Table employees{"employees",
                  {{"period", T::kText},
                   {"employee_id", T::kText},
                   {"name", T::kText},
                   {"unit_id", T::kText},
                   {"unit", T::kText},
                   {"position_id", T::kText},
                   {"jpm", T::kNumber},
                   {"jpm_raw", T::kNumber},
                   {"mapping_category", T::kText},
                   {"selection_category", T::kText},
                   {"competencies_below_required", T::kInteger}},
                  {}};
  Table gaps{"gaps",
             {{"period", T::kText},
              {"employee_id", T::kText},
              {"name", T::kText},
              {"unit", T::kText},
              {"code", T::kText},
              {"competency", T::kText},
              {"type", T::kText},
              {"required", T::kInteger},
              {"assessed", T::kInteger},
              {"gap", T::kInteger}},
             {}};
  for (const auto& e : report.value("employees", Json::array())) {
    employees.rows.push_back(
        {period, Text(e, "id"), Text(e, "name"), Text(e, "unit_id"), Text(e, "unit"),
         Text(e, "position"), Number(e, "jpm"), Number(e, "jpm_raw"), Text(e, "mapping_category"),
         Text(e, "selection_category"), Integer(e, "competencies_below_required")});
    for (const auto& g : e.value("gaps", Json::array())) {
      gaps.rows.push_back({period, Text(e, "id"), Text(e, "name"), Text(e, "unit"), Text(g, "code"),
                           Text(g, "name"), Text(g, "type"), Integer(g, "required"),
                           Integer(g, "assessed"), Integer(g, "gap")});
    }
  }
  return {std::move(needs), std::move(employees), std::move(gaps)};
}

}  // namespace kinerja::server::exports
