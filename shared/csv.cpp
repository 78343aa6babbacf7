#include "shared/csv.h"

#include <array>

#include "shared/text.h"

namespace kinerja {

std::string GuardFormula(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r')) {
    return "'" + std::string(text);
  }
  return std::string(text);
}

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string q = "\"";
  for (char c : text) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
      static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF) {
    pos_ = 3;
  }
}

Status CsvReader::ReadHeader() {
  Result<bool> r = ReadRecord();
  if (!r.ok()) return r.status();
  if (!*r) return Status::InvalidArgument("the file is empty; a header row is required");
  header_.clear();
  for (size_t i = 0; i < fields_.size(); ++i) {
    std::string name(Trim(fields_[i]));
    if (name.empty()) {
      return Status::InvalidArgument("header (line " + std::to_string(record_line_) +
                                     "): column " + std::to_string(i + 1) + " has no name");
    }
    for (const std::string& prev : header_) {
      if (AsciiLower(prev) == AsciiLower(name)) {
        return Status::InvalidArgument("header (line " + std::to_string(record_line_) +
                                       "): column '" + name + "' appears twice");
      }
    }
    header_.push_back(std::move(name));
  }
  record_index_ = 0;
  return Status::Ok();
}

Result<bool> CsvReader::Next() {
  Result<bool> r = ReadRecord();
  if (!r.ok() || !*r) return r;
  ++record_index_;
  if (!header_.empty() && fields_.size() != header_.size()) {
    return Status::InvalidArgument("line " + std::to_string(record_line_) + " (row " +
                                   std::to_string(record_index_) + "): expected " +
                                   std::to_string(header_.size()) +
                                   " fields as in the header, found " +
                                   std::to_string(fields_.size()));
  }
  return true;
}

namespace {

// Per byte: 1 where an unquoted field ends (comma, CR, LF), 2 for a quote (an error there).
// One table load per byte instead of four compares.
constexpr std::array<uint8_t, 256> kUnquotedStop = [] {
  std::array<uint8_t, 256> t{};
  t[static_cast<unsigned char>(',')] = 1;
  t[static_cast<unsigned char>('\n')] = 1;
  t[static_cast<unsigned char>('\r')] = 1;
  t[static_cast<unsigned char>('"')] = 2;
  return t;
}();
// Per byte: 1 where a quoted field needs a look (a quote, or a line break to count).
constexpr std::array<uint8_t, 256> kQuotedStop = [] {
  std::array<uint8_t, 256> t{};
  t[static_cast<unsigned char>('"')] = 1;
  t[static_cast<unsigned char>('\n')] = 1;
  t[static_cast<unsigned char>('\r')] = 1;
  return t;
}();

}  // namespace

// The reader's own wording of a fault (the answer sheet's messages, docs/cli/ikm.md).
Status CsvReader::Fail(CsvFault fault) {
  fault_ = fault;
  const std::string line = "line " + std::to_string(fault.line);
  const std::string field = std::to_string(fault.field);
  switch (fault.kind) {
    case CsvFault::Kind::kUnclosedQuote:
      return Status::InvalidArgument(line + ": a quoted field is opened but never closed");
    case CsvFault::Kind::kTextAfterQuote:
      return Status::InvalidArgument(line + ": unexpected '" + std::string(1, fault.found) +
                                     "' after the closing quote of field " + field +
                                     "; a quoted field must end at a comma or line end");
    case CsvFault::Kind::kQuoteInUnquoted:
      break;
  }
  return Status::InvalidArgument(line + ": a quote inside unquoted field " + field +
                                 "; enclose the field in quotes and double the inner quote (\"\")");
}

void CsvReader::SkipBrokenLine() {
  const size_t n = text_.size();
  while (pos_ < n && text_[pos_] != '\n' && text_[pos_] != '\r') ++pos_;
  if (pos_ >= n) return;
  if (text_[pos_] == '\r' && pos_ + 1 < n && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

Result<bool> CsvReader::ReadRecord() {
  const size_t n = text_.size();
  const char* s = text_.data();
  fault_.reset();
  // Skip empty lines.
  while (pos_ < n && (s[pos_] == '\n' || s[pos_] == '\r')) {
    if (s[pos_] == '\r' && pos_ + 1 < n && s[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  fields_.clear();
  scratch_fields_.clear();
  scratch_.clear();
  if (pos_ >= n) return false;
  record_line_ = line_;

  while (true) {
    // One field starts at pos_.
    if (pos_ < n && s[pos_] == '"') {
      const int64_t open_line = line_;
      ++pos_;
      size_t start = pos_;
      bool escaped = false;
      size_t scratch_start = scratch_.size();
      while (true) {
        if (!escaped) {
          while (pos_ < n && kQuotedStop[static_cast<unsigned char>(s[pos_])] == 0) ++pos_;
        }
        if (pos_ >= n) {
          return Fail({CsvFault::Kind::kUnclosedQuote, static_cast<int64_t>(fields_.size()) + 1,
                       open_line, 0});
        }
        char c = s[pos_];
        if (c == '"') {
          if (pos_ + 1 < n && s[pos_ + 1] == '"') {
            if (!escaped) {
              escaped = true;
              scratch_.append(s + start, pos_ - start);
            }
            scratch_.push_back('"');
            pos_ += 2;
            continue;
          }
          break;  // closing quote
        }
        if (c == '\n' || c == '\r') {
          if (c == '\r' && pos_ + 1 < n && s[pos_ + 1] == '\n') {
            if (escaped) scratch_.push_back('\r');
            ++pos_;
          }
          ++line_;
        }
        if (escaped) scratch_.push_back(s[pos_]);
        ++pos_;
      }
      if (escaped) {
        scratch_fields_.push_back({fields_.size(), scratch_start, scratch_.size() - scratch_start});
        fields_.emplace_back();
      } else {
        fields_.emplace_back(s + start, pos_ - start);
      }
      ++pos_;  // past the closing quote
      if (pos_ < n && s[pos_] != ',' && s[pos_] != '\n' && s[pos_] != '\r') {
        return Fail({CsvFault::Kind::kTextAfterQuote, static_cast<int64_t>(fields_.size()), line_,
                     s[pos_]});
      }
    } else {
      const size_t start = pos_;
      while (pos_ < n && kUnquotedStop[static_cast<unsigned char>(s[pos_])] == 0) ++pos_;
      if (pos_ < n && s[pos_] == '"') {
        return Fail({CsvFault::Kind::kQuoteInUnquoted, static_cast<int64_t>(fields_.size()) + 1,
                     line_, '"'});
      }
      fields_.emplace_back(s + start, pos_ - start);
    }
    // After a field: comma, line end or end of input.
    if (pos_ >= n) break;
    if (s[pos_] == ',') {
      ++pos_;
      continue;
    }
    // Line end.
    if (s[pos_] == '\r' && pos_ + 1 < n && s[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
    break;
  }
  for (const ScratchField& f : scratch_fields_) {
    fields_[f.index] = std::string_view(scratch_).substr(f.offset, f.length);
  }
  return true;
}

}  // namespace kinerja
