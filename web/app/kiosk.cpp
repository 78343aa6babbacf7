// The SKM kiosk: pure helpers (units in scope, WIB date, the response body) and the App
// actions that set up, run and leave kiosk mode. Responses go through LocalStore::Write and
// sync like every other record; the PIN is kept only as its Argon2id hash in the meta table
// (engine/kiosk/pin.h).
#include "web/app/kiosk.h"

#include <algorithm>
#include <cctype>

#include "engine/kiosk/pin.h"
#include "engine/org/date.h"
#include "shared/utf8.h"
#include "shared/wire/limits.h"
#include "web/app/app.h"
#include "web/app/i18n.h"
#include "web/platform/platform.h"

namespace kinerja::web {
namespace {

constexpr int kMaxPinFailures = 5;
constexpr double kPinLockSeconds = 30;
constexpr double kThanksSeconds = 5;

std::vector<std::string> Segments(const std::string& path) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (end > start) out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<KioskUnit> KioskUnitsFor(const wire::Session& session,
                                     const std::vector<wire::Record>& records) {
  std::vector<KioskUnit> units;
  auto own = Segments(session.unit_path);
  if (own.empty()) return units;
  units.push_back({own.back(), session.unit_path});
  for (const auto& r : records) {
    if (r.unit_path.size() <= session.unit_path.size() ||
        r.unit_path.compare(0, session.unit_path.size(), session.unit_path) != 0) {
      continue;
    }
    std::string path = session.unit_path;
    for (const auto& seg : Segments(r.unit_path.substr(session.unit_path.size()))) {
      path += seg + "/";
      bool known = std::any_of(units.begin(), units.end(),
                               [&](const KioskUnit& u) { return u.unit_path == path; });
      if (!known) units.push_back({seg, path});
    }
  }
  std::sort(units.begin() + 1, units.end(),
            [](const KioskUnit& a, const KioskUnit& b) { return a.unit_path < b.unit_path; });
  return units;
}

bool IsValidPin(const std::string& pin) {
  if (pin.size() < 4 || pin.size() > 6) return false;
  return std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string WibDate(int64_t unix_seconds) {
  constexpr int64_t kWibOffset = 7 * 3600;
  int64_t local = unix_seconds + kWibOffset;
  int64_t days = local / 86400 - (local % 86400 < 0 ? 1 : 0);
  return org::FormatDate(org::CivilFromDays(days));
}

Json SurveyBody(const KioskConfig& kiosk, const SurveyAnswers& answers, int64_t unix_seconds) {
  Json a = Json::object();
  for (int i = 0; i < kSkmQuestions; ++i) {
    a["U" + std::to_string(i + 1)] = answers[static_cast<size_t>(i)];
  }
  return Json{{"unit_id", kiosk.unit_id},
              {"service", kiosk.service},
              {"date", WibDate(unix_seconds)},
              {"answers", a}};
}

// --- App actions -------------------------------------------------------------------------------

void App::LoadKiosk() {
  kiosk_ = KioskConfig{};
  kiosk_.active = MetaGet("kiosk_active") == "1";
  kiosk_.unit_id = MetaGet("kiosk_unit");
  kiosk_.unit_path = MetaGet("kiosk_unit_path");
  kiosk_.service = MetaGet("kiosk_service");
  if (session_) {
    auto records = store_->List("unit");  // the units of the enumerator's subtree (synced)
    kiosk_units_ = KioskUnitsFor(*session_, records.ok() ? *records : std::vector<wire::Record>{});
  }
}

bool App::StartKiosk(size_t unit_index, const std::string& service, const std::string& pin,
                     const std::string& pin_again) {
  if (!store_ || !session_) return false;
  std::string trimmed = service;
  trimmed.erase(0, trimmed.find_first_not_of(" \t"));
  trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
  auto refuse = [this](const char* key) {
    SetMessage(T(key), true);
    return false;
  };
  if (unit_index >= kiosk_units_.size()) return refuse("kiosk_choose_unit");
  if (!CheckTextLength(trimmed, "service", 1, wire::kMaxServiceChars).ok()) {
    return refuse("kiosk_service_needed");
  }
  if (!IsValidPin(pin)) return refuse("kiosk_pin_invalid");
  if (pin != pin_again) return refuse("kiosk_pin_mismatch");
  auto pin_hash = kiosk::HashPin(pin);
  if (!pin_hash.ok()) return refuse("kiosk_pin_hash_failed");
  const KioskUnit& unit = kiosk_units_[unit_index];
  MetaSet("kiosk_pin", *pin_hash);
  MetaSet("kiosk_unit", unit.id);
  MetaSet("kiosk_unit_path", unit.unit_path);
  MetaSet("kiosk_service", trimmed);
  MetaSet("kiosk_active", "1");
  FlushStorage();
  LoadKiosk();
  survey_answers_ = {};
  thanks_until_ = 0;
  pin_failures_ = 0;
  screen_ = Screen::kKiosk;
  SetMessage("", false);
  return true;
}

void App::SetSurveyAnswer(int question, int answer) {
  if (question < 0 || question >= kSkmQuestions || answer < 1 || answer > 4) return;
  survey_answers_[static_cast<size_t>(question)] = answer;
}

bool App::SurveyComplete() const {
  return std::all_of(survey_answers_.begin(), survey_answers_.end(), [](int a) { return a >= 1; });
}

bool App::SubmitSurvey() {
  if (!store_ || !kiosk_.active || !SurveyComplete()) return false;
  int64_t now = NowUnixSeconds();
  LocalStore::Edit edit{"", "survey_response", "", kiosk_.unit_path,
                        SurveyBody(kiosk_, survey_answers_, now), {}};
  auto change = WriteEdit(edit, now);
  if (!change.ok()) return false;
  Refresh();
  ++kiosk_submitted_;
  survey_answers_ = {};
  thanks_until_ = NowSeconds() + kThanksSeconds;
  SetMessage("", false);
  return true;
}

bool App::showing_thanks() const { return thanks_until_ > NowSeconds(); }

void App::NextRespondent() {
  thanks_until_ = 0;
  survey_answers_ = {};
}

bool App::LeaveKiosk(const std::string& pin) {
  if (!store_ || !kiosk_.active) return false;
  double now = NowSeconds();
  if (pin_locked_until_ > now) {
    SetMessage(T("kiosk_pin_locked"), true);
    return false;
  }
  // A legacy SHA-256 stretch (stored before libsodium) matches too; it is deleted below with
  // the kiosk mode, and the next set-up stores Argon2id.
  if (!kiosk::PinMatches(pin, MetaGet("kiosk_pin"))) {
    if (++pin_failures_ >= kMaxPinFailures) {
      pin_failures_ = 0;
      pin_locked_until_ = now + kPinLockSeconds;
    }
    SetMessage(T("kiosk_pin_wrong"), true);
    return false;
  }
  pin_failures_ = 0;
  MetaDelete("kiosk_active");
  MetaDelete("kiosk_pin");
  FlushStorage();
  LoadKiosk();
  survey_answers_ = {};
  thanks_until_ = 0;
  screen_ = Screen::kKioskSetup;
  SetMessage(T("kiosk_left"), false);
  return true;
}

}  // namespace kinerja::web
