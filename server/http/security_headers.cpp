#include "server/http/security_headers.h"

namespace kinerja::server {

const std::string& ContentSecurityPolicy() {
  // Everything from the app's own origin: the page, public/boot.js and public/app.css (no
  // inline script or style), the JS glue and the wasm it compiles ('wasm-unsafe-eval' is what
  // WebAssembly.instantiate needs under a CSP), the API. Styles set from script through the
  // CSSOM (the soft keyboard's hidden input) are not inline styles and need no allowance.
  static const std::string kPolicy =
      "default-src 'none'; "
      "script-src 'self' 'wasm-unsafe-eval'; "
      "style-src 'self'; "
      "img-src 'self' data: blob:; "
      "font-src 'self'; "
      "connect-src 'self'; "
      "worker-src 'self'; "
      "manifest-src 'self'; "
      "base-uri 'none'; "
      "form-action 'none'; "
      "object-src 'none'; "
      "frame-ancestors 'none'";
  return kPolicy;
}

std::vector<std::pair<std::string, std::string>> SecurityHeaders(bool tls) {
  std::vector<std::pair<std::string, std::string>> h = {
      {"Content-Security-Policy", ContentSecurityPolicy()},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"},
  };
  if (tls) h.emplace_back("Strict-Transport-Security", "max-age=31536000");
  return h;
}

}  // namespace kinerja::server
