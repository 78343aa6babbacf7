#include "shared/wire/push_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <utility>

#include "shared/wire/response_text.h"

namespace kinerja::wire {
namespace {

// Events from nlohmann's own lexer (so escapes, numbers and UTF-8 are read exactly as
// ParseJson reads them) go straight into a PushRequest. Any event the usual shape does not
// allow stops the reading (returns false); the caller then reads the text the general way.
// Bodies are built as JSON values the way nlohmann's tree builder builds them (a repeated
// key keeps its last value).
class UsualPushReader {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  UsualPushReader(PushRequest* out, std::vector<std::string>* body_texts)
      : out_(out), body_texts_(body_texts) {}

  bool Done() const { return state_ == State::kDone; }

  bool null() {
    if (state_ == State::kBody) return BodyValue(Json(nullptr));
    if (state_ == State::kChangeValue &&
        (change_key_ == kCreatedAt || change_key_ == kResolves)) {
      state_ = State::kChange;  // null is "absent" for both
      return true;
    }
    return false;
  }
  bool boolean(bool v) { return state_ == State::kBody && BodyValue(Json(v)); }
  bool number_integer(number_integer_t v) {
    if (state_ == State::kBody) return BodyValue(Json(v));
    return v >= 0 && Integer(static_cast<uint64_t>(v));
  }
  bool number_unsigned(number_unsigned_t v) {
    if (state_ == State::kBody) return BodyValue(Json(v));
    return Integer(v);
  }
  bool number_float(number_float_t v, const string_t&) {
    return state_ == State::kBody && BodyValue(Json(v));
  }
  bool string(string_t& v) {
    switch (state_) {
      case State::kBody: return BodyValue(Json(std::move(v)));
      case State::kEnvelopeValue:
        if (envelope_key_ != kDeviceId || !IsValidId(v)) return false;
        out_->device_id = std::move(v);
        state_ = State::kEnvelope;
        return true;
      case State::kChangeValue: {
        Change& c = out_->changes.back();
        if (change_key_ == kCreatedAt) {
          c.created_at = std::move(v);
        } else {
          if (!IsValidId(v)) return false;
          if (change_key_ == kChangeId) c.change_id = std::move(v);
          else if (change_key_ == kRecordId) c.record_id = std::move(v);
          else if (change_key_ == kKind) c.kind = std::move(v);
          else return false;
        }
        state_ = State::kChange;
        return true;
      }
      case State::kResolves: {
        Change& c = out_->changes.back();
        if (c.resolves.size() == kMaxResolves || !IsValidId(v)) return false;
        c.resolves.push_back(std::move(v));
        return true;
      }
      default: return false;
    }
  }
  bool binary(binary_t&) { return false; }

