#include "server/engine_commands.h"

#include <ostream>

namespace kinerja::server {

bool IsEngineCommand(const std::string&) { return false; }

int RunEngineCommand(const std::vector<std::string>&, std::ostream&, std::ostream& err) {
  err << "kinerja: not available\n";
  return 2;
}

}  // namespace kinerja::server
