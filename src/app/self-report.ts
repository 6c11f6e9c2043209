/**
 * Self-reports (laporan mandiri): a registered ASN tells the bot what happened to
 * them anywhere (a group the bot is not in, a tag on Facebook, a photo). One
 * transaction records the report, opens a case of kind 'reported', records
 * the person they name as a finding (so actor statistics count it) and queues
 * the Humas alerts; the ASN then gets a receipt, as text and as a PDF.
 * Adapters call these functions; they never decide who may report.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '../core/ids.js';
import { caseReason } from '../core/messages/case-reason.js';
import { selfReportTexts } from '../core/messages/self-report.js';
import { phoneToWaJid } from '../core/phone.js';
import { formatReceiptNo, parseReportText, signedContent, type ReportCategory, type ReportPlace } from '../core/self-report.js';
import { zonedParts } from '../core/time.js';
import type { AsnRecord } from '../core/types.js';
import { ensurePrivateDir, writePrivateFile } from '../store/private-files.js';
import { SelfReportStore, type SelfReportRow } from '../store/self-reports.js';
import type { SelfReportDeps } from './context.js';
import type { CommandSpec } from './commands/types.js';
import { checkReportedInvites } from './invite-check.js';
import { dataDir, writeReceiptPdf } from './receipt.js';
import { burstKey, holdSelfReportAlert } from './self-report-bursts.js';
import { enqueueSelfReportAlert, receiptFacts } from './self-report-alert.js';

export { enqueueSelfReportAlert, receiptFacts };

/** Largest evidence file kept (10 MB). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
/** Most evidence files kept per report. */
export const MAX_EVIDENCE_FILES = 10;

/** A file the platform delivered (already downloaded by the adapter). */
export interface EvidenceFile {
  kind: 'photo' | 'document';
  filename: string;
  mime?: string;
  data: Buffer;
}

/**
 * Why an evidence file was not kept: over MAX_EVIDENCE_BYTES, beyond MAX_EVIDENCE_FILES, its download failed, it
 * is a video (a WhatsApp album may hold videos; evidence is photos and documents: README, Self-reports), or the ASN's
 * evidence of the last 24 hours reached EVIDENCE_MB_PER_DAY (`quota`).
 */
export type SkippedEvidence = 'too_big' | 'too_many' | 'failed' | 'video' | 'quota';

/** What an adapter's download gives: the files it fetched, and those it could not or would not fetch. */
export interface DownloadedEvidence {
  files: EvidenceFile[];
  skipped: SkippedEvidence[];
}

/** Nothing downloaded, nothing skipped (a message without a file, or a stranger's, which is never fetched). */
export const noEvidence = (): DownloadedEvidence => ({ files: [], skipped: [] });

/**
 * The files a report keeps (within the caps, in order) and why the others were not kept. `roomBytes`: what the ASN may
 * still have kept today (evidenceRoom); a file that does not fit is skipped as `quota`, a smaller one after it may fit.
 */
export function capEvidence(files: readonly EvidenceFile[], alreadyKept = 0, roomBytes = Infinity): { kept: EvidenceFile[]; skipped: SkippedEvidence[] } {
  const kept: EvidenceFile[] = [];
  const skipped: SkippedEvidence[] = [];
  let room = roomBytes;
  for (const f of files) {
    if (f.data.length > MAX_EVIDENCE_BYTES) skipped.push('too_big');
    else if (alreadyKept + kept.length >= MAX_EVIDENCE_FILES) skipped.push('too_many');
    else if (f.data.length > room) skipped.push('quota');
    else {
      kept.push(f);
      room -= f.data.length;
    }
  }
  return { kept, skipped };
}

/**
 * Bytes of evidence this ASN may still have kept now: EVIDENCE_MB_PER_DAY less what their reports kept in the last 24
 * hours and `pendingBytes` (the files their open guided report holds). Without it one registered ASN (or whoever
 * holds their phone) could fill the disk: 30 answered messages an hour, each a report of ten 10 MB files, is 3 GB an
 * hour. A real report is a few screenshots, well under a megabyte each.
 */
