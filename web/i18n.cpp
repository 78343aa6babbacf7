#include "web/i18n.h"

#include <cstring>

namespace kinerja::web {
namespace {

struct Entry {
  const char* key;
  const char* id;
  const char* en;
};

// Keep sorted by screen; a key is the English meaning in snake case.
constexpr Entry kCatalogue[] = {
    {"app_title", "Kinerja ASN", "Kinerja ASN"},
    {"loading", "Memuat data lokal...", "Loading local data..."},
    {"language", "English", "Bahasa Indonesia"},
    {"online", "Daring", "Online"},
    {"offline", "Luring", "Offline"},
    {"pending", "Belum terkirim: %d", "Not yet sent: %d"},
    {"sync", "Sinkronkan", "Sync"},
    {"syncing", "Menyinkronkan...", "Syncing..."},
    {"last_sync", "Sinkron terakhir: %s", "Last sync: %s"},
    {"never_synced", "Belum pernah sinkron", "Never synced"},
    {"logout", "Keluar", "Log out"},
    {"logout_pending", "Masih ada %d perubahan belum terkirim. Sinkronkan dulu.",
     "%d changes are not sent yet. Sync first."},
    {"logout_anyway", "Keluar dan buang perubahan", "Log out and discard changes"},
    // Login
    {"login_heading", "Masuk", "Log in"},
    {"username", "Nama pengguna", "Username"},
    {"password", "Kata sandi", "Password"},
    {"login", "Masuk", "Log in"},
    {"login_needs_network", "Masuk pertama kali memerlukan koneksi internet.",
     "The first login needs a network connection."},
    {"login_failed", "Gagal masuk: %s", "Login failed: %s"},
    {"offline_try_later", "Tidak ada koneksi. Coba lagi saat daring.",
     "No connection. Try again when online."},
    // Roster
    {"my_staff", "Pegawai saya", "My staff"},
    {"search", "Cari nama atau NIP", "Search name or NIP"},
    {"notes_count", "%d catatan", "%d notes"},
    {"no_staff", "Belum ada data pegawai. Sinkronkan saat daring.",
     "No staff yet. Sync while online."},
    // Note
    {"back", "< Kembali", "< Back"},
    {"appraisal_notes", "Catatan penilaian", "Appraisal notes"},
    {"new_note", "Catatan baru", "New note"},
    {"save_note", "Simpan catatan", "Save note"},
    {"note_saved", "Catatan tersimpan di perangkat.", "Note saved on this device."},
    {"note_empty", "Catatan tidak boleh kosong.", "A note cannot be empty."},
    {"not_sent", "belum terkirim", "not sent"},
    {"sent", "terkirim", "sent"},
    {"conflict", "konflik: diubah di perangkat lain", "conflict: changed on another device"},
    // Sync results
    {"sync_ok", "Sinkron berhasil: %d terkirim, %d diterima.", "Sync done: %d sent, %d received."},
    {"sync_offline", "Tidak ada koneksi. Data aman di perangkat; coba lagi nanti.",
     "No connection. Data is safe on this device; try again later."},
    {"sync_rejected", "Server menolak: %s", "The server refused: %s"},
    {"session_expired", "Sesi berakhir. Masuk lagi untuk sinkron.",
     "Session expired. Log in again to sync."},
    {"storage", "Penyimpanan: %s", "Storage: %s"},
};

Lang g_lang = Lang::kId;

const Entry* Find(const char* key) {
  for (const auto& e : kCatalogue) {
    if (std::strcmp(e.key, key) == 0) return &e;
  }
  return nullptr;
}

}  // namespace

void SetLang(Lang lang) { g_lang = lang; }
Lang CurrentLang() { return g_lang; }

const char* T(const char* key) {
  const Entry* e = Find(key);
  if (!e) return key;
  return g_lang == Lang::kId ? e->id : e->en;
}

bool HasText(const char* key) {
  const Entry* e = Find(key);
  return e && e->id[0] && e->en[0];
}

}  // namespace kinerja::web
