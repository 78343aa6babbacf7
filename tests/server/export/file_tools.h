#pragma once
// For export tests: a scratch file, a command's output, and a member of a zip archive read
// with Python's zipfile (an XLSX is a zip of XML parts).

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace kinerja::server::testing {

// A file under the temporary folder holding `bytes`, removed on destruction.
class ScratchFile {
 public:
  ScratchFile(const std::string& name, const std::string& bytes)
      : path_(std::filesystem::temp_directory_path() /
              ("kinerja-test-" + std::to_string(::getpid()) + "-" + name)) {
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// The standard output of `command` (run by the shell); `status` gets its exit status.
inline std::string RunCapture(const std::string& command, int* status = nullptr) {
  std::string out;
  FILE* p = ::popen(command.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int rc = ::pclose(p);
  if (status != nullptr) *status = rc;
  return out;
}

// The text of `member` inside the zip archive at `path` ("" when absent or unreadable).
inline std::string ZipMember(const std::string& path, const std::string& member) {
  return RunCapture(
      "python3 -c 'import sys, zipfile; "
      "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' '" +
      path + "' '" + member + "' 2>/dev/null");
}

// The text of a PDF by poppler's pdftotext -layout; `pages` such as "-f 2 -l 2".
inline std::string PdfText(const std::string& pdf, const std::string& pages = "") {
  ScratchFile f("text.pdf", pdf);
  return RunCapture("pdftotext -layout " + pages + " '" + f.path() + "' - 2>/dev/null");
}

// A PDF's page count by poppler's pdfinfo ("?" when it cannot be read).
inline std::string PdfPages(const std::string& pdf) {
  ScratchFile f("info.pdf", pdf);
  const std::string info = RunCapture("pdfinfo '" + f.path() + "' 2>/dev/null");
  const size_t at = info.find("Pages:");
  if (at == std::string::npos) return "?";
  const size_t b = info.find_first_not_of(' ', at + 6);
  return b == std::string::npos ? "?" : info.substr(b, info.find('\n', b) - b);
}

}  // namespace kinerja::server::testing