export function evidenceRoom(app: SelfReportDeps, nip: string, now: number, pendingBytes = 0): number {
  const used = new SelfReportStore(app.db).bytesKeptSince(nip, now - 86_400_000);
  return Math.max(0, app.config.EVIDENCE_MB_PER_DAY * 1024 * 1024 - used - pendingBytes);
}

/**
 * What an adapter may still fetch for one answer, so a file the daily evidence limit would refuse is not downloaded
 * at all: one ASN's phone could otherwise still make the server fetch 3 GB an hour only to throw it away. Judged by
 * the size the platform declares (Telegram `file_size`, WhatsApp `fileLength`); a file with no declared size is
 * fetched and checked after, as is one whose declared size lied (capEvidence, in the use case, skips it as `quota`).
 */
export class FetchBudget {
  constructor(private room: number) {}

  /** Whether a file of this declared size still fits (unknown size: fetch it and let capEvidence judge). */
  allows(declared: number | undefined): boolean {
    return declared === undefined || !Number.isFinite(declared) || declared <= this.room;
  }

  /** A fetched file counts against the room as capEvidence will count it (one that does not fit is skipped there). */
  spend(bytes: number): void {
    if (bytes <= this.room) this.room -= bytes;
  }
}

/** The one polite line telling the ASN which files were not kept, or undefined when none was skipped. */
export function skippedNote(lang: 'id' | 'en', skipped: readonly SkippedEvidence[], quotaMb?: number): string | undefined {
  if (!skipped.length) return undefined;
  const count = (r: SkippedEvidence): number => skipped.filter((x) => x === r).length;
  return selfReportTexts(lang).skipped({ tooBig: count('too_big'), tooMany: count('too_many'), failed: count('failed'), video: count('video'), quota: count('quota') }, quotaMb);
}

/** A reply with the skipped-files line added at its end (unchanged when nothing was skipped). */
export function withSkippedNote<T extends { text: string }>(lang: 'id' | 'en', reply: T, skipped: readonly SkippedEvidence[], quotaMb?: number): T {
  const note = skippedNote(lang, skipped, quotaMb);
  return note ? { ...reply, text: `${reply.text}\n\n${note}` } : reply;
}

/** A report as an adapter hands it over. */
export interface SelfReportInput {
  platform: Platform;
  /** Telegram user id, or the WhatsApp JID of the sender. */
  reporterId: string;
  /** Unique per incoming message (`tg:<chat>:<message>`): a repeated update finds the same report. */
  sourceKey: string;
  text: string;
  category?: ReportCategory;
  place?: ReportPlace;
  files?: EvidenceFile[];
  /** Files the adapter did not fetch (over the cap by their declared size, or a failed download): the ASN is told. */
  skipped?: SkippedEvidence[];
  /** The event row of the incoming message, when the monitor recorded it. */
  eventId?: number;
  /** A Telegram forward's origin (the channel or public group it came from), as text. */
  forwardOrigin?: string;
  /**
   * Videos sent with the report earlier and named to the ASN then (a guided flow's steps): stored with the report's
   * own `skipped` videos, so the Humas alert says how many were not kept.
   */
  videosBefore?: number;
}

/** What the ASN gets back: the receipt text, the PDF, and the "done" buttons. */
export interface ReceiptReply {
  text: string;
  files: { path: string; filename: string; caption?: string }[];
  buttons: { text: string; data: string }[][];
}

/** The registered ASN behind a sender, or undefined (strangers may not report). */
export function reporterAsn(app: SelfReportDeps, platform: Platform, senderId: string): AsnRecord | undefined {
  return app.registry.findByPerson({ platform, id: senderId });
}

/** The answer to a stranger: how to register; nothing is recorded about them. */
export function notRegisteredText(app: SelfReportDeps, platform: Platform): string {
  return selfReportTexts(app.config.LANGUAGE).notRegistered(platform, app.config.HUMAS_CONTACT);
}

