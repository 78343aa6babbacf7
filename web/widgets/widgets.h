#pragma once
// Touch-sized widgets shared by the screens (ImGui's own buttons do not wrap their labels).

#include <cstddef>

#include "imgui.h"
#include "web/app/draft.h"

namespace kinerja::web {

// A large tappable choice: a rounded box of `size` with `label` wrapped and centred inside,
// filled in the accent colour when `selected`. `id` must be unique in the window. Returns true
// on the frame it is tapped. Honours ImGui::BeginDisabled.
bool BigChoice(const char* id, const char* label, bool selected, ImVec2 size);

// Call inside a scrolling child, before EndChild: a finger (or mouse) dragged vertically over
// it scrolls it, as touch screens expect (ImGui 1.86 only scrolls by wheel or scrollbar). A
// drag that starts on a button cancels that button, so scrolling never answers by accident.
void DragToScroll();

// The "< Kembali" button at the top left of a screen, marked `test_id` for the tests' hook.
// True on the frame it is tapped (the caller goes back and stops drawing the screen).
bool BackButton(const char* test_id);

// Text in the accent colour, scaled by `scale` (headings, the live predikat).
void Heading(const char* text, float scale = 1.25f);

// An editable form's draft state in one grey line: unsaved edits, not stored yet, or saved.
void DraftStatus(const Draft& draft);

// A text field of at most `max_chars` characters (code points, counted as the server counts
// them: shared/utf8.h). A character typed or pasted past the limit is refused in the field
// itself. `buf` holds `buf_size` bytes: room for max_chars characters of up to 4 bytes and
// the zero (wire::kTextFieldBytes for the 4,000 of a free text). `size.y` > 0 draws a
// multi-line field with a grey counter of its characters below ("12 / 4000 karakter");
// otherwise one line, without a counter. The field is marked `test_id` for the tests' hook.
// True on a frame the text changed.
bool LimitedTextField(const char* id, const char* test_id, char* buf, size_t buf_size,
                      size_t max_chars, ImVec2 size);

}  // namespace kinerja::web
