#include "web/app/i18n.h"

#include <cstdio>
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
    {"text_chars", "%d / %d karakter", "%d / %d characters"},
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
    {"no_match", "Tidak ada pegawai yang cocok.", "No staff match."},
    {"roster_summary", "%d orang: %d belum dinilai, %d draf, %d terkirim, %d ditandatangani",
     "%d people: %d not started, %d draft, %d submitted, %d signed off"},
    {"status_not_started", "belum dinilai", "not started"},
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
    {"sync_set_aside",
     "%d perubahan ditolak server (mis. penilaian sudah ditandatangani) dan disimpan terpisah di "
     "perangkat; hubungi HR.",
     "%d changes were refused by the server (e.g. the appraisal is signed off) and kept aside on "
     "this device; contact HR."},
    {"set_aside_count", "Ditolak: %d", "Refused: %d"},
    {"sync_rejected",
     "Server menolak kiriman: %s. Data tetap aman di perangkat; bila terulang, hubungi admin.",
     "The server refused the batch: %s. The data stays safe on this device; if it happens "
     "again, contact the admin."},
    {"sync_conflicts",
     "%d data berkonflik: diubah di dua perangkat. Buka Sinkronisasi untuk membandingkan dan "
     "memilih versi.",
     "%d records are in conflict: changed on two devices. Open Sync to compare them and choose "
     "a version."},
    {"conflicts_short", "Konflik: %d", "Conflicts: %d"},
    {"progress_sending", "Mengirim %d dari %d perubahan", "Sending %d of %d changes"},
    {"progress_receiving", "Menerima data... %d diterima", "Receiving... %d received"},
    // Sync screen
    {"sync_heading", "Sinkronisasi", "Sync"},
    {"sync_now", "Sinkronkan sekarang", "Sync now"},
    {"sync_offline_hint", "Luring: perubahan disimpan di perangkat dan dikirim saat ada koneksi.",
     "Offline: changes are kept on this device and sent when there is a connection."},
    {"pending_heading", "Belum terkirim", "Not yet sent"},
    {"all_sent", "Semua perubahan sudah terkirim.", "Every change has been sent."},
    {"export_unsynced", "Ekspor data belum terkirim", "Export unsynced data"},
    {"export_hint",
     "Jalan terakhir bila tablet tidak bisa sinkron: simpan berkas dan serahkan ke admin. Data "
     "tetap di perangkat.",
     "A last resort when this tablet cannot sync: save the file and hand it to the admin. The "
     "data stays on the device."},
    {"export_done", "%d perubahan diekspor ke berkas unduhan.",
     "%d changes exported to a downloaded file."},
    {"set_aside_heading", "Ditolak server (disimpan terpisah)",
     "Refused by the server (kept aside)"},
    {"set_aside_hint",
     "Perubahan ini tidak akan dikirim lagi; tetap tersimpan di perangkat dan di server untuk "
     "ditinjau HR.",
     "These changes will not be sent again; they stay on this device, and on the server for HR "
     "to review."},
    {"conflicts_heading", "Konflik", "Conflicts"},
    {"no_conflicts", "Tidak ada konflik.", "No conflicts."},
    {"conflicts_count", "%d data diubah di dua perangkat dari versi yang sama.",
     "%d records were changed on two devices from the same version."},
    {"conflicts_hint",
     "Bandingkan versi berdampingan (beda ditandai kuning) lalu pilih satu. Pilihan Anda "
     "dikirim sebagai perubahan baru.",
     "Compare the versions side by side (differences in yellow), then choose one. Your choice "
     "is sent as a new change."},
    {"conflicts_offline", "Sambungkan ke internet untuk melihat versi yang bertentangan.",
     "Connect to the internet to see the conflicting versions."},
    {"conflicts_reload", "Muat ulang konflik", "Reload conflicts"},
    {"conflict_field", "Isian", "Field"},
    {"conflict_stored", "Versi tersimpan (v%d)", "Stored version (v%d)"},
    {"conflict_kept", "Versi perangkat %s (%s)", "Version from device %s (%s)"},
    {"conflict_choose", "Pilih versi:", "Choose a version:"},
    {"conflict_use", "Pakai versi ini", "Use this version"},
    {"conflict_resolved", "Konflik diselesaikan; pilihan dikirim saat sinkron.",
     "Conflict settled; the choice is sent with the next sync."},
    {"conflict_sync_first", "Sinkronkan dulu agar perangkat memiliki versi terbaru.",
     "Sync first so that this device has the latest version."},
    {"kind_appraisal_note", "Catatan penilaian", "Appraisal notes"},
    {"kind_appraisal", "Penilaian SKP", "SKP appraisals"},
    {"kind_survey_response", "Jawaban survei (SKM)", "Survey answers (SKM)"},
    {"kind_self_assessment", "Penilaian diri", "Self-assessments"},
    {"kind_appraisal_response", "Tanggapan atas penilaian", "Responses to appraisals"},
    {"kind_competency_assessment", "Penilaian kompetensi", "Competency assessments"},
    {"kind_queue_ticket", "Catatan antrean", "Queue tickets"},
    {"session_expired", "Sesi berakhir. Masuk lagi untuk sinkron.",
     "Session expired. Log in again to sync."},
    {"storage", "%s, %.1f MB dipakai", "%s, %.1f MB used"},
    {"storage_persistent", "Penyimpanan tetap", "Persistent storage"},
    {"storage_best_effort", "Penyimpanan bisa dihapus browser",
     "Storage may be evicted by the browser"},
    {"storage_unknown", "Status penyimpanan belum diketahui", "Storage status unknown"},
    {"cancel", "Batal", "Cancel"},
    // Kiosk set-up (enumerator)
    {"kiosk_setup_heading", "Siapkan kiosk Survei Kepuasan Masyarakat",
     "Set up the public satisfaction survey kiosk"},
    {"kiosk_setup_help",
     "Pilih unit dan jenis layanan, lalu buat PIN 4-6 angka. PIN diperlukan untuk keluar dari "
     "mode kiosk. Sinkronkan jawaban dari sini saat daring.",
     "Choose the unit and the service, then set a 4-6 digit PIN. The PIN is needed to leave "
     "kiosk mode. Sync the answers from here when online."},
    {"kiosk_unit", "Unit layanan", "Service unit"},
    {"kiosk_no_unit", "Tidak ada unit dalam cakupan akun ini.",
     "This account has no unit in scope."},
    {"kiosk_service", "Jenis layanan", "Service"},
    {"kiosk_service_hint", "mis. Izin Usaha", "e.g. Business permit"},
    {"kiosk_pin", "PIN (4-6 angka)", "PIN (4-6 digits)"},
    {"kiosk_pin_again", "Ulangi PIN", "Repeat the PIN"},
    {"kiosk_start", "Mulai mode kiosk", "Start kiosk mode"},
    {"kiosk_pending_hint", "%d jawaban belum terkirim.", "%d answers not yet sent."},
    {"kiosk_choose_unit", "Pilih unit layanan.", "Choose a service unit."},
    {"kiosk_service_needed", "Isi jenis layanan (1-120 karakter).",
     "Enter the service (1-120 characters)."},
    {"kiosk_pin_invalid", "PIN harus 4-6 angka.", "The PIN must be 4-6 digits."},
    {"kiosk_pin_mismatch", "Kedua PIN tidak sama.", "The two PINs differ."},
    {"kiosk_pin_hash_failed", "PIN tidak dapat disimpan (memori perangkat kurang). Coba lagi.",
     "The PIN could not be stored (not enough device memory). Try again."},
    // Kiosk (citizens)
    {"kiosk_heading", "Survei Kepuasan Masyarakat", "Public Satisfaction Survey"},
    {"kiosk_intro",
     "Jawaban Anda anonim: kami tidak menanyakan nama, NIK, atau nomor telepon. Sentuh satu "
     "jawaban untuk setiap pertanyaan.",
     "Your answers are anonymous: we do not ask for your name, NIK or phone number. Tap one "
     "answer for each question."},
    {"skm_q1", "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
     "How well do the service requirements fit the kind of service?"},
    {"skm_q2", "Bagaimana kemudahan prosedur pelayanan di unit ini?",
     "How easy is the service procedure at this unit?"},
    {"skm_q3", "Bagaimana kecepatan waktu dalam memberikan pelayanan?",
     "How quick is the service?"},
    {"skm_q4", "Bagaimana kewajaran biaya/tarif dalam pelayanan?",
     "How fair is the cost or fee of the service?"},
    {"skm_q5",
     "Bagaimana kesesuaian produk pelayanan antara yang tercantum dalam standar "
     "pelayanan dengan hasil yang diberikan?",
     "How well does what you received match the service standard?"},
    {"skm_q6", "Bagaimana kompetensi/kemampuan petugas dalam pelayanan?",
     "How competent are the staff who served you?"},
    {"skm_q7", "Bagaimana perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
     "How polite and friendly are the staff?"},
    {"skm_q8", "Bagaimana penanganan pengaduan pengguna layanan?",
     "How are complaints from service users handled?"},
    {"skm_q9", "Bagaimana kualitas sarana dan prasarana?", "How good are the facilities?"},
    {"kiosk_answered", "%d dari %d pertanyaan terjawab", "%d of %d questions answered"},
    {"kiosk_submit", "Kirim jawaban", "Send answers"},
    {"kiosk_thanks", "Terima kasih atas penilaian Anda!", "Thank you for your feedback!"},
    {"kiosk_thanks_sub", "Jawaban Anda membantu kami memperbaiki pelayanan.",
     "Your answers help us improve our service."},
    {"kiosk_next", "Responden berikutnya", "Next respondent"},
    {"kiosk_exit", "Keluar kiosk", "Leave kiosk"},
    {"kiosk_enter_pin", "PIN petugas:", "Staff PIN:"},
    {"kiosk_pin_ok", "Keluar", "Leave"},
    {"kiosk_pin_wrong", "PIN salah.", "Wrong PIN."},
    {"kiosk_pin_locked", "Terlalu banyak PIN salah. Tunggu 30 detik.",
     "Too many wrong PINs. Wait 30 seconds."},
    {"kiosk_left", "Mode kiosk selesai.", "Kiosk mode ended."},
    // Appraisal (SKP)
    {"appraise_open", "Penilaian SKP", "SKP appraisal"},
    {"appraise_heading", "Penilaian SKP: %s, periode %s", "SKP appraisal: %s, period %s"},
    {"status_draft", "draf", "draft"},
    {"status_submitted", "terkirim ke pegawai", "submitted"},
    {"status_signed_off", "ditandatangani", "signed off"},
    {"predikat", "Predikat: %s", "Predikat: %s"},
    {"rating_perilaku", "Rating perilaku: %s", "Rating perilaku: %s"},
    {"appraisal_not_scored", "Belum dapat dinilai: %s", "Cannot be rated yet: %s"},
    {"appraisal_unrated", "Belum dapat dinilai: %d dari %d butir belum diberi rating.",
     "Cannot be rated yet: %d of %d items are not rated."},
    {"appraisal_incomplete", "Lengkapi penilaian dulu.", "Complete the appraisal first."},
    {"hasil_kerja", "Hasil kerja", "Work results"},
    {"iki", "Indikator kinerja individu (IKI)", "Individual performance indicator (IKI)"},
    {"target", "Target", "Target"},
    {"realisasi", "Realisasi", "Achieved"},
    {"add_indicator", "+ Tambah indikator", "+ Add indicator"},
    {"rating_hasil_kerja", "Rating hasil kerja", "Rating hasil kerja (work results)"},
    {"suggestion", "Saran dari capaian IKI: %s", "Suggested from IKI achievement: %s"},
    {"perilaku_heading", "Perilaku kerja (BerAKHLAK)", "Work behaviour (BerAKHLAK)"},
    {"comments", "Catatan penilai", "Appraiser's comments"},
    {"draft_new", "Belum disimpan", "Not saved yet"},
    {"draft_unsaved", "Menyimpan draf...", "Saving draft..."},
    {"draft_saved", "Draf tersimpan di perangkat", "Draft saved on this device"},
    {"submit", "Kirim", "Submit"},
    {"confirm_title", "Konfirmasi", "Confirm"},
    {"sign_off", "Tandatangani", "Sign off"},
    {"confirm_submit",
     "Kirim penilaian ini? Setelah dikirim, penilaian tidak dapat diubah lagi di sini.",
     "Submit this appraisal? Once submitted it can no longer be edited here."},
    {"confirm_sign_off",
     "Tandatangani penilaian ini? Setelah ditandatangani, penilaian terkunci dan final.",
     "Sign off this appraisal? Once signed off it is locked and final."},
    {"appraisal_submitted", "Penilaian terkirim. Sinkronkan untuk mengirim ke server.",
     "Appraisal submitted. Sync to send it to the server."},
    {"appraisal_signed_off", "Penilaian ditandatangani dan terkunci.",
     "Appraisal signed off and locked."},
    {"read_only_signed", "Sudah ditandatangani: hanya dapat dibaca.", "Signed off: read only."},
    // My appraisal (employee): self-assessment and response (web/screens/my_appraisal_screen.cpp)
    {"my_appraisal_heading", "Penilaian saya, periode %s", "My appraisal, period %s"},
    {"my_no_employee", "Akun ini tidak terhubung dengan data pegawai. Hubungi HR.",
     "This account is not linked to an employee record. Contact HR."},
    {"my_self_heading", "Penilaian diri", "Self-assessment"},
    {"self_status_submitted", "terkirim ke atasan", "submitted to your supervisor"},
    {"self_read_only", "Penilaian diri sudah dikirim: hanya dapat dibaca.",
     "Self-assessment submitted: read only."},
    {"self_submit", "Kirim penilaian diri", "Submit self-assessment"},
    {"confirm_self_submit",
     "Kirim penilaian diri ini ke atasan? Setelah dikirim, tidak dapat diubah lagi.",
     "Submit this self-assessment to your supervisor? Once submitted it can no longer change."},
    {"self_incomplete", "Lengkapi penilaian diri dulu.", "Complete your self-assessment first."},
    {"self_submitted", "Penilaian diri terkirim. Sinkronkan untuk mengirim ke server.",
     "Self-assessment submitted. Sync to send it to the server."},
    {"self_comments", "Catatan saya", "My comments"},
    {"by_me", "Menurut saya", "My rating"},
    {"by_supervisor", "Menurut atasan", "My supervisor's rating"},
    {"not_scored_yet", "belum lengkap", "not complete yet"},
    {"not_rated", "belum dinilai", "not rated"},
    {"supervisor_not_yet", "belum dikirim atasan", "not submitted yet"},
    {"cell_supervisor", "Atasan", "Supervisor"},
    {"cell_self", "Penilaian diri", "Self-assessment"},
    {"differences_count", "%d butir berbeda dengan penilaian atasan (ditandai !=).",
     "%d items differ from your supervisor's rating (marked !=)."},
    {"differences_count_beside", "%d butir berbeda (ditandai !=)", "%d items differ (marked !=)"},
    {"differences_none", "Tidak ada butir yang berbeda.", "No item differs."},
    {"supervisor_iki", "Indikator menurut atasan", "Indicators as your supervisor rated them"},
    {"response_heading", "Tanggapan atas penilaian atasan", "Your response to the rating"},
    {"response_accept", "Terima penilaian", "Accept the rating"},
    {"response_object", "Ajukan keberatan", "Object to the rating"},
    {"confirm_accept", "Terima penilaian atasan? Tanggapan bersifat final.",
     "Accept your supervisor's rating? A response is final."},
    {"objection_help",
     "Tuliskan butir yang tidak Anda setujui dan alasannya. Keberatan bersifat final dan "
     "dibaca oleh atasan dan HR.",
     "Write which items you disagree with and why. An objection is final and is read by your "
     "supervisor and HR."},
    {"objection_reason", "Alasan keberatan (wajib)", "Reason for the objection (required)"},
    {"send_objection", "Kirim keberatan", "Send objection"},
    {"response_reason_needed", "Tuliskan alasan keberatan.", "Write the reason for the objection."},
    {"response_accepted",
     "Tanggapan tersimpan: Anda menerima penilaian. Sinkronkan untuk mengirim.",
     "Response saved: you accepted the rating. Sync to send it."},
    {"response_objected", "Keberatan tersimpan. Sinkronkan untuk mengirim ke atasan dan HR.",
     "Objection saved. Sync to send it to your supervisor and HR."},
    {"response_is_accept", "Anda menerima penilaian ini.", "You accepted this rating."},
    {"response_is_object", "Anda mengajukan keberatan: %s", "You objected: %s"},
    {"response_final", "tanggapan final", "the response is final"},
    // The employee's side on the supervisor's appraise screen (web/screens/self_beside.cpp)
    {"beside_self_predikat", "Penilaian diri pegawai: predikat %s",
     "The employee's self-assessment: predikat %s"},
    {"self_iki", "Indikator menurut penilaian diri pegawai",
     "Indicators in the employee's self-assessment"},
    {"beside_self_none", "Pegawai belum mengirim penilaian diri.",
     "The employee has not submitted a self-assessment."},
    {"beside_response_accept", "Tanggapan pegawai: menerima penilaian.",
     "The employee's response: accepted the rating."},
    {"beside_response_object", "Keberatan pegawai: %s", "The employee objects: %s"},
    {"beside_response_object_short", "Pegawai mengajukan keberatan (lihat di bawah).",
     "The employee objects (see below)."},
    // Competency assessment (PermenPANRB 38/2017)
    {"competency_open", "Penilaian kompetensi", "Competency assessment"},
    {"competency_heading", "Penilaian kompetensi: %s, periode %s",
     "Competency assessment: %s, period %s"},
    {"competency_position", "Jabatan: %s", "Position: %s"},
    {"competency_no_position",
     "Jabatan pegawai ini belum memiliki standar kompetensi di perangkat. Sinkronkan, atau hubungi "
     "HR.",
     "This employee's position has no competency standard on this device. Sync, or contact HR."},
    {"competency_help",
     "Pilih level yang dinilai (1-5) untuk setiap kompetensi. Tanda * menandai level standar "
     "jabatan.",
     "Choose the assessed level (1-5) for each competency. * marks the level the position "
     "requires."},
    {"competency_type_manajerial", "manajerial", "managerial"},
    {"competency_type_sosial_kultural", "sosial kultural", "socio-cultural"},
    {"competency_type_teknis", "teknis", "technical"},
    {"competency_required", "Standar: level %d, belum dinilai", "Required: level %d, not assessed"},
    {"competency_gap", "Standar %d, dinilai %d, selisih %+d", "Required %d, assessed %d, gap %+d"},
    {"competency_jpm", "JPM %.2f%%: %s, %s", "JPM %.2f%%: %s, %s"},
    {"competency_below", "Kompetensi di bawah standar: %d", "Competencies below the standard: %d"},
    {"competency_missing", "%d kompetensi belum dinilai", "%d competencies not assessed yet"},
    {"competency_incomplete", "Nilai semua kompetensi dulu.", "Assess every competency first."},
    {"competency_confirm_submit",
     "Kirim penilaian kompetensi ini? Setelah dikirim, penilaian tidak dapat diubah lagi.",
     "Submit this competency assessment? Once submitted it can no longer be changed."},
    {"competency_submitted", "Penilaian kompetensi terkirim. Sinkronkan untuk mengirim ke server.",
     "Competency assessment submitted. Sync to send it to the server."},
    {"competency_read_only", "Sudah dikirim: hanya dapat dibaca.", "Submitted: read only."},
    {"competency_mine_open", "Kompetensi saya", "My competencies"},
    {"competency_none_for_me", "Atasan Anda belum mengirim penilaian kompetensi Anda.",
     "Your supervisor has not submitted a competency assessment of you yet."},
    {"competency_mine_help",
     "Penilaian atasan Anda atas kompetensi yang dipersyaratkan jabatan Anda, seperti yang "
     "tersimpan di server. Selisih negatif berarti di bawah standar: dasar kebutuhan pelatihan "
     "Anda.",
     "Your supervisor's assessment of the competencies your position requires, as the server "
     "stored it. A negative gap is below the standard: the basis of your training needs."},
    // Training needs (Kebutuhan pelatihan)
    {"training_open", "Kebutuhan pelatihan", "Training needs"},
    {"training_heading", "Kebutuhan pelatihan, periode %s", "Training needs, period %s"},
    {"training_from", "Dari %d penilaian kompetensi yang sudah dikirim.",
     "From %d submitted competency assessments."},
    {"training_skipped",
     "%d penilaian tidak dihitung: jabatannya berubah sejak dinilai. Hubungi HR.",
     "%d assessments not counted: their position changed since. Contact HR."},
    {"training_help",
     "Kompetensi yang di bawah standar jabatan, diurutkan menurut prioritas (bobot x total "
     "selisih), dengan nama pegawainya. Dihitung di tablet ini, juga tanpa sinyal.",
     "Competencies below the position's standard, by priority (importance x total gap), with "
     "the staff concerned. Computed on this tablet, also without a signal."},
    {"training_none", "Belum ada penilaian kompetensi yang dikirim untuk periode ini.",
     "No competency assessment has been submitted for this period yet."},
    {"training_unit", "%s (%d pegawai dinilai)", "%s (%d staff assessed)"},
    {"training_all_meet", "Semua kompetensi memenuhi standar.",
     "Every competency meets the standard."},
    {"training_need", "%d dari %d pegawai di bawah standar, total selisih %d, prioritas %.2f",
     "%d of %d staff below the standard, total gap %d, priority %.2f"},
    {"training_remeasure", "Pengukuran ulang (dibanding periode %s)",
     "Re-measure (against period %s)"},
    {"training_remeasure_row", "%s %s: %.2f -> %.2f (perubahan %+.2f, n=%d)",
     "%s %s: %.2f -> %.2f (change %+.2f, n=%d)"},
    // Queue log (Antrean)
    {"queue_open", "Antrean", "Queue"},
    {"queue_heading", "Antrean: %s", "Queue: %s"},
    {"queue_not_enabled", "Unit Anda tidak mencatat antrean.",
     "Your unit does not keep a queue log."},
    {"queue_take", "Ambil nomor antrean", "Take a ticket number"},
    {"queue_taken", "Nomor antrean diambil:", "Ticket number taken:"},
    {"queue_call", "Panggil", "Call"},
    {"queue_finish", "Selesai", "Finished"},
    {"queue_ticket_line", "No. %d  (%s)", "No. %d  (%s)"},
    {"queue_waiting", "menunggu", "waiting"},
    {"queue_called_at", "dipanggil %s", "called %s"},
    {"queue_done_at", "dipanggil %s, selesai %s", "called %s, finished %s"},
    {"queue_counts", "Hari ini: %d menunggu, %d dilayani, %d selesai",
     "Today: %d waiting, %d being served, %d finished"},
    {"queue_no_finished", "Belum ada antrean selesai hari ini.", "No ticket finished today yet."},
    {"queue_wait", "Waktu tunggu: median %.1f mnt, p90 %.1f mnt",
     "Waiting time: median %.1f min, p90 %.1f min"},
    {"queue_service", "Waktu layanan: median %.1f mnt, p90 %.1f mnt",
     "Service time: median %.1f min, p90 %.1f min"},
    {"queue_wait_within", "Tunggu <= %.0f mnt (standar): %.0f%%",
     "Waited <= %.0f min (standard): %.0f%%"},
    {"queue_total_within", "Selesai <= %.0f mnt (standar): %.0f%%",
     "Done within %.0f min (standard): %.0f%%"},
    // HR workspace (hr, admin)
    {"hr_heading", "Ruang kerja SDM", "HR workspace"},
    {"hr_period", "Periode", "Period"},
    {"hr_units", "Unit kerja", "Units"},
    {"hr_city", "Seluruh pemerintah kota", "The whole city government"},
    {"hr_no_units", "Belum ada data unit di perangkat ini. Sinkronkan dulu.",
     "No units on this device yet. Sync first."},
    {"hr_unit_period", "%s, periode %s", "%s, period %s"},
    {"hr_roster_open", "Daftar pegawai", "Staff list"},
    {"hr_status_heading", "Status penilaian %d pegawai", "Appraisal status of %d staff"},
    {"hr_no_staff", "Belum ada pegawai di unit ini", "No staff in this unit yet"},
    {"hr_status_local", "Dari data yang sudah tersinkron ke perangkat ini.",
     "From the data already synced to this device."},
    {"hr_reports_heading", "Laporan berikutnya", "Coming reports"},
    {"hr_needs_connection", "(perlu koneksi ke server)", "(needs a connection to the server)"},
    {"hr_report_progress", "Kemajuan penilaian per unit", "Appraisal progress per unit"},
    {"hr_report_distribution", "Kurva distribusi predikat (SE 03/2023)",
     "Predikat distribution curve (SE 03/2023)"},
    {"hr_report_objectivity", "Objektivitas penilai", "Rater objectivity"},
    {"hr_report_satisfaction", "Indeks Kepuasan Masyarakat (IKM)",
     "Public satisfaction index (IKM)"},
    {"hr_report_service_time", "Waktu tunggu dan layanan", "Waiting and service time"},
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

const char* CompetencyTypeText(const std::string& type) {
  if (type == "manajerial") return T("competency_type_manajerial");
  if (type == "sosial_kultural") return T("competency_type_sosial_kultural");
  return T("competency_type_teknis");
}

std::string Tf(const char* key, int a, int b) {
  char buf[512];
  std::snprintf(buf, sizeof buf, T(key), a, b);
  return buf;
}

}  // namespace kinerja::web