/** The person named as responsible, in the form the monitor stores actors on that platform (a WhatsApp JID, else E.164). */
function actorOf(place: ReportPlace, phone: string | undefined, name: string | undefined): { id: string | null; name: string | null } {
  if (!phone) return { id: null, name: name ?? null };
  const id = place === 'whatsapp' ? phoneToWaJid(phone as Parameters<typeof phoneToWaJid>[0]) : phone;
  return { id, name: name ?? phone };
}

/**
 * The bot's own case for this ASN in the reported group, when the bot is in a group of that platform with exactly
 * that title (the case still open, or else the latest one): a report about it must not open a second case.
 */
function ownCase(app: SelfReportDeps, nip: string, place: ReportPlace, groupName: string | undefined): number | undefined {
  if (!groupName || (place !== 'whatsapp' && place !== 'telegram')) return undefined;
  const r = app.db
    .prepare(
      `SELECT i.id FROM incidents i JOIN chats c ON c.platform = i.platform AND c.chat_id = i.chat_id
        WHERE i.asn_nip = ? AND i.platform = ? AND c.title = ? COLLATE NOCASE AND i.kind <> 'reported'
        ORDER BY (i.status = 'open') DESC, i.opened_at DESC LIMIT 1`,
    )
    .get(nip, place, groupName.trim()) as { id: number } | undefined;
  return r?.id;
}

/** Stores the evidence files (0600, `<data>/evidence/<key>/`), capped, each with its SHA-256. */
function storeFiles(app: SelfReportDeps, sourceKey: string, kept: readonly EvidenceFile[]): { kind: EvidenceFile['kind']; path: string; filename: string; mime?: string; bytes: number; sha256: string }[] {
  if (!kept.length) return [];
  const dir = join(dataDir(app.config.DATABASE_PATH), 'evidence', createHash('sha256').update(sourceKey).digest('hex').slice(0, 24));
  ensurePrivateDir(dir);
  return kept.map((f, i) => {
    const sha256 = createHash('sha256').update(f.data).digest('hex');
    const safe = f.filename.replace(/[^\w.\-]+/g, '_').slice(-80) || `bukti-${i + 1}`;
    const path = join(dir, `${i + 1}-${safe}`);
    writePrivateFile(path, f.data);
    return { kind: f.kind, path, filename: safe, mime: f.mime, bytes: f.data.length, sha256 };
  });
}

/**
 * Records a report (once per source message) and returns it; Humas alerts are queued in the same transaction.
 * `skipped`: the files given that were not kept (the caps, and the ASN's daily evidence room).
 */
