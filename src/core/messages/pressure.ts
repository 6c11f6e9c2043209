/**
 * Texts of sending under pressure: the summary Humas gets when many ASN are
 * found at once, the list of WhatsApp first contacts held back by the daily
 * cap, the list of ASN alerts refused in a burst, the notice about a sender flooding the bot, the notice about an
 * outbox message that could not be read, and the page footer of long lists.
 * Indonesian first; app code never inlines a sentence.
 */
import type { Platform } from '../ids.js';

/** One ASN in a summary list. */
export interface MassLine {
  caseId: number;
  asnName: string;
  nip: string;
  unit: string;
  /** The ASN's phone: shown when the bot cannot reach them (Humas calls instead). */
  phone?: string;
  /** The Telegram username the case matched by alone (an unverified match): the line is marked, the note says what it means. */
  unverified?: string;
}

/** The summary of many cases found in one group within a short window. */
export interface MassAlertInput {
  platform: Platform;
  chatTitle: string;
  chatId: string;
  chatReason?: string;
  /** How many cases this summary is about (the first few of the burst were alerted one by one). */
  count: number;
  kinds: string[];
  actors: string[];
  from: string;
  to: string;
  lines: MassLine[];
  /** Cases not listed in the text (they are in the attached CSV). */
  more: number;
  unreachable: number;
  /** Cases matched by Telegram username alone, listed or not (the note under the list is said when any). */
  unverified: number;
}

/** To one ASN found in many groups at once: the cases whose own alerts were held (app/asn-alert-holds.ts). */
export interface AsnSummaryInput {
  platform: Platform;
  count: number;
  from: string;
  to: string;
  /** `#12 "Relawan ..." (ditambahkan)`, at most ASN_SUMMARY_LIST_MAX of them. */
  lines: { caseId: number; chatTitle: string; kind: string }[];
  more: number;
  humasContact: string;
}

/** To Humas: one ASN found in many groups at once, the cases beyond the first few alerts (app/humas-asn-holds.ts). */
export interface HumasAsnSummaryInput {
  platform: Platform;
  asnName: string;
  nip: string;
  unit: string;
  count: number;
  from: string;
  to: string;
  /** Who added or tagged them (quoted), at most five. */
  actors: string[];
  /**
   * At most ASN_SUMMARY_LIST_MAX; `closed`: the ASN has left that group already; `unverified`: the Telegram username
   * the case matched by alone (the line is marked, the note says what it means).
   */
  lines: { caseId: number; chatTitle: string; kind: string; closed?: boolean; unverified?: string }[];
  /** Cases of the summary matched by username alone, listed or not (the note under the list is said when any). */
  unverified: number;
  more: number;
  /**
   * What the ASN was sent for these cases, when the bot can reach them: `alone` cases had their own alert, `inSummary`
   * are in the ASN's own summary, which `summaryWaiting` has not gone yet; `leftBefore` had nothing: the ASN left those
   * groups before their alert was due, so none was needed. Undefined: the bot cannot reach the ASN.
   */
  asn?: { alone: number; inSummary: number; summaryWaiting: boolean; leftBefore: number };
  /** The ASN's phone, when the bot cannot reach them. */
  phone?: string;
  registrationLink?: string;
}

/** One ASN the daily cap holds back, with every case of theirs waiting (a person to call once). */
export interface BeyondCapLine {
  caseIds: number[];
  asnName: string;
  nip: string;
  unit: string;
  phone?: string;
  /**
   * The ASN was on an earlier list and still waits: `caseIds` are their new cases, these the cases listed before (the
   * line is marked so, and not counted as one more ASN to call).
   */
  earlier?: number[];
}

/** WhatsApp first contacts the daily cap holds back: Humas may call them. */
export interface BeyondCapInput {
  /** How many ASN not on an earlier list: one line each, listed or beyond the list (`more`). */
  count: number;
  /** How many ASN on an earlier list, still waiting, with new cases (lines with `earlier`, after the others). */
  added: number;
  cap: number;
  lines: BeyondCapLine[];
  /** ASN not listed in the text (they are in the attached CSV). */
  more: number;
}

