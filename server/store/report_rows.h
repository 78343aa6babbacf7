#pragma once
// What reports read of the records they count, as narrow rows (schema v9, v10; docs/store.md
// §"Report rows"). A report over a city touches every appraisal, survey answer and queue
// ticket; parsing each record's whole JSON body for it cost 0.4-0.6 s a kind at 10,000 staff,
// 100,000 answers and 200,000 tickets (docs/performance.md, "Reports at city scale"). So the
// store keeps, beside each record of these kinds, the handful of fields reports need, in a
// table of its own written by triggers on `records` in the same transaction as the record:
// every writer (push, import, migration) keeps them current, and a row always matches the
// record's current version. Reports read these and never a body.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kinerja::server {

// An appraisal's or self-assessment's state and the server's scored result.
struct AppraisalRow {
  int64_t seq = 0;
  std::string id;          // the record id
  std::string subject_id;  // the employee appraised (or assessing themselves)
  std::string author_id;   // the user who wrote the current version
  std::string period;      // body.period
  std::string status;      // body.status ("draft", "submitted", "signed_off")
  // From body.result (the server's scoring; empty when there is none):
  std::string result_kind;   // "rating" for PermenPANRB 6/2022 ratings, else a numeric kind
  std::string template_id;   // result.template
  std::string predikat_code; // result.predikat_code
  std::string hasil_kerja_code;  // result.rating_hasil_kerja_code ("di_bawah", "sesuai", "di_atas")
  // result.perilaku as (BerAKHLAK code, rating code), in the result's order.
  std::vector<std::pair<std::string, std::string>> perilaku;
};

// A competency assessment's state and levels (schema v10).
struct CompetencyRow {
  int64_t seq = 0;
  std::string id;           // the record id
  std::string subject_id;   // the employee assessed
  std::string period;       // body.period
  std::string status;       // body.status ("draft", "submitted")
  std::string position_id;  // body.position_id
  // body.assessed as (competency code, value text) pairs: the value is the whole number's
  // digits, or "?" for anything else. nullopt when `assessed` is not an object.
  std::optional<std::vector<std::pair<std::string, std::string>>> levels;
};

// A queue ticket's unit, officer and times, as stored (ISO-8601 text; parsed by the report
// through the engine's ticket rules).
struct TicketRow {
  int64_t seq = 0;
  std::string id;
  std::string unit_path;
  std::string unit_id;
  std::string officer;
  int64_t ticket = 0;
  std::string issued_at;
  std::optional<std::string> called_at;
  std::optional<std::string> finished_at;
};

// A survey response's aggregate fields: no device, enumerator or time finer than the date.
struct SurveyRow {
  std::string unit_path;
  std::string unit_id;
  std::string service;
  std::string date;  // body.date, YYYY-MM-DD
  // body.answers as (element code, value text) pairs, coded as docs/store.md §"Report rows"
  // says (read them with ForEachPair): the value is "" for null and "?" for any value that
  // is not a whole number (the report skips such a response, as it did the body).
  std::string answers;
  std::string gender, age_band, education, occupation;  // body.profile; "" when absent
};

// Calls visit(first, second) for each pair of `coded` ("a\x1fb\x1ec\x1fd": (a, b), (c, d)),
// the way the report tables hold lists; an item without a separator is (item, "").
template <class Visit>
void ForEachPair(std::string_view coded, Visit visit) {
  while (!coded.empty()) {
    const size_t end = coded.find('\x1e');
    const std::string_view item = coded.substr(0, end);
    const size_t sep = item.find('\x1f');
    if (sep == std::string_view::npos) {
      visit(item, std::string_view());
    } else {
      visit(item.substr(0, sep), item.substr(sep + 1));
    }
    if (end == std::string_view::npos) break;
    coded.remove_prefix(end + 1);
  }
}

}  // namespace kinerja::server