export function recordSelfReport(app: SelfReportDeps, asn: AsnRecord, input: SelfReportInput): { report: SelfReportRow; created: boolean; skipped: SkippedEvidence[]; duplicate?: boolean } {
  const store = new SelfReportStore(app.db);
  const known = store.bySource(input.sourceKey);
  if (known) return { report: known, created: false, skipped: capEvidence(input.files ?? []).skipped };
  const parsed = parseReportText(input.text);
  const category = input.category ?? parsed.category;
  const place = input.place ?? parsed.place;
  const tz = app.config.APP_TIMEZONE;
  const lang = app.config.LANGUAGE;
  const t = selfReportTexts(lang);
  const description = parsed.description || t.categoryName[category];
  // The files compared are those the size and count caps keep (what the first report, given the same files, kept).
  const comparable = capEvidence(input.files ?? []).kept;
  const same: SameReport = { nip: asn.nip, category, place, description, forwardOrigin: input.forwardOrigin, hashes: comparable.map((f) => createHash('sha256').update(f.data).digest('hex')) };
  const twin = sameRecentReport(app, same);
  if (twin) return { report: twin, created: false, skipped: [], duplicate: true };
  const capped = capEvidence(input.files ?? [], 0, evidenceRoom(app, asn.nip, app.clock()));
  const files = storeFiles(app, input.sourceKey, capped.kept);
  const eventId = input.eventId ?? null;
  const tx = app.db.transaction((): { report: SelfReportRow; created: boolean; skipped: SkippedEvidence[]; duplicate?: boolean } => {
    const again = store.bySource(input.sourceKey);
    if (again) return { report: again, created: false, skipped: capped.skipped };
    // Two sends handled side by side (the files of each fetched meanwhile): the second finds the first here.
    const twinNow = sameRecentReport(app, same);
    if (twinNow) {
      for (const f of files) rmSync(f.path, { force: true });
      return { report: twinNow, created: false, skipped: [], duplicate: true };
    }
    const now = app.clock();
    const year = zonedParts(now, tz).year;
    const seq = store.nextSeq(year);
    const receiptNo = formatReceiptNo(year, seq);
    const actor = actorOf(place, parsed.actorPhones[0], parsed.actorName);
    const evidenceNames = [...files.map((f) => `${f.sha256} ${f.filename}`), ...(input.forwardOrigin ? [`forward ${input.forwardOrigin}`] : [])];
    const signed = signedContent({ receiptNo, nip: asn.nip, createdAt: now, category, place, description, evidence: evidenceNames });
    const reportId = store.insert({
      receiptNo, year, seq, sourceKey: input.sourceKey, asnNip: asn.nip, platform: input.platform, reporterId: input.reporterId, category, place,
      description, groupName: parsed.groupName ?? null, actorPhone: parsed.actorPhones[0] ?? null, actorName: parsed.actorName ?? null, signed, createdAt: now,
      videosNotKept: (input.videosBefore ?? 0) + (input.skipped ?? []).filter((x) => x === 'video').length,
    });
    const excerpt = description.slice(0, 500);
    // The bot is in the reported group and already has this ASN's case there: the report joins that case.
    const own = ownCase(app, asn.nip, place, parsed.groupName);
    const caseId = own ?? store.openCase({ nip: asn.nip, platform: input.platform, chatId: `lapor:${receiptNo}`, at: now, actorId: actor.id, actorName: actor.name, excerpt, eventId, now });
    store.linkCase(reportId, caseId);
    store.addFinding(caseId, 'reported', null, null, excerpt, now, eventId);
    // Whoever the ASN names as having added or tagged them counts in the actor statistics like one the bot saw itself.
    if (actor.id && (category === 'added' || category === 'tagged')) store.addFinding(caseId, category === 'added' ? 'added' : 'mentioned', actor.id, actor.name, excerpt, now, eventId);
    for (const l of parsed.links) store.addEvidence({ reportId, kind: 'link', value: l, path: null, filename: null, mime: null, bytes: null, sha256: null, at: now });
    if (input.forwardOrigin) store.addEvidence({ reportId, kind: 'forward', value: input.forwardOrigin, path: null, filename: null, mime: null, bytes: null, sha256: null, at: now });
    for (const f of files) store.addEvidence({ reportId, kind: f.kind, value: null, path: f.path, filename: f.filename, mime: f.mime ?? null, bytes: f.bytes, sha256: f.sha256, at: now });
    const report = store.byId(reportId)!;
    // Many reports about one group within the window go to Humas as one summary (app/self-report-bursts.ts).
    const key = burstKey(place, parsed.groupName, parsed.waInviteCodes);
    if (!key || !holdSelfReportAlert(app.db, app.config, reportId, key, now)) enqueueSelfReportAlert(app, report, now);
    return { report, created: true, skipped: capped.skipped };
  });
  const r = tx();
  if (r.created) app.dispatcher.wake();
  // Screenshots are read by the offline OCR in the background, after this turn (the receipt goes first).
  if (r.created && files.length) app.screenshots.enqueueReport(r.report.id);
  return r;
}

/**
 * A report sent again within this time with the same text and the same files (a double tap on "send", a screenshot
 * sent again because the receipt was slow) is the first report, not a new one.
 */
export const SAME_REPORT_WINDOW_MS = 10 * 60_000;