  bool start_object(std::size_t) {
    switch (state_) {
      case State::kTop: state_ = State::kEnvelope; return true;
      case State::kChanges:
        if (out_->changes.size() == kMaxChangesPerPush) return false;
        out_->changes.emplace_back();
        change_seen_ = 0;
        state_ = State::kChange;
        return true;
      case State::kChangeValue:
        if (change_key_ != kBody) return false;
        body_ = Json::object();
        stack_.assign(1, &body_);
        state_ = State::kBody;
        return true;
      case State::kBody: return BodyValue(Json::object());
      default: return false;
    }
  }
  bool end_object() {
    switch (state_) {
      case State::kEnvelope:
        if (envelope_seen_ != (1u << kEnvelopeKeys) - 1) return false;
        state_ = State::kDone;
        return true;
      case State::kChange: {
        constexpr unsigned kRequired = 1u << kChangeId | 1u << kRecordId | 1u << kKind |
                                       1u << kBaseVersion | 1u << kBody;
        if ((change_seen_ & kRequired) != kRequired) return false;
        state_ = State::kChanges;
        return true;
      }
      case State::kBody:
        stack_.pop_back();
        return stack_.empty() ? EndBody() : true;
      default: return false;
    }
  }
  bool start_array(std::size_t) {
    if (state_ == State::kBody) return BodyValue(Json::array());
    if (state_ == State::kEnvelopeValue && envelope_key_ == kChanges) {
      state_ = State::kChanges;
      return true;
    }
    if (state_ == State::kChangeValue && change_key_ == kResolves) {
      state_ = State::kResolves;
      return true;
    }
    return false;
  }
  bool end_array() {
    switch (state_) {
      case State::kBody: stack_.pop_back(); return true;
      case State::kChanges: state_ = State::kEnvelope; return true;
      case State::kResolves: state_ = State::kChange; return true;
      default: return false;
    }
  }
  bool key(string_t& k) {
    switch (state_) {
      case State::kBody: slot_ = &(*stack_.back())[k]; return true;
      case State::kEnvelope: {
        int i = Index(k, {"protocol", "device_id", "changes"});
        if (i < 0 || (envelope_seen_ & (1u << i))) return false;
        envelope_seen_ |= 1u << i;
        envelope_key_ = i;
        state_ = State::kEnvelopeValue;
        return true;
      }
      case State::kChange: {
        int i = Index(k, {"change_id", "record_id", "kind", "base_version", "body", "created_at",
                          "resolves"});
        if (i < 0 || (change_seen_ & (1u << i))) return false;
        change_seen_ |= 1u << i;
        change_key_ = i;
        state_ = State::kChangeValue;
        return true;
      }
      default: return false;
    }
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  enum class State {
    kTop, kEnvelope, kEnvelopeValue, kChanges, kChange, kChangeValue, kResolves, kBody, kDone
  };
  // Key positions, in the order of the lists in key() (bits of the *_seen_ masks).
  static constexpr int kProtocol = 0, kDeviceId = 1, kChanges = 2, kEnvelopeKeys = 3;
  static constexpr int kChangeId = 0, kRecordId = 1, kKind = 2, kBaseVersion = 3, kBody = 4,
                       kCreatedAt = 5, kResolves = 6;

  static int Index(const std::string& k, std::initializer_list<std::string_view> keys) {
    int i = 0;
    for (std::string_view key : keys) {
      if (k == key) return i;
      ++i;
    }
    return -1;
  }

  // A non-negative integer outside a body: the protocol number or a base version.
  bool Integer(uint64_t v) {
    if (state_ == State::kEnvelopeValue && envelope_key_ == kProtocol) {
      if (v != static_cast<uint64_t>(kProtocolVersion)) return false;
    } else if (state_ == State::kChangeValue && change_key_ == kBaseVersion) {
      if (v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return false;
      out_->changes.back().base_version = static_cast<int64_t>(v);
    } else {
      return false;
    }
    state_ = state_ == State::kEnvelopeValue ? State::kEnvelope : State::kChange;
    return true;
  }

  // Places a value inside the body being built, as nlohmann's tree builder does.
  bool BodyValue(Json v) {
    Json* top = stack_.back();
    Json* placed;
    if (top->is_array()) {
      top->push_back(std::move(v));
      placed = &top->back();
    } else {
      *slot_ = std::move(v);
      placed = slot_;
    }
    if (placed->is_structured()) stack_.push_back(placed);
    return true;
  }

  bool EndBody() {
    std::string text = JsonText(body_);
    if (text.size() > kMaxBodyBytes) return false;
    if (body_texts_) body_texts_->push_back(std::move(text));
    out_->changes.back().body = std::move(body_);
    body_ = Json();
    state_ = State::kChange;
    return true;
  }

  PushRequest* out_;
  std::vector<std::string>* body_texts_;
  State state_ = State::kTop;
  unsigned envelope_seen_ = 0, change_seen_ = 0;
  int envelope_key_ = -1, change_key_ = -1;
  Json body_;
  std::vector<Json*> stack_;  // the open objects and arrays of the body being built
  Json* slot_ = nullptr;      // where the next value of the innermost body object goes
};

// A JSON reader for the plain text devices send, emitting the same SAX events as
// nlohmann's lexer would, several times faster: strings without \u escapes (UTF-8 checked as
// nlohmann checks it), integers of up to 18 digits, finite decimals. Anything else, and any
// malformed text, stops it (false): the caller then reads the text with nlohmann's lexer.
template <class Sax>
class PlainJson {
 public:
  PlainJson(std::string_view text, Sax* sax)
      : p_(text.data()), end_(text.data() + text.size()), sax_(sax) {}

  bool Read() {
    SkipSpace();
    if (!Value(0)) return false;
    SkipSpace();
    return p_ == end_;
  }

  // After Read() failed: true when the handler refused an event (the text itself was plain
  // JSON as far as it was read), so another lexer would only meet the same refusal.
  bool HandlerStopped() const { return handler_stopped_; }

 private:
  static constexpr int kMaxDepth = 64;

  bool Sent(bool accepted) {
    handler_stopped_ = handler_stopped_ || !accepted;
    return accepted;
  }

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool Value(int depth) {
    if (p_ == end_) return false;
    switch (*p_) {
      case '{': return Container(depth, true);
      case '[': return Container(depth, false);
      case '"': {
        std::string s;
        return String(&s) && Sent(sax_->string(s));
      }
      case 't': return Word("true") && Sent(sax_->boolean(true));
      case 'f': return Word("false") && Sent(sax_->boolean(false));
      case 'n': return Word("null") && Sent(sax_->null());
      default: return Number();
    }
  }

  // An object (`object`) or an array: members separated by commas, up to the closing bracket.
  bool Container(int depth, bool object) {
    if (depth >= kMaxDepth) return false;
    const char close = object ? '}' : ']';
    const auto unknown_size = static_cast<std::size_t>(-1);
    ++p_;
    if (!Sent(object ? sax_->start_object(unknown_size) : sax_->start_array(unknown_size))) {
      return false;
    }
    SkipSpace();
    if (p_ < end_ && *p_ == close) return Close(object);
    for (;;) {
      if (object && !Key()) return false;
      if (!Value(depth + 1)) return false;
      SkipSpace();
      if (p_ == end_) return false;
      if (*p_ == close) return Close(object);
      if (*p_ != ',') return false;
      ++p_;
      SkipSpace();
    }
  }

  bool Close(bool object) {
    ++p_;
    return Sent(object ? sax_->end_object() : sax_->end_array());
  }

  // An object member's key and its colon, up to the value.
  bool Key() {
    if (p_ == end_ || *p_ != '"') return false;
    std::string key;
    if (!String(&key) || !Sent(sax_->key(key))) return false;
    SkipSpace();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    SkipSpace();
    return true;
  }

  bool Word(std::string_view w) {
    if (static_cast<size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) {
      return false;
    }
    p_ += w.size();
    return true;
  }

  // One UTF-8 sequence of 2-4 bytes at p_, well formed as RFC 3629 (and nlohmann) require.
  bool Utf8Sequence() {
    auto in = [](unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; };
    const auto* u = reinterpret_cast<const unsigned char*>(p_);
    const size_t left = static_cast<size_t>(end_ - p_);
    const unsigned char c = u[0];
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (in(c, 0xC2, 0xDF)) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (in(c, 0xE1, 0xEC) || in(c, 0xEE, 0xEF)) n = 3;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (in(c, 0xF1, 0xF3)) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else return false;
    if (left < n || !in(u[1], lo, hi)) return false;
    for (size_t i = 2; i < n; ++i) {
      if (!in(u[i], 0x80, 0xBF)) return false;
    }
    p_ += n;
    return true;
  }

  bool String(std::string* out) {
    ++p_;  // the opening quote
    const char* run = p_;  // start of the bytes not yet copied
    for (;;) {
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        out->append(run, p_);
        ++p_;
        return true;
      }
      if (c == '\\') {
        out->append(run, p_);
        if (end_ - p_ < 2) return false;
        switch (p_[1]) {
          case '"': *out += '"'; break;
          case '\\': *out += '\\'; break;
          case '/': *out += '/'; break;
          case 'b': *out += '\b'; break;
          case 'f': *out += '\f'; break;
          case 'n': *out += '\n'; break;
          case 'r': *out += '\r'; break;
          case 't': *out += '\t'; break;
          default: return false;  // \u escapes (and bad ones): nlohmann's lexer reads them
        }
        p_ += 2;
        run = p_;
      } else if (c < 0x20) {
        return false;
      } else if (c < 0x80) {
        ++p_;
      } else if (!Utf8Sequence()) {
        return false;
      }
    }
  }

  bool Number() {
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    if (!digit()) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (digit()) ++p_;
    }
    const char* int_end = p_;
    bool decimal = false;
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
      decimal = true;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
      decimal = true;
    }
    if (decimal) {
      // As nlohmann does: strtod on the token (this process keeps the "C" locale's '.').
      std::string token(start, p_);
      char* stop = nullptr;
      const double v = std::strtod(token.c_str(), &stop);
      if (stop != token.c_str() + token.size() || !std::isfinite(v)) return false;
      return Sent(sax_->number_float(v, token));
    }
    const char* digits = start + (negative ? 1 : 0);
    if (int_end - digits > 18) return false;  // may overflow: nlohmann's lexer decides
    uint64_t v = 0;
    for (const char* d = digits; d < int_end; ++d) v = v * 10 + static_cast<uint64_t>(*d - '0');
    if (negative) return Sent(sax_->number_integer(-static_cast<int64_t>(v)));
    return Sent(sax_->number_unsigned(v));
  }