/** ASN alerts the platforms refused within one window, after the first few were told one by one. */
export interface UndeliverableListInput {
  count: number;
  /** Each line with the platform's reason. */
  lines: (MassLine & { platform: Platform; reason: string })[];
  more: number;
  /** Where an ASN registers so the next message arrives (Telegram's /start link), when known. */
  registrationLink?: string;
}

/** A sender writing to the bot faster than the limits allow. */
export interface FloodInput {
  platform: Platform;
  sender: string;
  name?: string;
  perMinute: number;
  perHour: number;
}

/** All texts of this module in one language. */
export interface PressureTexts {
  massAlert(a: MassAlertInput): string;
  /** To an ASN added to or tagged in many groups within an hour: the rest of the cases in one message. */
  asnSummary(a: AsnSummaryInput): string;
  /** To Humas: one ASN added to or tagged in many groups within an hour, the cases beyond the first few in one message. */
  humasAsnSummary(a: HumasAsnSummaryInput): string;
  massCsvCaption: string;
  beyondCap(a: BeyondCapInput): string;
  undeliverableList(a: UndeliverableListInput): string;
  flood(a: FloodInput): string;
  unreadable(a: { id: number; kind: string; reason: string }): string;
  /** Footer of a paged list: where we are and the command for the next page. */
  pageFooter(a: { page: number; pages: number; next?: string }): string;
  noSuchPage(a: { page: number; pages: number }): string;
  /** How to ask for a page of a list command. */
  pageUsage(command: string): string;
  /** CSV column headers of a summary list. */
  csvHeader: string[];
  /** Header of the extra CSV column a list gets when some case in it matched by Telegram username alone. */
  csvUnverifiedHeader: string;
}

const platformName = (p: Platform): string => (p === 'telegram' ? 'Telegram' : 'WhatsApp');
/** The short mark on a summary line whose case matched by Telegram username alone; the note under the list explains it. */
/**
 * The short mark of a case matched by Telegram username alone, `⚠️ belum terverifikasi (@username)`: the summaries' lines,
 * and wherever Humas reads one case (`/kasus`, a reply's case list, the dashboard's case page, the dossier). The caller
 * escapes the username as its place escapes a stranger's text.
 */
export const unverifiedMarkText = (lang: 'id' | 'en', username: string): string =>
  lang === 'en' ? `⚠️ unverified (@${username})` : `⚠️ belum terverifikasi (@${username})`;
const unverifiedMark = (lang: 'id' | 'en', username: string | undefined): string => (username === undefined ? '' : `, ${unverifiedMarkText(lang, username)}`);
const lineIn = (lang: 'id' | 'en') => (l: MassLine): string =>
  `#${l.caseId} ${l.asnName} (NIP ${l.nip}), ${l.unit}${l.phone ? `, 📵 ${l.phone}` : ''}${unverifiedMark(lang, l.unverified)}`;
const lineOf = lineIn('id');
/** `Siti Aminah (NIP …), Dinas …, 📵 +62… (kasus #2, #4)`: the person to call first, then the cases. */
const caseRefs = (ids: number[]): string => ids.map((id) => `#${id}`).join(', ');
const capLineIn = (cases: string, earlier = '') => (l: BeyondCapLine): string =>
  `${l.asnName} (NIP ${l.nip}), ${l.unit}${l.phone ? `, 📵 ${l.phone}` : ''} (${cases} ${caseRefs(l.caseIds)}${l.earlier?.length ? `; ${earlier} ${caseRefs(l.earlier)}` : ''})`;
const defined = (xs: (string | undefined)[]): string => xs.filter((x): x is string => x !== undefined).join('\n');
/** The refused ASN, the reason said once when all share it (the usual case), else on each line. */
const refusedLines = (a: UndeliverableListInput, label: string): string[] => {
  const why = (l: UndeliverableListInput['lines'][number]) => `${platformName(l.platform)}: ${l.reason}`;
  const one = new Set(a.lines.map(why)).size === 1;
  return one ? [`${label}: ${why(a.lines[0]!)}`, ...a.lines.map(lineOf)] : a.lines.map((l) => `${lineOf(l)} (${why(l)})`);
};

