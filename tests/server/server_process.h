#pragma once
// A real `kinerja serve` child process for tests that kill and restart it (crash_test,
// fault_trace_test): started on a free port with the demo city, its output in a log file.
// KINERJA_BINARY is the path of the built binary (set by tests/CMakeLists.txt).

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace kinerja::server::testing {

// One `kinerja serve` child process with its output in a log file.
class ServerProcess {
 public:
  ServerProcess(std::string db, std::string public_dir, std::string log)
      : db_(std::move(db)), public_dir_(std::move(public_dir)), log_(std::move(log)) {}
  ~ServerProcess() { Kill(SIGKILL); }

  // Starts the server on a free port and waits until it listens; false on failure.
  bool Start() {
    std::filesystem::remove(log_);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    std::vector<std::string> args = {KINERJA_BINARY, "serve", "--port", "0", "--db", db_,
                                     "--public", public_dir_, "--demo"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = posix_spawn(&pid_, KINERJA_BINARY, &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return false;
    const std::string marker = "serving http://127.0.0.1:";
    for (int i = 0; i < 400; ++i) {  // up to 20 s
      std::ifstream in(log_);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      auto at = text.find(marker);
      if (at != std::string::npos && text.find('/', at + marker.size()) != std::string::npos) {
        port_ = std::atoi(text.c_str() + at + marker.size());
        return port_ > 0;
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        std::cerr << "kinerja serve exited early:\n" << text;
        pid_ = -1;
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  // Sends `sig` and reaps the process.
  void Kill(int sig) {
    if (pid_ <= 0) return;
    kill(pid_, sig);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  pid_t pid() const { return pid_; }
  int port() const { return port_; }

 private:
  std::string db_, public_dir_, log_;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace kinerja::server::testing
