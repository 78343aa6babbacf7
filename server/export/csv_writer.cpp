#include "server/export/csv_writer.h"

#include "shared/csv.h"

namespace kinerja::server::exports {

namespace {

struct CellCsv {
  std::string operator()(std::monostate) const { return ""; }
  std::string operator()(const std::string& s) const { return CsvField(GuardFormula(s)); }
  std::string operator()(int64_t v) const { return std::to_string(v); }
  std::string operator()(double v) const { return NumberText(v); }
};

}  // namespace

Result<std::string> TableCsv(const Table& t) {
  KINERJA_RETURN_IF_ERROR(CheckTable(t));
  std::string out = "\xEF\xBB\xBF";
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (c > 0) out += ',';
    out += CsvField(GuardFormula(t.columns[c].name));
  }
  out += "\r\n";
  for (const auto& row : t.rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      out += std::visit(CellCsv{}, row[c]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kinerja::server::exports
