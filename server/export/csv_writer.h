#pragma once
// A Table (table.h) as a CSV file for a spreadsheet: RFC 4180, UTF-8 with a byte-order mark
// (so spreadsheets read the names right), CRLF line ends, a header row of the column names.

#include <string>

#include "server/export/table.h"
#include "shared/result.h"

namespace kinerja::server::exports {

// The table as CSV text. Text and header cells are guarded against formula injection
// (shared/csv.h GuardFormula) and quoted when they must be; integers and numbers are written
// as numbers (NumberText), dates as YYYY-MM-DD, empty cells as nothing. Fails as CheckTable.
Result<std::string> TableCsv(const Table& t);

}  // namespace kinerja::server::exports
