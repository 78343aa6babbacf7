#pragma once
// Pangkat and golongan ruang of a PNS, or the golongan of a PPPK (docs/rules/org.md §"Pangkat
// and golongan"), as an employee record and the roster import hold it and the Dokumen Evaluasi
// Kinerja Pegawai prints it. Instansi write it in several ways ("III/a", "Penata Muda, III/a",
// "Penata Muda III/a"; "IX", "PPPK IX", "Golongan IX"); all read to one value, printed one way.

#include <string>
#include <string_view>

#include "shared/result.h"

namespace kinerja::org {

struct PangkatGolongan {
  bool pppk = false;
  int golongan = 0;  // PNS: 1-4 (I-IV); PPPK: 1-17 (I-XVII)
  char ruang = 0;    // PNS: 'a'-'d' ('e' in IV); 0 for a PPPK
};

// Reads `text` (case and surrounding spaces ignored). A PNS golongan ruang I/a-I/d, II/a-II/d,
// III/a-III/d or IV/a-IV/e, optionally after its pangkat name (which must be that golongan's:
// "Penata, III/a" is refused); a PPPK golongan I-XVII, optionally after "PPPK" and/or
// "golongan". Fails with kInvalidArgument naming the rule broken (e.g. "III/e: golongan III
// has ruang a-d").
Result<PangkatGolongan> ParsePangkatGolongan(std::string_view text);

// The pangkat of a PNS golongan ruang ("Penata Muda" for III/a); "" for a PPPK.
const char* PangkatName(const PangkatGolongan& g);
// As printed: "Penata Muda, III/a" for a PNS, "PPPK golongan IX" for a PPPK.
std::string FormatPangkatGolongan(const PangkatGolongan& g);

}  // namespace kinerja::org
