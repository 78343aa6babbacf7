#include "engine/org/roster_csv.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "engine/org/pangkat.h"
#include "shared/csv.h"
#include "shared/text.h"
#include "shared/utf8.h"

namespace kinerja::org {
namespace {

// ---- Records, read with the one CSV reader (shared/csv.h) ----

struct CsvRecord {
  int line = 0;  // where the record starts
  std::vector<std::string> fields;
  std::string error;  // non-empty when the record's quoting is malformed
};

// The roster's wording of a quoting fault: a row error the HR officer can fix in a spreadsheet.
std::string RowError(const CsvFault& f) {
  const std::string field = "field " + std::to_string(f.field);
  switch (f.kind) {
    case CsvFault::Kind::kUnclosedQuote:
      return field + " has a quote opened on line " + std::to_string(f.line) +
             " that is never closed";
    case CsvFault::Kind::kTextAfterQuote:
      return field +
             " has text after its closing quote; write \"\" for a quote inside a quoted "
             "field";
    case CsvFault::Kind::kQuoteInUnquoted:
      break;
  }
  return field +
         " has a quote inside an unquoted value; quote the whole field and double the "
         "inner quote";
}

// Unlike an answer sheet, a roster with one broken row still imports the others: a fault
// becomes that record's error and reading goes on at the next line.
class RosterRecords {
 public:
  explicit RosterRecords(std::string_view text) : reader_(text) {}

  // Reads the next record; false at the end of the text.
  bool Next(CsvRecord* rec) {
    rec->fields.clear();
    rec->error.clear();
    Result<bool> more = reader_.Next();
    rec->line = static_cast<int>(reader_.line());
    if (!more.ok()) {
      // Without a header the reader checks no field count, so every failure is a fault.
      rec->error = reader_.fault() ? RowError(*reader_.fault()) : more.status().message();
      reader_.SkipBrokenLine();
      return true;
    }
    if (!*more) return false;
    for (std::string_view f : reader_.fields()) rec->fields.emplace_back(f);
    return true;
  }

 private:
  CsvReader reader_;
};

// ---- Import ----

// The first kRequiredColumns are required; the rest are optional.
constexpr const char* kColumns[] = {"nip",     "name",           "position_id",
                                    "unit_id", "supervisor_nip", "pangkat_golongan"};
constexpr size_t kColumnCount = 6;
constexpr size_t kRequiredColumns = 5;
constexpr const char* kHeaderHint =
    "nip,name,position_id,unit_id,supervisor_nip (and optionally pangkat_golongan)";

std::string Trimmed(std::string_view s) { return std::string(Trim(s)); }

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool IsBlankRecord(const CsvRecord& rec) {
  return rec.error.empty() && rec.fields.size() == 1 && Trimmed(rec.fields[0]).empty();
}

struct Candidate {
  int line = 0;
  std::optional<Nip> nip;
  std::string name, position_id, unit_id, supervisor_nip, pangkat_golongan;
  bool ok = true;
};

}  // namespace

Result<RosterImport> ImportRosterCsv(std::string_view csv_text, const Date& today) {
  if (csv_text.size() > kMaxRosterCsvBytes) {
    return Status::TooLarge("the roster CSV has " + std::to_string(csv_text.size()) +
                            " bytes; the limit is " + std::to_string(kMaxRosterCsvBytes));
  }
  RosterRecords records(csv_text);
  CsvRecord rec;
  // Header.
  bool have_header = false;
  while (records.Next(&rec)) {
    if (!IsBlankRecord(rec)) {
      have_header = true;
      break;
    }
  }
  if (!have_header) {
    return Status::InvalidArgument(std::string("the roster CSV is empty; the first line must be "
                                               "the header ") + kHeaderHint);
  }
  const int header_line = rec.line;
  if (!rec.error.empty()) {
    return Status::InvalidArgument("header on line " + std::to_string(header_line) + ": " +
                                   rec.error);
  }
  size_t col_of[kColumnCount];
  std::fill(std::begin(col_of), std::end(col_of), SIZE_MAX);
  for (size_t i = 0; i < rec.fields.size(); ++i) {
    const std::string name = Lower(Trimmed(rec.fields[i]));
    size_t which = kColumnCount;
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (name == kColumns[c]) which = c;
    }
    if (which == kColumnCount) {
      return Status::InvalidArgument("header on line " + std::to_string(header_line) +
                                     " has unknown column '" + name.substr(0, 40) +
                                     "'; the columns are " + kHeaderHint);
    }
    if (col_of[which] != SIZE_MAX) {
      return Status::InvalidArgument("header on line " + std::to_string(header_line) +
                                     " repeats column '" + name + "'");
    }
    col_of[which] = i;
  }
  for (size_t c = 0; c < kRequiredColumns; ++c) {
    if (col_of[c] == SIZE_MAX) {
      return Status::InvalidArgument("header on line " + std::to_string(header_line) +
                                     " lacks column '" + kColumns[c] + "'; the columns are " +
                                     kHeaderHint);
    }
  }
  const size_t width = rec.fields.size();

