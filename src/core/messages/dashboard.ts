/**
 * Texts of the Humas web dashboard and of `/dasbor`: page titles, labels,
 * notices and the answers to form actions. Indonesian first; the pages never
 * inline a sentence. Kind and status names come from the report texts.
 */

/** Answers to a form action, shown once after the redirect (`?pesan=<key>`). */
export type DashboardNotice =
  | 'exempted' | 'reopened' | 'noReason' | 'notOpen' | 'alreadyOpen' | 'otherOpen' | 'noCase'
  | 'marked' | 'unmarked' | 'remindersOn' | 'remindersOff' | 'noGroup'
  | 'asnAdded' | 'asnUpdated' | 'asnRemoved' | 'asnUnchanged' | 'imported' | 'uploadGone' | 'csrf';

/** All dashboard texts of one language. */
export interface DashboardTexts {
  appName: string;
  nav: { overview: string; cases: string; groups: string; asn: string; audit: string; reports: string; logout: string };
  signedInAs(admin: string): string;
  timesIn(zone: string): string;
  /** `/dasbor` in chat. */
  cmd: { description: string; link(url: string, minutes: number): string; off: string };
  cli: { off: string; notAdmin(handle: string): string; noAdmins: string; printed(minutes: number): string };
  login: {
    title: string;
    needed: string;
    how: string;
    used: string;
    expired: string;
    unknown: string;
    notAdmin: string;
    again: string;
    loggedOut: string;
    /** The page a login link opens: it starts no session until the button is pressed. */
    confirm: string;
    button: string;
    /** Too many sign-in attempts from one address (HTTP 429). */
    tooMany: string;
  };
  forbidden: string;
  notFound: string;
  badRequest: string;
  failed: string;
  notices: Record<DashboardNotice, string>;
  pager(from: number, to: number, total: number): string;
  prev: string;
  next: string;
  none: string;
  filter: string;
  reset: string;
  all: string;
  yes: string;
  no: string;
  /** Date filters that are not about when a case was opened (audit, reports). */
  dateFrom: string;
  dateTo: string;
  overview: {
    title: string;
    period: string;
    periods: { d7: string; d30: string; d90: string; all: string };
    byStatus: string;
    openNow(n: number): string;
    noOpen: string;
    seeAll: string;
    medianLeave: string;
    medianNone: string;
    undeliverable: string;
    undeliverableHint: string;
    registered: string;
    health: string;
    state: string;
    states: Record<string, string>;
    problems: string;
    /** More permission problems than the health facts list. */
    moreProblems(n: number): string;
    platformNone: string;
    queue: string;
    queueLine(q: { waiting: number; sent: number; failed: number; undeliverable: number }): string;
    lastEvent: string;
    uptime: string;
  };
  cols: {
    caseNo: string; asn: string; nip: string; unit: string; platform: string; group: string; kind: string; opened: string; lastCheck: string;
    status: string; resolved: string; at: string; actor: string; excerpt: string; terms: string; message: string; recipient: string;
    delivery: string; sentAt: string; error: string; action: string; args: string; allowed: string; result: string; phone: string;
    telegram: string; campaign: string; why: string; markedBy: string; botMember: string; reminders: string; cases: string; line: string;
    change: string; name: string;
  };
  cases: {
    title: string;
    from: string;
    to: string;
    closed: string;
    caseTitle(id: number): string;
    facts: string;
    evidence: string;
    noEvidence: string;
    messages: string;
    noMessages: string;
    statusReason: string;
    statusBy: string;
    followups: string;
    escalated: string;
    /** Whether the Humas admins got the case's alert: its delivery, or that none was queued. */
    humasTold: string;
    humasToldNone: string;
    escalatedNot: string;
    addedBy: string;
    exemptTitle: string;
    exemptReason: string;
    exemptButton: string;
    reopenTitle: string;
    reopenButton: string;
    back: string;
    never: string;
    outboxStatus: Record<string, string>;
    /** Outbox message kinds in words (unknown kinds are shown as they are). */
    messageKinds: Record<string, string>;
  };
  groups: {
    title: string;
    intro: string;
    campaignYes: string;
    campaignNo: string;
    sources: Record<string, string>;
    mark: string;
    unmark: string;
    remindersOn: string;
    remindersOff: string;
    on: string;
    off: string;
    /** Reminders are on but quiet hours hold them until `until` (a time). */
    heldUntil(until: string): string;
    /** A group's case count with its open ones: "3 (1 terbuka)". */
    casesWithOpen(total: number, open: number): string;
    search: string;
  };
  asn: {
    title: string;
    search: string;
    searchHint: string;
    add: string;
    edit: string;
    editTitle(nip: string): string;
    remove: string;
    removeTitle(name: string): string;
    removeConfirm: string;
    save: string;
    cancel: string;
    fields: { nip: string; nama: string; unit: string; telepon: string; telegram: string };
    telegramHint: string;
    problems: string;
    exists(nip: string): string;
    notFound(nip: string): string;
    conflict(field: string, owner: string): string;
    hasCases(n: number): string;
    upload: string;
    uploadHint: string;
    uploadButton: string;
    preview: string;
    previewSummary(p: { rows: number; inserted: number; updated: number; unchanged: number }): string;
    badRows(n: number): string;
    nothingWritten: string;
    apply: string;
    applied(p: { inserted: number; updated: number }): string;
    changeNew: string;
    changeUpdate: string;
    moreRows(n: number): string;
    noFile: string;
    fileTooBig(mb: number): string;
    fileType: string;
  };
  audit: { title: string; actor: string; action: string; allowedOnly: string; refusedOnly: string };
  reports: {
    title: string;
    intro: string;
    unit: string;
    csv: string;
    /** The CSV with the other separator (`,` or `;`). */
    csvOther(sep: string): string;
    xlsx: string;
    png: string;
    show: string;
    downloadHint: string;
    period: string;
    cases: string;
    badUnit(unit: string): string;
    badDate: string;
  };
}

