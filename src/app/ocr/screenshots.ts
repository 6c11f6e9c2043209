/**
 * Screenshots in self-reports, read by an offline OCR (issue 18): after a report is recorded (its receipt goes
 * first), each image is read in the background, one at a time, through the TextReader port. The text is scored by
 * the app's classifier, the group named in the screenshot's header by the campaign-group scorer, and the result
 * is stored with the evidence item (self_report_ocr). When the reading says something, Humas gets a follow-up
 * marked as machine-read (or, for a report held for a mass summary, a line in the summary: ./followup.ts); Pilkada terms found mark the report's case. A failed or slow read changes nothing
 * else: the image is kept either way, and the report stands as the ASN sent it.
 */
import { openSync, readSync, closeSync } from 'node:fs';
import { scoreCampaignGroup } from '../../core/campaign-group.js';
import type { PilkadaClassifier } from '../../core/classifier.js';
import { groupNameFromScreen } from '../../core/screen-text.js';
import { hasReading, saveReading, unreadImagesOf, unreadImagesSince, type OcrJob } from '../../store/ocr.js';
import { SelfReportStore } from '../../store/self-reports.js';
import type { AppCases } from '../context.js';
import { alertRoute, enqueueOcrFollowup, saysSomething } from './followup.js';
import { probeTesseract, TesseractReader } from './tesseract.js';
import { imageKind, type TextReader } from './text-reader.js';

/** Images received this long ago and never read (the bot stopped first) are read at the next start. */
export const OCR_RESUME_WINDOW_MS = 7 * 86_400_000;

/** What the OCR queue uses of the application: cases (database, outbox, log) and the classifier. */
export type OcrDeps = AppCases & { readonly classifier: PilkadaClassifier };

/** Where OCR stands: on with its engine, off by configuration, or off because the engine is missing. */
export type OcrState = { on: true; engine: string } | { on: false; why: 'disabled' | 'missing'; detail: string };

/** The engine OCR_TESSERACT names, probed; a missing binary or language turns OCR off (the bot runs on without it). */
export async function openTextReader(bin: string): Promise<{ reader?: TextReader; state: OcrState }> {
  if (bin === 'off') return { state: { on: false, why: 'disabled', detail: 'OCR_TESSERACT=off' } };
  const p = await probeTesseract(bin);
  if (!p.ok) return { state: { on: false, why: 'missing', detail: p.detail } };
  const lacking = ['ind', 'eng'].filter((l) => !p.languages.includes(l));
  if (lacking.length) return { state: { on: false, why: 'missing', detail: `${bin}: no language data for ${lacking.join(', ')}` } };
  const reader = new TesseractReader({ bin, version: p.version });
  return { reader, state: { on: true, engine: reader.engine } };
}

/** Reads self-report images one at a time, off the message path. */
export class ScreenshotReader {
  private queue: OcrJob[] = [];
  private queued = new Set<number>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private opened: Promise<TextReader | undefined> | undefined;
  /** Where OCR stands once the engine was probed (the health line, tests). */
  state: OcrState | undefined;

  /** `reader`: a given engine (tests, evaluation); otherwise OCR_TESSERACT is probed on first use. */
  constructor(private readonly app: OcrDeps, private reader?: TextReader) {
    if (reader) this.state = { on: true, engine: reader.engine };
  }

  /** Probes the engine once and logs whether OCR is on (at start, and on first use when nothing started it). */
  open(): Promise<TextReader | undefined> {
    this.opened ??= (this.reader ? Promise.resolve(this.reader) : openTextReader(this.app.config.OCR_TESSERACT).then(({ reader, state }) => {
      this.state = state;
      this.reader = reader;
      if (state.on) this.app.log.info({ engine: state.engine }, 'ocr: screenshots in self-reports are read offline');
      else if (state.why === 'missing') this.app.log.warn({ detail: state.detail }, 'ocr: off, tesseract is not usable; self-report images are kept unread (install tesseract-ocr tesseract-ocr-ind, or set OCR_TESSERACT=off)');
      else this.app.log.info('ocr: off (OCR_TESSERACT=off)');
      return reader;
    }));
    return this.opened;
  }

  /** Queues a report's images; the work starts after the current turn, so the receipt is sent first. */
  enqueueReport(reportId: number): void {
    if (this.stopped || this.app.config.OCR_TESSERACT === 'off') return;
    this.add(unreadImagesOf(this.app.db, reportId));
  }

