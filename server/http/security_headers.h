#pragma once
// The security headers every answer of the server carries (docs/security.md). The page is the
// wasm app: its scripts are files of its own origin (no inline script: public/boot.js), WebAssembly
// is compiled from its own file ('wasm-unsafe-eval'), and it talks only to its own origin.
// Nothing may frame it, sniff a type or leak the path in a Referer. HSTS only over TLS: a
// browser that saw it over plain HTTP on a LAN address would refuse the tablet's next visit.

#include <string>
#include <utility>
#include <vector>

namespace kinerja::server {

// The Content-Security-Policy value of the app.
const std::string& ContentSecurityPolicy();

// Name and value of each header, in a fixed order; Strict-Transport-Security when `tls`.
std::vector<std::pair<std::string, std::string>> SecurityHeaders(bool tls);

}  // namespace kinerja::server
