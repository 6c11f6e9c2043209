/**
 * Texts of the `jaga-netral` command line: usage of every subcommand, its
 * errors and what the office subcommands print. Indonesian first; English
 * with LANGUAGE=en. Command and option names stay as typed.
 */
import type { IncidentKind, IncidentStatus } from '../types.js';

/** Usage of one subcommand: the synopsis lines and a one-line summary. */
export interface CliUsage {
  synopsis: string[];
  summary: string;
  /** Option and argument explanations, shown by `--help`. */
  details?: string[];
}

/** Names of the subcommands whose usage the texts carry. */
export type CliCommandName =
  | 'start' | 'demo' | 'import-asn' | 'classify' | 'replay' | 'report' | 'wa-login'
  | 'asn' | 'cases' | 'audit' | 'backup' | 'doctor' | 'dashboard-link' | 'actors' | 'receipt';

/** One doctor check's outcome line. */
export interface DoctorLine {
  ok: boolean | 'skip';
  label: string;
  detail: string;
  fix?: string;
}

/** All CLI texts of one language. */
/** Why a `replay` input line was skipped (src/replay.ts parseReplayLine). */
export type ReplayProblem = 'json' | 'object' | 'update' | 'event' | 'platform';

export interface CliTexts {
  intro: string;
  usageHead: string;
  commandsHead: string;
  helpHint: string;
  usage: Record<CliCommandName, CliUsage>;
  unknownCommand(name: string): string;
  unknownOption(opt: string, cmd: string): string;
  badOption(detail: string, cmd: string): string;
  wrongArgs(cmd: string): string;
  /** Required options that were not given, named. */
  missingOptions(cmd: string, opts: string[]): string;
  /** An option given without its value. */
  needsValue(opt: string, cmd: string): string;
  /** A case number that is not a number. */
  notACaseNumber(v: string): string;
  fileNotFound(path: string): string;
  linesSkipped(n: number): string;
  /** A `replay` input line that was skipped, and why. */
  replayLine(line: number, problem: ReplayProblem): string;
  noDatabase(path: string): string;
  phoneDigits: string;
  waLinked(jid: string): string;
  badDate(opt: string, v: string): string;
  badNumber(opt: string, v: string): string;
  badStatus(v: string): string;
  badPlatform(v: string): string;
  badKind(v: string): string;
  asn: {
    header: string[];
    page(shown: number, total: number, offset: number): string;
    none: string;
    added(nip: string, nama: string): string;
    updated(nip: string, nama: string): string;
    unchanged(nip: string): string;
    removed(nip: string, nama: string): string;
    invalid: string;
    exists(nip: string): string;
    notFound(nip: string): string;
    conflict(field: 'telepon' | 'telegram', owner: string): string;
    hasCases(nip: string, n: number): string;
    nothingToUpdate: string;
  };
  cases: {
    header: string[];
    page(shown: number, total: number, offset: number): string;
    /** The extra column a page gets when a case on it matched by Telegram username alone (`⚠️ @username`). */
    unverifiedHeader: string;
    /** The note under such a page: what the mark means, and where to read more. */
    unverifiedNote(n: number): string;
    none: string;
    findings: string;
    messages: string;
    noReason: string;
    notFound(id: string): string;
    status: Record<IncidentStatus, string>;
    kind: Record<IncidentKind, string>;
    /** What each outbox message about a case is, and its delivery state. */
    messageKind: Record<string, string>;
    messageStatus: Record<string, string>;
    /** Why a message was not delivered, in words (the platform's own text stays in the database). */
    deliveryError(raw: string): string;
  };
  audit: { header: string[]; none: string; page(shown: number, total: number): string };
  backup: { done(path: string, removed: number): string };
  report: { written(path: string): string };
  doctor: {
    title: string;
    config: string;
    database: string;
    paslon: string;
    registry: string;
    telegram: string;
    whatsapp: string;
    ok(n: number): string;
    problems(n: number): string;
    fix: string;
    skipped: string;
    configFix: string;
    dbMissing(path: string): string;
    dbMissingFix: string;
    dbSchema(v: number, known: number): string;
    dbSchemaFix: string;
    dbOk(v: number, path: string): string;
    dbBroken(detail: string): string;
    dbBrokenFix: string;
    paslonOk(election: string, n: number): string;
    paslonFix(file: string): string;
    registryOk(n: number, units: number): string;
    registryEmpty: string;
    registryFix: string;
    tgOff: string;
    tgOk(username: string): string;
    tgBad(detail: string): string;
    tgFix: string;
    waOff: string;
    waOk(jid: string): string;
    waMissing: string;
    waFix: string;
    admins: string;
    adminsOk(tg: number, wa: number): string;
    adminTgBad(admin: string, why: string): string;
    adminTgUnchecked: string;
    adminsFix(bot: string | undefined): string;
    dashboard: string;
    dashOk(url: string, trusted: string): string;
    dashProxy(url: string): string;
    dashProxyFix: string;
  };
}