/** Under a summary list with unverified lines, once: what the mark means and what to do. */
const unverifiedNoteId = (n: number): string =>
  `⚠️ ${n} kasus bertanda "belum terverifikasi" cocok hanya dari username Telegram: id Telegram ASN belum tercatat dan username bisa dipakai siapa saja, jadi akun di grup mungkin bukan milik ASN. Bot tidak mengirim pesan ke akun itu; mohon pastikan langsung ke ASN (telepon) dan minta ASN mendaftar sendiri (/start lalu bagikan nomor).`;
const unverifiedNoteEn = (n: number): string =>
  `⚠️ ${n} case(s) marked "unverified" matched only by the Telegram username: the ASN's Telegram id is not on record and anyone can take a username, so the account in the group may not be the ASN's. The bot sends nothing to that account; please check with the ASN directly (by phone) and ask them to register themselves (/start, then share their number).`;

const ID: PressureTexts = {
  massAlert: (a) =>
    defined([
      `⚠️ ${a.count} ASN ditemukan sekaligus di satu grup kampanye`,
      `Grup: "${a.chatTitle}" (${platformName(a.platform)} ${a.chatId})`,
      a.chatReason ? `Alasan dianggap grup kampanye: ${a.chatReason}` : undefined,
      a.kinds.length ? `Jenis: ${a.kinds.join(', ')}` : undefined,
      a.actors.length ? `Oleh: ${a.actors.join(', ')}` : undefined,
      `Waktu: ${a.from}${a.to !== a.from ? ` s.d. ${a.to}` : ''}`,
      `(Beberapa kasus pertama di grup ini sudah dikirim satu per satu.)`,
      ``,
      ...a.lines.map(lineOf),
      a.more ? `… dan ${a.more} lagi: lihat berkas CSV terlampir.` : undefined,
      ``,
      a.unverified ? unverifiedNoteId(a.unverified) : undefined,
      `Setiap ASN yang dapat dihubungi sudah/akan menerima pesan pribadi cara keluar.`,
      a.unreachable ? `📵 ${a.unreachable} ASN tidak dapat dihubungi bot: mohon hubungi langsung (nomor telepon ada di daftar).` : undefined,
      `Rincian: /kasus <nomor>.`,
    ]),
  massCsvCaption: 'Daftar lengkap ASN dalam kejadian ini',
  asnSummary: (a) =>
    [
      `Yth. Bapak/Ibu ASN,`,
      ``,
      `Selain pemberitahuan sebelumnya, Anda juga ditambahkan ke atau ditandai di ${a.count} grup lain (${a.platform === 'telegram' ? 'Telegram' : 'WhatsApp'}) dalam 1 jam terakhir (${a.from} - ${a.to}):`,
      ...a.lines.map((l) => `- Kasus #${l.caseId}: "${l.chatTitle}" (${l.kind})`),
      a.more ? `- dan ${a.more} grup lainnya` : undefined,
      ``,
      `Mohon keluar dari semua grup tersebut dan jangan memberi reaksi atau komentar. Agar Anda tidak menerima puluhan pesan, pemberitahuan untuk grup berikutnya dikirim paling banyak satu ringkasan per jam. Daftar lengkap kasus terbuka Anda: kirim /status ke bot ini.`,
      `Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi ${a.humasContact}.`,
      ``,
      `Pesan otomatis Jaga Netral.`,
    ].filter((l) => l !== undefined).join('\n'),
  humasAsnSummary: (a) =>
    defined([
      `⚠️ Satu ASN ditemukan di ${a.count} grup lain sekaligus (${platformName(a.platform)})`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      a.actors.length ? `Oleh: ${a.actors.join(', ')}` : undefined,
      `Waktu: ${a.from}${a.to !== a.from ? ` s.d. ${a.to}` : ''}`,
      `(Beberapa kasus pertama ASN ini sudah dikirim satu per satu; kasus berikutnya dalam 1 jam dikirim paling banyak satu ringkasan per jam.)`,
      ``,
      ...a.lines.map((l) => `Kasus #${l.caseId}: "${l.chatTitle}" (${l.kind})${l.closed ? ', sudah ditutup' : ''}${unverifiedMark('id', l.unverified)}`),
      a.more ? `… dan ${a.more} grup lagi: daftar lengkap dengan /kasus atau /report.` : undefined,
      ``,
      a.unverified ? unverifiedNoteId(a.unverified) : undefined,
      a.asn === undefined
        ? `📵 ASN belum bisa dihubungi bot: mohon hubungi langsung${a.phone ? ` di ${a.phone}` : ''}.`
        : a.asn.alone + a.asn.inSummary === 0
          ? `ASN sudah keluar dari grup-grup ini sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan untuk grup-grup ini.`
          : a.asn.inSummary === 0
            ? a.asn.leftBefore
              ? `ASN sudah dikirimi pesan pribadi berisi cara keluar untuk ${a.asn.alone} grup di antaranya.`
              : `ASN sudah dikirimi pesan pribadi berisi cara keluar untuk setiap grup ini.`
            : `${a.asn.alone ? `ASN sudah dikirimi pesan pribadi untuk ${a.asn.alone} grup di antaranya; pemberitahuan untuk ${a.asn.leftBefore ? `${a.asn.inSummary} grup` : 'grup'} lainnya` : a.asn.leftBefore ? `Pemberitahuan untuk ${a.asn.inSummary} grup di antaranya` : 'Pemberitahuan untuk grup-grup ini'} ${a.asn.summaryWaiting ? 'dikirim kepada ASN dalam satu ringkasan (paling lambat 1 jam lagi)' : 'sudah dikirim kepada ASN dalam satu ringkasan'}, bukan satu pesan per grup.`,
      a.asn?.leftBefore && a.asn.alone + a.asn.inSummary > 0
        ? `ASN sudah keluar dari ${a.asn.leftBefore} grup lainnya sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan untuk grup itu.`
        : undefined,
      a.asn === undefined && a.registrationLink ? `Agar pesan berikutnya sampai, minta ASN mendaftar di ${a.registrationLink}` : undefined,
      `Rincian: /kasus <nomor>.`,
    ]),
  beyondCap: (a) => {
    const fresh = a.lines.filter((l) => !l.earlier?.length);
    const added = a.lines.filter((l) => l.earlier?.length);
    const addedLines = added.map(capLineIn('kasus baru', 'sebelumnya:'));
    return defined([
      ...(a.count
        ? [
            `📵 ${a.count} ASN belum dapat dihubungi lewat WhatsApp hari ini`,
            `Batas harian pesan pertama WhatsApp (${a.cap}) tidak cukup untuk mereka hari ini; peringatan mereka menunggu hari berikutnya. Mohon telepon mereka langsung:`,
            ``,
            ...fresh.map(capLineIn('kasus')),
            ...(added.length ? [``, `➕ Kasus baru untuk ${a.added} ASN yang sudah ada di daftar tunggu sebelumnya (sebutkan juga saat menelepon):`, ...addedLines] : []),
          ]
        : [
            `➕ Kasus baru untuk ${a.added} ASN yang sudah ada di daftar tunggu WhatsApp`,
            `Peringatan kasus baru ini juga menunggu batas harian pesan pertama WhatsApp (${a.cap}). Bila menelepon, sebutkan juga kasus baru ini:`,
            ``,
            ...addedLines,
          ]),
      a.more ? `… dan ${a.more} ASN lagi: lihat berkas CSV terlampir.` : undefined,
    ]);
  },
  undeliverableList: (a) =>
    defined([
      `📵 ${a.count} ASN lagi tidak dapat dihubungi bot`,
      `Platform menolak pesan pribadi kepada mereka (beberapa yang pertama sudah dikirim satu per satu). Mohon hubungi mereka langsung:`,
      ``,
      ...refusedLines(a, 'Sebab'),
      a.more ? `… dan ${a.more} lagi: lihat berkas CSV terlampir.` : undefined,
      a.registrationLink ? `` : undefined,
      a.registrationLink ? `Agar pesan berikutnya sampai, minta mereka mendaftar di ${a.registrationLink}` : undefined,
    ]),
  flood: (a) =>
    defined([
      `🚫 Pesan pribadi berlebihan ke bot (${platformName(a.platform)})`,
      `Pengirim: ${a.name ? `${a.name} ` : ''}(${a.sender})`,
      `Batas: ${a.perMinute} pesan per menit, ${a.perHour} per jam. Pesan berikutnya dicatat tetapi tidak dibalas sampai pengirim melambat.`,
      `Pemberitahuan ini dikirim sekali sehari per pengirim.`,
    ]),
  unreadable: (a) =>
    `⚠️ Satu pesan antrean (#${a.id}, ${a.kind}) tidak dapat dibaca dan tidak dikirim: ${a.reason}. Pesan lain tetap dikirim. Periksa kasus terkait dengan /kasus.`,
  pageFooter: (a) => `Halaman ${a.page}/${a.pages}.${a.next ? ` Berikutnya: ${a.next}` : ''}`,
  noSuchPage: (a) => `Tidak ada halaman ${a.page}; jumlah halaman: ${a.pages}.`,
  pageUsage: (c) => `Cara pakai: ${c} hal <nomor halaman>, mis. ${c} hal 2`,
  csvHeader: ['kasus', 'nip', 'nama', 'unit', 'telepon', 'dapat_dihubungi_bot'],
  csvUnverifiedHeader: 'belum_terverifikasi_username',
};

