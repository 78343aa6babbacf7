#pragma once
// A streaming RFC 4180 CSV reader for tabular uploads (SKM answer sheets, the roster). It
// walks a text buffer record by record without copying: unquoted fields and
// quoted fields without doubled quotes are views into the input; only fields with "" escapes
// are unescaped into one scratch buffer reused across records.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.h"
#include "shared/text.h"

namespace kinerja {

// What was wrong with a malformed record, for a caller that words its own messages or reads on
// past a broken row (the roster import reports the row and goes on; an answer sheet stops).
struct CsvFault {
  enum class Kind {
    kUnclosedQuote,    // a quoted field runs to the end of the input
    kTextAfterQuote,   // a closing quote followed by something other than a comma or line end
    kQuoteInUnquoted,  // a quote inside a field that did not start with one
  };
  Kind kind;
  int64_t field;  // 1-based field of the record
  int64_t line;   // where it was found; for kUnclosedQuote, where the quote opened
  char found;     // for kTextAfterQuote, the character after the closing quote
};

// Accepted dialect (docs/rules/survey.md §"CSV dialect"): comma separator; fields optionally
// enclosed in double quotes; "" inside a quoted field is one quote; quoted fields may hold commas
// and line breaks; records end with CRLF, LF or a lone CR; a UTF-8 byte-order mark at the start
// is skipped; empty lines are ignored; a final line break is optional. A quote inside an
// unquoted field, text after a closing quote, and an unclosed quote are errors naming the line.
class CsvReader {
 public:
  // `text` is not copied and must outlive the reader and every view it hands out.
  explicit CsvReader(std::string_view text);

  // Reads the first non-empty record as the header. Fails with kInvalidArgument when the
  // input has no record ("the file is empty; a header row is required"), when the CSV is
  // malformed, or when a header name is empty or repeated (names compared case-insensitively
  // after trimming spaces). Call once, before Next().
  Status ReadHeader();

  // Advances to the next record. Returns true with fields() set, false at the end of input.
  // Fails with kInvalidArgument naming the line on malformed CSV, or (after ReadHeader) when
  // the record's field count differs from the header's.
  Result<bool> Next();

  // The current record's fields (valid until the next call to Next()/ReadHeader()).
  const std::vector<std::string_view>& fields() const { return fields_; }
  // Header names as read, trimmed of surrounding spaces (empty before ReadHeader()).
  const std::vector<std::string>& header() const { return header_; }
  // 1-based physical line on which the current record starts.
  int64_t line() const { return record_line_; }
  // 1-based number of the current data record (the header is record 0).
  int64_t record() const { return record_index_; }

  // After ReadHeader() or Next() failed on malformed CSV: what was wrong (empty otherwise, and
  // after a field-count or header-name error, which are not about quoting).
  const std::optional<CsvFault>& fault() const { return fault_; }
  // After a fault: skips to the end of the physical line it was found on, so that Next() reads
  // the following line as a new record. After kUnclosedQuote nothing is left to read.
  void SkipBrokenLine();

 private:
  // A field unescaped into scratch_ (its view is set once the record is complete, since
  // scratch_ may move while it grows).
  struct ScratchField {
    size_t index;
    size_t offset;
    size_t length;
  };
  Result<bool> ReadRecord();
  Status Fail(CsvFault fault);

  std::string_view text_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  int64_t record_index_ = -1;
  std::vector<std::string_view> fields_;
  std::vector<ScratchField> scratch_fields_;
  std::string scratch_;
  std::vector<std::string> header_;
  std::optional<CsvFault> fault_;
};

// --- Writing -----------------------------------------------------------------------------
// Formula-injection guard for text a spreadsheet will show (every CSV and XLSX export): a
// text cell starting with = + - @, a tab or a carriage return would be evaluated or
// reinterpreted by a spreadsheet, so it is prefixed with ' and shown as typed. Numbers are
// written as numbers and never pass through here. Returns the text unchanged otherwise.
std::string GuardFormula(std::string_view text);

// One RFC 4180 field: enclosed in double quotes, with "" for a quote, when it holds a comma,
// a quote, CR or LF; as it is otherwise. Applies no formula guard (see GuardFormula).
std::string CsvField(std::string_view text);

}  // namespace kinerja
