#include "server/cli/engine_commands.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "engine/analytics/objectivity_json.h"
#include "engine/appraisal/appraise_json.h"
#include "engine/competency/competency_json.h"
#include "engine/survey/ikm_csv.h"

namespace kinerja::server {
namespace {

constexpr size_t kMaxInputBytes = 512 * 1024 * 1024;


Result<std::optional<int64_t>> PopulationFlag(const std::vector<std::string>& args, size_t from) {
  std::optional<int64_t> population;
  for (size_t i = from; i < args.size(); ++i) {
    if (args[i] != "--population") {
      return Status::InvalidArgument("unknown option " + args[i] + " (see kinerja --help)");
    }
    if (i + 1 >= args.size()) return Status::InvalidArgument("--population needs a number");
    const std::string& v = args[++i];
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < 1) {
      return Status::InvalidArgument("--population must be a whole number of at least 1, not '" + v + "'");
    }
    population = n;
  }
  return population;
}

using Report = Result<Json> (*)(const std::vector<std::string>& args, const std::string& text);

Result<Json> Ikm(const std::vector<std::string>& args, const std::string& text) {
  KINERJA_ASSIGN_OR_RETURN(auto population, PopulationFlag(args, 2));
  return IkmReportFromCsv(text, population);
}

Status NoOptions(const std::vector<std::string>& args) {
  if (args.size() > 2) return Status::InvalidArgument("unknown option " + args[2] + " (see kinerja --help)");
  return Status::Ok();
}

Result<Json> Appraise(const std::vector<std::string>& args, const std::string& text) {
  KINERJA_RETURN_IF_ERROR(NoOptions(args));
  return AppraiseReportFromJson(text);
}

Result<Json> Competency(const std::vector<std::string>& args, const std::string& text) {
  KINERJA_RETURN_IF_ERROR(NoOptions(args));
  return CompetencyReportFromJson(text);
}

Result<Json> Objectivity(const std::vector<std::string>& args, const std::string& text) {
  KINERJA_RETURN_IF_ERROR(NoOptions(args));
  return ObjectivityReportFromJson(text);
}

struct Command {
  const char* name;
  Report report;
};

constexpr Command kCommands[] = {
    {"ikm", Ikm},
    {"appraise", Appraise},
    {"competency", Competency},
    {"objectivity", Objectivity},
};

}  // namespace

bool IsEngineCommand(const std::string& name) {
  for (const auto& c : kCommands) {
    if (name == c.name) return true;
  }
  return false;
}

int RunEngineCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const Command* cmd = nullptr;
  for (const auto& c : kCommands) {
    if (args[0] == c.name) cmd = &c;
  }
  if (!cmd) return 2;
  if (args.size() < 2 || args[1].rfind("--", 0) == 0) {
    err << "kinerja: usage: kinerja " << args[0] << " FILE (see kinerja --help)\n";
    return 2;
  }
  auto text = ReadInputFile(args[1]);
  if (!text.ok()) {
    err << "kinerja: " << text.status().ToString() << "\n";
    return 1;
  }
  auto report = cmd->report(args, *text);
  if (!report.ok()) {
    err << "kinerja " << args[0] << ": " << args[1] << ": " << report.status().message() << "\n";
    return 1;
  }
  out << report->dump(2) << "\n";
  return 0;
}

Result<std::string> ReadInputFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  in.seekg(0, std::ios::end);
  auto size = static_cast<size_t>(in.tellg());
  if (size > kMaxInputBytes) return Status::TooLarge(path + " is over 512 MiB");
  in.seekg(0);
  std::string text(size, '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (!in) return Status::Io("cannot read " + path);
  return text;
}

}  // namespace kinerja::server
