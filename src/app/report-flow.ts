/**
 * The guided self-report: what happened, where, evidence, confirm. Its state is
 * a row of report_flows (step + answers as JSON), so a restart in the middle
 * resumes where the ASN was; 30 minutes of silence end it politely, and
 * `batal` cancels it. Evidence files sent during the flow are stored at once
 * (0600) and their paths kept in the row. Platform-independent: adapters pass
 * button data and texts in, and send the prompts out.
 */
import { readFileSync, rmdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Platform } from '../core/ids.js';
import { flowTexts } from '../core/messages/report-flow.js';
import { REPORT_CATEGORIES, REPORT_PLACES, type ReportCategory, type ReportPlace } from '../core/self-report.js';
import type { AsnRecord } from '../core/types.js';
import { audit, auditRemoval, filesAndBytes } from '../store/audit.js';
import { ensurePrivateDir, removeFiles, writePrivateFile, type RemovedFiles } from '../store/private-files.js';
import type { App } from './app.js';
import { dataDir } from './receipt.js';
import {
  capEvidence, evidenceRoom, FetchBudget, handleSelfReport, MAX_EVIDENCE_FILES, noEvidence, notRegisteredText, reporterAsn, withSkippedNote,
  type DownloadedEvidence, type EvidenceFile, type ReceiptReply, type SelfReportInput, type SkippedEvidence,
} from './self-report.js';

/** Silence after which a flow ends. */
export const FLOW_TIMEOUT_MS = 30 * 60_000;

type Step = 'what' | 'where' | 'evidence' | 'confirm';

interface FlowData {
  category?: ReportCategory;
  place?: ReportPlace;
  notes: string[];
  files: { path: string; filename: string; kind: EvidenceFile['kind']; mime?: string; bytes?: number }[];
  forwards: string[];
  /** Videos sent during the flow, not kept (the ASN was told at each step; Humas is told with the report). */
  videos?: number;
}

/** What the ASN may still have kept now, the files of this flow counted (self-report.ts evidenceRoom). */
const roomFor = (app: App, nip: string, f: FlowRow): number => evidenceRoom(app, nip, app.clock(), f.data.files.reduce((n, x) => n + (x.bytes ?? 0), 0));

/**
 * The fetch budget for a registered ASN's evidence now (self-report.ts FetchBudget): their daily room, less what
 * their open guided report holds when the files go into it (`intoFlow`); a `/lapor` starts afresh, so its files
 * are judged without the flow's. A stranger's files are never fetched (room 0).
 */
export function fetchBudget(app: App, platform: Platform, userId: string, intoFlow: boolean): FetchBudget {
  const asn = reporterAsn(app, platform, userId);
  if (!asn) return new FetchBudget(0);
  const f = intoFlow ? load(app, platform, userId) : undefined;
  return new FetchBudget(f ? roomFor(app, asn.nip, f) : evidenceRoom(app, asn.nip, app.clock()));
}

/** How many of these were videos. */
const videosIn = (skipped: readonly SkippedEvidence[]): number => skipped.filter((x) => x === 'video').length;

interface FlowRow {
  step: Step;
  data: FlowData;
  startedAt: number;
  updatedAt: number;
}

/** What an adapter sends back: a text with buttons, and for the last step the receipt files. */
export interface FlowReply {
  text: string;
  buttons?: { text: string; data: string }[][];
  files?: ReceiptReply['files'];
  kind: string;
}

/** One incoming thing during a flow. */
export interface FlowInput {
  /** Button data (`lapor:...`). */
  button?: string;
  text?: string;
  files?: EvidenceFile[];
  /** Files the adapter did not fetch (too big by their declared size, or a failed download). */
  skipped?: SkippedEvidence[];
  forwardOrigin?: string;
}

function load(app: App, platform: Platform, userId: string): FlowRow | undefined {
  const r = app.db.prepare(`SELECT step, data, started_at, updated_at FROM report_flows WHERE platform = ? AND user_id = ?`).get(platform, userId) as
    | { step: Step; data: string; started_at: number; updated_at: number }
    | undefined;
  return r && { step: r.step, data: JSON.parse(r.data) as FlowData, startedAt: r.started_at, updatedAt: r.updated_at };
}

function save(app: App, platform: Platform, userId: string, nip: string, f: FlowRow): void {
  app.db
    .prepare(
      `INSERT INTO report_flows (platform, user_id, asn_nip, step, data, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(platform, user_id) DO UPDATE SET step = excluded.step, data = excluded.data, updated_at = excluded.updated_at`,
    )
    .run(platform, userId, nip, f.step, JSON.stringify(f.data), f.startedAt, f.updatedAt);
}

