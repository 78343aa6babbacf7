#pragma once
// Errors as values. Every call that can fail because of something from outside (a file, a
// request, a database row) returns a Status or a Result<T>. Nothing in the engine API throws:
// Emscripten aborts on a throw by default, and a stable code survives the wasm boundary and
// the wire. Programmer mistakes are asserts, not Status values.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace kinerja {

// Stable error codes. The string form (CodeName) is what crosses the wire and appears in
// logs; never renumber or rename an existing code.
enum class Code {
  kOk = 0,
  kInvalidArgument,   // malformed or out-of-range input; the message says which field
  kNotFound,          // an id that does not exist (or is outside the caller's scope)
  kAlreadyExists,     // a unique key already taken
  kConflict,          // a concurrent edit from the same base version
  kLocked,            // the record is signed off and may not change
  kStaleVersion,      // the change is based on a version the server no longer holds
  kUnauthenticated,   // no valid session
  kPermissionDenied,  // valid session, but not allowed
  kTooLarge,          // a body or file over the configured limit
  kRateLimited,       // too many attempts; retry later
  kCorruption,        // stored data is unreadable
  kIo,                // the storage or network failed
  kUnavailable,       // offline or the peer did not answer
  kInternal,          // a bug; the message helps find it
  kBusy,              // the server is at capacity now; retry after the time it names
};

// "invalid_argument", "not_found", ...: the wire and log spelling of a code.
const char* CodeName(Code code);
// The inverse of CodeName; kInternal for an unknown name.
Code CodeFromName(std::string_view name);

class Status {
 public:
  Status() = default;  // OK
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {Code::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {Code::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {Code::kAlreadyExists, std::move(m)}; }
  static Status Conflict(std::string m) { return {Code::kConflict, std::move(m)}; }
  static Status Locked(std::string m) { return {Code::kLocked, std::move(m)}; }
  static Status StaleVersion(std::string m) { return {Code::kStaleVersion, std::move(m)}; }
  static Status Unauthenticated(std::string m) { return {Code::kUnauthenticated, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {Code::kPermissionDenied, std::move(m)}; }
  static Status TooLarge(std::string m) { return {Code::kTooLarge, std::move(m)}; }
  static Status RateLimited(std::string m) { return {Code::kRateLimited, std::move(m)}; }
  static Status Corruption(std::string m) { return {Code::kCorruption, std::move(m)}; }
  static Status Io(std::string m) { return {Code::kIo, std::move(m)}; }
  static Status Unavailable(std::string m) { return {Code::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {Code::kInternal, std::move(m)}; }
  static Status Busy(std::string m) { return {Code::kBusy, std::move(m)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: U3 on row 7 is 5; answers must be 1-4"
  std::string ToString() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}                                   // NOLINT
  Result(Status status) : v_(std::move(status)) { assert(!std::get<1>(v_).ok()); }  // NOLINT

  bool ok() const { return v_.index() == 0; }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // The error; OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace kinerja

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define KINERJA_RETURN_IF_ERROR(expr)            \
  do {                                           \
    ::kinerja::Status kinerja_status_ = (expr);  \
    if (!kinerja_status_.ok()) return kinerja_status_; \
  } while (0)

// Evaluates `expr` (a Result<T>); on error returns its Status from the enclosing function (which
// returns a Status or any Result<U>); on success declares `lhs` from the value, moved out:
//   KINERJA_ASSIGN_OR_RETURN(auto rows, store.Query(sql));   // rows is the T, not the Result
//   KINERJA_ASSIGN_OR_RETURN(const Template& t, LoadTemplate(id));  // binds to the moved T
// One statement of the enclosing block: not for an unbraced `if` body.
#define KINERJA_ASSIGN_OR_RETURN(lhs, ...) \
  KINERJA_ASSIGN_OR_RETURN_IMPL_(KINERJA_CONCAT_(kinerja_result_, __LINE__), lhs, __VA_ARGS__)
#define KINERJA_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, ...) \
  auto tmp = (__VA_ARGS__);                            \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
#define KINERJA_CONCAT_(a, b) KINERJA_CONCAT_INNER_(a, b)
#define KINERJA_CONCAT_INNER_(a, b) a##b
