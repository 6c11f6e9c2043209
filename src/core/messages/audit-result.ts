/**
 * Audit results in the reader's language. The office actions store a code,
 * optionally followed by a space and JSON facts (`imported {"total":8,...}`,
 * `conflict {"field":"telepon","owner":"..."}`); older rows and the chat
 * commands store short English phrases, recognised here too, so the audit's
 * "Hasil" column reads in Indonesian (or English) whatever wrote the row.
 */

type Lang = 'id' | 'en';
type Facts = Record<string, unknown>;

/** Builds the stored form of a result: its code and, when there are any, its facts as JSON. */
export const auditResult = (code: string, facts?: Facts): string => (facts ? `${code} ${JSON.stringify(facts)}` : code);

const CODES: Record<string, (f: Facts, id: boolean) => string> = {
  ok: (f, id) => (f['path'] ? `${id ? 'berhasil' : 'ok'}: ${String(f['path'])}` : id ? 'berhasil' : 'ok'),
  unchanged: (_f, id) => (id ? 'tidak berubah' : 'unchanged'),
  not_found: (_f, id) => (id ? 'tidak ditemukan' : 'not found'),
  exists: (_f, id) => (id ? 'sudah terdaftar' : 'already registered'),
  has_cases: (_f, id) => (id ? 'masih ada kasus atas namanya' : 'still has cases'),
  not_open: (_f, id) => (id ? 'kasus tidak sedang terbuka' : 'case not open'),
  already_open: (_f, id) => (id ? 'kasus sudah terbuka' : 'case already open'),
  other_open: (_f, id) => (id ? 'ada kasus lain yang terbuka untuk ASN dan grup itu' : 'another case is open for that ASN and group'),
  no_case: (_f, id) => (id ? 'kasus tidak ada' : 'no such case'),
  no_reason: (_f, id) => (id ? 'alasan belum diisi' : 'no reason given'),
  no_group: (_f, id) => (id ? 'grup tidak ada' : 'no such group'),
  registered: (_f, id) => (id ? 'terdaftar' : 'registered'),
  imported: (f, id) =>
    id
      ? `berhasil: ${f['total']} baris, ${f['inserted']} baru, ${f['updated']} diubah, ${f['unchanged']} tetap`
      : `ok: ${f['total']} rows, ${f['inserted']} new, ${f['updated']} updated, ${f['unchanged']} unchanged`,
  refused: (f, id) => (id ? `ditolak: ${f['problems']} masalah` : `refused: ${f['problems']} problem(s)`),
  invalid: (f, id) => `${id ? 'tidak sah' : 'invalid'}${Array.isArray(f['problems']) ? `: ${(f['problems'] as string[]).join('; ')}` : ''}`,
  conflict: (f, id) => (id ? `bentrok: ${f['field']} sudah dipakai ${f['owner']}` : `conflict: ${f['field']} held by ${f['owner']}`),
};

/** Phrases stored by the chat commands, registration and older rows: [pattern, Indonesian, English]. */
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