/**
 * Ends a flow: the files it stored go first, with their folder under evidence/flows once it is empty (a sent report
 * keeps its own copies; a cancelled one keeps none), then its row. Returns the files removed and their size.
 */
function drop(app: App, platform: Platform, userId: string): RemovedFiles {
  const paths = (load(app, platform, userId)?.data.files ?? []).map((f) => f.path);
  const removed = removeFiles(paths);
  for (const dir of new Set(paths.map((p) => dirname(p)))) {
    try {
      rmdirSync(dir);
    } catch {
      // Not empty (a file that would not go) or already gone: left as it is.
    }
  }
  app.db.prepare(`DELETE FROM report_flows WHERE platform = ? AND user_id = ?`).run(platform, userId);
  return removed;
}

/**
 * Ends flows silent for FLOW_TIMEOUT_MS (`who`), in one transaction with one audit row saying how many and the
 * evidence files deleted with them (actor `system`, action `retention`): an ASN's unsent evidence is removed by the
 * bot, not by them, so the record shows it. The files go before the row is written; a crash in between leaves the
 * flow row, and the next pass ends it again.
 */
function expire(app: App, who: readonly { platform: Platform; userId: string }[], now: number, each?: (w: { platform: Platform; userId: string }) => void): void {
  if (!who.length) return;
  app.db.transaction(() => {
    const total = { files: 0, bytes: 0 };
    for (const w of who) {
      const r = drop(app, w.platform, w.userId);
      total.files += r.files;
      total.bytes += r.bytes;
      if (r.failed.length) app.log.warn({ failed: r.failed.length }, 'report flow: evidence files of an expired flow could not be deleted');
      each?.(w);
    }
    auditRemoval(app.db, now, `guided reports silent for ${FLOW_TIMEOUT_MS / 60_000} minutes`, endedResult(who.length, total));
  })();
}

/** The audit result of flow endings: how many ended and the evidence files deleted with them. */
const endedResult = (n: number, removed: { files: number; bytes: number }): string => `unfinished guided reports ended: ${n}; their evidence deleted: ${filesAndBytes(removed.files, removed.bytes)}`;

/** Why a flow ended other than by silence (the audit row's `args`). */
const END_WHY = {
  cancelled: 'guided report cancelled by the ASN',
  restarted: 'guided report restarted by the ASN',
  unmatched: 'guided report of a sender no longer in the ASN registry',
  removed: 'guided report of an ASN removed from the registry',
} as const;

/**
 * Ends one flow on the record, in the shape of the silent-flow ending (expire): its evidence files deleted and one
 * audit row (action `retention`, why in `args`, how many files went in `result`) in one transaction. `actor`: the
 * ASN for their own `batal` or restart, `system` when the bot drops it, the office actor who removed the ASN.
 */
function endFlow(app: App, platform: Platform, userId: string, now: number, actor: string, why: keyof typeof END_WHY): void {
  app.db.transaction(() => {
    const r = drop(app, platform, userId);
    if (r.failed.length) app.log.warn({ failed: r.failed.length }, 'report flow: evidence files of an ended flow could not be deleted');
    audit(app.db, { at: now, actor, platform, action: 'retention', allowed: true, args: END_WHY[why], result: endedResult(1, r) });
  })();
}

/** The audit actor of a person on a platform (`tg:5101`, `wa:62...@s.whatsapp.net`), as commands name them. */
const personActor = (platform: Platform, userId: string): string => `${platform === 'telegram' ? 'tg' : 'wa'}:${userId}`;

/**
 * Ends the open guided reports of an ASN being removed from the registry (their rows name the ASN's NIP), on the
 * record with `actor` (who removed them), in the caller's transaction. Returns how many ended.
 */
export function endFlowsOfAsn(app: App, nip: string, actor: string, now: number): number {
  const rows = app.db.prepare(`SELECT platform, user_id FROM report_flows WHERE asn_nip = ?`).all(nip) as { platform: Platform; user_id: string }[];
  for (const r of rows) endFlow(app, r.platform, r.user_id, now, actor, 'removed');
  return rows.length;
}

/** Whether this person has a flow that has not timed out. */
export function hasActiveFlow(app: App, platform: Platform, userId: string): boolean {
  const f = load(app, platform, userId);
  return f !== undefined && app.clock() - f.updatedAt < FLOW_TIMEOUT_MS;
}