const ID: DashboardTexts = {
  appName: 'Jaga Netral',
  nav: { overview: 'Ringkasan', cases: 'Kasus', groups: 'Grup', asn: 'ASN', audit: 'Audit', reports: 'Laporan', logout: 'Keluar' },
  signedInAs: (a) => `Masuk sebagai ${a}`,
  timesIn: (z) => `Semua waktu dalam ${z}.`,
  cmd: {
    description: 'tautan masuk dasbor web (sekali pakai, 10 menit)',
    link: (url, m) => `Tautan masuk dasbor Jaga Netral (sekali pakai, berlaku ${m} menit):\n${url}\n\nJangan teruskan tautan ini kepada siapa pun.`,
    off: 'Dasbor web belum diaktifkan di server ini (DASHBOARD_PORT belum diisi).',
  },
  cli: {
    off: 'Dasbor tidak aktif: isi DASHBOARD_PORT di .env (lihat .env.example).',
    notAdmin: (h) => `${h} tidak ada di HUMAS_ADMINS.`,
    noAdmins: 'HUMAS_ADMINS kosong: isi dulu admin Humas di .env.',
    printed: (m) => `Tautan sekali pakai, berlaku ${m} menit.`,
  },
  login: {
    title: 'Masuk ke dasbor',
    needed: 'Silakan masuk untuk membuka dasbor.',
    how: 'Admin Humas: kirim /dasbor kepada bot Jaga Netral di Telegram atau WhatsApp, lalu buka tautan yang dikirim bot (sekali pakai, berlaku 10 menit). Di server: jaga-netral dashboard-link.',
    used: 'Tautan ini sudah pernah dipakai. Setiap tautan hanya berlaku sekali.',
    expired: 'Tautan ini sudah kedaluwarsa (berlaku 10 menit).',
    unknown: 'Tautan ini tidak dikenal.',
    notAdmin: 'Tautan ini dibuat untuk admin yang tidak lagi terdaftar di HUMAS_ADMINS.',
    again: 'Minta tautan baru dengan mengirim /dasbor kepada bot.',
    loggedOut: 'Anda telah keluar dari dasbor.',
    confirm: 'Tekan tombol di bawah untuk masuk ke dasbor Jaga Netral. Tautan ini hanya berlaku sekali.',
    button: 'Masuk ke dasbor',
    tooMany: 'Terlalu banyak percobaan masuk dari alamat ini. Tunggu satu menit, lalu coba lagi.',
  },
  forbidden: 'Permintaan ditolak: formulir sudah tidak berlaku. Muat ulang halaman lalu coba lagi.',
  notFound: 'Halaman tidak ditemukan.',
  badRequest: 'Permintaan tidak dapat diproses. Tidak ada data yang berubah.',
  failed: 'Maaf, terjadi kesalahan. Tidak ada data yang berubah. Silakan coba lagi.',
  notices: {
    exempted: 'Kasus dikecualikan.',
    reopened: 'Kasus dibuka kembali.',
    noReason: 'Alasan pengecualian wajib diisi. Tidak ada yang berubah.',
    notOpen: 'Kasus ini sudah tidak terbuka. Tidak ada yang berubah.',
    alreadyOpen: 'Kasus ini masih terbuka.',
    otherOpen: 'Ada kasus lain yang masih terbuka untuk ASN ini di grup yang sama. Tidak ada yang berubah.',
    noCase: 'Kasus tidak ditemukan.',
    marked: 'Grup ditandai sebagai grup kampanye.',
    unmarked: 'Tanda grup kampanye dilepas.',
    remindersOn: 'Pengingat untuk grup ini dinyalakan.',
    remindersOff: 'Pengingat untuk grup ini dimatikan.',
    noGroup: 'Grup tidak ditemukan.',
    asnAdded: 'ASN ditambahkan.',
    asnUpdated: 'Data ASN diperbarui.',
    asnRemoved: 'ASN dihapus dari daftar.',
    asnUnchanged: 'Tidak ada perubahan.',
    imported: 'Daftar ASN diimpor.',
    uploadGone: 'Pratinjau unggahan sudah tidak tersedia (kedaluwarsa atau sudah diterapkan). Unggah ulang berkasnya.',
    csrf: 'Formulir sudah tidak berlaku. Tidak ada yang berubah.',
  },
  pager: (a, b, n) => `${a}-${b} dari ${n}`,
  prev: '‹ Sebelumnya',
  next: 'Berikutnya ›',
  none: 'Tidak ada data.',
  filter: 'Saring',
  reset: 'Hapus saringan',
  all: 'Semua',
  yes: 'ya',
  no: 'tidak',
  dateFrom: 'Dari tanggal',
  dateTo: 'Sampai tanggal',
  overview: {
    title: 'Ringkasan',
    period: 'Periode',
    periods: { d7: '7 hari', d30: '30 hari', d90: '90 hari', all: 'Semua' },
    byStatus: 'Kasus menurut status',
    openNow: (n) => `Kasus terbuka saat ini (${n})`,
    noOpen: 'Tidak ada kasus terbuka.',
    seeAll: 'Lihat semua di halaman Kasus',
    medianLeave: 'Median waktu hingga ASN keluar',
    medianNone: 'belum ada',
    undeliverable: 'Peringatan ke ASN yang tidak terkirim',
    undeliverableHint: 'Humas perlu menghubungi ASN ini secara langsung.',
    registered: 'ASN terdaftar',
    health: 'Kesehatan platform',
    state: 'Keadaan',
    states: { ok: 'baik', warn: 'perlu perhatian', degraded: 'terganggu' },
    problems: 'Izin yang kurang',
    moreProblems: (n) => `dan ${n} lainnya (lihat /status)`,
    platformNone: 'belum ada platform terhubung',
    queue: 'Antrean pesan',
    queueLine: (q) => `${q.waiting} menunggu, ${q.sent} terkirim, ${q.failed} gagal, ${q.undeliverable} tidak terkirim`,
    lastEvent: 'Peristiwa terakhir',
    uptime: 'Berjalan sejak',
  },
  cols: {
    caseNo: 'No.', asn: 'Nama ASN', nip: 'NIP', unit: 'Unit kerja', platform: 'Platform', group: 'Grup', kind: 'Jenis', opened: 'Dibuka',
    lastCheck: 'Pemeriksaan terakhir', status: 'Status', resolved: 'Selesai', at: 'Waktu', actor: 'Pelaku', excerpt: 'Kutipan', terms: 'Kata kunci',
    message: 'Pesan', recipient: 'Penerima', delivery: 'Pengiriman', sentAt: 'Terkirim', error: 'Mengapa belum terkirim', action: 'Tindakan',
    args: 'Argumen', allowed: 'Diizinkan', result: 'Hasil', phone: 'Telepon', telegram: 'Telegram', campaign: 'Grup kampanye',
    why: 'Alasan', markedBy: 'Ditandai oleh', botMember: 'Bot di grup', reminders: 'Pengingat', cases: 'Kasus', line: 'Baris',
    change: 'Perubahan', name: 'Nama',
  },
  cases: {
    title: 'Kasus',
    from: 'Dibuka sejak',
    to: 'sampai',
    closed: 'selesai (semua kecuali terbuka)',
    caseTitle: (id) => `Kasus #${id}`,
    facts: 'Rincian',
    evidence: 'Bukti',
    noEvidence: 'Tidak ada bukti tercatat.',
    messages: 'Pesan tentang kasus ini',
    noMessages: 'Belum ada pesan.',
    statusReason: 'Alasan status',
    statusBy: 'Diubah oleh',
    followups: 'Pengingat ke ASN',
    escalated: 'Eskalasi (ASN belum keluar setelah pengingat)',
    humasTold: 'Pemberitahuan ke admin Humas',
    humasToldNone: 'tidak ada',
    escalatedNot: 'belum perlu',
    addedBy: 'Ditambahkan/ditandai oleh',
    exemptTitle: 'Kecualikan kasus',
    exemptReason: 'Alasan (wajib), mis. hadir sebagai keluarga calon',
    exemptButton: 'Kecualikan',
    reopenTitle: 'Buka kembali kasus',
    reopenButton: 'Buka kembali',
    back: '‹ Kembali ke daftar kasus',
    never: 'belum pernah',
    outboxStatus: { pending: 'menunggu', sending: 'sedang dikirim', sent: 'terkirim', failed: 'gagal', undeliverable: 'tidak dapat dikirim' },
    messageKinds: {
      asn_alert: 'Peringatan ke ASN', asn_followup: 'Pengingat ke ASN', humas_alert: 'Pemberitahuan ke admin Humas',
      humas_escalation: 'Eskalasi ke admin Humas', undeliverable_notice: 'Pemberitahuan pesan tak terkirim', group_reminder: 'Pengingat di grup',
      humas_mass_alert: 'Ringkasan massal ke admin Humas', asn_alert_summary: 'Ringkasan grup ke ASN', humas_asn_summary: 'Ringkasan satu ASN ke admin Humas', thanks_left: 'Terima kasih ke ASN', help_request: 'Permintaan bantuan ke admin Humas',
      command_reply: 'Balasan perintah', humas_left_by_word: 'Pemberitahuan keluar menurut ASN ke admin Humas', selfreport_receipt: 'Tanda terima laporan ke ASN',
    },
  },
  groups: {
    title: 'Grup',
    intro: 'Grup yang diikuti bot, status kampanyenya dan alasannya. Tanda dari admin mengalahkan penilaian otomatis.',
    campaignYes: 'grup kampanye',
    campaignNo: 'bukan',
    sources: { score: 'nama/deskripsi grup', content: 'isi pesan', admin: 'ditandai admin' },
    mark: 'Tandai kampanye',
    unmark: 'Lepas tanda',
    remindersOn: 'Nyalakan pengingat',
    remindersOff: 'Matikan pengingat',
    on: 'menyala',
    off: 'mati',
    heldUntil: (u) => `ditahan jam tenang sampai ${u}`,
    casesWithOpen: (n, o) => (o ? `${n} (${o} terbuka)` : String(n)),
    search: 'Cari nama grup',
  },
  asn: {
    title: 'ASN',
    search: 'Cari',
    searchHint: 'NIP, nama, unit, telepon atau Telegram',
    add: 'Tambah ASN',
    edit: 'Ubah',
    editTitle: (nip) => `Ubah ASN ${nip}`,
    remove: 'Hapus',
    removeTitle: (n) => `Hapus ${n}?`,
    removeConfirm: 'ASN ini akan dihapus dari daftar dan tidak lagi dipantau. ASN yang punya kasus tidak dapat dihapus.',
    save: 'Simpan',
    cancel: 'Batal',
    fields: { nip: 'NIP', nama: 'Nama', unit: 'Unit kerja', telepon: 'Telepon', telegram: 'Telegram' },
    telegramHint: '@username atau id angka; boleh kosong',
    problems: 'Data belum benar, tidak ada yang disimpan:',
    exists: (nip) => `NIP ${nip} sudah terdaftar.`,
    notFound: (nip) => `NIP ${nip} tidak terdaftar.`,
    conflict: (f, o) => `${f === 'telepon' ? 'Nomor telepon' : 'Akun Telegram'} ini sudah dipakai ASN lain (NIP ${o}).`,
    hasCases: (n) => `ASN ini punya ${n} kasus tercatat, jadi tidak dapat dihapus.`,
    upload: 'Unggah daftar ASN (CSV atau XLSX)',
    uploadHint: 'Kolom: nip, nama, unit, telepon, telegram. Pratinjau perubahan dan setiap baris yang salah ditampilkan dulu; tidak ada yang ditulis sebelum Anda menerapkannya, dan berkas dengan baris salah tidak diterapkan sama sekali.',
    uploadButton: 'Unggah dan pratinjau',
    preview: 'Pratinjau unggahan',
    previewSummary: (p) => `${p.rows} baris: ${p.inserted} ASN baru, ${p.updated} diperbarui, ${p.unchanged} tanpa perubahan.`,
    badRows: (n) => `${n} baris salah. Perbaiki berkasnya lalu unggah ulang.`,
    nothingWritten: 'Tidak ada data yang ditulis.',
    apply: 'Terapkan',
    applied: (p) => `Diimpor: ${p.inserted} baru, ${p.updated} diperbarui.`,
    changeNew: 'baru',
    changeUpdate: 'diperbarui',
    moreRows: (n) => `… dan ${n} baris lagi`,
    noFile: 'Pilih berkas CSV atau XLSX terlebih dahulu.',
    fileTooBig: (mb) => `Berkas terlalu besar (maksimum ${mb} MB).`,
    fileType: 'Berkas harus berupa CSV atau XLSX.',
  },
  audit: { title: 'Log audit', actor: 'Pelaku', action: 'Tindakan', allowedOnly: 'diizinkan', refusedOnly: 'ditolak' },
  reports: {
    title: 'Laporan',
    intro: 'Laporan yang sama dengan /report: satu baris per kasus (CSV, XLSX) dan grafik kasus per hari (PNG).',
    unit: 'Unit kerja',
    csv: 'Unduh CSV',
    csvOther: (sep) => `CSV dengan pemisah "${sep}"`,
    xlsx: 'Unduh XLSX',
    png: 'Unduh grafik PNG',
    show: 'Tampilkan',
    downloadHint: 'Tombol unduh memakai tanggal dan unit kerja yang sedang terisi di formulir. Tanpa tanggal: semua waktu.',
    period: 'Periode',
    cases: 'Jumlah kasus',
    badUnit: (u) => `Unit kerja "${u}" tidak dikenal.`,
    badDate: 'Tanggal harus berbentuk YYYY-MM-DD, dan tanggal awal tidak boleh setelah tanggal akhir.',
  },
};

