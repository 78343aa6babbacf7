#include "engine/survey/ikm_csv.h"

#include <algorithm>
#include <cstring>

#include "shared/csv.h"
#include "engine/numeric/rounding.h"
#include "engine/survey/sample_size.h"
#include "shared/text.h"

namespace kinerja {
namespace {

// Groups with fewer respondents than this are flagged "few_responses" (a software floor, not
// a rule of 14/2017; docs/rules/survey.md §"Sample size").
constexpr int64_t kFewResponses = 30;

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// YYYY-MM-DD -> YYYYMM, or 0 when malformed.
int32_t ParsePeriod(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return 0;
  int v[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lens[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = 0; i < lens[k]; ++i) {
      const char c = s[starts[k] + i];
      if (c < '0' || c > '9') return 0;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  const int year = v[0], month = v[1], day = v[2];
  if (year < 1900 || month < 1 || month > 12 || day < 1) return 0;
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max_day = kDays[month - 1];
  if (month == 2 && IsLeapYear(year)) max_day = 29;
  if (day > max_day) return 0;
  return year * 100 + month;
}

std::string RowWhere(const CsvReader& reader) {
  return "row " + std::to_string(reader.record()) + " (line " + std::to_string(reader.line()) +
         ")";
}

std::string Quote(std::string_view s) {
  std::string out = "\"";
  out.append(s.substr(0, 40));
  if (s.size() > 40) out += "...";
  return out + "\"";
}

uint64_t Load8(const char* p) {
  uint64_t w = 0;
  std::memcpy(&w, p, 8);
  return w;
}

// True when the n bytes at a and b are equal; compares 8 bytes at a time, the last 8 bytes
// overlapping the ones before (memcmp is a byte loop in wasm).
bool SameBytes(const char* a, const char* b, size_t n) {
  if (n < 8) {
    unsigned diff = 0;
    for (size_t i = 0; i < n; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
  }
  for (size_t i = 0; i + 8 < n; i += 8) {
    if (Load8(a + i) != Load8(b + i)) return false;
  }
  return Load8(a + n - 8) == Load8(b + n - 8);
}

// Interns names: a last-hit check first (exports are usually sorted by unit), then an
// open-addressing hash table of ids. Names are compared only on an equal hash and length.
class NameTable {
 public:
  explicit NameTable(std::vector<std::string>* names) : names_(names), slots_(64, kEmpty) {
    names_->push_back("");
    hashes_.push_back(Hash(""));
    slots_[hashes_[0] & (slots_.size() - 1)] = 0;
  }
  uint32_t Intern(std::string_view name) {
    const std::string& last = (*names_)[last_];
    if (last.size() == name.size() && SameBytes(last.data(), name.data(), name.size())) {
      return last_;
    }
    const uint32_t h = Hash(name);
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    for (; slots_[i] != kEmpty; i = (i + 1) & mask) {
      const uint32_t id = slots_[i];
      const std::string& known = (*names_)[id];
      if (hashes_[id] == h && known.size() == name.size() &&
          SameBytes(known.data(), name.data(), name.size())) {
        last_ = id;
        return id;
      }
    }
    last_ = static_cast<uint32_t>(names_->size());
    names_->emplace_back(name);
    hashes_.push_back(h);
    slots_[i] = last_;
    if (2 * names_->size() > slots_.size()) Grow();
    return last_;
  }

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;

  // A multiply-xorshift hash over 8-byte words (64-bit multiplies are native in wasm); the
  // last word overlaps the one before.
  static uint32_t Hash(std::string_view s) {
    const size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    uint64_t last = 0;
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        h = (h ^ Load8(s.data() + i)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
      }
      last = Load8(s.data() + n - 8);
    } else {
      for (size_t i = 0; i < n; ++i) {
        last |= static_cast<uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
      }
    }
    h = (h ^ last) * 0x94D049BB133111EBull;
    return static_cast<uint32_t>(h ^ (h >> 32));
  }

  void Grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    const size_t mask = slots_.size() - 1;
    for (uint32_t id = 0; id < hashes_.size(); ++id) {
      size_t i = hashes_[id] & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = id;
    }
  }

  std::vector<std::string>* names_;
  std::vector<uint32_t> slots_;   // ids of names_, kEmpty for a free slot; size a power of 2
  std::vector<uint32_t> hashes_;  // per id
  uint32_t last_ = 0;
};

std::string PeriodName(int64_t yyyymm) {
  if (yyyymm == 0) return "unknown";
  char buf[16];
  const int year = static_cast<int>(yyyymm / 100);
  const int month = static_cast<int>(yyyymm % 100);
  buf[0] = static_cast<char>('0' + (year / 1000) % 10);
  buf[1] = static_cast<char>('0' + (year / 100) % 10);
  buf[2] = static_cast<char>('0' + (year / 10) % 10);
  buf[3] = static_cast<char>('0' + year % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + month / 10);
  buf[6] = static_cast<char>('0' + month % 10);
  return std::string(buf, 7);
}

}  // namespace

Json IkmResultJson(const SkmScheme& scheme, const IkmResult& r) {
  Json g = Json::object();
  g["respondents"] = r.respondents;
  g["few_responses"] = r.respondents < kFewResponses;
  if (r.complete) {
    g["ikm"] = RoundHalfAwayFromZero(r.ikm, 4);
    g["ikm_unit"] = r.ikm_unit;
    g["grade"] = GradeLetter(r.grade);
    g["label"] = GradeLabel(r.grade);
  } else {
    g["ikm"] = nullptr;
    g["ikm_unit"] = nullptr;
    g["grade"] = nullptr;
    g["label"] = nullptr;
  }
  Json missing = Json::array();
  for (int slot : r.missing) missing.push_back(scheme.unsur[static_cast<size_t>(slot)].code);
  g["missing_elements"] = std::move(missing);
  Json elements = Json::array();
  for (size_t i = 0; i < r.unsur.size(); ++i) {
    const UnsurResult& u = r.unsur[i];
    Json e = Json::object();
    e["code"] = scheme.unsur[i].code;
    e["name"] = scheme.unsur[i].name;
    e["answered"] = u.answered;
    e["counts"] = Json::array({u.counts[0], u.counts[1], u.counts[2], u.counts[3]});
    if (u.answered > 0) {
      e["nrr"] = RoundHalfAwayFromZero(u.nrr, 4);
      e["weighted_nrr"] = r.complete ? Json(RoundHalfAwayFromZero(u.weighted_nrr, 4)) : Json();
    } else {
      e["nrr"] = nullptr;
      e["weighted_nrr"] = nullptr;
    }
    elements.push_back(std::move(e));
  }
  g["elements"] = std::move(elements);
  return g;
}

Result<SurveyTable> ParseSurveyCsv(std::string_view csv_text, const SkmScheme& scheme) {
  KINERJA_RETURN_IF_ERROR(ValidateScheme(scheme));
  CsvReader reader(csv_text);
  KINERJA_RETURN_IF_ERROR(reader.ReadHeader());

  SurveyTable table;
  const size_t n_unsur = scheme.unsur.size();
  const std::vector<std::string>& header = reader.header();
  // Per column: slot >= 0 for an unsur, -1 unit, -2 service, -3 date, -4 ignored.
  std::vector<int> role(header.size(), -4);
  std::vector<int> column_of_slot(n_unsur, -1);
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string name = AsciiLower(header[c]);
    const int slot = FindUnsur(scheme, name);
    if (slot >= 0) {
      role[c] = slot;
      column_of_slot[static_cast<size_t>(slot)] = static_cast<int>(c);
    } else if (name == "unit" || name == "unit_layanan") {
      role[c] = -1;
      table.has_unit = true;
    } else if (name == "service" || name == "layanan" || name == "jenis_layanan") {
      role[c] = -2;
      table.has_service = true;
    } else if (name == "date" || name == "tanggal") {
      role[c] = -3;
      table.has_date = true;
    } else {
      table.ignored_columns.push_back(header[c]);
    }
  }
  std::string missing;
  for (size_t s = 0; s < n_unsur; ++s) {
    if (column_of_slot[s] < 0) {
      if (!missing.empty()) missing += ", ";
      missing += scheme.unsur[s].code + " (" + scheme.unsur[s].name + ")";
    }
  }
  if (!missing.empty()) {
    return Status::InvalidArgument("header: missing column(s) " + missing +
                                   "; the sheet needs one column per unsur U1..U" +
                                   std::to_string(n_unsur));
  }