/**
 * How many more private messages a minute the flood guard allows for this one (app/flood.ts): a photo or
 * document sent into an open flow is evidence, up to the per-report file cap, so an ASN sending their
 * screenshots at once is answered for each.
 */
export function floodAllowance(app: App, platform: Platform, userId: string, carriesFile: boolean): number {
  return carriesFile && hasActiveFlow(app, platform, userId) ? MAX_EVIDENCE_FILES : 0;
}

/** The prompt of a step. */
function prompt(app: App, f: FlowRow): FlowReply {
  const t = flowTexts(app.config.LANGUAGE);
  const cancel = { text: t.cancelButton, data: 'lapor:cancel' };
  if (f.step === 'what') return { text: t.askWhat, buttons: [...REPORT_CATEGORIES.map((c) => [{ text: t.category[c], data: `lapor:what:${c}` }]), [cancel]], kind: 'command_reply' };
  if (f.step === 'where') {
    const rows: { text: string; data: string }[][] = [];
    for (let i = 0; i < REPORT_PLACES.length; i += 2) rows.push(REPORT_PLACES.slice(i, i + 2).map((p) => ({ text: t.place[p], data: `lapor:where:${p}` })));
    return { text: t.askWhere, buttons: [...rows, [cancel]], kind: 'command_reply' };
  }
  if (f.step === 'evidence') return { text: t.askEvidence(f.data.notes.length + f.data.files.length + f.data.forwards.length), buttons: [[{ text: t.nextButton, data: 'lapor:next' }, cancel]], kind: 'command_reply' };
  return {
    text: t.confirm({ category: t.category[f.data.category!], place: t.place[f.data.place!], notes: f.data.notes, files: f.data.files.length, forwards: f.data.forwards }),
    buttons: [[{ text: t.sendButton, data: 'lapor:send' }, cancel]],
    kind: 'command_reply',
  };
}

/** The button a typed answer stands for: its number in the prompt's list, or the words of "next" and "send". */
function buttonForText(p: FlowReply, text: string): string | undefined {
  const all = (p.buttons ?? []).flat();
  const n = /^(\d{1,2})\.?$/.exec(text)?.[1];
  if (n !== undefined) return all[Number(n) - 1]?.data;
  if (/^(?:lanjut|next)$/i.test(text)) return all.find((x) => x.data === 'lapor:next')?.data;
  if (/^(?:kirim|send|ya|yes)$/i.test(text)) return all.find((x) => x.data === 'lapor:send')?.data;
  return undefined;
}

/** A prompt's buttons written out as a numbered list, for a platform without buttons (WhatsApp). */
export function numberedChoices(r: Pick<FlowReply, 'text' | 'buttons'>, lang: 'id' | 'en'): string {
  const all = (r.buttons ?? []).flat();
  if (!all.length) return r.text;
  return [r.text, '', lang === 'en' ? 'Reply with a number:' : 'Balas dengan angka:', ...all.map((x, i) => `${i + 1}. ${x.text}`)].join('\n');
}

/**
 * Starts (or restarts) a guided report for a registered ASN. `carried`: files sent just before (WhatsApp pictures
 * held for a LAPOR), kept at once as the report's first evidence (capped); the answer says so and names any not kept.
 */
export function startFlow(app: App, platform: Platform, userId: string, asn: AsnRecord, carried: DownloadedEvidence = noEvidence()): FlowReply {
  const now = app.clock();
  // A flow already there is replaced, its files with it (they would otherwise stay on disk with no row naming them):
  // one that timed out ends as the lifecycle job would end it, on the record; a live one is restarted by the ASN.
  const before = load(app, platform, userId);
  if (before && now - before.updatedAt >= FLOW_TIMEOUT_MS) expire(app, [{ platform, userId }], now);
  else if (before) endFlow(app, platform, userId, now, personActor(platform, userId), 'restarted');
  const f: FlowRow = { step: 'what', data: { notes: [], files: [], forwards: [], ...(videosIn(carried.skipped) ? { videos: videosIn(carried.skipped) } : {}) }, startedAt: now, updatedAt: now };
  const capped = capEvidence(carried.files, 0, roomFor(app, asn.nip, f));
  for (const file of capped.kept) f.data.files.push(keepFile(app, platform, userId, f.startedAt, f.data.files.length + 1, file));
  save(app, platform, userId, asn.nip, f);
  const p = prompt(app, f);
  const lang = app.config.LANGUAGE;
  const reply = f.data.files.length ? { ...p, text: `${flowTexts(lang).evidenceCarried(f.data.files.length)}\n\n${p.text}` } : p;
  return withSkippedNote(lang, reply, [...carried.skipped, ...capped.skipped], app.config.EVIDENCE_MB_PER_DAY);
}

