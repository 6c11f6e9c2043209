/**
 * Timed work: reminders to campaign groups (REMINDER_CRON), the Humas digest
 * (DIGEST_CRON), lifecycle passes (membership checks, follow-ups, escalations,
 * expiry), database backups (BACKUP_CRON) and the daily retention pass
 * (RETENTION_DAYS), all in APP_TIMEZONE. Job bodies
 * are exported functions of `(app, now)` so tests drive them on a fake clock;
 * the Scheduler only wires them to croner and makes sure a failing job is
 * logged and never takes the process down.
 */
import { flushLoginRefusals } from '../store/login-refusals.js';
import { Cron } from 'croner';
import type { EpochMs } from '../core/types.js';
import { enqueueGroupReminder } from './alerts.js';
import type { App } from './app.js';
import { backupDatabase, type BackupResult } from './backup.js';
import { runDigest, type DigestResult } from './digest.js';
import { checkOpenCases, runLifecycle, type CheckResult, type LifecycleResult } from './lifecycle.js';
import { expireFlows } from './report-flow.js';
import type { MembershipChecker } from './ports.js';
import { applyRetention, type RetentionResult } from '../store/retention.js';
import { audit, filesAndBytes } from '../store/audit.js';
import { DONE_KEPT_MS, dropUnfinishable, type DroppedPending } from '../store/pending-pictures.js';
import { UNFINISHED_ALBUM_DROP_MS } from './albums.js';
import { HELD_PICTURES_MS } from './self-report-pictures.js';

/** Default cadence of lifecycle passes. */
export const LIFECYCLE_CRON = '*/10 * * * *';
/** When the daily retention pass runs (APP_TIMEZONE), after the nightly backup. */
export const RETENTION_CRON = '15 3 * * *';

/**
 * The retention job: blanks raw payloads, private-message texts and refused-attempt audit details older than
 * RETENTION_DAYS, deletes old self-report evidence files and forgets old WhatsApp names (store/retention.ts), and
 * drops pending pictures that can no longer be finished (store/pending-pictures.ts): they hold media keys, URLs, file
 * ids and captions, and would otherwise stay forever when the bot never reconnects to that platform. Each kind of
 * thing that went is written to the audit log in the same transaction, one row per kind with how many (actor
 * `system`, action `retention`), so the chained log shows what the records lost and when.
 */
export function runRetentionJob(app: App, now: EpochMs): RetentionResult & { pending: DroppedPending } {
  flushLoginRefusals(app.db, now);
  const days = app.config.RETENTION_DAYS;
  const r = app.db.transaction(() => {
    const res = applyRetention(app.db, days, now);
    for (const row of retentionAuditRows(res, days)) audit(app.db, { at: now, actor: 'system', action: 'retention', allowed: true, ...row });
    return res;
  })();
  if (r.events || r.messages || r.audit) app.log.info({ events: r.events, messages: r.messages, audit: r.audit, days }, 'retention: old payloads, private texts and refused-attempt details cleared');
  if (r.evidenceFiles || r.names) app.log.info({ evidenceFiles: r.evidenceFiles, names: r.names, days }, 'retention: old evidence files deleted and WhatsApp names forgotten');
  const albumAge = Math.min(UNFINISHED_ALBUM_DROP_MS, days * 86_400_000);
  const pending = app.db.transaction(() => {
    const d = dropUnfinishable(app.db, now - HELD_PICTURES_MS, now - albumAge, now - DONE_KEPT_MS);
    if (d.held || d.albumPictures || d.headers || d.done) {
      audit(app.db, {
        at: now, actor: 'system', action: 'retention', allowed: true,
        args: `held pictures older than ${HELD_PICTURES_MS / 60_000} min; unanswered albums older than ${albumAge / 3_600_000} h; answered albums' messages older than ${DONE_KEPT_MS / 3_600_000} h`,
        result: `pending pictures dropped: ${d.held} held, ${d.albumPictures} of unanswered albums, ${d.headers} album headers, ${d.done} of answered albums`,
      });
    }
    return d;
  })();
  if (pending.held || pending.albumPictures || pending.headers) app.log.info({ ...pending }, 'retention: pending pictures that can no longer be finished dropped');
  return { ...r, pending };
}

/**
 * One audit row per kind of record a retention pass changed (none for a kind it left alone): what, and how many; for
 * evidence files also how many were on the disk and their bytes (one already missing still loses its path and OCR text).
 */
export function retentionAuditRows(r: RetentionResult, days: number): { args: string; result: string }[] {
  const older = `older than ${days} days`;
  const onDisk = `; ${filesAndBytes(r.evidenceRemoved.files, r.evidenceRemoved.bytes)} removed from disk`;
  const rows: [number, string, string, string?][] = [
    [r.events, `event payloads ${older}`, 'event payloads blanked'],
    [r.messages, `private message texts ${older}`, 'private message texts blanked'],
    [r.audit, `refused-attempt audit details ${older}`, 'refused-attempt audit details blanked'],
    [r.evidenceFiles, `self-report evidence files ${older}`, 'self-report evidence files deleted (their SHA-256 kept; OCR text blanked)', onDisk],
    [r.names, `WhatsApp names not seen for ${days} days`, 'WhatsApp names forgotten'],
  ];
  return rows.filter(([n]) => n > 0).map(([n, args, what, more]) => ({ args, result: `${what}: ${n}${more ?? ''}` }));
}

