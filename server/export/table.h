#pragma once
// One typed table, the shape every export takes: a report becomes a few Tables, and the CSV
// and XLSX writers (csv_writer.h, xlsx_writer.h) turn them into files. Types are kept so a
// spreadsheet gets real numbers and dates, not text that looks like them.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "shared/result.h"

namespace kinerja::server::exports {

enum class ColumnType {
  kText,     // a std::string cell
  kInteger,  // an int64_t cell
  kNumber,   // a double cell (an int64_t is accepted too)
  kDate,     // a std::string cell "YYYY-MM-DD" (a civil date)
};

struct Column {
  std::string name;  // the header text
  ColumnType type = ColumnType::kText;
};

// An empty cell (std::monostate) fits every column.
using Cell = std::variant<std::monostate, std::string, int64_t, double>;

struct Table {
  std::string name;  // the sheet name: 1-31 characters, none of [ ] : * ? / \ (Excel's rule)
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
};

// At most this many data rows per table (an XLSX sheet holds 1,048,576 rows with the header).
inline constexpr size_t kMaxTableRows = 1'000'000;

// Checks that `t` can be written: a valid sheet name, at least one column, unique non-empty
// column names, every row as wide as the columns, each cell of its column's type (a real
// date for kDate, a finite number for kNumber). kInvalidArgument naming the table, row and
// column otherwise; kTooLarge above kMaxTableRows rows.
Status CheckTable(const Table& t);

// A number as the CSV shows it: whole numbers without a decimal point ("3"), others with up to
// 15 significant digits ("0.67").
std::string NumberText(double v);

}  // namespace kinerja::server::exports
