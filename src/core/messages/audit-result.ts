/**
 * Audit results in the reader's language. Every writer (office actions, chat
 * commands, registration, the dashboard, the login-refusal summaries) stores
 * a code, optionally followed by a space and JSON facts (`imported {"total":8,...}`,
 * `conflict {"field":"telepon","owner":"..."}`, `refused_phone {"problem":{"code":"landline",...}}`);
 * rows written before the codes hold short English phrases, recognised here
 * too, so the audit's "Hasil" column reads in Indonesian (or English) whatever
 * wrote the row.
 */
import { fieldProblemText, parseTexts, type FieldProblem, type PhoneProblem } from './parse.js';

type Lang = 'id' | 'en';
type Facts = Record<string, unknown>;

/** Builds the stored form of a result: its code and, when there are any, its facts as JSON. */
export const auditResult = (code: string, facts?: Facts): string => (facts ? `${code} ${JSON.stringify(facts)}` : code);

/** Why a dashboard login was refused, as counted in a 10-minute summary (`login_refused`). */
const LOGIN_REASONS: Record<string, [string, string]> = {
  unknown: ['tautan tidak dikenal', 'unknown link'],
  used: ['tautan sudah dipakai', 'used link'],
  expired: ['tautan kedaluwarsa', 'expired link'],
  rate: ['melebihi batas percobaan', 'over the rate limit'],
};

/** `ditolak 412 kali dalam 10 menit: tautan tidak dikenal 410, ...`: a counted summary of one client's refused requests. */
const refusedInWindow = (f: Facts, id: boolean): string => {
  const n = Number(f['count'] ?? 0);
  const by = Object.entries((f['reasons'] ?? {}) as Record<string, number>)
    .map(([r, k]) => `${LOGIN_REASONS[r]?.[id ? 0 : 1] ?? r} ${k}`)
    .join(', ');
  return id ? `ditolak ${n} kali dalam 10 menit: ${by}` : `refused ${n} ${n === 1 ? 'time' : 'times'} in 10 minutes: ${by}`;
};

/** `ditolak: …` / `refused: …`. */
const refused = (id: boolean, inId: string, inEn: string): string => (id ? `ditolak: ${inId}` : `refused: ${inEn}`);