/** Stores a file sent during a flow (capped) and returns what the row keeps of it. */
function keepFile(app: App, platform: Platform, userId: string, startedAt: number, n: number, file: EvidenceFile): FlowData['files'][number] {
  const dir = join(dataDir(app.config.DATABASE_PATH), 'evidence', 'flows', createHash('sha256').update(`${platform}:${userId}:${startedAt}`).digest('hex').slice(0, 24));
  ensurePrivateDir(dir);
  const filename = file.filename.replace(/[^\w.\-]+/g, '_').slice(-80) || `bukti-${n}`;
  const path = join(dir, `${n}-${filename}`);
  writePrivateFile(path, file.data);
  return { path, filename, kind: file.kind, mime: file.mime, bytes: file.data.length };
}

/**
 * Moves a flow on with what the ASN sent. Undefined when the person has no flow (or it timed out: then the
 * answer says it ended), so the adapter answers as usual.
 */
export async function continueFlow(app: App, platform: Platform, userId: string, asn: AsnRecord | undefined, input: FlowInput): Promise<FlowReply | undefined> {
  const t = flowTexts(app.config.LANGUAGE);
  const f = load(app, platform, userId);
  if (!f) return input.button?.startsWith('lapor:') ? { text: t.noFlow, kind: 'command_reply' } : undefined;
  const now = app.clock();
  if (now - f.updatedAt >= FLOW_TIMEOUT_MS) {
    expire(app, [{ platform, userId }], now);
    return input.button?.startsWith('lapor:') ? { text: t.timedOut, kind: 'command_reply' } : undefined;
  }
  if (!asn || asn.nip === undefined) {
    endFlow(app, platform, userId, now, 'system', 'unmatched');
    return undefined;
  }
  const text = input.text?.trim() ?? '';
  // Files not kept (too big, beyond ten, not downloaded) are named in one line under the answer (issue 18 point 3).
  const skipped: SkippedEvidence[] = [...(input.skipped ?? [])];
  if (input.button === 'lapor:cancel' || /^(?:batal|cancel)$/i.test(text)) {
    endFlow(app, platform, userId, now, personActor(platform, userId), 'cancelled');
    return { text: t.cancelled, kind: 'command_reply' };
  }
  // WhatsApp shows no buttons: its prompts number them, and a number (or "lanjut" / "kirim") stands for the button.
  const b = input.button ?? buttonForText(prompt(app, f), text) ?? '';
  // What one message brings to the report: its videos counted (not kept), its text as a note when `note`, a forward's
  // origin, and its files within the caps and the ASN's daily room; the files not kept join `skipped`.
  const takeEvidence = (note: boolean): void => {
    if (videosIn(skipped)) f.data.videos = (f.data.videos ?? 0) + videosIn(skipped);
    if (note) f.data.notes.push(text.slice(0, 1000));
    if (input.forwardOrigin) f.data.forwards.push(input.forwardOrigin);
    const capped = capEvidence(input.files ?? [], f.data.files.length, roomFor(app, asn.nip, f));
    for (const file of capped.kept) f.data.files.push(keepFile(app, platform, userId, f.startedAt, f.data.files.length + 1, file));
    skipped.push(...capped.skipped);
  };
  // Evidence sent before the evidence question (a phone user sends the screenshots first), or after it at the
  // confirmation, is kept for this report. With no answer in it the question is asked again (a caption is kept as a
  // description); a caption that answers it ("1" under a screenshot) is taken as the answer below.
  const early = f.step !== 'evidence' && Boolean(input.files?.length || input.forwardOrigin || skipped.length);
  if (early) {
    takeEvidence(Boolean(text && !b));
    if (!b) {
      f.updatedAt = now;
      save(app, platform, userId, asn.nip, f);
      const p = prompt(app, f);
      const held = f.data.files.length + f.data.forwards.length;
      return withSkippedNote(app.config.LANGUAGE, held ? { ...p, text: `${t.evidenceKeptEarly(held)}\n\n${p.text}` } : p, skipped, app.config.EVIDENCE_MB_PER_DAY);
    }
  }
  const what = /^lapor:what:(\w+)$/.exec(b)?.[1] as ReportCategory | undefined;
  const where = /^lapor:where:(\w+)$/.exec(b)?.[1] as ReportPlace | undefined;
  if (f.step === 'what' && what && REPORT_CATEGORIES.includes(what)) {
    f.data.category = what;
    f.step = 'where';
  } else if (f.step === 'where' && where && REPORT_PLACES.includes(where)) {
    f.data.place = where;
    f.step = 'evidence';
  } else if (f.step === 'evidence' && b === 'lapor:next') {
    if (!f.data.notes.length && !f.data.files.length && !f.data.forwards.length) return { ...prompt(app, f), text: t.needEvidence };
    f.step = 'confirm';
  } else if (f.step === 'evidence' && !b && (text || input.files?.length || input.forwardOrigin || skipped.length)) {
    takeEvidence(Boolean(text));
  } else if (f.step === 'confirm' && b === 'lapor:send') {
    const files: EvidenceFile[] = f.data.files.map((x) => ({ kind: x.kind, filename: x.filename, mime: x.mime, data: readFileSync(x.path) }));
    const r = await handleSelfReport(app, {
      platform, reporterId: userId, sourceKey: `flow:${platform}:${userId}:${f.startedAt}`, text: f.data.notes.join('\n'),
      category: f.data.category, place: f.data.place, files, forwardOrigin: f.data.forwards.join('; ') || undefined, videosBefore: f.data.videos,
    });
    drop(app, platform, userId);
    // A file sent with "kirim" that no longer fitted the day's allowance is named with the allowance, as at every step.
    return withSkippedNote(app.config.LANGUAGE, r, skipped, app.config.EVIDENCE_MB_PER_DAY);
  } else {
    // Anything else (a stale button, text where a button is expected): the current question again (evidence that
    // came with it is kept all the same).
    if (early) {
      f.updatedAt = now;
      save(app, platform, userId, asn.nip, f);
    }
    return withSkippedNote(app.config.LANGUAGE, { ...prompt(app, f), text: `${t.useButtons}\n\n${prompt(app, f).text}` }, skipped, app.config.EVIDENCE_MB_PER_DAY);
  }
  f.updatedAt = now;
  save(app, platform, userId, asn.nip, f);
  return withSkippedNote(app.config.LANGUAGE, prompt(app, f), skipped, app.config.EVIDENCE_MB_PER_DAY);
}

