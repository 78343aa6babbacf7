#pragma once
// Every string the app shows, in one catalogue: Bahasa Indonesia first, English second.

#include <string>

namespace kinerja::web {

enum class Lang { kId, kEn };

void SetLang(Lang lang);
Lang CurrentLang();
// The text for `key` in the current language; the key itself if the catalogue lacks it
// (a test asserts that every key used by the screens is present in both languages).
const char* T(const char* key);
// T(key) formatted with up to two integers ("Not yet sent: %d").
std::string Tf(const char* key, int a, int b = 0);
// The name of a competency type ("manajerial", "sosial_kultural", "teknis") in the UI language.
const char* CompetencyTypeText(const std::string& type);
// True when `key` has both translations.
bool HasText(const char* key);

}  // namespace kinerja::web
