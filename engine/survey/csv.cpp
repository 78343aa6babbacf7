#include "engine/survey/csv.h"

namespace kinerja {

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  size_t b = 0;
  size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
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
    std::string name(TrimSpaces(fields_[i]));
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

Result<bool> CsvReader::ReadRecord() {
  const size_t n = text_.size();
  const char* s = text_.data();
  // Skip empty lines.
  while (pos_ < n && (s[pos_] == '\n' || s[pos_] == '\r')) {
    if (s[pos_] == '\r' && pos_ + 1 < n && s[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }
  fields_.clear();
  refs_.clear();
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
        if (pos_ >= n) {
          return Status::InvalidArgument("line " + std::to_string(open_line) +
                                         ": a quoted field is opened but never closed");
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
        refs_.push_back({true, scratch_start, scratch_.size() - scratch_start});
      } else {
        refs_.push_back({false, start, pos_ - start});
      }
      ++pos_;  // past the closing quote
      if (pos_ < n && s[pos_] != ',' && s[pos_] != '\n' && s[pos_] != '\r') {
        return Status::InvalidArgument("line " + std::to_string(line_) + ": unexpected '" +
                                       std::string(1, s[pos_]) + "' after the closing quote of field " +
                                       std::to_string(refs_.size()) +
                                       "; a quoted field must end at a comma or line end");
      }
    } else {
      size_t start = pos_;
      while (pos_ < n) {
        char c = s[pos_];
        if (c == ',' || c == '\n' || c == '\r') break;
        if (c == '"') {
          return Status::InvalidArgument(
              "line " + std::to_string(line_) + ": a quote inside unquoted field " +
              std::to_string(refs_.size() + 1) +
              "; enclose the field in quotes and double the inner quote (\"\")");
        }
        ++pos_;
      }
      refs_.push_back({false, start, pos_ - start});
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
  fields_.reserve(refs_.size());
  for (const FieldRef& f : refs_) {
    fields_.emplace_back(f.in_scratch ? std::string_view(scratch_).substr(f.offset, f.length)
                                      : text_.substr(f.offset, f.length));
  }
  return true;
}

}  // namespace kinerja