const EN: DashboardTexts = {
  appName: 'Jaga Netral',
  nav: { overview: 'Overview', cases: 'Cases', groups: 'Groups', asn: 'ASN', audit: 'Audit', reports: 'Reports', logout: 'Log out' },
  signedInAs: (a) => `Signed in as ${a}`,
  timesIn: (z) => `All times in ${z}.`,
  cmd: {
    description: 'web dashboard login link (one-time, 10 minutes)',
    link: (url, m) => `Jaga Netral dashboard login link (one-time, valid ${m} minutes):\n${url}\n\nDo not forward this link to anyone.`,
    off: 'The web dashboard is not enabled on this server (DASHBOARD_PORT is not set).',
  },
  cli: {
    off: 'The dashboard is off: set DASHBOARD_PORT in .env (see .env.example).',
    notAdmin: (h) => `${h} is not in HUMAS_ADMINS.`,
    noAdmins: 'HUMAS_ADMINS is empty: list the Humas admins in .env first.',
    printed: (m) => `One-time link, valid ${m} minutes.`,
  },
  login: {
    title: 'Sign in to the dashboard',
    needed: 'Please sign in to open the dashboard.',
    how: 'Humas admins: send /dasbor to the Jaga Netral bot on Telegram or WhatsApp and open the link it sends (one-time, valid 10 minutes). On the server: jaga-netral dashboard-link.',
    used: 'This link has already been used. Each link works only once.',
    expired: 'This link has expired (links are valid for 10 minutes).',
    unknown: 'This link is not known.',
    notAdmin: 'This link was made for an admin who is no longer in HUMAS_ADMINS.',
    again: 'Ask for a new link by sending /dasbor to the bot.',
    loggedOut: 'You have logged out of the dashboard.',
    confirm: 'Press the button below to sign in to the Jaga Netral dashboard. This link works only once.',
    button: 'Sign in to the dashboard',
    tooMany: 'Too many sign-in attempts from this address. Wait a minute, then try again.',
  },
  forbidden: 'Request refused: the form is no longer valid. Reload the page and try again.',
  notFound: 'Page not found.',
  badRequest: 'The request could not be processed. Nothing was changed.',
  failed: 'Sorry, something went wrong. Nothing was changed. Please try again.',
  notices: {
    exempted: 'Case exempted.',
    reopened: 'Case reopened.',
    noReason: 'A reason is required to exempt a case. Nothing was changed.',
    notOpen: 'This case is no longer open. Nothing was changed.',
    alreadyOpen: 'This case is still open.',
    otherOpen: 'Another case for this ASN in the same group is open. Nothing was changed.',
    noCase: 'Case not found.',
    marked: 'Group marked as a campaign group.',
    unmarked: 'Campaign mark removed.',
    remindersOn: 'Reminders for this group turned on.',
    remindersOff: 'Reminders for this group turned off.',
    noGroup: 'Group not found.',
    asnAdded: 'ASN added.',
    asnUpdated: 'ASN updated.',
    asnRemoved: 'ASN removed from the registry.',
    asnUnchanged: 'Nothing changed.',
    imported: 'Registry imported.',
    uploadGone: 'The upload preview is no longer available (expired or already applied). Upload the file again.',
    csrf: 'The form is no longer valid. Nothing was changed.',
  },
  pager: (a, b, n) => `${a}-${b} of ${n}`,
  prev: '‹ Previous',
  next: 'Next ›',
  none: 'Nothing here.',
  filter: 'Filter',
  reset: 'Clear filters',
  all: 'All',
  yes: 'yes',
  no: 'no',
  dateFrom: 'From',
  dateTo: 'Until',
  overview: {
    title: 'Overview',
    period: 'Period',
    periods: { d7: '7 days', d30: '30 days', d90: '90 days', all: 'All' },
    byStatus: 'Cases by status',
    openNow: (n) => `Open cases now (${n})`,
    noOpen: 'No open cases.',
    seeAll: 'See all on the Cases page',
    medianLeave: 'Median time until the ASN left',
    medianNone: 'none yet',
    undeliverable: 'Undeliverable alerts to ASN',
    undeliverableHint: 'Humas needs to contact these ASN directly.',
    registered: 'Registered ASN',
    health: 'Platform health',
    state: 'State',
    states: { ok: 'good', warn: 'needs attention', degraded: 'degraded' },
    problems: 'Missing permissions',
    moreProblems: (n) => `and ${n} more (see /status)`,
    platformNone: 'no platform connected',
    queue: 'Message queue',
    queueLine: (q) => `${q.waiting} waiting, ${q.sent} sent, ${q.failed} failed, ${q.undeliverable} undeliverable`,
    lastEvent: 'Last event',
    uptime: 'Running since',
  },
  cols: {
    caseNo: 'No.', asn: 'ASN name', nip: 'NIP', unit: 'Unit', platform: 'Platform', group: 'Group', kind: 'Kind', opened: 'Opened',
    lastCheck: 'Last check', status: 'Status', resolved: 'Resolved', at: 'Time', actor: 'Actor', excerpt: 'Excerpt', terms: 'Terms',
    message: 'Message', recipient: 'Recipient', delivery: 'Delivery', sentAt: 'Sent', error: 'Why not sent yet', action: 'Action',
    args: 'Arguments', allowed: 'Allowed', result: 'Result', phone: 'Phone', telegram: 'Telegram', campaign: 'Campaign group',
    why: 'Why', markedBy: 'Marked by', botMember: 'Bot in group', reminders: 'Reminders', cases: 'Cases', line: 'Line',
    change: 'Change', name: 'Name',
  },
  cases: {
    title: 'Cases',
    from: 'Opened from',
    to: 'to',
    closed: 'closed (all but open)',
    caseTitle: (id) => `Case #${id}`,
    facts: 'Details',
    evidence: 'Evidence',
    noEvidence: 'No evidence recorded.',
    messages: 'Messages about this case',
    noMessages: 'No messages yet.',
    statusReason: 'Status reason',
    statusBy: 'Changed by',
    followups: 'Follow-ups to the ASN',
    escalated: 'Escalation (ASN still inside after follow-ups)',
    humasTold: 'Notice to Humas admins',
    humasToldNone: 'none',
    escalatedNot: 'not needed yet',
    addedBy: 'Added/tagged by',
    exemptTitle: 'Exempt this case',
    exemptReason: 'Reason (required), e.g. attends as family of a candidate',
    exemptButton: 'Exempt',
    reopenTitle: 'Reopen this case',
    reopenButton: 'Reopen',
    back: '‹ Back to cases',
    never: 'never',
    outboxStatus: { pending: 'waiting', sending: 'sending', sent: 'sent', failed: 'failed', undeliverable: 'undeliverable' },
    messageKinds: {
      asn_alert: 'Alert to the ASN', asn_followup: 'Follow-up to the ASN', humas_alert: 'Notice to Humas admins',
      humas_escalation: 'Escalation to Humas admins', undeliverable_notice: 'Undeliverable notice', group_reminder: 'Group reminder',
      humas_mass_alert: 'Mass summary to Humas admins', asn_alert_summary: 'Summary of groups to the ASN', humas_asn_summary: 'Summary of one ASN to Humas admins', thanks_left: 'Thank-you to the ASN', help_request: 'Help request to Humas admins',
      command_reply: 'Command reply', humas_left_by_word: "Notice to Humas admins of a leave on the ASN's word", selfreport_receipt: 'Self-report receipt to the ASN',
    },
  },
  groups: {
    title: 'Groups',
    intro: "Groups the bot is in, their campaign status and why. An admin's mark overrides the automatic judgement.",
    campaignYes: 'campaign group',
    campaignNo: 'no',
    sources: { score: 'group name/description', content: 'message content', admin: 'marked by admin' },
    mark: 'Mark as campaign',
    unmark: 'Remove mark',
    remindersOn: 'Turn reminders on',
    remindersOff: 'Turn reminders off',
    on: 'on',
    off: 'off',
    heldUntil: (u) => `held by quiet hours until ${u}`,
    casesWithOpen: (n, o) => (o ? `${n} (${o} open)` : String(n)),
    search: 'Search group titles',
  },
  asn: {
    title: 'ASN',
    search: 'Search',
    searchHint: 'NIP, name, unit, phone or Telegram',
    add: 'Add ASN',
    edit: 'Edit',
    editTitle: (nip) => `Edit ASN ${nip}`,
    remove: 'Remove',
    removeTitle: (n) => `Remove ${n}?`,
    removeConfirm: 'This ASN will be removed from the registry and no longer watched. An ASN with cases cannot be removed.',
    save: 'Save',
    cancel: 'Cancel',
    fields: { nip: 'NIP', nama: 'Name', unit: 'Unit', telepon: 'Phone', telegram: 'Telegram' },
    telegramHint: '@username or numeric id; may be empty',
    problems: 'Please correct these; nothing was saved:',
    exists: (nip) => `NIP ${nip} is already registered.`,
    notFound: (nip) => `NIP ${nip} is not registered.`,
    conflict: (f, o) => `This ${f === 'telepon' ? 'phone number' : 'Telegram account'} belongs to another ASN (NIP ${o}).`,
    hasCases: (n) => `This ASN has ${n} recorded cases and cannot be removed.`,
    upload: 'Upload the ASN registry (CSV or XLSX)',
    uploadHint: 'Columns: nip, nama, unit, telepon, telegram. A preview of the changes and every bad row is shown first; nothing is written until you apply it, and a file with bad rows is not applied at all.',
    uploadButton: 'Upload and preview',
    preview: 'Upload preview',
    previewSummary: (p) => `${p.rows} rows: ${p.inserted} new ASN, ${p.updated} updated, ${p.unchanged} unchanged.`,
    badRows: (n) => `${n} bad rows. Fix the file and upload it again.`,
    nothingWritten: 'Nothing was written.',
    apply: 'Apply',
    applied: (p) => `Imported: ${p.inserted} new, ${p.updated} updated.`,
    changeNew: 'new',
    changeUpdate: 'updated',
    moreRows: (n) => `… and ${n} more rows`,
    noFile: 'Choose a CSV or XLSX file first.',
    fileTooBig: (mb) => `The file is too large (at most ${mb} MB).`,
    fileType: 'The file must be a CSV or XLSX.',
  },
  audit: { title: 'Audit log', actor: 'Actor', action: 'Action', allowedOnly: 'allowed', refusedOnly: 'refused' },
  reports: {
    title: 'Reports',
    intro: 'The same report as /report: one row per case (CSV, XLSX) and the cases-per-day chart (PNG).',
    unit: 'Unit',
    csv: 'Download CSV',
    csvOther: (sep) => `CSV separated by "${sep}"`,
    xlsx: 'Download XLSX',
    png: 'Download PNG chart',
    show: 'Show',
    downloadHint: 'The download buttons use the dates and unit filled in the form right now. No dates: all time.',
    period: 'Period',
    cases: 'Cases',
    badUnit: (u) => `Unknown unit "${u}".`,
    badDate: 'Dates must be YYYY-MM-DD, and the start may not be after the end.',
  },
};

/** Dashboard texts for `lang`. */
export const dashboardTexts = (lang: 'id' | 'en'): DashboardTexts => (lang === 'en' ? EN : ID);
