#pragma once
// Every string the app shows, in one catalogue: Bahasa Indonesia first, English second.

namespace kinerja::web {

enum class Lang { kId, kEn };

void SetLang(Lang lang);
Lang CurrentLang();
// The text for `key` in the current language; the key itself if the catalogue lacks it
// (a test asserts that every key used by the screens is present in both languages).
const char* T(const char* key);
// True when `key` has both translations.
bool HasText(const char* key);

}  // namespace kinerja::web