/** A platform's refusal as stored on the outbox row, in words; what is not recognised keeps its code only. */
function deliveryError(raw: string, lang: 'id' | 'en'): string {
  const id = lang === 'id';
  if (/can't initiate conversation|chat not found|user not found/i.test(raw)) return id ? 'penerima belum pernah membuka bot' : 'the recipient never opened the bot';
  if (/blocked by the user/i.test(raw)) return id ? 'penerima memblokir bot' : 'the recipient blocked the bot';
  if (/kicked|not a member/i.test(raw)) return id ? 'bot tidak lagi di grup itu' : 'the bot is no longer in that group';
  if (/\b463\b/.test(raw)) return id ? 'WhatsApp membatasi nomor bot (463)' : 'WhatsApp restricted the number (463)';
  if (/^network:/i.test(raw)) return id ? 'jaringan tidak tersambung' : 'network unreachable';
  const code = /\b([45]\d\d)\b/.exec(raw)?.[1];
  if (code === '429') return id ? 'platform meminta menunggu (429)' : 'the platform asked to wait (429)';
  return code ? (id ? `ditolak platform (kode ${code})` : `refused by the platform (code ${code})`) : id ? 'galat pengiriman' : 'delivery error';
}

const STATUS_ID: Record<IncidentStatus, string> = { open: 'terbuka', left: 'sudah keluar', exempted: 'dikecualikan', expired: 'kedaluwarsa' };
const KIND_ID: Record<IncidentKind, string> = { added: 'dimasukkan', mentioned: 'ditandai', reacted: 'reaksi', posted: 'mengirim', present: 'anggota', reported: 'dilaporkan ASN' };

const ID: CliTexts = {
  intro: 'Jaga Netral: menjaga netralitas ASN di grup WhatsApp dan Telegram selama Pilkada.',
  usageHead: 'Pemakaian:',
  commandsHead: 'Perintah:',
  helpHint: 'Ketik `jaga-netral <perintah> --help` untuk rincian satu perintah; `jaga-netral --version` untuk versinya.',
  usage: {
    start: { synopsis: ['jaga-netral start'], summary: 'jalankan bot pada platform yang diatur di .env' },
    demo: { synopsis: ['jaga-netral demo'], summary: 'jalankan seluruh cerita pada simulator bawaan (tanpa akun)' },
    'import-asn': {
      synopsis: ['jaga-netral import-asn FILE.csv|FILE.xlsx [--dry-run]'],
      summary: 'impor/perbarui daftar ASN (semua atau tidak sama sekali)',
      details: [
        'Kolom: nip,nama,unit,telepon,telegram (telegram boleh kosong). Untuk .xlsx dibaca sheet pertama;',
        'nomor baris kesalahan sama dengan nomor baris di Excel.',
        '--dry-run   periksa dan hitung saja, tidak menyimpan apa pun',
      ],
    },
    classify: {
      synopsis: ['jaga-netral classify [--paslon FILE] [--vocabulary FILE]'],
      summary: 'klasifikasi pesan (satu per baris di stdin) -> satu objek JSON per baris',
    },
    replay: {
      synopsis: ['jaga-netral replay FILE.jsonl [--asn DAFTAR.csv|DAFTAR.xlsx]'],
      summary: 'putar ulang payload platform lewat adapter asli; cetak pesan keluar sebagai JSON',
      details: [
        'Satu baris JSON per payload: {"platform":"telegram","update":{...}} atau',
        '{"platform":"whatsapp","event":"messages.upsert","data":{...}}.',
        'Bekerja pada salinan basis data (tidak ada yang berubah dan tidak ada yang terkirim).',
        '--asn FILE  pakai daftar ASN dari berkas ini (ditambahkan ke salinan)',
      ],
    },
    report: {
      synopsis: ['jaga-netral report [--from TANGGAL] [--to TANGGAL] [--unit NAMA] [--format text|csv|xlsx|png] [--separator ;|,] [--out FILE [--force]]'],
      summary: 'laporan yang sama dengan /report (teks, CSV, XLSX, grafik PNG)',
      details: ['TANGGAL ditulis YYYY-MM-DD atau hari dulu seperti di /report: 27/11/2024, 27-11-2024, 27.11.2024.', 'Teks dan CSV ke stdout kecuali ada --out; XLSX dan PNG ditulis ke berkas (jalurnya dicetak).', 'CSV dipisah ";" (Excel berpengaturan Indonesia) bila LANGUAGE=id, "," bila en; --separator memilih yang lain.', '--out tidak menimpa berkas yang bukan laporan Jaga Netral sebelumnya, kecuali dengan --force.'],
    },
    'wa-login': { synopsis: ['jaga-netral wa-login [--phone DIGIT]'], summary: 'tautkan nomor WhatsApp (kode pairing, atau QR tanpa --phone)' },
    asn: {
      synopsis: [
        'jaga-netral asn list [--unit UNIT] [--search TEKS] [--unregistered] [--limit N] [--offset N]',
        'jaga-netral asn add --nip NIP --nama NAMA --unit UNIT --telepon NOMOR [--telegram @USER|ID]',
        'jaga-netral asn update NIP [--nama NAMA] [--unit UNIT] [--telepon NOMOR] [--telegram @USER|ID]',
        'jaga-netral asn remove NIP',
      ],
      summary: 'lihat, tambah, ubah, hapus ASN dalam daftar (setiap perubahan dicatat di audit)',
    },
    cases: {
      synopsis: [
        'jaga-netral cases list [--status open|closed|exempt|left|expired] [--unit UNIT] [--platform telegram|whatsapp]',
        '                       [--kind added|mentioned|reacted|posted|present] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N]',
        'jaga-netral cases show ID',
        'jaga-netral cases exempt ID ALASAN',
        'jaga-netral cases reopen ID',
        'jaga-netral cases dossier ID --out FILE.pdf [--with-phone] [--force]',
      ],
      summary: 'daftar kasus, rincian, kecualikan, buka kembali, berkas bukti PDF (dicatat di audit seperti perintah bot)',
      details: ['dossier: berkas bukti untuk Bawaslu (pelapor, terlapor, waktu dan tempat, uraian, bukti dengan SHA-256, dasar hukum). Telepon ASN hanya dicantumkan dengan --with-phone.'],
    },
    actors: {
      synopsis: ['jaga-netral actors list', 'jaga-netral actors dossier tg:ID|wa:ID --out FILE.pdf [--with-phone] [--force]'],
      summary: 'pelaku: siapa menambahkan atau menandai ASN (jumlah, ASN, grup, waktu), dan berkas bukti per pelaku',
    },
    audit: {
      synopsis: ['jaga-netral audit [--since YYYY-MM-DD] [--limit N]', 'jaga-netral audit verify [BERKAS.db]'],
      summary: 'catatan audit: siapa melakukan apa, kapan; verify memeriksa rantai hash events dan audit',
      details: ['verify: keluar 0 dengan jumlah baris bila setiap baris cocok, 1 dengan baris pertama yang tidak cocok. BERKAS.db: periksa salinan cadangan (hanya dibaca).'],
    },
    backup: { synopsis: ['jaga-netral backup'], summary: 'cadangkan basis data sekarang (sama dengan cadangan terjadwal)' },
    doctor: {
      synopsis: ['jaga-netral doctor'],
      summary: 'periksa konfigurasi, basis data, berkas paslon, daftar ASN, token Telegram, sesi WhatsApp',
    },
    'dashboard-link': {
      synopsis: ['jaga-netral dashboard-link [--admin tg:ID|wa:NOMOR]'],
      summary: 'cetak tautan masuk dasbor web sekali pakai (berlaku 10 menit)',
      details: ['--admin  admin Humas yang masuk (harus ada di HUMAS_ADMINS; default: yang pertama)', 'Perlu DASHBOARD_PORT. Tautan dicetak ke stdout.'],
    },
    receipt: {
      synopsis: ['jaga-netral receipt verify NOMOR KODE'],
      summary: 'periksa tanda terima laporan mandiri ASN (keluar 0 sah, 1 tidak sah)',
      details: ['NOMOR  mis. JN-2026-000001', 'KODE   12 huruf/angka, mis. ABCD-EFGH-JKMN (huruf kecil, O dan I/L dianggap 0 dan 1)', 'Menampilkan sah atau tidak, tanggal laporan dan statusnya; tidak menampilkan data pribadi.'],
    },
  },
  unknownCommand: (n) => `Perintah tidak dikenal: ${n}`,
  unknownOption: (o, c) => `Opsi tidak dikenal untuk ${c}: ${o}`,
  badOption: (d, c) => `Argumen ${c} tidak valid: ${d}`,
  wrongArgs: (c) => `Argumen ${c} tidak lengkap atau berlebih.`,
  missingOptions: (c, o) => `${c}: opsi wajib belum diisi: ${o.join(', ')}.`,
  needsValue: (o, c) => `${c}: opsi ${o} perlu nilai.`,
  notACaseNumber: (v) => `"${v}" bukan nomor kasus; tulis angkanya, mis. 12 atau #12.`,
  fileNotFound: (p) => `Berkas tidak ditemukan: ${p}`,
  linesSkipped: (n) => `${n} baris dilewati.`,
  replayLine: (n, p) =>
    `baris ${n}: ${{
      json: 'bukan JSON yang sah',
      object: 'bukan objek JSON',
      update: 'baris telegram tanpa objek "update"',
      event: 'baris whatsapp tanpa nama "event"',
      platform: 'platform harus "telegram" atau "whatsapp"',
    }[p]}`,
  noDatabase: (p) => `Basis data belum ada: ${p}. Impor daftar ASN dulu (jaga-netral import-asn FILE) atau periksa DATABASE_PATH.`,
  phoneDigits: 'Nomor untuk --phone harus berupa angka dengan kode negara, mis. 6281234567890.',
  waLinked: (jid) => `WhatsApp tertaut sebagai ${jid}. Setel WHATSAPP_ENABLED=true lalu jalankan: npx jaga-netral start`,
  badDate: (o, v) => `${o} harus tanggal YYYY-MM-DD, bukan "${v}".`,
  badNumber: (o, v) => `${o} harus bilangan bulat positif, bukan "${v}".`,
  badStatus: (v) => `Status "${v}" tidak dikenal. Pilih: open, closed, exempt, left, expired.`,
  badPlatform: (v) => `Platform "${v}" tidak dikenal. Pilih: telegram, whatsapp.`,
  badKind: (v) => `Jenis "${v}" tidak dikenal. Pilih: added, mentioned, reacted, posted, present.`,
  asn: {
    header: ['NIP', 'Nama', 'Unit kerja', 'Telepon', 'Telegram'],
    page: (s, t, o) => `${s} dari ${t} ASN${o ? ` (mulai dari ke-${o + 1})` : ''}.`,
    none: 'Tidak ada ASN yang cocok.',
    added: (nip, n) => `ASN ditambahkan: ${n} (NIP ${nip}).`,
    updated: (nip, n) => `ASN diperbarui: ${n} (NIP ${nip}).`,
    unchanged: (nip) => `Tidak ada perubahan untuk NIP ${nip}.`,
    removed: (nip, n) => `ASN dihapus dari daftar: ${n} (NIP ${nip}).`,
    invalid: 'Data ASN tidak valid, tidak ada yang disimpan:',
    exists: (nip) => `NIP ${nip} sudah terdaftar. Gunakan: jaga-netral asn update ${nip} ...`,
    notFound: (nip) => `NIP ${nip} tidak terdaftar.`,
    conflict: (f, o) => `${f === 'telepon' ? 'Nomor telepon' : 'Akun Telegram'} ini sudah dipakai NIP ${o}.`,
    hasCases: (nip, n) => `NIP ${nip} tidak dapat dihapus: ada ${n} kasus atas namanya (riwayat kasus dan laporan tetap disimpan).`,
    nothingToUpdate: 'Sebutkan paling sedikit satu dari --nama, --unit, --telepon, --telegram.',
  },
  cases: {
    header: ['No.', 'Status', 'Jenis', 'Platform', 'Dibuka', 'ASN', 'Unit kerja', 'Grup'],
    page: (s, t, o) => `${s} dari ${t} kasus${o ? ` (mulai dari ke-${o + 1})` : ''}.`,
    unverifiedHeader: 'Belum terverifikasi',
    unverifiedNote: (n) =>
      `⚠️ ${n} kasus belum terverifikasi: cocok hanya dari username Telegram, jadi akun di grup mungkin bukan milik ASN. Rincian: jaga-netral cases show <nomor>`,
    none: 'Tidak ada kasus yang cocok.',
    findings: 'Temuan:',
    messages: 'Pesan:',
    noReason: 'Sebutkan alasannya. Contoh: jaga-netral cases exempt 12 "suami calon, hadir sebagai keluarga"',
    notFound: (id) => `Kasus #${id} tidak ditemukan. Lihat: jaga-netral cases list`,
    status: STATUS_ID,
    kind: KIND_ID,
    messageKind: {
      asn_alert: 'peringatan ke ASN', asn_followup: 'pengingat ke ASN', humas_alert: 'pemberitahuan ke Humas', humas_escalation: 'eskalasi ke Humas',
      humas_mass_alert: 'ringkasan massal ke Humas', asn_alert_summary: 'ringkasan grup ke ASN', humas_asn_summary: 'ringkasan satu ASN ke Humas', humas_permissions: 'pemberitahuan izin bot ke Humas', undeliverable_notice: 'pemberitahuan tak terkirim ke Humas',
      outbox_unreadable: 'pemberitahuan pesan rusak ke Humas', group_reminder: 'pengingat di grup', thanks_left: 'terima kasih ke ASN', command_reply: 'balasan perintah',
      help_request: 'permintaan bantuan ke Humas', wa_beyond_cap: 'pemberitahuan batas harian WhatsApp', wa_restricted: 'pemberitahuan pembatasan WhatsApp',
      humas_left_by_word: 'pemberitahuan keluar menurut ASN ke Humas', selfreport_receipt: 'tanda terima laporan ke ASN', flood_notice: 'pemberitahuan banjir pesan ke Humas',
      humas_digest: 'ringkasan harian ke Humas', wa_status: 'pemberitahuan status WhatsApp ke Humas',
    },
    messageStatus: { pending: 'menunggu', sending: 'sedang dikirim', sent: 'terkirim', failed: 'gagal', undeliverable: 'tidak dapat dikirim' },
    deliveryError: (r) => deliveryError(r, 'id'),
  },
  audit: { header: ['Waktu', 'Pelaku', 'Tindakan', 'Argumen', 'Hasil'], none: 'Belum ada catatan audit.', page: (s, t) => `${s} dari ${t} catatan.` },
  backup: { done: (p, r) => `Cadangan dibuat: ${p}${r ? ` (${r} cadangan lama dihapus)` : ''}` },
  report: { written: (p) => p },
  doctor: {
    title: 'Pemeriksaan Jaga Netral',
    config: 'Konfigurasi',
    database: 'Basis data',
    paslon: 'Berkas paslon',
    registry: 'Daftar ASN',
    telegram: 'Telegram',
    whatsapp: 'WhatsApp',
    ok: (n) => `Semua ${n} pemeriksaan lulus.`,
    problems: (n) => `${n} masalah perlu diperbaiki.`,
    fix: 'perbaiki',
    skipped: 'dilewati',
    configFix: 'Perbaiki nilai di .env (lihat .env.example dan README, bagian Configuration).',
    dbMissing: (p) => `belum ada (${p})`,
    dbMissingFix: 'Impor daftar ASN (membuat basis data): npx jaga-netral import-asn FILE.csv|FILE.xlsx (contoh: data/asn.sample.csv), atau periksa DATABASE_PATH.',
    dbSchema: (v, k) => `skema versi ${v} lebih baru dari program ini (${k})`,
    dbSchemaFix: 'Perbarui Jaga Netral ke versi yang membuat basis data ini.',
    dbOk: (v, p) => `baik (skema ${v}, ${p})`,
    dbBroken: (d) => `tidak dapat dibaca: ${d}`,
    dbBrokenFix: 'Pulihkan dari cadangan terakhir (README, bagian Operations > Restore).',
    paslonOk: (e, n) => `${e}: ${n} paslon`,
    paslonFix: (f) => `Perbaiki ${f} (contoh: data/paslon.sumsel2024.json) atau setel PASLON_FILE.`,
    registryOk: (n, u) => `${n} ASN di ${u} unit kerja`,
    registryEmpty: 'kosong',
    registryFix: 'Impor daftar ASN: npx jaga-netral import-asn FILE.csv|FILE.xlsx',
    tgOff: 'tidak diatur (TELEGRAM_BOT_TOKEN kosong)',
    tgOk: (u) => `token berlaku, bot @${u}`,
    tgBad: (d) => `getMe gagal: ${d}`,
    tgFix: 'Periksa TELEGRAM_BOT_TOKEN (dari @BotFather) dan koneksi ke TELEGRAM_API_ROOT.',
    waOff: 'tidak diaktifkan (WHATSAPP_ENABLED=false)',
    waOk: (j) => `sesi tersimpan (${j})`,
    waMissing: 'belum ada sesi tersimpan',
    waFix: 'Tautkan nomor: npx jaga-netral wa-login --phone 62812...',
    admins: 'Admin Humas',
    adminsOk: (tg, wa) => `${tg} admin Telegram sudah membuka bot, ${wa} nomor WhatsApp tertulis benar`,
    adminTgBad: (a, why) => `${a}: ${why === 'blocked' ? 'memblokir bot' : why === 'not-started' ? 'belum pernah membuka bot (/start)' : `tidak dapat diperiksa (${why})`}`,
    adminTgUnchecked: 'admin Telegram tidak diperiksa (Telegram tidak diatur atau tidak terhubung)',
    adminsFix: (b) => `Setiap admin Telegram membuka ${b ? `@${b}` : 'bot'} dan menekan Start; bot tidak dapat mengirim pesan kepada orang yang belum pernah membukanya.`,
    dashboard: 'Dasbor',
    dashOk: (u, tr) => `${u} (X-Forwarded-For dipercaya dari: ${tr})`,
    dashProxy: (u) => `${u} di depan proxy, tetapi DASHBOARD_TRUST_PROXY=off: semua admin terhitung satu klien, satu banjir permintaan mengunci mereka dari /masuk`,
    dashProxyFix: 'Setel DASHBOARD_TRUST_PROXY ke alamat proxy (mis. 127.0.0.1,::1 bila nginx di server yang sama) dan pastikan proxy mengirim X-Forwarded-For.',
  },
};

const STATUS_EN: Record<IncidentStatus, string> = { open: 'open', left: 'left', exempted: 'exempted', expired: 'expired' };
const KIND_EN: Record<IncidentKind, string> = { added: 'added', mentioned: 'tagged', reacted: 'reacted', posted: 'posted', present: 'present', reported: 'reported' };

const EN: CliTexts = {
  intro: 'Jaga Netral: keeps civil servants (ASN) out of campaign groups on WhatsApp and Telegram during Pilkada.',
  usageHead: 'Usage:',
  commandsHead: 'Commands:',
  helpHint: 'Run `jaga-netral <command> --help` for one command in detail; `jaga-netral --version` for the version.',
  usage: {
    start: { synopsis: ['jaga-netral start'], summary: 'run the bot on every platform configured in .env' },
    demo: { synopsis: ['jaga-netral demo'], summary: 'the whole story on the built-in simulators (no accounts needed)' },
    'import-asn': {
      synopsis: ['jaga-netral import-asn FILE.csv|FILE.xlsx [--dry-run]'],
      summary: 'import/update the ASN registry (all or nothing)',
      details: [
        'Columns: nip,nama,unit,telepon,telegram (telegram may be empty). For .xlsx the first sheet is read;',
        'error line numbers are the row numbers Excel shows.',
        '--dry-run   check and count only, save nothing',
      ],
    },
    classify: {
      synopsis: ['jaga-netral classify [--paslon FILE] [--vocabulary FILE]'],
      summary: 'classify messages (one per stdin line) -> one JSON object per line',
    },
    replay: {
      synopsis: ['jaga-netral replay FILE.jsonl [--asn REGISTRY.csv|REGISTRY.xlsx]'],
      summary: 'feed recorded platform payloads through the real adapters; print outgoing messages as JSON',
      details: [
        'One JSON line per payload: {"platform":"telegram","update":{...}} or',
        '{"platform":"whatsapp","event":"messages.upsert","data":{...}}.',
        'Works on a copy of the database (nothing changes and nothing is sent).',
        '--asn FILE  use the ASN registry in this file (added to the copy)',
      ],
    },
    report: {
      synopsis: ['jaga-netral report [--from DATE] [--to DATE] [--unit NAME] [--format text|csv|xlsx|png] [--separator ;|,] [--out FILE [--force]]'],
      summary: 'the same report as /report (text, CSV, XLSX, PNG chart)',
      details: ['DATE is YYYY-MM-DD, or day first as /report reads it: 27/11/2024, 27-11-2024, 27.11.2024.', 'Text and CSV go to stdout unless --out; XLSX and PNG are written to a file (its path is printed).', 'The CSV is separated by ";" (Excel with Indonesian settings) with LANGUAGE=id, by "," with en; --separator picks the other.', '--out does not overwrite a file that is not an earlier Jaga Netral report, unless --force is given.'],
    },
    'wa-login': { synopsis: ['jaga-netral wa-login [--phone DIGITS]'], summary: 'link the WhatsApp number (pairing code, or QR without --phone)' },
    asn: {
      synopsis: [
        'jaga-netral asn list [--unit UNIT] [--search TEXT] [--unregistered] [--limit N] [--offset N]',
        'jaga-netral asn add --nip NIP --nama NAME --unit UNIT --telepon PHONE [--telegram @USER|ID]',
        'jaga-netral asn update NIP [--nama NAME] [--unit UNIT] [--telepon PHONE] [--telegram @USER|ID]',
        'jaga-netral asn remove NIP',
      ],
      summary: 'list, add, change, remove ASN in the registry (every change is audited)',
    },
    cases: {
      synopsis: [
        'jaga-netral cases list [--status open|closed|exempt|left|expired] [--unit UNIT] [--platform telegram|whatsapp]',
        '                       [--kind added|mentioned|reacted|posted|present] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N] [--offset N]',
        'jaga-netral cases show ID',
        'jaga-netral cases exempt ID REASON',
        'jaga-netral cases reopen ID',
        'jaga-netral cases dossier ID --out FILE.pdf [--with-phone] [--force]',
      ],
      summary: 'list cases, show one, exempt, reopen, evidence dossier PDF (audited like the bot commands)',
      details: ['dossier: the evidence file for Bawaslu (reporter, reported party, time and place, account, evidence with SHA-256, legal basis). The ASN\'s phone only with --with-phone.'],
    },
    actors: {
      synopsis: ['jaga-netral actors list', 'jaga-netral actors dossier tg:ID|wa:ID --out FILE.pdf [--with-phone] [--force]'],
      summary: 'actors: who added or tagged ASN (count, ASN, groups, times), and a dossier per actor',
    },
    audit: {
      synopsis: ['jaga-netral audit [--since YYYY-MM-DD] [--limit N]', 'jaga-netral audit verify [FILE.db]'],
      summary: 'the audit log: who did what, when; verify checks the events and audit hash chains',
      details: ['verify: exit 0 with the row counts when every row matches, 1 naming the first row that does not. FILE.db: check a backup copy (read only).'],
    },
    backup: { synopsis: ['jaga-netral backup'], summary: 'back up the database now (same as the scheduled backup)' },
    doctor: { synopsis: ['jaga-netral doctor'], summary: 'check configuration, database, paslon file, registry, Telegram token, WhatsApp session' },
    'dashboard-link': {
      synopsis: ['jaga-netral dashboard-link [--admin tg:ID|wa:DIGITS]'],
      summary: 'print a one-time web dashboard login link (valid 10 minutes)',
      details: ['--admin  the Humas admin who signs in (must be in HUMAS_ADMINS; default: the first)', 'Needs DASHBOARD_PORT. The link is printed on stdout.'],
    },
    receipt: {
      synopsis: ['jaga-netral receipt verify NUMBER CODE'],
      summary: 'check a civil servant self-report receipt (exit 0 valid, 1 not valid)',
      details: ['NUMBER  e.g. JN-2026-000001', 'CODE    12 letters/digits, e.g. ABCD-EFGH-JKMN (lower case, O and I/L read as 0 and 1)', 'Shows whether it is valid, the report date and its status; no personal data.'],
    },
  },
  unknownCommand: (n) => `Unknown command: ${n}`,
  unknownOption: (o, c) => `Unknown option for ${c}: ${o}`,
  badOption: (d, c) => `Invalid arguments for ${c}: ${d}`,
  wrongArgs: (c) => `Missing or extra arguments for ${c}.`,
  missingOptions: (c, o) => `${c}: missing required option${o.length > 1 ? 's' : ''}: ${o.join(', ')}.`,
  needsValue: (o, c) => `${c}: option ${o} needs a value.`,
  notACaseNumber: (v) => `"${v}" is not a case number; write the number, e.g. 12 or #12.`,
  fileNotFound: (p) => `File not found: ${p}`,
  linesSkipped: (n) => `${n} ${n === 1 ? 'line' : 'lines'} skipped.`,
  replayLine: (n, p) =>
    `line ${n}: ${{
      json: 'not valid JSON',
      object: 'not a JSON object',
      update: 'telegram line without an "update" object',
      event: 'whatsapp line without an "event" name',
      platform: 'platform must be "telegram" or "whatsapp"',
    }[p]}`,
  noDatabase: (p) => `No database yet: ${p}. Import the ASN registry first (jaga-netral import-asn FILE) or check DATABASE_PATH.`,
  phoneDigits: '--phone must be digits with the country code, e.g. 6281234567890.',
  waLinked: (jid) => `WhatsApp linked as ${jid}. Set WHATSAPP_ENABLED=true, then run: npx jaga-netral start`,
  badDate: (o, v) => `${o} must be a date YYYY-MM-DD, not "${v}".`,
  badNumber: (o, v) => `${o} must be a positive whole number, not "${v}".`,
  badStatus: (v) => `Unknown status "${v}". Use: open, closed, exempt, left, expired.`,
  badPlatform: (v) => `Unknown platform "${v}". Use: telegram, whatsapp.`,
  badKind: (v) => `Unknown kind "${v}". Use: added, mentioned, reacted, posted, present.`,
  asn: {
    header: ['NIP', 'Name', 'Unit', 'Phone', 'Telegram'],
    page: (s, t, o) => `${s} of ${t} ASN${o ? ` (from number ${o + 1})` : ''}.`,
    none: 'No ASN match.',
    added: (nip, n) => `ASN added: ${n} (NIP ${nip}).`,
    updated: (nip, n) => `ASN updated: ${n} (NIP ${nip}).`,
    unchanged: (nip) => `Nothing changed for NIP ${nip}.`,
    removed: (nip, n) => `ASN removed from the registry: ${n} (NIP ${nip}).`,
    invalid: 'Invalid ASN data, nothing was saved:',
    exists: (nip) => `NIP ${nip} is already registered. Use: jaga-netral asn update ${nip} ...`,
    notFound: (nip) => `NIP ${nip} is not registered.`,
    conflict: (f, o) => `This ${f === 'telepon' ? 'phone number' : 'Telegram account'} already belongs to NIP ${o}.`,
    hasCases: (nip, n) => `NIP ${nip} cannot be removed: ${n} case(s) refer to it (case history and reports are kept).`,
    nothingToUpdate: 'Give at least one of --nama, --unit, --telepon, --telegram.',
  },
  cases: {
    header: ['No.', 'Status', 'Kind', 'Platform', 'Opened', 'ASN', 'Unit', 'Group'],
    page: (s, t, o) => `${s} of ${t} cases${o ? ` (from number ${o + 1})` : ''}.`,
    unverifiedHeader: 'Unverified',
    unverifiedNote: (n) =>
      `⚠️ ${n} case${n === 1 ? '' : 's'} unverified: matched by Telegram username alone, so the account in the group may not be the ASN's. Details: jaga-netral cases show <number>`,
    none: 'No cases match.',
    findings: 'Findings:',
    messages: 'Messages:',
    noReason: 'Give a reason. Example: jaga-netral cases exempt 12 "husband of a candidate, attends as family"',
    notFound: (id) => `Case #${id} not found. See: jaga-netral cases list`,
    status: STATUS_EN,
    kind: KIND_EN,
    messageKind: {
      asn_alert: 'alert to the ASN', asn_followup: 'follow-up to the ASN', humas_alert: 'notice to Humas', humas_escalation: 'escalation to Humas',
      humas_mass_alert: 'mass summary to Humas', asn_alert_summary: 'summary of groups to the ASN', humas_asn_summary: 'summary of one ASN to Humas', humas_permissions: 'bot permission notice to Humas', undeliverable_notice: 'undeliverable notice to Humas',
      outbox_unreadable: 'unreadable message notice to Humas', group_reminder: 'group reminder', thanks_left: 'thank-you to the ASN', command_reply: 'command reply',
      help_request: 'help request to Humas', wa_beyond_cap: 'WhatsApp daily cap notice', wa_restricted: 'WhatsApp restriction notice',
      humas_left_by_word: "notice to Humas of a leave on the ASN's word", selfreport_receipt: 'self-report receipt to the ASN', flood_notice: 'message flood notice to Humas',
      humas_digest: 'daily digest to Humas', wa_status: 'WhatsApp status notice to Humas',
    },
    messageStatus: { pending: 'waiting', sending: 'sending', sent: 'sent', failed: 'failed', undeliverable: 'undeliverable' },
    deliveryError: (r) => deliveryError(r, 'en'),
  },
  audit: { header: ['Time', 'Actor', 'Action', 'Arguments', 'Result'], none: 'The audit log is empty.', page: (s, t) => `${s} of ${t} entries.` },
  backup: { done: (p, r) => `Backup written: ${p}${r ? ` (${r} old backup(s) deleted)` : ''}` },
  report: { written: (p) => p },
  doctor: {
    title: 'Jaga Netral check-up',
    config: 'Configuration',
    database: 'Database',
    paslon: 'Paslon file',
    registry: 'ASN registry',
    telegram: 'Telegram',
    whatsapp: 'WhatsApp',
    ok: (n) => `All ${n} checks passed.`,
    problems: (n) => `${n} problem(s) to fix.`,
    fix: 'fix',
    skipped: 'skipped',
    configFix: 'Correct the values in .env (see .env.example and the README, section Configuration).',
    dbMissing: (p) => `not created yet (${p})`,
    dbMissingFix: 'Import the registry (creates the database): npx jaga-netral import-asn FILE.csv|FILE.xlsx (example: data/asn.sample.csv), or check DATABASE_PATH.',
    dbSchema: (v, k) => `schema version ${v} is newer than this program (${k})`,
    dbSchemaFix: 'Upgrade Jaga Netral to the version that created this database.',
    dbOk: (v, p) => `fine (schema ${v}, ${p})`,
    dbBroken: (d) => `cannot be read: ${d}`,
    dbBrokenFix: 'Restore the latest backup (README, Operations > Restore).',
    paslonOk: (e, n) => `${e}: ${n} paslon`,
    paslonFix: (f) => `Fix ${f} (example: data/paslon.sumsel2024.json) or set PASLON_FILE.`,
    registryOk: (n, u) => `${n} ASN in ${u} units`,
    registryEmpty: 'empty',
    registryFix: 'Import the registry: npx jaga-netral import-asn FILE.csv|FILE.xlsx',
    tgOff: 'not configured (TELEGRAM_BOT_TOKEN is empty)',
    tgOk: (u) => `token valid, bot @${u}`,
    tgBad: (d) => `getMe failed: ${d}`,
    tgFix: 'Check TELEGRAM_BOT_TOKEN (from @BotFather) and the connection to TELEGRAM_API_ROOT.',
    waOff: 'not enabled (WHATSAPP_ENABLED=false)',
    waOk: (j) => `session stored (${j})`,
    waMissing: 'no stored session',
    waFix: 'Link the number: npx jaga-netral wa-login --phone 62812...',
    admins: 'Humas admins',
    adminsOk: (tg, wa) => `${tg} Telegram admin(s) have started the bot, ${wa} WhatsApp number(s) well formed`,
    adminTgBad: (a, why) => `${a}: ${why === 'blocked' ? 'blocked the bot' : why === 'not-started' ? 'never started the bot (/start)' : `could not be checked (${why})`}`,
    adminTgUnchecked: 'Telegram admins not checked (Telegram is not configured or not connected)',
    adminsFix: (b) => `Each Telegram admin opens ${b ? `@${b}` : 'the bot'} and presses Start; a bot cannot message someone who never opened it.`,
    dashboard: 'Dashboard',
    dashOk: (u, tr) => `${u} (X-Forwarded-For trusted from: ${tr})`,
    dashProxy: (u) => `${u} behind a proxy, but DASHBOARD_TRUST_PROXY=off: every admin counts as one client, and one flood locks them all out of /masuk`,
    dashProxyFix: 'Set DASHBOARD_TRUST_PROXY to the proxy addresses (e.g. 127.0.0.1,::1 when nginx runs on the same server) and make the proxy send X-Forwarded-For.',
  },
};

/** CLI texts per language, Indonesian first. */
export const CLI_TEXTS: { id: CliTexts; en: CliTexts } = { id: ID, en: EN };
/** The CLI texts for `lang`. */
export const cliTexts = (lang: 'id' | 'en'): CliTexts => CLI_TEXTS[lang];