/** Ends flows silent for 30 minutes (called from the lifecycle job); returns the people to tell, with the text. */
export function expireFlows(app: App, now: number): { platform: Platform; userId: string; text: string }[] {
  const rows = app.db.prepare(`SELECT platform, user_id FROM report_flows WHERE updated_at <= ?`).all(now - FLOW_TIMEOUT_MS) as { platform: Platform; user_id: string }[];
  const text = flowTexts(app.config.LANGUAGE).timedOut;
  expire(app, rows.map((r) => ({ platform: r.platform, userId: r.user_id })), now, (w) =>
    app.monitor.outbox.enqueue(
      { dedupeKey: `flow-timeout:${w.platform}:${w.userId}:${now}`, platform: w.platform, recipient: w.userId, recipientKind: 'user', kind: 'command_reply', text },
      now,
    ),
  );
  if (rows.length) app.dispatcher.wake();
  return rows.map((r) => ({ platform: r.platform, userId: r.user_id, text }));
}

/**
 * `/lapor` (Telegram) or `LAPOR` (WhatsApp), with or without a text: strangers are told how to register and nothing
 * is recorded about them; an empty report starts the guided flow; anything else is recorded at once. `carried`:
 * files sent just before with no LAPOR (WhatsApp's held pictures), which belong to this report either way: the
 * flow starts with them as evidence, or they come first among the report's files.
 */
export async function beginSelfReport(app: App, input: SelfReportInput, carried: DownloadedEvidence = noEvidence()): Promise<FlowReply> {
  const asn = reporterAsn(app, input.platform, input.reporterId);
  if (!asn) return { text: notRegisteredText(app, input.platform), kind: 'command_reply' };
  // A caption-only `/lapor` whose file could not be kept starts the flow, saying so.
  if (!input.text.trim() && !input.files?.length && !input.forwardOrigin) {
    return startFlow(app, input.platform, input.reporterId, asn, { files: carried.files, skipped: [...carried.skipped, ...(input.skipped ?? [])] });
  }
  return handleSelfReport(app, { ...input, files: [...carried.files, ...(input.files ?? [])], skipped: [...carried.skipped, ...(input.skipped ?? [])] });
}
