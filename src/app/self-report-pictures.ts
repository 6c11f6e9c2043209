/**
 * What a WhatsApp album, or a picture sent with no `LAPOR`, stands for: the decision, given what the adapter read
 * (captions, who sent it, whether the album was answered before) and a way to fetch its files. The adapter
 * (platforms/whatsapp/adapter.ts) gathers an album's pictures with app/albums.ts and delivers the answer.
 *
 * - `LAPOR` in any picture's caption: ONE self-report with every picture (the 10-file cap as on Telegram), keyed by
 *   the album, so a redelivered album, or part of it, finds the same report and makes no second one.
 * - A guided report open: the album is one evidence step with one answer.
 * - Pictures that come after their album's report was made (past the gathering window): not added (the receipt is
 *   signed over its evidence hashes), and the ASN is told so, naming the receipt.
 * - Neither: a registered ASN is answered once with the caption to use, at most once per PICTURE_HINT_GAP_MS
 *   (WhatsApp counts outgoing volume; a reply in a chat the ASN opened is not a reach-out, but ten pictures sent
 *   one by one must not become ten hints). Nothing is downloaded, but the pictures are held (by the adapter, in
 *   the database: store/pending-pictures.ts, so a restart keeps them) for HELD_PICTURES_MS: a
 *   `LAPOR <what happened>` typed after them reports them with it, as a phone user sends pictures first and then
 *   writes, and `LAPOR` alone starts the guided flow with them (report-flow.ts). A stranger is not answered beyond
 *   the first-contact hint every private message gets, nothing of theirs is held or downloaded.
 * - Videos only (a lone video, or an album of videos), neither LAPOR nor a report open: a registered ASN is told once
 *   (at most once per PICTURE_HINT_GAP_MS, as the picture hint) that videos are not kept as evidence and what to send
 *   instead; nothing is held, as a video is never kept. A stranger is answered as for a picture.
 */
import type { Platform } from '../core/ids.js';
import { whatsappTexts } from '../core/messages/whatsapp.js';
import { SelfReportStore } from '../store/self-reports.js';
import type { App } from './app.js';
import { beginSelfReport, continueFlow, hasActiveFlow, type FlowReply } from './report-flow.js';
import { noEvidence, reporterAsn, type DownloadedEvidence } from './self-report.js';

/** A registered ASN who sends pictures with no LAPOR is reminded how to report at most this often. */
export const PICTURE_HINT_GAP_MS = 10 * 60_000;

/** Pictures sent with no LAPOR are joined to a `LAPOR <text>` that comes within this long after the last of them. */
export const HELD_PICTURES_MS = PICTURE_HINT_GAP_MS;

/** Whether pictures held since `heldAt` still join a LAPOR sent now. */
export function heldPicturesJoin(app: App, heldAt: number): boolean {
  return app.clock() - heldAt < HELD_PICTURES_MS;
}

/** What pictures sent with no LAPOR get: an answer (or none), and whether they are held for a LAPOR typed after them. */
export interface PictureOutcome {
  reply?: FlowReply;
  hold: boolean;
  /** The pictures held before (AlbumInput.carried) went into this answer's report: they are no longer held. */
  tookCarried?: boolean;
}

/** The outbox kind of that reminder (a reply: it goes after alerts, core/priority.ts). */
export const PICTURE_HINT_KIND = 'wa_hint';

/** The outbox kind of the answer to videos sent with no LAPOR (a reply, as the picture hint; rate-limited on its own). */
export const VIDEO_HINT_KIND = 'wa_video_hint';

/** `LAPOR <rest>` (or `/lapor`), as a WhatsApp text or caption: the rest, or undefined when it is not one. */
export function laporRest(text: string): string | undefined {
  const m = /^(?:\/)?lapor\b\s*([\s\S]*)$/i.exec(text.trim());
  return m ? (m[1] ?? '') : undefined;
}

/** An album as the adapter hands it over. */
export interface AlbumInput {
  platform: Platform;
  /** Who sent it (the WhatsApp phone JID when known). */
  reporterId: string;
  /** The album's own key (`wa:<chat>:album:<header id>`): its report is stored under it. */
  sourceKey: string;
  /** Captions of its pictures, in order (empty ones left out). */
  captions: string[];
  /** How many pictures (or files) it holds. */
  count: number;
  /** Every item of it is a video (which is never kept): with no LAPOR and no report open, the video answer. */
  videosOnly?: boolean;
  /** Some of this album was answered already: these pictures came after that answer. */
  late: boolean;
  /** The sender had never written to the number before. */
  firstContact: boolean;
  /**
   * Fetches every file of the album (called only for a registered ASN whose album is kept); `intoFlow`: they go into
   * an open guided report, whose files count against the ASN's daily evidence room (report-flow.ts fetchBudget).
   */
  download: (intoFlow: boolean) => Promise<DownloadedEvidence>;
  /**
   * Fetches the pictures this sender sent just before with no LAPOR and that still wait for one (none when there are
   * none): an album with a LAPOR caption reports them first, as a `LAPOR <text>` does.
   */
  carried?: () => Promise<DownloadedEvidence>;
}

