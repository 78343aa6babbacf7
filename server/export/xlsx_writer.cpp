#include "server/export/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "engine/org/date.h"
#include "shared/csv.h"

namespace kinerja::server::exports {

namespace {

constexpr size_t kMaxCellBytes = 32767;  // Excel's limit for one text cell

// Characters a cell shows: UTF-8 code points (continuation bytes not counted).
size_t DisplayLength(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A temporary file's path that is removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    std::string dir = std::filesystem::temp_directory_path(ec).string();
    if (ec || dir.empty()) dir = "/tmp";
    std::string pattern = dir + "/kinerja-export-XXXXXX";
    int fd = mkstemp(pattern.data());
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Status XlsxError(lxw_error e, const std::string& where) {
  return Status::Internal(where + ": " + lxw_strerror(e));
}

struct Formats {
  lxw_format* header;
  lxw_format* date;
};

Status WriteSheet(lxw_workbook* wb, const Table& t, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, t.name.c_str());
  if (ws == nullptr)
    return Status::InvalidArgument("table '" + t.name + "': not a valid sheet name");
  std::vector<size_t> width(t.columns.size(), 0);
  for (size_t c = 0; c < t.columns.size(); ++c) {
    const std::string text = GuardFormula(t.columns[c].name);
    width[c] = DisplayLength(text);
    lxw_error e = worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), text.c_str(), f.header);
    if (e != LXW_NO_ERROR) return XlsxError(e, "table '" + t.name + "' header");
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto row_index = static_cast<lxw_row_t>(r + 1);
    for (size_t c = 0; c < t.columns.size(); ++c) {
      const Cell& cell = t.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      const std::string where = "table '" + t.name + "' row " + std::to_string(r + 1) +
                                " column '" + t.columns[c].name + "'";
      lxw_error e = LXW_NO_ERROR;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        std::optional<org::Date> date;  // a date Excel can hold (from 1900); else as text
        if (t.columns[c].type == ColumnType::kDate) {
          auto d = org::ParseDate(*s);
          if (d.ok() && d->year >= 1900) date = *d;
        }
        if (date) {
          lxw_datetime dt{date->year, date->month, date->day, 0, 0, 0.0};
          e = worksheet_write_datetime(ws, row_index, col, &dt, f.date);
          width[c] = std::max<size_t>(width[c], 10);
        } else {
          if (s->size() > kMaxCellBytes) {
            return Status::InvalidArgument(where + " holds " + std::to_string(s->size()) +
                                           " bytes; a spreadsheet cell holds at most 32767");
          }
          const std::string text = GuardFormula(*s);
          e = worksheet_write_string(ws, row_index, col, text.c_str(), nullptr);
          width[c] = std::max(width[c], DisplayLength(text));
        }
      } else if (const auto* i = std::get_if<int64_t>(&cell)) {
        e = worksheet_write_number(ws, row_index, col, static_cast<double>(*i), nullptr);
        width[c] = std::max(width[c], std::to_string(*i).size());
      } else if (const auto* d = std::get_if<double>(&cell)) {
        e = worksheet_write_number(ws, row_index, col, *d, nullptr);
        width[c] = std::max(width[c], NumberText(*d).size());
      }
      if (e != LXW_NO_ERROR) return XlsxError(e, where);
    }
  }
  for (size_t c = 0; c < width.size(); ++c) {
    const double w = static_cast<double>(std::clamp<size_t>(width[c] + 2, 8, 60));
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(ws, col, col, w, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()),
                       static_cast<lxw_col_t>(t.columns.size() - 1));
  return Status::Ok();
}

}  // namespace

Result<std::string> WorkbookXlsx(const std::vector<Table>& tables) {
  if (tables.empty()) return Status::InvalidArgument("a workbook needs at least one table");
  std::set<std::string> names;
  for (const Table& t : tables) {
    KINERJA_RETURN_IF_ERROR(CheckTable(t));
    if (!names.insert(AsciiLower(t.name)).second) {
      return Status::InvalidArgument("two tables are named '" + t.name +
                                     "'; sheet names must differ");
    }
  }
  TempFile file;
  if (file.path().empty()) return Status::Io("cannot create a temporary file for the workbook");
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (wb == nullptr) return Status::Io("cannot start a workbook in " + file.path());
  Formats f{workbook_add_format(wb), workbook_add_format(wb)};
  format_set_bold(f.header);
  format_set_num_format(f.date, "yyyy-mm-dd");
  Status written = Status::Ok();
  for (const Table& t : tables) {
    written = WriteSheet(wb, t, f);
    if (!written.ok()) break;
  }
  lxw_error closed = workbook_close(wb);  // writes the file and frees the workbook
  if (!written.ok()) return written;
  if (closed != LXW_NO_ERROR)
    return Status::Io(std::string("writing the workbook: ") + lxw_strerror(closed));
  std::ifstream in(file.path(), std::ios::binary);
  if (!in) return Status::Io("cannot read back the workbook from " + file.path());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace kinerja::server::exports
