// The rating row: three BigChoice boxes with the template's rating names.
#include "web/widgets/rating_row.h"

#include "engine/appraisal/levels.h"
#include "web/platform/platform.h"
#include "web/widgets/widgets.h"

namespace kinerja::web {

bool RatingRow(const Template& t, const std::string& id_prefix, int* rating, float width) {
  bool changed = false;
  const Rating order[] = {Rating::kDiAtas, Rating::kSesuai, Rating::kDiBawah};  // best first
  for (int i = 0; i < 3; ++i) {
    const Rating r = order[i];
    if (i > 0) ImGui::SameLine();
    const std::string id = id_prefix + "." + RatingCode(r);
    if (BigChoice(("##" + id).c_str(), RatingName(t, r).c_str(), *rating == static_cast<int>(r),
                  ImVec2(width, 56))) {
      *rating = static_cast<int>(r);
      changed = true;
    }
    TestMarkItem(id.c_str());
  }
  return changed;
}

}  // namespace kinerja::web