/** The one answer to an album (or none), and whether its pictures are held for a LAPOR typed after them. */
export async function answerAlbum(app: App, a: AlbumInput): Promise<PictureOutcome> {
  const asn = reporterAsn(app, a.platform, a.reporterId);
  if (a.late && asn) {
    const report = new SelfReportStore(app.db).bySource(a.sourceKey);
    if (report) return { reply: { text: whatsappTexts(app.config.LANGUAGE).albumLate({ count: a.count, receiptNo: report.receiptNo }), kind: 'command_reply' }, hold: false };
  }
  // The LAPOR caption, wherever it is; the album's other captions are more of what the ASN wrote.
  const at = a.captions.findIndex((c) => laporRest(c) !== undefined);
  if (at >= 0) {
    const text = [laporRest(a.captions[at]!)!, ...a.captions.filter((_, i) => i !== at)].filter((x) => x.trim()).join('\n');
    // Files are fetched only for a registered ASN: a stranger's upload is never downloaded.
    const before = asn && a.carried ? await a.carried() : noEvidence();
    const got = asn ? await a.download(false) : noEvidence();
    const reply = await beginSelfReport(app, { platform: a.platform, reporterId: a.reporterId, sourceKey: a.sourceKey, text, files: got.files, skipped: got.skipped }, before);
    return { reply, hold: false, tookCarried: Boolean(asn && a.carried) };
  }
  if (hasActiveFlow(app, a.platform, a.reporterId)) {
    const got = asn ? await a.download(true) : noEvidence();
    const r = await continueFlow(app, a.platform, a.reporterId, asn, { text: a.captions.join('\n'), files: got.files, skipped: got.skipped });
    if (r) return { reply: r, hold: false };
  }
  return a.videosOnly ? videoHint(app, a.platform, a.reporterId, a.firstContact) : pictureHint(app, a.platform, a.reporterId, a.firstContact);
}

/**
 * The answer to a picture or file (or album) with no LAPOR and no report open: the caption to use for a registered
 * ASN (not again within PICTURE_HINT_GAP_MS), whose pictures are held for a LAPOR typed after them; the
 * first-contact hint for a stranger who never wrote before, else none.
 */
export function pictureHint(app: App, platform: Platform, senderId: string, firstContact: boolean): PictureOutcome {
  const t = whatsappTexts(app.config.LANGUAGE);
  if (!reporterAsn(app, platform, senderId)) return { hold: false, ...(firstContact ? { reply: { text: t.privateHint({ org: app.config.ORG_NAME }), kind: 'command_reply' } } : {}) };
  const last = app.monitor.outbox.lastQueued(platform, senderId, PICTURE_HINT_KIND);
  if (last !== undefined && app.clock() - last < PICTURE_HINT_GAP_MS) return { hold: true };
  return { reply: { text: t.pictureNotReport, kind: PICTURE_HINT_KIND }, hold: true };
}

/**
 * The answer to a video (or an album of videos only) with no LAPOR and no report open: a registered ASN is told that
 * videos are not kept as evidence and what to send instead (not again within PICTURE_HINT_GAP_MS); nothing is held,
 * as a video is never kept. A stranger gets what a picture gets (the first-contact hint, else none).
 */
export function videoHint(app: App, platform: Platform, senderId: string, firstContact: boolean): PictureOutcome {
  if (!reporterAsn(app, platform, senderId)) return { ...pictureHint(app, platform, senderId, firstContact), hold: false };
  const last = app.monitor.outbox.lastQueued(platform, senderId, VIDEO_HINT_KIND);
  if (last !== undefined && app.clock() - last < PICTURE_HINT_GAP_MS) return { hold: false };
  return { reply: { text: whatsappTexts(app.config.LANGUAGE).videoNotReport, kind: VIDEO_HINT_KIND }, hold: false };
}

/**
 * Whether a video with no caption is passed over entirely (no answer, not even the first-contact mark): a stranger's,
 * as before videos reached the adapter. A registered ASN's is answered (videoHint, or a step of an open report).
 */
export function videoPassedOver(app: App, platform: Platform, senderId: string, caption: string): boolean {
  return !caption.trim() && !reporterAsn(app, platform, senderId);
}
