#pragma once
// The three ratings of PermenPANRB 6/2022 (Di Atas / Sesuai / Di Bawah Ekspektasi) as a row of
// large choices, best first as on the official form. The appraise screen, the employee's own
// form and the atasan's decision all rate with it.

#include <string>

#include "engine/appraisal/template.h"

namespace kinerja::web {

// Three choices of `width` each; `*rating` holds a Rating (-1: none chosen). Each is marked
// "<id_prefix>.<rating code>" for the tests' hook. True on the frame the choice changed.
bool RatingRow(const Template& t, const std::string& id_prefix, int* rating, float width);

}  // namespace kinerja::web
