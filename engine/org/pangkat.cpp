#include "engine/org/pangkat.h"

#include <array>
#include <cctype>

#include "shared/text.h"

namespace kinerja::org {
namespace {

constexpr const char* kRoman[] = {"I",  "II",  "III",  "IV",  "V",   "VI",  "VII", "VIII", "IX",
                                  "X",  "XI",  "XII",  "XIII", "XIV", "XV", "XVI", "XVII"};

// PNS pangkat by golongan (I-IV) and ruang (a-e); "" where there is no such ruang.
// Source: BKN's pangkat/golongan table (docs/rules/org.md §"Pangkat and golongan").
constexpr std::array<std::array<const char*, 5>, 4> kPangkat = {{
    {"Juru Muda", "Juru Muda Tingkat I", "Juru", "Juru Tingkat I", ""},
    {"Pengatur Muda", "Pengatur Muda Tingkat I", "Pengatur", "Pengatur Tingkat I", ""},
    {"Penata Muda", "Penata Muda Tingkat I", "Penata", "Penata Tingkat I", ""},
    {"Pembina", "Pembina Tingkat I", "Pembina Utama Muda", "Pembina Utama Madya", "Pembina Utama"},
}};

// `s` without the spaces, tabs and commas around it ("Penata Muda , III/a").
std::string_view TrimSeparators(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == ',')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

// I-XVII in upper or lower case; 0 when `s` is not one of them.
int RomanValue(std::string_view s) {
  for (int i = 0; i < 17; ++i) {
    if (EqualsIgnoreCase(s, kRoman[i])) return i + 1;
  }
  return 0;
}

// Removes `word` (lower case) from the front of `s` (lower case) when it is there as a word.
bool Strip(std::string_view& s, std::string_view word) {
  if (s.substr(0, word.size()) != word) return false;
  if (s.size() > word.size() && std::isalpha(static_cast<unsigned char>(s[word.size()]))) return false;
  s = TrimSeparators(s.substr(word.size()));
  return true;
}

}  // namespace

Result<PangkatGolongan> ParsePangkatGolongan(std::string_view text) {
  const std::string lower = AsciiLower(TrimSeparators(text));
  std::string_view s = lower;
  if (s.empty()) return Status::InvalidArgument("pangkat/golongan is empty");
  const std::string original(TrimSeparators(text));
  const size_t slash = s.rfind('/');
  if (slash == std::string_view::npos) {
    // A PPPK golongan: [PPPK] [golongan] <roman>.
    bool said_pppk = Strip(s, "pppk");
    Strip(s, "golongan");
    if (!said_pppk) said_pppk = Strip(s, "pppk");
    const int g = RomanValue(s);
    if (g == 0) {
      return Status::InvalidArgument(
          "pangkat/golongan '" + original +
          "' is neither a PNS golongan ruang (I/a-IV/e, e.g. \"Penata Muda, III/a\") nor a PPPK "
          "golongan (I-XVII, e.g. \"PPPK IX\")");
    }
    return PangkatGolongan{true, g, 0};
  }
  // A PNS golongan ruang: [pangkat name][,] <roman>/<letter>.
  const std::string_view ruang_text = TrimSeparators(s.substr(slash + 1));
  std::string_view before = TrimSeparators(s.substr(0, slash));
  const size_t space = before.find_last_of(" ,\t");
  const std::string_view roman = space == std::string_view::npos ? before : before.substr(space + 1);
  const std::string_view name = space == std::string_view::npos ? std::string_view() : TrimSeparators(before.substr(0, space));
  const int g = RomanValue(roman);
  if (g < 1 || g > 4) {
    return Status::InvalidArgument("pangkat/golongan '" + original +
                                   "': a PNS golongan is I, II, III or IV before the ruang");
  }
  if (ruang_text.size() != 1 || ruang_text[0] < 'a' || ruang_text[0] > 'e') {
    return Status::InvalidArgument("pangkat/golongan '" + original +
                                   "': the ruang after the golongan is one letter a-e");
  }
  const char ruang = ruang_text[0];
  if (ruang == 'e' && g != 4) {
    return Status::InvalidArgument("pangkat/golongan '" + original + "': golongan " + kRoman[g - 1] +
                                   " has ruang a-d (only IV has e)");
  }
  const PangkatGolongan out{false, g, ruang};
  if (!name.empty() && !EqualsIgnoreCase(PangkatName(out), name)) {
    return Status::InvalidArgument("pangkat/golongan '" + original + "': " + kRoman[g - 1] + "/" +
                                   std::string(1, ruang) + " is " + PangkatName(out) +
                                   "; the pangkat written before it is another");
  }
  return out;
}

const char* PangkatName(const PangkatGolongan& g) {
  if (g.pppk || g.golongan < 1 || g.golongan > 4 || g.ruang < 'a' || g.ruang > 'e') return "";
  return kPangkat[static_cast<size_t>(g.golongan - 1)][static_cast<size_t>(g.ruang - 'a')];
}

std::string FormatPangkatGolongan(const PangkatGolongan& g) {
  if (g.golongan < 1 || g.golongan > 17) return "";
  if (g.pppk) return std::string("PPPK golongan ") + kRoman[g.golongan - 1];
  return std::string(PangkatName(g)) + ", " + kRoman[g.golongan - 1] + "/" + std::string(1, g.ruang);
}

}  // namespace kinerja::org
