#pragma once
// The templates shipped with the engine: engine/appraisal/templates/*.json, embedded into the
// library when CMake configures (a new or changed .json needs no code change).

#include <string>
#include <string_view>
#include <vector>

#include "engine/appraisal/template.h"
#include "shared/result.h"

namespace kinerja {

// Ids of the built-in templates ("permenpanrb-6-2022.v1", "pp-46-2011.v1", "pp-30-2019.v1").
// The vector lives for the whole program.
const std::vector<std::string>& BuiltinTemplateIds();

// The embedded JSON text of a built-in template; kNotFound for an unknown id (the message
// lists the known ids). The view points at static storage.
Result<std::string_view> BuiltinTemplateText(std::string_view id);

// Loads (parses and validates) a built-in template; kNotFound for an unknown id. Each call
// parses the text again: load once and keep the Template for hot loops.
Result<Template> BuiltinTemplate(std::string_view id);

}  // namespace kinerja
