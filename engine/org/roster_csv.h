#pragma once
// Roster import from a spreadsheet export (CSV, RFC 4180). Columns (header required, any order):
// nip,name,position_id,unit_id,supervisor_nip, and optionally pangkat_golongan. Rows with problems
// are reported line by line, never silently dropped; the rows that pass form a roster that
// Roster::Build accepts.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/org/date.h"
#include "engine/org/nip.h"
#include "engine/org/roster.h"
#include "shared/result.h"

namespace kinerja::org {

// Largest accepted CSV text.
inline constexpr size_t kMaxRosterCsvBytes = size_t{16} << 20;
// Longest accepted employee name, in characters (code points, shared/utf8.h).
inline constexpr size_t kMaxEmployeeNameChars = 200;
// Longest accepted pangkat/golongan text ("Penata Muda Tingkat I, III/b"), in characters.
inline constexpr size_t kMaxPangkatGolonganChars = 100;

struct RosterCsvRow {
  int line = 0;  // 1-based line where the record starts
  Nip nip;
  std::string name;
  std::string position_id;
  std::string unit_id;
  std::string supervisor_nip;  // canonical 18 digits, or empty at the top of the chain
  // As printed (engine/org/pangkat.h FormatPangkatGolongan: "Penata Muda, III/a", "PPPK
  // golongan IX") whichever way the file wrote it; empty when the file has none.
  std::string pangkat_golongan = {};
};

struct RosterCsvError {
  int line = 0;        // 1-based line where the record starts
  std::string column;  // "nip", "name", ...; empty when the whole row is at fault
  std::string message;
};

struct RosterImport {
  std::vector<RosterCsvRow> rows;      // valid rows, in file order
  std::vector<RosterCsvError> errors;  // sorted by line; a row may have several
  int data_rows = 0;                   // non-blank records after the header
};

// Reads `csv_text`. `today` bounds the NIP checks (see ParseNip). Fields are trimmed of spaces
// and tabs; blank lines are skipped; a UTF-8 byte-order mark and CRLF line ends are accepted.
// Whole-file failures: kTooLarge over 16 MiB; kInvalidArgument when the text is empty, the
// header has an unknown, repeated or missing column, or the header itself is malformed.
// Everything else is a row error: malformed quoting, wrong field count, invalid NIP, blank name,
// bad ids, duplicate NIP (the later row is rejected), supervisor_nip equal to the row's own NIP,
// absent from the file, on a rejected row, or part of a supervisor loop.
Result<RosterImport> ImportRosterCsv(std::string_view csv_text, const Date& today);

// The valid rows as employees for Roster::Build: id and nip are the canonical NIP,
// supervisor_id the supervisor's NIP, status active.
std::vector<Employee> EmployeesFromImport(const RosterImport& import);

}  // namespace kinerja::org