  /** Queues images of the last week that were never read (the bot stopped before it got to them). */
  resume(now: number): number {
    if (this.stopped || this.app.config.OCR_TESSERACT === 'off') return 0;
    const jobs = unreadImagesSince(this.app.db, now - OCR_RESUME_WINDOW_MS);
    this.add(jobs);
    return jobs.length;
  }

  private add(jobs: OcrJob[]): void {
    for (const j of jobs) {
      if (this.queued.has(j.evidenceId)) continue;
      this.queued.add(j.evidenceId);
      this.queue.push(j);
    }
    if (this.queue.length && !this.running) this.running = new Promise<void>((r) => setImmediate(r)).then(() => this.drain()).finally(() => (this.running = undefined));
  }

  /** Resolves once every queued image has been read (tests, evaluation). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops: the read under way is killed, queued images wait for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queue = [];
    this.reader?.cancel();
    await this.running?.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    const reader = await this.open();
    while (!this.stopped && this.queue.length) {
      const job = this.queue.shift()!;
      if (!reader) {
        this.queued.delete(job.evidenceId);
        continue;
      }
      try {
        await this.readOne(reader, job);
      } catch (err) {
        this.app.log.warn({ err: String(err), evidenceId: job.evidenceId }, 'ocr: could not store a reading');
      } finally {
        this.queued.delete(job.evidenceId);
      }
    }
  }

  private async readOne(reader: TextReader, job: OcrJob): Promise<void> {
    const db = this.app.db;
    if (!db.open || hasReading(db, job.evidenceId)) return;
    const started = performance.now();
    let text = '';
    let confidence = 0;
    let error: string | undefined;
    if (!imageKind(fileHead(job.path))) error = 'not an image';
    else {
      try {
        ({ text, confidence } = await reader.read(job.path));
      } catch (err) {
        error = err instanceof Error ? err.message : String(err);
      }
    }
    if (this.stopped && error) return; // killed by stop(): read again at the next start
    if (!db.open) return;
    const ms = Math.round(performance.now() - started);
    const now = this.app.clock();
    if (error) {
      this.app.log.warn({ evidenceId: job.evidenceId, error }, 'ocr: image not read; kept as it is');
      saveReading(db, { evidenceId: job.evidenceId, status: 'failed', engine: reader.engine, text: '', confidence: null, groupName: null, pilkada: false, score: null, terms: [], campaignGroup: false, error, ms, at: now });
      return;
    }
    const lang = this.app.config.LANGUAGE;
    const groupName = groupNameFromScreen(text);
    const c = this.app.classifier.classify(text);
    const group = groupName ? scoreCampaignGroup(this.app.classifier, groupName, undefined, lang) : undefined;
    const pilkada = c.pilkada || Boolean(group?.campaign);
    const store = new SelfReportStore(db);
    const report = store.byId(job.reportId);
    db.transaction(() => {
      saveReading(db, { evidenceId: job.evidenceId, status: 'read', engine: reader.engine, text, confidence, groupName: groupName ?? null, pilkada, score: c.score, terms: c.terms, campaignGroup: Boolean(group?.campaign), error: null, ms, at: now });
      if (!report) return;
      // The case the report opened gets the screenshot's Pilkada terms, as a case the bot saw itself carries its message's.
      if (pilkada && report.incidentId !== null) {
        const terms = c.terms.length ? c.terms : groupName ? [groupName] : [];
        db.prepare(`UPDATE incidents SET terms = ?, updated_at = ? WHERE id = ? AND kind = 'reported' AND terms = '[]'`).run(JSON.stringify(terms), now, report.incidentId);
      }
      if (!saysSomething({ text, groupName: groupName ?? null, pilkada })) return;
      // A report held for a mass summary gets no follow-up of its own: the summary carries it (app/ocr/followup.ts).
      if (alertRoute(db, report.id) !== 'alone') return;
      enqueueOcrFollowup(this.app, report, job, { text, groupName: groupName ?? null, pilkada, terms: c.terms, confidence }, now);
    })();
    this.app.dispatcher.wake();
    this.app.log.info({ evidenceId: job.evidenceId, ms, confidence, groupName: groupName ?? null, pilkada }, 'ocr: screenshot read');
  }
}

/** The first bytes of a file (the image check), empty when it cannot be read. */
function fileHead(path: string): Buffer {
  try {
    const fd = openSync(path, 'r');
    try {
      const b = Buffer.alloc(16);
      const n = readSync(fd, b, 0, 16, 0);
      return b.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return Buffer.alloc(0);
  }
}