/** What makes two reports of one ASN the same: what, where, the text, what it was forwarded from, and the files' SHA-256. */
interface SameReport {
  nip: string;
  category: string;
  place: string;
  description: string;
  forwardOrigin: string | undefined;
  hashes: string[];
}

/** The ASN's report within SAME_REPORT_WINDOW_MS that is the same as this one, or undefined. */
function sameRecentReport(app: SelfReportDeps, r: SameReport): SelfReportRow | undefined {
  const ids = app.db
    .prepare(`SELECT id FROM self_reports WHERE asn_nip = ? AND created_at >= ? AND category = ? AND place = ? AND description = ? ORDER BY id`)
    .pluck()
    .all(r.nip, app.clock() - SAME_REPORT_WINDOW_MS, r.category, r.place, r.description) as number[];
  if (!ids.length) return undefined;
  const store = new SelfReportStore(app.db);
  const want = [...r.hashes].sort().join(',');
  for (const id of ids) {
    const ev = store.evidence(id);
    const forward = ev.find((e) => e.kind === 'forward')?.value ?? undefined;
    // Files the first report did not keep (over a cap) count as given: its kept hashes are compared with those the
    // same caps keep of this one (a file skipped only for the daily evidence room still makes them differ).
    const had = ev.filter((e) => e.sha256 && e.kind !== 'link' && e.kind !== 'forward' && e.kind !== 'invite').map((e) => e.sha256!).sort().join(',');
    if (forward === r.forwardOrigin && had === want) return store.byId(id);
  }
  return undefined;
}

/** The "done" and "help" buttons under a receipt. */
export function receiptButtons(app: SelfReportDeps, r: SelfReportRow): { text: string; data: string }[][] {
  const b = selfReportTexts(app.config.LANGUAGE).buttons;
  if (r.resolvedAt !== null) return [];
  return [[{ text: b.done, data: `sr-done:${r.id}` }, ...(r.incidentId !== null ? [{ text: b.help, data: `help:${r.incidentId}` }] : [])]];
}

/** The receipt as the ASN receives it: the text, the PDF and the buttons. */
export async function receiptReply(app: SelfReportDeps, r: SelfReportRow): Promise<ReceiptReply> {
  const lang = app.config.LANGUAGE;
  const t = selfReportTexts(lang);
  const facts = receiptFacts(app, r);
  const pdf = await writeReceiptPdf(app.config.DATABASE_PATH, facts, lang, r.resolvedAt ?? r.createdAt);
  return { text: t.receipt(facts), files: [{ path: pdf, filename: t.pdfFileName(r.receiptNo), caption: r.receiptNo }], buttons: receiptButtons(app, r) };
}

/** Handles a self-report from a private chat: refuses strangers, asks for a text when there is none, else records and answers with the receipt. */
export async function handleSelfReport(app: SelfReportDeps, input: SelfReportInput): Promise<{ text: string; files?: ReceiptReply['files']; buttons?: ReceiptReply['buttons']; kind: string }> {
  const asn = reporterAsn(app, input.platform, input.reporterId);
  if (!asn) return { text: notRegisteredText(app, input.platform), kind: 'command_reply' };
  if (!input.text.trim() && !input.files?.length && !input.forwardOrigin) return { text: selfReportTexts(app.config.LANGUAGE).usage(input.platform), kind: 'command_reply' };
  const { report, created, skipped: notKept, duplicate } = recordSelfReport(app, asn, input);
  // Invite links are looked up in the background: the receipt does not wait for WhatsApp.
  const codes = parseReportText(input.text).waInviteCodes;
  if (created && codes.length) void checkReportedInvites(app, report, codes).catch((err: unknown) => app.log.warn({ err: String(err) }, 'self-report: invite check failed'));
  // The receipt lists only the files kept; the ASN is told in one line about any other (issue 18 point 3).
  const skipped = [...(input.skipped ?? []), ...notKept];
  const receipt = await receiptReply(app, report);
  // Sent again: the first report's receipt, said to be that; nothing of this one was stored.
  if (duplicate) return { ...receipt, text: `${selfReportTexts(app.config.LANGUAGE).sameReport(report.receiptNo)}\n${receipt.text}`, kind: 'selfreport_receipt' };
  return withSkippedNote(app.config.LANGUAGE, { ...receipt, kind: 'selfreport_receipt' }, skipped, app.config.EVIDENCE_MB_PER_DAY);
}

