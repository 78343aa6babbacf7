#pragma once
// The scoring commands (ikm, appraise, competency, objectivity): read a file, call the
// engine's report function, print its JSON. Kept apart from cli.cpp so each command's
// argument handling sits in one place.

#include <iosfwd>
#include <string>
#include <vector>

#include "shared/result.h"

namespace kinerja::server {

// The whole of an input file named on the command line: kNotFound "cannot open PATH",
// kTooLarge over 512 MiB, kIo when reading fails.
Result<std::string> ReadInputFile(const std::string& path);

bool IsEngineCommand(const std::string& name);
// Runs `kinerja <command> FILE [options]`; prints JSON to `out` or a message to `err`.
int RunEngineCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace kinerja::server
