#pragma once
// Safe reading of JSON from outside. nlohmann/json throws on malformed text and on a wrong
// type; these helpers catch that at the boundary and return a Status naming the field, so
// callers (the CLI, the server's handlers, the browser) never see an exception.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shared/result.h"

namespace kinerja {

using Json = nlohmann::json;

// Parses `text`. Fails with kInvalidArgument and the parser's position on malformed input.
Result<Json> ParseJson(std::string_view text);

// Paths that name a place in the input in messages. FieldPath("appraisal", "rows") is
// "appraisal.rows"; at the top level (`where` empty) it is just "rows". ItemPath("rows", 3) is
// "rows[3]". Every reader of JSON input builds its messages' paths with these two.
std::string FieldPath(std::string_view where, std::string_view key);
std::string ItemPath(std::string_view where, size_t index);

// Field readers: `where` names the object in messages ("appraisal.behaviour").
// Each fails with kInvalidArgument when the field is missing or has the wrong type.
Result<std::string> GetString(const Json& obj, const char* key, std::string_view where);
Result<int64_t> GetInt(const Json& obj, const char* key, std::string_view where);
Result<double> GetNumber(const Json& obj, const char* key, std::string_view where);
Result<bool> GetBool(const Json& obj, const char* key, std::string_view where);
// Optional variants: std::nullopt when absent or null; an error when present with a wrong type.
Result<std::optional<std::string>> GetOptString(const Json& obj, const char* key,
                                                std::string_view where);
Result<std::optional<double>> GetOptNumber(const Json& obj, const char* key,
                                           std::string_view where);
Result<std::optional<int64_t>> GetOptInt(const Json& obj, const char* key, std::string_view where);

// Fails when `obj` has a key not in `allowed` (unknown fields are rejected, not ignored).
Status RejectUnknownKeys(const Json& obj, std::initializer_list<std::string_view> allowed,
                         std::string_view where);

}  // namespace kinerja