const CODES: Record<string, (f: Facts, id: boolean) => string> = {
  ok: (f, id) => {
    const ok = id ? 'berhasil' : 'ok';
    if (f['path']) return `${ok}: ${String(f['path'])}`;
    if (f['sha256']) return `${ok}: SHA-256 ${String(f['sha256'])}`;
    return ok;
  },
  unchanged: (_f, id) => (id ? 'tidak berubah' : 'unchanged'),
  not_found: (_f, id) => (id ? 'tidak ditemukan' : 'not found'),
  exists: (_f, id) => (id ? 'sudah terdaftar' : 'already registered'),
  has_cases: (_f, id) => (id ? 'masih ada kasus atas namanya' : 'still has cases'),
  not_open: (_f, id) => (id ? 'kasus tidak sedang terbuka' : 'case not open'),
  already_open: (_f, id) => (id ? 'kasus sudah terbuka' : 'case already open'),
  other_open: (f, id) => {
    const other = f['other'] !== undefined ? ` (#${String(f['other'])})` : '';
    return `${id ? 'ada kasus lain yang terbuka untuk ASN dan grup itu' : 'another case is open for that ASN and group'}${other}`;
  },
  no_case: (_f, id) => (id ? 'kasus tidak ada' : 'no such case'),
  no_reason: (_f, id) => (id ? 'alasan belum diisi' : 'no reason given'),
  no_group: (_f, id) => (id ? 'grup tidak ada' : 'no such group'),
  registered: (_f, id) => (id ? 'terdaftar' : 'registered'),
  imported: (f, id) =>
    id
      ? `berhasil: ${f['total']} baris, ${f['inserted']} baru, ${f['updated']} diubah, ${f['unchanged']} tetap`
      : `ok: ${f['total']} rows, ${f['inserted']} new, ${f['updated']} updated, ${f['unchanged']} unchanged`,
  refused: (f, id) => (id ? `ditolak: ${f['problems']} masalah` : `refused: ${f['problems']} problem(s)`),
  // Problems are field codes (parse.ts FieldProblem); rows written before them hold the sentences, shown as stored.
  invalid: (f, id) => {
    const words = parseTexts(id ? 'id' : 'en');
    const problems = Array.isArray(f['problems']) ? (f['problems'] as (string | FieldProblem)[]) : [];
    return `${id ? 'tidak sah' : 'invalid'}${problems.length ? `: ${problems.map((p) => (typeof p === 'string' ? p : fieldProblemText(p, words))).join('; ')}` : ''}`;
  },
  conflict: (f, id) => (id ? `bentrok: ${f['field']} sudah dipakai ${f['owner']}` : `conflict: ${f['field']} held by ${f['owner']}`),
  // Chat commands (app/commands/index.ts).
  unknown_command: (_f, id) => (id ? 'perintah tidak dikenal' : 'unknown command'),
  refused_group_chat: (_f, id) => refused(id, 'dikirim di grup', 'group chat'),
  refused_not_admin: (_f, id) => refused(id, 'bukan admin Humas', 'not an admin'),
  error: (f, id) => `${id ? 'galat' : 'error'}: ${String(f['message'] ?? '')}`,
  // Registration (Telegram contact, WhatsApp DAFTAR).
  refused_not_own_contact: (_f, id) => refused(id, 'bukan kontak milik pengirim', 'not the sender’s own contact'),
  refused_phone: (f, id) => {
    const p = f['problem'] as PhoneProblem | undefined;
    return refused(id, p ? parseTexts('id').phone(p) : 'nomor tidak sah', p ? parseTexts('en').phone(p) : 'invalid number');
  },
  refused_not_in_registry: (_f, id) => refused(id, 'nomor tidak ada di daftar ASN', 'number not in the registry'),
  refused_number_differs: (_f, id) => refused(id, 'nomor berbeda dengan daftar ASN', 'number differs'),
  refused_unknown_nip: (_f, id) => refused(id, 'NIP tidak dikenal', 'unknown NIP'),
  linked: (f, id) => (id ? `ditautkan ke NIP ${String(f['nip'])}` : `linked to NIP ${String(f['nip'])}`),
  // The dashboard's logins (app/dashboard/access.ts, store/login-refusals.ts).
  refused_no_longer_admin: (_f, id) => refused(id, 'bukan lagi admin Humas', 'no longer a Humas admin'),
  login_refused: (f, id) => refusedInWindow(f, id),
  // The public receipt check over its rate limit (web/server.ts, VERIFY_RATE_PER_MINUTE), counted the same way.
  verify_refused: (f, id) => refusedInWindow(f, id),
  // Private-message flood (app/flood.ts).
  flood_recorded: (_f, id) => (id ? 'pesan pribadi melebihi batas: dicatat, tidak dijawab' : 'private messages beyond the limits: recorded, not answered'),
  // A message that did not arrive, with no other Humas admin who can be told (App.noteHumasUnreached).
  humas_unreached: (f, id) =>
    id
      ? `pesan bot (${String(f['kind'])}) ke ${String(f['to'])} tidak terkirim (${String(f['reason'])}) dan tidak ada admin Humas lain yang dapat diberi tahu`
      : `the bot's message (${String(f['kind'])}) to ${String(f['to'])} did not arrive (${String(f['reason'])}) and no other Humas admin can be told`,
};

