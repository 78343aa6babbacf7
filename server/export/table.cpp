#include "server/export/table.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "engine/org/date.h"
#include "shared/text.h"

namespace kinerja::server::exports {

namespace {

const char* TypeName(ColumnType t) {
  switch (t) {
    case ColumnType::kText:
      return "text";
    case ColumnType::kInteger:
      return "integer";
    case ColumnType::kNumber:
      return "number";
    case ColumnType::kDate:
      return "date";
  }
  return "?";
}

Status CheckCell(const Cell& c, ColumnType type, const std::string& where) {
  if (std::holds_alternative<std::monostate>(c)) return Status::Ok();
  switch (type) {
    case ColumnType::kText:
      if (std::holds_alternative<std::string>(c)) return Status::Ok();
      break;
    case ColumnType::kInteger:
      if (std::holds_alternative<int64_t>(c)) return Status::Ok();
      break;
    case ColumnType::kNumber:
      if (std::holds_alternative<int64_t>(c)) return Status::Ok();
      if (const double* d = std::get_if<double>(&c)) {
        if (std::isfinite(*d)) return Status::Ok();
        return Status::InvalidArgument(where + " is not a finite number");
      }
      break;
    case ColumnType::kDate:
      if (const std::string* s = std::get_if<std::string>(&c)) {
        auto d = org::ParseDate(*s);
        if (d.ok()) return Status::Ok();
        return Status::InvalidArgument(where + ": " + d.status().message());
      }
      break;
  }
  return Status::InvalidArgument(where + " does not hold a " + TypeName(type) + " value");
}

}  // namespace

Status CheckTable(const Table& t) {
  const std::string name = "table '" + t.name + "'";
  if (t.name.empty() || t.name.size() > 31 ||
      t.name.find_first_of("[]:*?/\\") != std::string::npos) {
    return Status::InvalidArgument(name +
                                   ": a sheet name has 1-31 characters and none of [ ] : * ? / \\");
  }
  if (t.columns.empty()) return Status::InvalidArgument(name + " has no columns");
  std::set<std::string> seen;
  for (const Column& c : t.columns) {
    if (c.name.empty()) return Status::InvalidArgument(name + " has a column without a name");
    if (!seen.insert(AsciiLower(c.name)).second) {
      return Status::InvalidArgument(name + ": column '" + c.name + "' appears twice");
    }
  }
  if (t.rows.size() > kMaxTableRows) {
    return Status::TooLarge(name + " has " + std::to_string(t.rows.size()) +
                            " rows; an export holds at most " + std::to_string(kMaxTableRows));
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const std::string where = name + " row " + std::to_string(r + 1);
    if (row.size() != t.columns.size()) {
      return Status::InvalidArgument(where + " has " + std::to_string(row.size()) + " cells for " +
                                     std::to_string(t.columns.size()) + " columns");
    }
    for (size_t c = 0; c < row.size(); ++c) {
      KINERJA_RETURN_IF_ERROR(
          CheckCell(row[c], t.columns[c].type, where + " column '" + t.columns[c].name + "'"));
    }
  }
  return Status::Ok();
}

std::string NumberText(double v) {
  if (std::trunc(v) == v && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<int64_t>(v));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

}  // namespace kinerja::server::exports