/** Queues the scheduled reminder in every campaign group with the bot inside and reminders on; returns the chats reminded. */
export function runReminders(app: App, now: EpochMs): string[] {
  const deps = { outbox: app.monitor.outbox, chats: app.monitor.chats, config: app.config, registrationLink: (p: 'telegram' | 'whatsapp') => app.registrationLinks[p] };
  const reminded = app.db.transaction(() =>
    app.monitor.chats
      .list()
      .filter((c) => c.campaign && c.botMember && c.remindersEnabled)
      .filter((c) => enqueueGroupReminder(deps, c.platform, c.chatId, now, 'scheduled'))
      .map((c) => `${c.platform}:${c.chatId}`),
  )();
  if (reminded.length) app.dispatcher.wake();
  return reminded;
}

/** One lifecycle job: membership checks first (they may close cases), then follow-ups, escalations and expiry. */
export async function runLifecycleJob(app: App, now: EpochMs, checkers: readonly MembershipChecker[] = []): Promise<{ checks: CheckResult; lifecycle: LifecycleResult }> {
  const checks = await checkOpenCases(app, checkers, now);
  // Guided self-reports silent for 30 minutes end here, with a polite word to the ASN.
  expireFlows(app, now);
  return { checks, lifecycle: runLifecycle(app, now, { checkers }) };
}

/** The digest job. */
export function runDigestJob(app: App, now: EpochMs): DigestResult {
  return runDigest(app, now);
}

/** The backup job: BACKUP_DIR, keeping BACKUP_KEEP (old ones deleted are on the audit log: app/backup.ts). */
export async function runBackupJob(app: App, now: EpochMs): Promise<BackupResult> {
  const r = await backupDatabase(app.db, app.config.BACKUP_DIR, app.config.BACKUP_KEEP, now);
  // The chain heads of the copy, in the log: a log kept elsewhere pins what the records were at this time.
  app.log.info({ job: 'backup', path: r.path, removed: r.removed.length, removedBytes: r.pruned.bytes, chainHeads: r.heads }, 'backup written');
  if (r.pruned.failed.length) app.log.warn({ job: 'backup', failed: r.pruned.failed }, 'backup: old backups that could not be deleted (kept; tried again next time)');
  return r;
}

/** Scheduler settings beyond the config. */
export interface SchedulerOptions {
  /** Membership checkers of the connected platforms. */
  checkers?: readonly MembershipChecker[];
  /** Cron of lifecycle passes (default every 10 minutes). */
  lifecycleCron?: string;
  /** Skip backups (e.g. for `:memory:` databases). Default: skipped only for `:memory:`. */
  backups?: boolean;
}

/** One named job: its cron pattern and its body. */
export interface JobSpec {
  name: string;
  pattern: string;
  run: (now: EpochMs) => unknown;
}

/** Runs a job body, logging (never rethrowing) synchronous and asynchronous failures. Returns whether it succeeded. */
export async function runSafely(app: Pick<App, 'log'>, name: string, fn: () => unknown): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (err) {
    app.log.error({ job: name, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, `scheduled job "${name}" failed`);
    return false;
  }
}

/** Croner jobs for reminders, digest, lifecycle and backups. `start()` is idempotent; `stop()` cancels all. */
export class Scheduler {
  private jobs: { name: string; cron: Cron }[] = [];
  private checkers: readonly MembershipChecker[];

  constructor(private readonly app: App, private readonly opts: SchedulerOptions = {}) {
    this.checkers = opts.checkers ?? [];
  }

  /** Replaces the membership checkers (adapters connect after the scheduler starts). */
  setCheckers(checkers: readonly MembershipChecker[]): void {
    this.checkers = checkers;
  }

  /** The jobs this scheduler runs, with their patterns. */
  specs(): JobSpec[] {
    const c = this.app.config;
    const specs: JobSpec[] = [
      { name: 'reminders', pattern: c.REMINDER_CRON, run: (now) => runReminders(this.app, now) },
      { name: 'digest', pattern: c.DIGEST_CRON, run: (now) => runDigestJob(this.app, now) },
      { name: 'lifecycle', pattern: this.opts.lifecycleCron ?? LIFECYCLE_CRON, run: (now) => runLifecycleJob(this.app, now, this.checkers) },
      { name: 'retention', pattern: RETENTION_CRON, run: (now) => runRetentionJob(this.app, now) },
    ];
    const backups = this.opts.backups ?? c.DATABASE_PATH !== ':memory:';
    if (backups) specs.push({ name: 'backup', pattern: c.BACKUP_CRON, run: (now) => runBackupJob(this.app, now) });
    return specs;
  }

  /** Starts every job in APP_TIMEZONE; throws at once on an invalid cron pattern. */
  start(): void {
    if (this.jobs.length) return;
    const tz = this.app.config.APP_TIMEZONE;
    for (const s of this.specs()) {
      try {
        // No croner `name`: names are global in croner and two apps (tests, demo) would collide.
        const cron = new Cron(s.pattern, { timezone: tz, protect: true }, async () => {
          await runSafely(this.app, s.name, () => s.run(this.app.clock()));
        });
        this.jobs.push({ name: s.name, cron });
      } catch (err) {
        this.stop();
        throw new Error(`invalid cron pattern for ${s.name} ("${s.pattern}"): ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.app.log.info({ jobs: this.nextRuns().map((j) => ({ name: j.name, next: j.next?.toISOString() })) }, 'scheduler started');
  }

  /** When each job runs next, for /status and logs. */
  nextRuns(): { name: string; next: Date | null }[] {
    return this.jobs.map((j) => ({ name: j.name, next: j.cron.nextRun() }));
  }

  /** Stops every job. */
  stop(): void {
    for (const j of this.jobs) j.cron.stop();
    this.jobs = [];
  }
}