  NameTable units(&table.units);
  NameTable services(&table.services);
  table.responses.reserve(csv_text.size() / 24);
  while (true) {
    Result<bool> more = reader.Next();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const std::vector<std::string_view>& f = reader.fields();
    SurveyResponse r;
    bool any = false;
    for (size_t c = 0; c < f.size(); ++c) {
      const int who = role[c];
      if (who == -4) continue;
      const std::string_view v = Trim(f[c]);
      if (who >= 0) {
        if (v.empty()) continue;
        if (v.size() != 1 || v[0] < '1' || v[0] > '4') {
          return Status::InvalidArgument(RowWhere(reader) + ", column " + header[c] + ": " +
                                         Quote(v) +
                                         " is not an answer; answers must be 1, 2, 3 or 4 "
                                         "(leave the cell empty when unanswered)");
        }
        r.answers[static_cast<size_t>(who)] = static_cast<uint8_t>(v[0] - '0');
        any = true;
      } else if (who == -1) {
        r.unit = units.Intern(v);
      } else if (who == -2) {
        r.service = services.Intern(v);
      } else if (!v.empty()) {
        r.period = ParsePeriod(v);
        if (r.period == 0) {
          return Status::InvalidArgument(RowWhere(reader) + ", column " + header[c] + ": " +
                                         Quote(v) +
                                         " is not a valid date; use YYYY-MM-DD, e.g. 2024-03-15");
        }
      }
    }
    if (!any) {
      ++table.skipped_blank_rows;
      continue;
    }
    table.responses.push_back(r);
  }
  if (table.responses.empty()) {
    return Status::InvalidArgument(
        "the file has a header but no respondent with at least one answer");
  }
  return table;
}

Result<Json> IkmReportFromCsv(std::string_view csv_text, std::optional<int64_t> population) {
  if (population.has_value() && *population < 1) {
    return Status::InvalidArgument("population must be a whole number >= 1 (service users in "
                                   "the period), got " + std::to_string(*population));
  }
  const SkmScheme& scheme = Permenpanrb14Of2017Scheme();
  Result<SurveyTable> parsed = ParseSurveyCsv(csv_text, scheme);
  if (!parsed.ok()) return parsed.status();
  const SurveyTable& table = *parsed;

  Result<IkmResult> overall = ComputeIkm(scheme, table.responses);
  if (!overall.ok()) return overall.status();
  if (!overall->complete) {
    std::string names;
    for (int slot : overall->missing) {
      if (!names.empty()) names += ", ";
      names += scheme.unsur[static_cast<size_t>(slot)].code;
    }
    return Status::InvalidArgument("no respondent answered " + names +
                                   "; the IKM needs an NRR for every unsur");
  }

  Json out = Json::object();
  out["scheme"] = "PermenPANRB 14/2017 (9 unsur, equal weights 1/9)";
  out["rounding"] =
      "IKM unit = IKM x 25, rounded half away from zero to 2 decimals only at the end; "
      "ikm, nrr and weighted_nrr are shown rounded to 4 decimals";
  out["respondents"] = overall->respondents;
  out["skipped_blank_rows"] = table.skipped_blank_rows;
  Json ignored = Json::array();
  for (const std::string& c : table.ignored_columns) ignored.push_back(c);
  out["ignored_columns"] = std::move(ignored);
  out["overall"] = IkmResultJson(scheme, *overall);

  struct Grouping {
    const char* key;
    const char* name_key;
    GroupBy by;
    bool present;
  };
  const Grouping groupings[] = {{"by_unit", "unit", GroupBy::kUnit, table.has_unit},
                                {"by_service", "service", GroupBy::kService, table.has_service},
                                {"by_period", "period", GroupBy::kPeriod, table.has_date}};
  for (const Grouping& g : groupings) {
    Json list = Json::array();
    if (g.present) {
      Result<std::vector<GroupIkm>> groups = ComputeIkmByGroup(scheme, table.responses, g.by);
      if (!groups.ok()) return groups.status();
      for (const GroupIkm& group : *groups) {
        Json item = IkmResultJson(scheme, group.result);
        if (g.by == GroupBy::kUnit) {
          item[g.name_key] = table.units[static_cast<size_t>(group.key)];
        } else if (g.by == GroupBy::kService) {
          item[g.name_key] = table.services[static_cast<size_t>(group.key)];
        } else {
          item[g.name_key] = PeriodName(group.key);
        }
        list.push_back(std::move(item));
      }
      // Units and services by name (byte order), periods ascending (already by key).
      std::vector<Json> items(list.begin(), list.end());
      std::stable_sort(items.begin(), items.end(), [&](const Json& a, const Json& b) {
        return a[g.name_key].get_ref<const std::string&>() <
               b[g.name_key].get_ref<const std::string&>();
      });
      list = Json(std::move(items));
    }
    out[g.key] = std::move(list);
  }

  Json sample = Json::object();
  sample["method"] =
      "Krejcie-Morgan (1970): chi2 = 3.841, P = 0.5, d = 0.05, rounded to nearest";
  sample["achieved"] = overall->respondents;
  if (population.has_value()) {
    Result<SampleVerdict> v = CheckSample(*population, overall->respondents);
    if (!v.ok()) return v.status();
    sample["population"] = v->population;
    sample["required"] = v->required;
    sample["sufficient"] = v->sufficient;
    sample["shortfall"] = v->shortfall;
    sample["exceeds_population"] = v->exceeds_population;
    std::string msg = v->sufficient
                          ? "sample achieved (" + std::to_string(v->achieved) + " >= " +
                                std::to_string(v->required) + " required)"
                          : "sample too small: " + std::to_string(v->achieved) + " of " +
                                std::to_string(v->required) +
                                " required; the IKM rests on too few responses";
    if (v->exceeds_population) {
      msg += "; more respondents than the stated population - check the population figure";
    }
    sample["message"] = msg;
  } else {
    sample["population"] = nullptr;
    sample["required"] = nullptr;
    sample["sufficient"] = nullptr;
    sample["shortfall"] = nullptr;
    sample["exceeds_population"] = nullptr;
    sample["message"] =
        "population unknown: give the number of service users in the period to check the "
        "sample size";
  }
  out["sample"] = std::move(sample);
  return out;
}

}  // namespace kinerja
