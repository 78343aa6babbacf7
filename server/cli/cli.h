#pragma once
// The `kinerja` command line: the server and the admin tools in one binary.
// `kinerja --help` prints the commands; docs/cli.md documents each with examples.

#include <iosfwd>
#include <string>
#include <vector>

namespace kinerja::server {

// Runs one command. Output goes to `out`, errors to `err`; returns the process exit code
// (0 success, 1 bad input or failure, 2 bad usage).
int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
           std::ostream& err);

}  // namespace kinerja::server