  const char* p_;
  const char* end_;
  Sax* sax_;
  bool handler_stopped_ = false;
};

}  // namespace

bool ReadUsualPushRequest(std::string_view text, PushRequest* out,
                          std::vector<std::string>* body_texts) {
  // The plain text devices send is read by PlainJson; anything else by nlohmann's lexer. Both
  // feed the same events to a fresh reader.
  for (bool plain : {true, false}) {
    *out = PushRequest{};
    if (body_texts) body_texts->clear();
    // A change takes a hundred bytes of text or more: room for them all, without regrowing.
    const size_t room = std::min(kMaxChangesPerPush, text.size() / 100 + 1);
    out->changes.reserve(room);
    if (body_texts) body_texts->reserve(room);
    UsualPushReader reader(out, body_texts);
    bool ok;
    if (plain) {
      PlainJson<UsualPushReader> json(text, &reader);
      ok = json.Read();
      // Refused for its shape, not its lexing: nlohmann's lexer would meet the same refusal.
      if (!ok && json.HandlerStopped()) return false;
    } else {
      ok = Json::sax_parse(text.begin(), text.end(), &reader,
                           nlohmann::detail::input_format_t::json, /*strict=*/true);
    }
    if (ok && reader.Done()) return true;
  }
  return false;
}

Result<PushRequest> ReadPushRequest(std::string_view text, std::vector<std::string>* body_texts,
                                    std::string* failed_change_id) {
  PushRequest push;
  if (ReadUsualPushRequest(text, &push, body_texts)) return push;
  // Not the usual shape: the general reader accepts or names the problem.
  auto j = ParseJson(text);
  if (!j.ok()) return j.status();
  auto general = PushRequestFromJson(*j, failed_change_id);
  if (!general.ok()) return general.status();
  if (body_texts) {
    body_texts->clear();
    for (const Change& c : general->changes) body_texts->push_back(c.body.dump());
  }
  return general;
}

}  // namespace kinerja::wire