const EN: PressureTexts = {
  massAlert: (a) =>
    defined([
      `⚠️ ${a.count} civil servants found at once in one campaign group`,
      `Group: "${a.chatTitle}" (${platformName(a.platform)} ${a.chatId})`,
      a.chatReason ? `Why it counts as a campaign group: ${a.chatReason}` : undefined,
      a.kinds.length ? `Kind: ${a.kinds.join(', ')}` : undefined,
      a.actors.length ? `By: ${a.actors.join(', ')}` : undefined,
      `When: ${a.from}${a.to !== a.from ? ` to ${a.to}` : ''}`,
      `(The first few cases in this group were sent one by one.)`,
      ``,
      ...a.lines.map(lineIn('en')),
      a.more ? `… and ${a.more} more: see the attached CSV file.` : undefined,
      ``,
      a.unverified ? unverifiedNoteEn(a.unverified) : undefined,
      `Every ASN the bot can reach has been or will be sent a private message on how to leave.`,
      a.unreachable ? `📵 The bot cannot reach ${a.unreachable} of them: please contact them directly (phones are in the list).` : undefined,
      `Details: /kasus <number>.`,
    ]),
  massCsvCaption: 'Full list of the civil servants in this event',
  asnSummary: (a) =>
    [
      `Dear civil servant,`,
      ``,
      `Besides the earlier notices, you were also added to or tagged in ${a.count} more groups (${a.platform === 'telegram' ? 'Telegram' : 'WhatsApp'}) in the last hour (${a.from} - ${a.to}):`,
      ...a.lines.map((l) => `- Case #${l.caseId}: "${l.chatTitle}" (${l.kind})`),
      a.more ? `- and ${a.more} more groups` : undefined,
      ``,
      `Please leave all of these groups and do not react or comment. So that you do not get dozens of messages, notices for further groups come as at most one summary an hour. The full list of your open cases: send /status to this bot.`,
      `If you were added without consent or need help, contact ${a.humasContact}.`,
      ``,
      `Automatic message from Jaga Netral.`,
    ].filter((l) => l !== undefined).join('\n'),
  humasAsnSummary: (a) =>
    defined([
      `⚠️ One civil servant found in ${a.count} more groups at once (${platformName(a.platform)})`,
      `ASN: ${a.asnName} (NIP ${a.nip}), ${a.unit}`,
      a.actors.length ? `By: ${a.actors.join(', ')}` : undefined,
      `When: ${a.from}${a.to !== a.from ? ` to ${a.to}` : ''}`,
      `(The first few cases of this ASN were sent one by one; further cases within the hour come as at most one summary an hour.)`,
      ``,
      ...a.lines.map((l) => `Case #${l.caseId}: "${l.chatTitle}" (${l.kind})${l.closed ? ', already closed' : ''}${unverifiedMark('en', l.unverified)}`),
      a.more ? `… and ${a.more} more groups: the full list with /kasus or /report.` : undefined,
      ``,
      a.unverified ? unverifiedNoteEn(a.unverified) : undefined,
      a.asn === undefined
        ? `📵 The bot cannot reach this ASN: please contact them directly${a.phone ? ` at ${a.phone}` : ''}.`
        : a.asn.alone + a.asn.inSummary === 0
          ? `The ASN left these groups before their notice was due, so no message to the ASN was needed for them.`
          : a.asn.inSummary === 0
            ? a.asn.leftBefore
              ? `The ASN has been sent a private message on how to leave for ${a.asn.alone} of these groups.`
              : `The ASN has been sent a private message on how to leave for each of these groups.`
            : `${a.asn.alone ? `The ASN has been sent a private message for ${a.asn.alone} of these groups; the notice for ${a.asn.leftBefore ? `${a.asn.inSummary} others` : 'the others'}` : a.asn.leftBefore ? `The notice for ${a.asn.inSummary} of these groups` : 'The notice for these groups'} ${a.asn.summaryWaiting ? 'goes to the ASN in one summary (within the hour)' : 'went to the ASN in one summary'}, not one message per group.`,
      a.asn?.leftBefore && a.asn.alone + a.asn.inSummary > 0
        ? `The ASN left the other ${a.asn.leftBefore} group(s) before their notice was due, so no message to the ASN was needed for them.`
        : undefined,
      a.asn === undefined && a.registrationLink ? `So that the next message arrives, ask the ASN to register at ${a.registrationLink}` : undefined,
      `Details: /kasus <number>.`,
    ]),
  beyondCap: (a) => {
    const fresh = a.lines.filter((l) => !l.earlier?.length);
    const added = a.lines.filter((l) => l.earlier?.length);
    const addedLines = added.map((l) => capLineIn(l.caseIds.length > 1 ? 'new cases' : 'new case', 'listed before:')(l));
    return defined([
      ...(a.count
        ? [
            `📵 ${a.count} civil servants cannot be reached on WhatsApp today`,
            `The daily cap of WhatsApp first messages (${a.cap}) does not reach them today; their alerts wait for the next day. Please call them directly:`,
            ``,
            ...fresh.map((l) => capLineIn(l.caseIds.length > 1 ? 'cases' : 'case')(l)),
            ...(added.length ? [``, `➕ New cases for ${a.added} civil servants already on an earlier waiting list (mention them too when you call):`, ...addedLines] : []),
          ]
        : [
            `➕ New cases for ${a.added} civil servants already on the WhatsApp waiting list`,
            `The alerts of these new cases wait for the daily cap of WhatsApp first messages (${a.cap}) too. When you call, mention these new cases as well:`,
            ``,
            ...addedLines,
          ]),
      a.more ? `… and ${a.more} more civil servants: see the attached CSV file.` : undefined,
    ]);
  },
  undeliverableList: (a) =>
    defined([
      `📵 ${a.count} more civil servants cannot be reached by the bot`,
      `The platform refused the private messages to them (the first few were sent one by one). Please contact them directly:`,
      ``,
      ...refusedLines(a, 'Reason'),
      a.more ? `… and ${a.more} more: see the attached CSV file.` : undefined,
      a.registrationLink ? `` : undefined,
      a.registrationLink ? `So that the next message arrives, ask them to register at ${a.registrationLink}` : undefined,
    ]),
  flood: (a) =>
    defined([
      `🚫 Too many private messages to the bot (${platformName(a.platform)})`,
      `Sender: ${a.name ? `${a.name} ` : ''}(${a.sender})`,
      `Limits: ${a.perMinute} messages a minute, ${a.perHour} an hour. Further messages are recorded but not answered until the sender slows down.`,
      `This notice is sent once a day per sender.`,
    ]),
  unreadable: (a) =>
    `⚠️ One queued message (#${a.id}, ${a.kind}) could not be read and was not sent: ${a.reason}. The other messages still go out. Check the related case with /kasus.`,
  pageFooter: (a) => `Page ${a.page}/${a.pages}.${a.next ? ` Next: ${a.next}` : ''}`,
  noSuchPage: (a) => `There is no page ${a.page}; pages: ${a.pages}.`,
  pageUsage: (c) => `Usage: ${c} page <number>, e.g. ${c} page 2`,
  csvHeader: ['case', 'nip', 'name', 'unit', 'phone', 'reachable_by_bot'],
  csvUnverifiedHeader: 'unverified_username',
};

/** The texts for `lang`; Indonesian unless English was asked for. */
export const pressureTexts = (lang: 'id' | 'en'): PressureTexts => (lang === 'en' ? EN : ID);
