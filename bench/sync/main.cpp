// kinerja_sync_bench: the sync server's ingest and load benchmarks (docs/performance.md).
//
//   kinerja_sync_bench ingest [--changes N] [--batches 500,100]
//   kinerja_sync_bench load   [--devices N] [--rounds K] [--think-ms MS]
//   kinerja_sync_bench login-burst [--devices N] [--bound SECONDS]
//   kinerja_sync_bench all    (ingest, then load back to back, then load with --think-ms 1000)
//   add --keep to leave the scratch databases in the temp folder
//
// Every figure is measured in the same run on this machine; the ratios are what matter.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "bench/sync/bench_support.h"
#include "server/auth/auth.h"

namespace kinerja::bench {

ScratchDir::ScratchDir(const char* tag, bool keep) : keep_(keep) {
  std::string templ = (std::filesystem::temp_directory_path() /
                       (std::string("kinerja-") + tag + "-XXXXXX")).string();
  if (mkdtemp(templ.data())) path_ = templ;
}

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  if (keep_) {
    std::printf("  (kept %s)\n", path_.c_str());
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace kinerja::bench

namespace {

void Usage() {
  std::fprintf(stderr,
               "usage: kinerja_sync_bench ingest|load|login-burst|all [flags]\n"
               "  ingest [--changes N=100000] [--batches 500,100] [--server-only] [--keep]\n"
               "  load   [--devices N=200] [--rounds K=10] [--think-ms MS=0] [--keep-alive]\n"
               "         [--read-connections N=8] [--workers N=64] [--keep]\n"
               "  login-burst [--devices N=200] [--bound SECONDS=1.5] [--keep]\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    Usage();
    return argc < 2 ? 2 : 0;
  }
  if (!kinerja::server::InitCrypto().ok()) {
    std::fprintf(stderr, "libsodium failed to start\n");
    return 1;
  }
  std::string cmd = argv[1];
  if (cmd == "ingest") return kinerja::bench::RunIngest(argc - 2, argv + 2);
  if (cmd == "load") return kinerja::bench::RunLoad(argc - 2, argv + 2);
  if (cmd == "login-burst") return kinerja::bench::RunLoginBurst(argc - 2, argv + 2);
  if (cmd == "all") {
    // Ingest, then load twice: devices syncing back to back (saturation), and paced.
    char think[] = "--think-ms", paced[] = "1000";
    char* paced_args[] = {think, paced};
    int a = kinerja::bench::RunIngest(0, nullptr);
    int b = kinerja::bench::RunLoad(0, nullptr);
    int c = kinerja::bench::RunLoad(2, paced_args);
    return a != 0 ? a : b != 0 ? b : c;
  }
  Usage();
  return 2;
}