/** Phrases stored before every writer stored codes (kept for those old rows): [pattern, Indonesian, English]. */
const PHRASES: [RegExp, (m: RegExpExecArray) => string, (m: RegExpExecArray) => string][] = [
  [/^unknown command$/, () => 'perintah tidak dikenal', (m) => m[0]],
  [/^refused: group chat$/, () => 'ditolak: dikirim di grup', (m) => m[0]],
  [/^refused: not an admin$/, () => 'ditolak: bukan admin Humas', (m) => m[0]],
  [/^refused: no longer a Humas admin$/, () => 'ditolak: bukan lagi admin Humas', (m) => m[0]],
  [/^refused: not the sender.s own contact$/, () => 'ditolak: bukan kontak milik pengirim', (m) => m[0]],
  [/^refused: number not in the registry$/, () => 'ditolak: nomor tidak ada di daftar ASN', (m) => m[0]],
  [/^refused: number differs$/, () => 'ditolak: nomor berbeda dengan daftar ASN', (m) => m[0]],
  [/^refused: unknown NIP$/, () => 'ditolak: NIP tidak dikenal', (m) => m[0]],
  [/^refused: (\w+) link$/, (m) => `ditolak: tautan ${({ used: 'sudah dipakai', expired: 'kedaluwarsa', unknown: 'tidak dikenal' } as Record<string, string>)[m[1]!] ?? m[1]}`, (m) => m[0]],
  [/^refused (\d+) times? in 10 minutes: (.*)$/, (m) => `ditolak ${m[1]} kali dalam 10 menit: ${m[2]!.replace(/(unknown link|used link|expired link|over the rate limit)/g, (r) => LOGIN_REASONS[r === 'over the rate limit' ? 'rate' : r.split(' ')[0]!]![0])}`, (m) => m[0]],
  [/^other_open #(\d+|\?)$/, (m) => `ada kasus lain yang terbuka untuk ASN dan grup itu (#${m[1]})`, (m) => `another case is open for that ASN and group (#${m[1]})`],
  [/^ok sha256=([0-9a-f]+)$/, (m) => `berhasil: SHA-256 ${m[1]}`, (m) => `ok: SHA-256 ${m[1]}`],
  [/^refused: (\d+) problems$/, (m) => `ditolak: ${m[1]} masalah`, (m) => m[0]],
  [/^refused: (.*)$/, (m) => `ditolak: ${m[1]}`, (m) => m[0]],
  [/^linked to NIP (\d+)$/, (m) => `ditautkan ke NIP ${m[1]}`, (m) => m[0]],
  [/^ok: (\d+) rows, (\d+) new, (\d+) updated, (\d+) unchanged$/, (m) => `berhasil: ${m[1]} baris, ${m[2]} baru, ${m[3]} diubah, ${m[4]} tetap`, (m) => m[0]],
  [/^ok: (.+)$/, (m) => `berhasil: ${m[1]}`, (m) => m[0]],
  [/^conflict: (\w+) held by (.+)$/, (m) => `bentrok: ${m[1]} sudah dipakai ${m[2]}`, (m) => m[0]],
  [/^invalid: (.+)$/, (m) => `tidak sah: ${m[1]}`, (m) => m[0]],
  [/^error: (.+)$/, (m) => `galat: ${m[1]}`, (m) => m[0]],
  [/^private messages beyond the limits: recorded, not answered$/, () => 'pesan pribadi melebihi batas: dicatat, tidak dijawab', (m) => m[0]],
];

/** One stored audit result in the reader's language. */
export function auditResultText(stored: string | null | undefined, lang: Lang): string {
  if (!stored) return '';
  const id = lang === 'id';
  const m = /^([a-z_]+)(?: (\{.*\}))?$/.exec(stored);
  if (m && CODES[m[1]!]) {
    let facts: Facts = {};
    try {
      facts = m[2] ? (JSON.parse(m[2]) as Facts) : {};
    } catch {
      return stored;
    }
    return CODES[m[1]!]!(facts, id);
  }
  for (const [re, inId, inEn] of PHRASES) {
    const p = re.exec(stored);
    if (p) return id ? inId(p) : inEn(p);
  }
  return stored;
}
