#include <iostream>
#include <string>
#include <vector>

#include "server/cli/cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return kinerja::server::RunCli(args, std::cin, std::cout, std::cerr);
}
