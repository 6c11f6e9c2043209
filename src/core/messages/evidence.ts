/**
 * Texts of the evidence features (issue 19): the hash-chain check (`jaga-netral audit verify`),
 * the chain heads printed with a backup, the actors list and the dossier PDF. Indonesian first;
 * English with LANGUAGE=en.
 */
import type { ChainFault, ChainSummary, ChainTable } from '../chain.js';

/** CLI texts of the chain check and heads. */
export interface ChainTexts {
  ok(lines: ChainSummary[]): string;
  bad(table: ChainTable, id: number, fault: ChainFault, checked: number): string;
  noChain(path: string): string;
  notFound(path: string): string;
  heads(h: Record<ChainTable, { rows: number; id: number | null; hash: string | null }>): string;
}

const nf = (lang: 'id' | 'en') => (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID');

const ID_CHAIN: ChainTexts = {
  ok: (lines) =>
    [
      'Rantai hash utuh: setiap baris cocok.',
      ...lines.map((l) =>
        `  ${l.table}: ${nf('id')(l.rows)} baris${l.blanked ? ` (${nf('id')(l.blanked)} isinya dikosongkan retensi, dicek dengan hash yang disimpan)` : ''}` +
        (l.head ? `; kepala #${l.head.id} ${l.head.hash}` : ''),
      ),
    ].join('\n'),
  bad: (table, id, fault, checked) =>
    `Rantai hash RUSAK di ${table} baris #${id} (${checked} baris diperiksa): ` +
    (fault === 'detail'
      ? 'isinya (payload/detail) tidak cocok dengan hash yang dicatat: diubah setelah dicatat.'
      : fault === 'unchained'
        ? 'baris ini tidak punya hash: ditambahkan di luar program atau hash-nya dihapus.'
        : 'hash baris tidak cocok: baris ini, atau baris sebelumnya, diubah atau dihapus setelah dicatat.'),
  noChain: (p) => `Basis data ${p} belum punya rantai hash (dibuat oleh versi lama; jalankan bot versi ini sekali untuk membuatnya).`,
  notFound: (p) => `Berkas basis data tidak ditemukan: ${p}`,
  heads: (h) =>
    `Kepala rantai hash: events ${h.events.rows} baris${h.events.hash ? ` #${h.events.id} ${h.events.hash}` : ''}; audit ${h.audit.rows} baris${h.audit.hash ? ` #${h.audit.id} ${h.audit.hash}` : ''}`,
};

const EN_CHAIN: ChainTexts = {
  ok: (lines) =>
    [
      'Hash chain intact: every row matches.',
      ...lines.map((l) =>
        `  ${l.table}: ${nf('en')(l.rows)} rows${l.blanked ? ` (${nf('en')(l.blanked)} blanked by retention, checked by their stored hash)` : ''}` +
        (l.head ? `; head #${l.head.id} ${l.head.hash}` : ''),
      ),
    ].join('\n'),
  bad: (table, id, fault, checked) =>
    `Hash chain BROKEN at ${table} row #${id} (${checked} rows checked): ` +
    (fault === 'detail'
      ? 'its content (payload/detail) does not match the recorded hash: changed after it was recorded.'
      : fault === 'unchained'
        ? 'this row has no hash: added outside the program, or its hash was removed.'
        : 'the row hash does not match: this row, or the one before it, was changed or deleted after it was recorded.'),
  noChain: (p) => `The database ${p} has no hash chain yet (made by an older version; run this version of the bot once to add it).`,
  notFound: (p) => `Database file not found: ${p}`,
  heads: (h) =>
    `Hash chain heads: events ${h.events.rows} rows${h.events.hash ? ` #${h.events.id} ${h.events.hash}` : ''}; audit ${h.audit.rows} rows${h.audit.hash ? ` #${h.audit.id} ${h.audit.hash}` : ''}`,
};

/** Chain texts for `lang`. */
export const chainTexts = (lang: 'id' | 'en'): ChainTexts => (lang === 'en' ? EN_CHAIN : ID_CHAIN);

/** One timeline entry's facts, for the dossier's uraian. */
export type TimelineFact =
  | { what: 'finding'; kind: string; actor: string | null; asn: string; group: string; excerpt: string | null }
  | { what: 'message'; kind: string; status: string; sentAt: string | null }
  | { what: 'reminder'; status: string }
  | { what: 'closed'; status: string; asn: string; by: string | null; reason: string | null }
  | { what: 'still_open' };

/** Texts of the dossier PDF. */
export interface DossierTexts {
  title(scope: string): string;
  scopeCase(id: number): string;
  scopeGroup(title: string): string;
  scopeActor(name: string): string;
  intro: string;
  pelapor: string;
  org: string;
  contact: string;
  madeBy: string;
  madeAt: string;
  terlapor: string;
  noActor: string;
  actorNames: string;
  handles: string;
  platform: string;
  platformId: string;
  phone: string;
  seenIn(findings: number, asn: number, groups: number): string;
  involved: string;
  involvedNote: string;
  nip: string;
  nama: string;
  unit: string;
  phoneHidden: string;
  /** Label of the line marking a case matched by Telegram username alone. */
  identity: string;
  caseHead(id: number): string;
  status: Record<string, string>;
  waktuTempat: string;
  group: string;
  groupId: string;
  opened: string;
  closed: string;
  uraian: string;
  fact(f: TimelineFact): string;
  bukti: string;
  buktiNote: string;
  evidenceLine(e: { id: number; kind: string; at: string; messageId: string | null; blanked: boolean }): string;
  rowHash: string;
  payloadHash: string;
  excerpt: string;
  noEvidence: string;
  /** A self-report (issue 18) attached to the case: its receipt and when the ASN made it. */
  selfReport(receiptNo: string, at: string): string;
  /** One item of a self-report's evidence; files carry their SHA-256 below it. */
  selfReportItem(e: { kind: string; label: string; bytes: number | null; at: string }): string;
  /** The videos the ASN sent with the report that the bot did not keep (no file, no hash: Humas may ask for them). */
  selfReportVideos(n: number): string;
  fileHash: string;
  dasarHukum: string;
  laws: readonly string[];
  verifyHead: string;
  verify: string;
  heads(h: Record<ChainTable, { rows: number; id: number | null; hash: string | null }>): string[];
  noCases: string;
  page(p: number, n: number): string;
}

const kindId: Record<string, string> = { added: 'ditambahkan ke grup', mentioned: 'ditandai dalam pesan', reacted: 'memberi reaksi', posted: 'mengirim pesan', present: 'ditemukan di dalam grup', reported: 'laporan mandiri' };
const kindEn: Record<string, string> = { added: 'added to the group', mentioned: 'tagged in a post', reacted: 'reacted to a post', posted: 'posted', present: 'found inside the group', reported: 'self-report' };
const msgId: Record<string, string> = { asn_alert: 'Bot mengirim pesan pribadi kepada ASN (apa yang terjadi, aturannya, cara keluar)', humas_alert: 'Bot memberi tahu admin Humas' };
const msgEn: Record<string, string> = { asn_alert: 'The bot sent the ASN a private message (what happened, the rule, how to leave)', humas_alert: 'The bot told the Humas admins' };

const ID_DOSSIER: DossierTexts = {
  title: (s) => `Berkas bukti pelibatan ASN: ${s}`,
  scopeCase: (id) => `kasus #${id}`,
  scopeGroup: (t) => `grup "${t}"`,
  scopeActor: (n) => `pelaku ${n}`,
  intro: 'Disusun menurut unsur laporan pelanggaran kepada Bawaslu: pelapor, terlapor, waktu dan tempat, uraian kejadian, bukti, dan dasar hukum. Dibuat dari catatan Jaga Netral; setiap catatan terikat pada rantai hash SHA-256.',
  pelapor: '1. Pelapor',
  org: 'Instansi',
  contact: 'Kontak',
  madeBy: 'Berkas dibuat oleh',
  madeAt: 'Berkas dibuat pada',
  terlapor: '2. Terlapor (yang menambahkan atau menandai ASN)',
  noActor: 'Tidak tercatat siapa yang menambahkan atau menandai (misalnya ASN bergabung lewat tautan, atau ditemukan sudah di dalam grup).',
  actorNames: 'Nama yang terlihat',
  handles: 'Akun lain yang terlihat',
  platform: 'Platform',
  platformId: 'ID di platform',
  phone: 'Telepon',
  seenIn: (f, a, g) => `${f} kejadian, ${a} ASN, ${g} grup`,
  involved: 'Pihak yang dilibatkan (ASN)',
  involvedNote: 'ASN berikut adalah pihak yang dilibatkan tanpa persetujuannya, bukan terlapor.',
  nip: 'NIP',
  nama: 'Nama',
  unit: 'Unit kerja',
  phoneHidden: '(tidak dicantumkan)',
  identity: 'Identitas',
  caseHead: (id) => `Kasus #${id}`,
  status: { open: 'terbuka', left: 'selesai: ASN keluar', exempted: 'dikecualikan', expired: 'kedaluwarsa' },
  waktuTempat: '3. Waktu dan tempat',
  group: 'Grup',
  groupId: 'ID grup',
  opened: 'Kasus dibuka',
  closed: 'Kasus ditutup',
  uraian: '4. Uraian kejadian',
  fact: (f) => {
    switch (f.what) {
      case 'finding':
        if (f.kind === 'added') return `${f.actor ?? 'Seseorang'} menambahkan ${f.asn} ke grup "${f.group}".`;
        if (f.kind === 'mentioned') return `${f.actor ?? 'Seseorang'} menandai ${f.asn} dalam pesan${f.excerpt ? `: "${f.excerpt}"` : '.'}`;
        if (f.kind === 'present') return `${f.asn} ditemukan sudah berada di grup "${f.group}" (pemeriksaan anggota).`;
        if (f.kind === 'reported') return `${f.asn} melaporkan sendiri kejadian ini${f.actor ? `; pihak yang disebut: ${f.actor}` : ''}.`;
        return `${f.asn}: ${kindId[f.kind] ?? f.kind}${f.excerpt ? `: "${f.excerpt}"` : ''}.`;
      case 'message':
        return `${msgId[f.kind] ?? `Bot mengirim pesan (${f.kind})`}; status: ${f.status}${f.sentAt ? `, terkirim ${f.sentAt}` : ''}.`;
      case 'reminder':
        return `Bot memasang pengingat di grup bahwa ASN tidak boleh dilibatkan dalam kampanye (tanpa menyebut nama); status: ${f.status}.`;
      case 'closed':
        // A leave the bot did not see says how it is known (the ASN's word, unverified; or Humas).
        if (f.status === 'left') return `${f.asn} keluar dari grup${f.reason && f.by ? ` (${f.reason}; ${f.by})` : ''}; kasus ditutup.`;
        if (f.status === 'exempted') return `Kasus dikecualikan${f.by ? ` oleh ${f.by}` : ''}${f.reason ? `: ${f.reason}` : ''}.`;
        return `Kasus ditutup (${f.status}).`;
      case 'still_open':
        return 'Kasus masih terbuka saat berkas ini dibuat.';
    }
  },
  bukti: '5. Bukti',
  buktiNote: 'Setiap peristiwa adalah satu baris tabel events. Posisi rantai = nomor baris; hash baris mengikat baris itu dan semua baris sebelumnya.',
  evidenceLine: (e) => `Peristiwa #${e.id} (posisi rantai events #${e.id}): ${e.kind}, ${e.at}${e.messageId ? `, id pesan platform ${e.messageId}` : ''}${e.blanked ? ', isi mentah sudah dikosongkan retensi (hash-nya tetap)' : ''}`,
  rowHash: 'SHA-256 baris',
  payloadHash: 'SHA-256 isi',
  excerpt: 'Kutipan',
  noEvidence: 'Tidak ada peristiwa tercatat untuk kasus ini.',
  selfReport: (no, at) => `Laporan mandiri ASN ${no}, ${at} (kode verifikasi pada tanda terima; periksa dengan jaga-netral receipt verify)`,
  selfReportVideos: (n) => `Video: ${n} dikirim ASN bersama laporan ini, tidak disimpan bot (bukti yang disimpan hanya foto dan dokumen), jadi tidak ada berkas atau hash-nya di sini`,
  selfReportItem: (e) => `${({ photo: 'Foto', document: 'Dokumen', link: 'Tautan (tidak dibuka bot)', forward: 'Pesan diteruskan', invite: 'Tautan undangan grup' } as Record<string, string>)[e.kind] ?? e.kind}: ${e.label}${e.bytes !== null ? ` (${e.bytes} byte)` : ''}, ${e.at}`,
  fileHash: 'SHA-256 berkas',
  dasarHukum: '6. Dasar hukum',
  laws: [
    'UU 10/2016 tentang Pilkada, Pasal 70 ayat (1): pasangan calon dilarang melibatkan ASN dalam kampanye; sanksi pidana Pasal 189.',
    'UU 20/2023 tentang ASN: ASN wajib netral.',
    'PP 94/2021 tentang Disiplin PNS, Pasal 5 huruf n.',
    'SKB 2022 MenPAN-RB, Mendagri, BKN, KASN dan Bawaslu tentang Netralitas ASN: bergabung dalam grup atau akun tim kampanye termasuk pelanggaran.',
  ],
  verifyHead: '7. Pemeriksaan keaslian',
  verify: 'Rantai hash dapat diperiksa dengan perintah `jaga-netral audit verify` pada basis data atau salinan cadangannya: perintah itu menghitung ulang setiap hash dan menyebut baris pertama yang tidak cocok. Hash baris di atas harus sama dengan kolom row_hash baris yang sama, atau dengan lower(hex(row_digest)) untuk baris dalam format ringkas.',
  heads: (h) => [`Kepala rantai saat berkas dibuat: events #${h.events.id ?? '-'}`, h.events.hash ?? '-', `audit #${h.audit.id ?? '-'}`, h.audit.hash ?? '-'],
  noCases: 'Tidak ada kasus.',
  page: (p, n) => `Halaman ${p} dari ${n}`,
};

const EN_DOSSIER: DossierTexts = {
  ...ID_DOSSIER,
  title: (s) => `Evidence dossier, ASN involvement: ${s}`,
  scopeCase: (id) => `case #${id}`,
  scopeGroup: (t) => `group "${t}"`,
  scopeActor: (n) => `actor ${n}`,
  intro: 'Arranged by the elements of a violation report to Bawaslu: reporter, reported party, time and place, account of events, evidence and legal basis. Made from Jaga Netral\'s records; every record is bound into a SHA-256 hash chain.',
  pelapor: '1. Reporter (pelapor)',
  org: 'Office',
  contact: 'Contact',
  madeBy: 'Dossier made by',
  madeAt: 'Dossier made at',
  terlapor: '2. Reported party (terlapor: who added or tagged the ASN)',
  noActor: 'Who added or tagged is not recorded (e.g. the ASN joined by link, or was found already inside).',
  actorNames: 'Names seen',
  handles: 'Other handles seen',
  platform: 'Platform',
  platformId: 'Platform id',
  phone: 'Phone',
  seenIn: (f, a, g) => `${f} event(s), ${a} ASN, ${g} group(s)`,
  involved: 'Person involved (ASN)',
  involvedNote: 'The ASN below was involved without consent and is not the reported party.',
  nip: 'NIP',
  nama: 'Name',
  unit: 'Unit',
  phoneHidden: '(not included)',
  identity: 'Identity',
  caseHead: (id) => `Case #${id}`,
  status: { open: 'open', left: 'closed: the ASN left', exempted: 'exempted', expired: 'expired' },
  waktuTempat: '3. Time and place (waktu dan tempat)',
  group: 'Group',
  groupId: 'Group id',
  opened: 'Case opened',
  closed: 'Case closed',
  uraian: '4. Account of events (uraian)',
  fact: (f) => {
    switch (f.what) {
      case 'finding':
        if (f.kind === 'added') return `${f.actor ?? 'Someone'} added ${f.asn} to the group "${f.group}".`;
        if (f.kind === 'mentioned') return `${f.actor ?? 'Someone'} tagged ${f.asn} in a post${f.excerpt ? `: "${f.excerpt}"` : '.'}`;
        if (f.kind === 'present') return `${f.asn} was found already inside the group "${f.group}" (member check).`;
        if (f.kind === 'reported') return `${f.asn} reported this themselves${f.actor ? `; party named: ${f.actor}` : ''}.`;
        return `${f.asn}: ${kindEn[f.kind] ?? f.kind}${f.excerpt ? `: "${f.excerpt}"` : ''}.`;
      case 'message':
        return `${msgEn[f.kind] ?? `The bot sent a message (${f.kind})`}; status: ${f.status}${f.sentAt ? `, sent ${f.sentAt}` : ''}.`;
      case 'reminder':
        return `The bot posted a reminder in the group that ASN may not be involved in campaigns (naming nobody); status: ${f.status}.`;
      case 'closed':
        if (f.status === 'left') return `${f.asn} left the group${f.reason && f.by ? ` (${f.reason}; ${f.by})` : ''}; case closed.`;
        if (f.status === 'exempted') return `Case exempted${f.by ? ` by ${f.by}` : ''}${f.reason ? `: ${f.reason}` : ''}.`;
        return `Case closed (${f.status}).`;
      case 'still_open':
        return 'The case was still open when this dossier was made.';
    }
  },
  bukti: '5. Evidence (bukti)',
  buktiNote: 'Each event is one row of the events table. Chain position = row number; the row hash binds that row and every row before it.',
  evidenceLine: (e) => `Event #${e.id} (events chain position #${e.id}): ${e.kind}, ${e.at}${e.messageId ? `, platform message id ${e.messageId}` : ''}${e.blanked ? ', raw content blanked by retention (its hash stays)' : ''}`,
  rowHash: 'Row SHA-256',
  payloadHash: 'Content SHA-256',
  excerpt: 'Excerpt',
  noEvidence: 'No event recorded for this case.',
  selfReport: (no, at) => `ASN self-report ${no}, ${at} (verification code on the receipt; check it with jaga-netral receipt verify)`,
  selfReportVideos: (n) => `Videos: ${n} sent by the ASN with this report, not kept by the bot (only photos and documents are kept as evidence), so there is no file or hash of ${n === 1 ? 'it' : 'them'} here`,
  selfReportItem: (e) => `${({ photo: 'Photo', document: 'Document', link: 'Link (never opened by the bot)', forward: 'Forwarded message', invite: 'Group invite link' } as Record<string, string>)[e.kind] ?? e.kind}: ${e.label}${e.bytes !== null ? ` (${e.bytes} bytes)` : ''}, ${e.at}`,
  fileHash: 'File SHA-256',
  dasarHukum: '6. Legal basis (dasar hukum)',
  laws: [
    'UU 10/2016 on Pilkada, Pasal 70(1): a candidate pair may not involve ASN in a campaign; criminal sanction under Pasal 189.',
    'UU 20/2023 on ASN: ASN must be neutral.',
    'PP 94/2021 on civil-servant discipline, Pasal 5 huruf n.',
    'SKB 2022 of MenPAN-RB, Mendagri, BKN, KASN and Bawaslu on ASN neutrality: joining a campaign-team group or account is a violation.',
  ],
  verifyHead: '7. Checking authenticity',
  verify: 'The hash chain is checked with `jaga-netral audit verify` on the database or a backup copy of it: it recomputes every hash and names the first row that does not match. Each row hash above must equal the row_hash column of the same row, or lower(hex(row_digest)) for a row in the compact format.',
  heads: (h) => [`Chain heads when this dossier was made: events #${h.events.id ?? '-'}`, h.events.hash ?? '-', `audit #${h.audit.id ?? '-'}`, h.audit.hash ?? '-'],
  noCases: 'No cases.',
  page: (p, n) => `Page ${p} of ${n}`,
};

/** Dossier texts for `lang`. */
export const dossierTexts = (lang: 'id' | 'en'): DossierTexts => (lang === 'en' ? EN_DOSSIER : ID_DOSSIER);

/** CLI texts of the dossier and actors commands. */
export interface EvidenceCliTexts {
  written(path: string, sha256: string, cases: number[]): string;
  outRequired: string;
  outExists(path: string): string;
  outIsDir(path: string): string;
  badActor(s: string): string;
  actorNotFound(s: string): string;
  noActors: string;
  actorsHeader: string[];
  actorsCount(n: number): string;
}

const ID_EV_CLI: EvidenceCliTexts = {
  written: (p, h, c) => `Berkas bukti ditulis: ${p} (${c.length} kasus: ${c.map((i) => `#${i}`).join(', ')})\nSHA-256 berkas: ${h} (dicatat di audit)`,
  outRequired: 'Sebutkan file tujuan dengan --out FILE.pdf',
  outExists: (p) => `${p} sudah ada; tidak ada yang ditulis. Pilih file lain, atau tambahkan --force untuk menimpanya.`,
  outIsDir: (p) => `${p} adalah folder; berikan nama file untuk --out`,
  badActor: (s) => `"${s}" bukan pelaku yang dikenal. Tulis seperti di daftar: tg:<id> atau wa:<id>. Lihat: jaga-netral actors list`,
  actorNotFound: (s) => `Tidak ada kasus dengan pelaku ${s}. Lihat: jaga-netral actors list`,
  noActors: 'Belum ada pelaku tercatat.',
  actorsHeader: ['Pelaku', 'Nama yang terlihat', 'Telepon', 'Kejadian', 'ASN', 'Grup', 'Pertama', 'Terakhir'],
  actorsCount: (n) => `${n} pelaku.`,
};

const EN_EV_CLI: EvidenceCliTexts = {
  written: (p, h, c) => `Dossier written: ${p} (${c.length} case(s): ${c.map((i) => `#${i}`).join(', ')})\nFile SHA-256: ${h} (recorded in the audit log)`,
  outRequired: 'Name the output file with --out FILE.pdf',
  outExists: (p) => `${p} already exists; nothing was written. Choose another file, or add --force to overwrite it.`,
  outIsDir: (p) => `${p} is a folder; give a file name for --out`,
  badActor: (s) => `"${s}" is not an actor handle. Write it as the list shows: tg:<id> or wa:<id>. See: jaga-netral actors list`,
  actorNotFound: (s) => `No case has the actor ${s}. See: jaga-netral actors list`,
  noActors: 'No actors recorded yet.',
  actorsHeader: ['Actor', 'Names seen', 'Phone', 'Events', 'ASN', 'Groups', 'First', 'Last'],
  actorsCount: (n) => `${n} actor(s).`,
};

/** Evidence CLI texts for `lang`. */
export const evidenceCliTexts = (lang: 'id' | 'en'): EvidenceCliTexts => (lang === 'en' ? EN_EV_CLI : ID_EV_CLI);

/** Chat texts of `/bukti`. */
export interface BuktiTexts {
  description: string;
  usage: string;
  attached(id: number, sha256: string, withPhone: boolean): string;
  caption(id: number): string;
  notFound(arg: string): string;
}

const ID_BUKTI: BuktiTexts = {
  description: 'berkas bukti PDF satu kasus untuk Bawaslu (tambahkan "telepon" untuk mencantumkan telepon ASN)',
  usage: '<nomor kasus> [telepon]',
  attached: (id, h, p) => `Berkas bukti kasus #${id} terlampir${p ? ' (dengan telepon ASN)' : ''}.\nSHA-256 berkas: ${h}\nKeaslian catatan dapat diperiksa dengan: jaga-netral audit verify`,
  caption: (id) => `Berkas bukti kasus #${id}`,
  notFound: (a) => `Kasus ${a} tidak ditemukan. Tulis: /bukti <nomor kasus>, misalnya /bukti 12`,
};

const EN_BUKTI: BuktiTexts = {
  description: 'evidence dossier PDF of one case for Bawaslu (add "phone" to include the ASN\'s phone)',
  usage: '<case number> [phone]',
  attached: (id, h, p) => `Evidence dossier of case #${id} attached${p ? ' (with the ASN\'s phone)' : ''}.\nFile SHA-256: ${h}\nThe records can be checked with: jaga-netral audit verify`,
  caption: (id) => `Evidence dossier, case #${id}`,
  notFound: (a) => `Case ${a} not found. Write: /bukti <case number>, e.g. /bukti 12`,
};

/** `/bukti` texts for `lang`. */
export const buktiTexts = (lang: 'id' | 'en'): BuktiTexts => (lang === 'en' ? EN_BUKTI : ID_BUKTI);

/** Dashboard texts of the evidence pages. */
export interface EvidenceWebTexts {
  nav: string;
  title: string;
  intro: string;
  cols: { actor: string; names: string; phone: string; events: string; asn: string; groups: string; first: string; last: string; cases: string };
  actorTitle(name: string): string;
  back: string;
  dossierTitle: string;
  dossierButton: string;
  withPhone: string;
  notFound: string;
}

const ID_WEB: EvidenceWebTexts = {
  nav: 'Pelaku',
  title: 'Pelaku',
  intro: 'Siapa yang menambahkan atau menandai ASN, di semua grup dan platform: jumlah kejadian, ASN yang terlibat, grup, dan waktu pertama dan terakhir.',
  cols: { actor: 'Pelaku', names: 'Nama yang terlihat', phone: 'Telepon', events: 'Kejadian', asn: 'ASN', groups: 'Grup', first: 'Pertama', last: 'Terakhir', cases: 'Kasus' },
  actorTitle: (n) => `Pelaku: ${n}`,
  back: '← Semua pelaku',
  dossierTitle: 'Berkas bukti (PDF)',
  dossierButton: 'Unduh berkas bukti',
  withPhone: 'Cantumkan telepon ASN',
  notFound: 'Tidak ada kasus untuk berkas ini.',
};

const EN_WEB: EvidenceWebTexts = {
  nav: 'Actors',
  title: 'Actors (pelaku)',
  intro: 'Who added or tagged ASN, across groups and platforms: events, ASN involved, groups, first and last time.',
  cols: { actor: 'Actor', names: 'Names seen', phone: 'Phone', events: 'Events', asn: 'ASN', groups: 'Groups', first: 'First', last: 'Last', cases: 'Cases' },
  actorTitle: (n) => `Actor: ${n}`,
  back: '← All actors',
  dossierTitle: 'Evidence dossier (PDF)',
  dossierButton: 'Download the dossier',
  withPhone: 'Include the ASN\'s phone',
  notFound: 'No case for this dossier.',
};

/** Dashboard evidence texts for `lang`. */
export const evidenceWebTexts = (lang: 'id' | 'en'): EvidenceWebTexts => (lang === 'en' ? EN_WEB : ID_WEB);