/**
 * The ASN says it is done (left the group, tag or photo removed): the report records the time, the case closes as
 * resolved with how long it took, and the ASN gets the receipt again with that time. Only the reporting ASN may.
 */
export async function resolveSelfReport(
  app: SelfReportDeps,
  reportId: number,
  platform: Platform,
  senderId: string,
): Promise<{ ok: true; reply: ReceiptReply; text: string; incidentId: number | null } | { ok: false; text: string }> {
  const store = new SelfReportStore(app.db);
  const r = store.byId(reportId);
  const asn = reporterAsn(app, platform, senderId);
  const t = selfReportTexts(app.config.LANGUAGE);
  if (!r || !asn || r.asnNip !== asn.nip) return { ok: false, text: app.config.LANGUAGE === 'en' ? 'This report is not yours.' : 'Laporan ini bukan milik Anda.' };
  if (r.resolvedAt !== null) return { ok: false, text: t.alreadyResolved(r.receiptNo) };
  const now = app.clock();
  app.db.transaction(() => {
    store.resolve(r.id, now);
    if (r.incidentId !== null) {
      app.db
        // Only a case the report opened closes on the ASN's word; the bot's own case in a group it watches closes when it sees them leave.
        .prepare(`UPDATE incidents SET status = 'left', resolved_at = ?, status_reason = ?, status_by = ?, updated_at = ? WHERE id = ? AND status = 'open' AND kind = 'reported'`)
        .run(now, caseReason('self_resolved'), `${platform === 'telegram' ? 'tg' : 'wa'}:${senderId}`, now, r.incidentId);
    }
  })();
  const done = store.byId(r.id)!;
  const reply = await receiptReply(app, done);
  return { ok: true, reply, text: t.resolved(receiptFacts(app, done)), incidentId: done.incidentId };
}

/** The report behind a case of kind 'reported' (a follow-up's "I have left" button resolves it). */
export function reportOfCase(app: SelfReportDeps, incidentId: number): SelfReportRow | undefined {
  return new SelfReportStore(app.db).byIncident(incidentId);
}

/**
 * `/lapor` in the command table, so /help and Telegram's command menu list it. The adapters answer `/lapor` (and
 * WhatsApp's `LAPOR`) themselves before the runner, with the message's own key; this runs only for other callers.
 */
export function selfReportCommand(app: SelfReportDeps): CommandSpec {
  return {
    name: 'lapor',
    usage: '<apa yang terjadi>',
    description: { id: 'laporkan sendiri: Anda dimasukkan ke grup, ditandai, atau difoto bersama calon', en: 'report it yourself: added to a group, tagged, or photographed with a candidate' },
    who: 'anyone',
    where: 'private',
    freeText: true,
    run: async (ctx) => {
      const r = await handleSelfReport(app, { platform: ctx.req.platform, reporterId: ctx.req.fromId, sourceKey: `cmd:${ctx.req.platform}:${ctx.req.chatId}:${ctx.now}`, text: ctx.rest });
      return { text: r.text, files: r.files };
    },
  };
}

/** `SELESAI JN-...` on WhatsApp (no buttons there): resolves the report with that number, if it is the sender's. */
export function resolveSelfReportByNumber(app: SelfReportDeps, receiptNo: string, platform: Platform, senderId: string): ReturnType<typeof resolveSelfReport> {
  const r = new SelfReportStore(app.db).byReceiptNo(receiptNo.toUpperCase());
  return resolveSelfReport(app, r?.id ?? -1, platform, senderId);
}
