// Built-in templates: the text of engine/appraisal/templates/<id>.json, embedded at build time
// (the AppraisalTemplates.EmbeddedTextEqualsFileOnDisk test checks the copy).

#include "engine/appraisal/builtin_templates.h"

namespace kinerja {
namespace {

struct Builtin {
  const char* id;
  const char* text;
};

// Generated at configure time from engine/appraisal/templates/*.json (engine/CMakeLists.txt):
// one {"<file name without .json>", R"json(<file text>)json"} entry per template.
constexpr Builtin kBuiltins[] = {
#include "builtin_template_texts.inc"
};

}  // namespace

const std::vector<std::string>& BuiltinTemplateIds() {
  static const std::vector<std::string>* ids = [] {
    auto* v = new std::vector<std::string>();
    for (const auto& b : kBuiltins) v->emplace_back(b.id);
    return v;
  }();
  return *ids;
}

Result<std::string_view> BuiltinTemplateText(std::string_view id) {
  for (const auto& b : kBuiltins) {
    if (id == b.id) return std::string_view(b.text);
  }
  std::string known;
  for (const auto& b : kBuiltins) known += (known.empty() ? "" : ", ") + std::string(b.id);
  return Status::NotFound("unknown template '" + std::string(id) + "'; built-in templates: " +
                          known);
}

Result<Template> BuiltinTemplate(std::string_view id) {
  KINERJA_ASSIGN_OR_RETURN(auto text, BuiltinTemplateText(id));
  return LoadTemplate(text);
}

}  // namespace kinerja
