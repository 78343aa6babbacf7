#pragma once
// Tables (table.h) as one XLSX workbook through libxlsxwriter: one sheet per table, the header
// row bold and frozen with a filter on it, typed cells (integers and numbers as numbers, dates
// as dates formatted yyyy-mm-dd, text as text), each column as wide as its longest cell.

#include <string>
#include <vector>

#include "server/export/table.h"
#include "shared/result.h"

namespace kinerja::server::exports {

// The workbook's bytes (an .xlsx file). Text and header cells are guarded against formula
// injection like the CSV's (shared/csv.h GuardFormula). The library writes a temporary file,
// read back and removed before returning. Fails as CheckTable for any table, kInvalidArgument
// for no tables or two sheets of the same name (compared ignoring case, as Excel does), a text
// over 32,767 bytes (Excel's cell limit), kIo when the temporary file cannot be written.
Result<std::string> WorkbookXlsx(const std::vector<Table>& tables);

}  // namespace kinerja::server::exports