  RosterImport out;
  std::vector<Candidate> cands;
  auto add_error = [&out](int line, std::string column, std::string message) {
    out.errors.push_back(RosterCsvError{line, std::move(column), std::move(message)});
  };
  // Pass 1: each row on its own.
  while (records.Next(&rec)) {
    if (IsBlankRecord(rec)) continue;
    ++out.data_rows;
    if (!rec.error.empty()) {
      add_error(rec.line, "", rec.error);
      continue;
    }
    if (rec.fields.size() != width) {
      add_error(rec.line, "",
                "the row has " + std::to_string(rec.fields.size()) + " fields; the header has " +
                    std::to_string(width));
      continue;
    }
    Candidate c;
    c.line = rec.line;
    const std::string nip_text = Trimmed(rec.fields[col_of[0]]);
    c.name = Trimmed(rec.fields[col_of[1]]);
    c.position_id = Trimmed(rec.fields[col_of[2]]);
    c.unit_id = Trimmed(rec.fields[col_of[3]]);
    const std::string sup_text = Trimmed(rec.fields[col_of[4]]);
    if (col_of[5] != SIZE_MAX) c.pangkat_golongan = Trimmed(rec.fields[col_of[5]]);
    auto fail = [&](const char* column, std::string message) {
      add_error(c.line, column, std::move(message));
      c.ok = false;
    };
    if (nip_text.empty()) {
      fail("nip", "nip is empty");
    } else {
      Result<Nip> nip = ParseNip(nip_text, today);
      if (nip.ok()) {
        c.nip = *nip;
      } else {
        fail("nip", nip.status().message());
      }
    }
    if (c.name.empty()) {
      fail("name", "name is empty");
    } else if (Status n = CheckTextLength(c.name, "name", 1, kMaxEmployeeNameChars); !n.ok()) {
      fail("name", n.message());
    }
    if (Status g = CheckTextLength(c.pangkat_golongan, "pangkat_golongan", 0,
                                   kMaxPangkatGolonganChars);
        !g.ok()) {
      fail("pangkat_golongan", g.message());
    } else if (!c.pangkat_golongan.empty()) {
      auto parsed = ParsePangkatGolongan(c.pangkat_golongan);
      if (parsed.ok()) {
        c.pangkat_golongan = FormatPangkatGolongan(*parsed);
      } else {
        fail("pangkat_golongan", parsed.status().message());
      }
    }
    Status s = ValidateOrgId(c.position_id, "position_id");
    if (!s.ok()) fail("position_id", s.message());
    s = ValidateOrgId(c.unit_id, "unit_id");
    if (!s.ok()) fail("unit_id", s.message());
    if (!sup_text.empty()) {
      Result<Nip> sup = ParseNip(sup_text, today);
      if (!sup.ok()) {
        fail("supervisor_nip", "supervisor_nip: " + sup.status().message());
      } else if (c.nip && *sup == *c.nip) {
        fail("supervisor_nip", "supervisor_nip is the row's own NIP; leave it empty for the top "
                               "of the chain");
      } else {
        c.supervisor_nip = sup->canonical();
      }
    }
    cands.push_back(std::move(c));
  }
  // Pass 2: duplicate NIPs (the first row keeps the NIP) and the NIP → row index.
  std::map<std::string, size_t> row_of_nip;  // among rows with a parsed NIP
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!c.nip) continue;
    auto [it, inserted] = row_of_nip.emplace(c.nip->canonical(), i);
    if (!inserted) {
      add_error(c.line, "nip",
                "NIP " + c.nip->canonical() + " is already used on line " +
                    std::to_string(cands[it->second].line));
      c.ok = false;
    }
  }
  // Pass 3: supervisors must be valid rows of this file; rejections cascade, loops are cut.
  auto supervisor_of = [&](size_t i) -> std::optional<size_t> {
    if (cands[i].supervisor_nip.empty()) return std::nullopt;
    auto it = row_of_nip.find(cands[i].supervisor_nip);
    if (it == row_of_nip.end()) return std::nullopt;
    return it->second;
  };
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 0; i < cands.size(); ++i) {
      Candidate& c = cands[i];
      if (!c.ok || c.supervisor_nip.empty()) continue;
      auto s_idx = supervisor_of(i);
      if (!s_idx) {
        add_error(c.line, "supervisor_nip",
                  "supervisor_nip " + c.supervisor_nip +
                      " is not in this file; add the supervisor's row or leave it empty");
        c.ok = false;
        changed = true;
      } else if (!cands[*s_idx].ok) {
        add_error(c.line, "supervisor_nip",
                  "supervisor_nip " + c.supervisor_nip + " is on line " +
                      std::to_string(cands[*s_idx].line) + ", which was rejected");
        c.ok = false;
        changed = true;
      }
    }
    if (changed) continue;
    // Loops: every valid row's supervisor is valid now, so walking up either reaches a row
    // without a supervisor or returns to a row already on the walk.
    std::vector<char> state(cands.size(), 0);
    for (size_t start = 0; start < cands.size() && !changed; ++start) {
      if (!cands[start].ok || state[start] != 0) continue;
      std::vector<size_t> walk;
      std::optional<size_t> cur = start;
      while (cur && state[*cur] == 0) {
        state[*cur] = 1;
        walk.push_back(*cur);
        cur = supervisor_of(*cur);
      }
      if (cur && state[*cur] == 1) {
        const auto first = std::find(walk.begin(), walk.end(), *cur);
        std::string chain;
        for (auto it = first; it != walk.end(); ++it) {
          chain += "line " + std::to_string(cands[*it].line) + " -> ";
        }
        chain += "line " + std::to_string(cands[*cur].line);
        for (auto it = first; it != walk.end(); ++it) {
          add_error(cands[*it].line, "supervisor_nip", "the supervisor chain loops: " + chain);
          cands[*it].ok = false;
        }
        changed = true;
      }
      for (size_t w : walk) state[w] = 2;
    }
  }
  for (Candidate& c : cands) {
    if (!c.ok) continue;
    out.rows.push_back(RosterCsvRow{c.line, *c.nip, std::move(c.name), std::move(c.position_id),
                                    std::move(c.unit_id), std::move(c.supervisor_nip),
                                    std::move(c.pangkat_golongan)});
  }
  std::stable_sort(out.errors.begin(), out.errors.end(),
                   [](const RosterCsvError& a, const RosterCsvError& b) { return a.line < b.line; });
  return out;
}

std::vector<Employee> EmployeesFromImport(const RosterImport& import) {
  std::vector<Employee> out;
  out.reserve(import.rows.size());
  for (const RosterCsvRow& r : import.rows) {
    out.push_back(Employee{r.nip.canonical(), r.nip.canonical(), r.name, r.position_id, r.unit_id,
                           r.supervisor_nip, EmployeeStatus::kActive});
  }
  return out;
}

}  // namespace kinerja::org
