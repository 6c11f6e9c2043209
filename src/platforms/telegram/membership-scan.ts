/**
 * A bot cannot list a group's members, but it can ask about each registered
 * ASN whose Telegram id it knows. Scans are asked for in SQLite (when the bot
 * joins a campaign group, or a group becomes one); this walks the registry in
 * NIP order, slowly (one getChatMember per `intervalMs`), saving its place
 * after each ASN so a restart resumes, and reports those inside as
 * `members_present`.
 */
import type { App } from '../../app/app.js';
import type { MembershipChecker } from '../../app/ports.js';
import type { ScanRow } from '../../store/scans.js';
import { abortableSleep } from './sleep.js';

/** What one scan needs. */
export interface ScanOptions {
  app: App;
  checker: MembershipChecker;
  scan: ScanRow;
  /** Pause between two checks (default 200 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Attempts per ASN before a scan gives up for now (it stays pending and resumes at that ASN later). */
export const SCAN_TRIES = 5;

/** Asks whether one ASN is inside, retrying with growing pauses; undefined when Telegram would not say. */
async function checkWithRetry(o: ScanOptions, userId: string): Promise<boolean | undefined> {
  for (let attempt = 0; attempt < SCAN_TRIES; attempt++) {
    if (attempt > 0) await abortableSleep((o.intervalMs ?? 200) * 5 * 2 ** attempt, o.signal);
    if (o.signal?.aborted) return undefined;
    const inside = await o.checker.isMember(o.scan.chatId, userId).catch(() => undefined);
    if (inside !== undefined) return inside;
  }
  return undefined;
}

/**
 * Runs one scan to its end; resolves with how many ASN were found inside. Never throws.
 * Stops early (leaving the scan pending, resumable at the ASN it could not check) when
 * aborted, replaced by a newer request, or when Telegram keeps failing to answer.
 */
export async function scanGroupMembers(o: ScanOptions): Promise<number> {
  const { app, scan } = o;
  const candidates = app.registry
    .all()
    .filter((a) => a.telegramId !== undefined && (scan.afterNip === null || a.nip > scan.afterNip))
    .sort((a, b) => (a.nip < b.nip ? -1 : 1));
  let found = 0;
  for (const [i, asn] of candidates.entries()) {
    if (o.signal?.aborted) return found;
    if (i > 0) await abortableSleep(o.intervalMs ?? 200, o.signal);
    if (o.signal?.aborted) return found;
    const inside = await checkWithRetry(o, asn.telegramId!);
    if (inside === undefined) {
      app.log.warn({ chatId: scan.chatId }, 'telegram: membership scan paused, Telegram did not answer; it resumes later');
      return found;
    }
    try {
      const still = app.db.transaction(() => {
        if (inside === true) {
          app.monitor.handle({
            kind: 'members_present',
            dedupeKey: `tg:scan:${scan.chatId}:${asn.telegramId}:${scan.token}`,
            at: app.clock(),
            chat: { platform: 'telegram', id: scan.chatId },
            members: [{ platform: 'telegram', id: asn.telegramId, username: asn.telegramUsername }],
          });
        }
        return app.monitor.chats.scans.progress(scan, asn.nip);
      })();
      if (inside === true) found++;
      if (!still) return found; // a newer request replaced this scan
    } catch (err) {
      app.monitor.chats.forget();
      app.log.warn({ err: String(err), chatId: scan.chatId }, 'telegram: membership scan could not record a member; it resumes later');
      return found;
    }
  }
  app.monitor.chats.scans.finish(scan);
  return found;
}

/** Runs pending Telegram scans one after the other until stopped; `wake()` when new ones are asked for. */
export class TelegramScanner {
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private running: Promise<void> | undefined;

  constructor(private readonly o: Omit<ScanOptions, 'scan'> & { signal: AbortSignal }) {}

  /** Starts the loop (once). */
  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  /** New scans may be waiting. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    const { app, signal } = this.o;
    while (!signal.aborted) {
      this.woken = false;
      for (const scan of app.monitor.chats.scans.pending('telegram')) {
        if (signal.aborted) return;
        const found = await scanGroupMembers({ ...this.o, scan });
        app.log.info({ chatId: scan.chatId, found }, 'telegram: membership scan pass');
      }
      if (this.woken) continue; // asked again while scanning: look at once
      // Nothing new: sleep until woken, or a minute (scans paused by Telegram failures are retried then).
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, 60_000);
        this.wakeUp = done;
        signal.addEventListener('abort', done, { once: true });
        function done(): void {
          clearTimeout(t);
          signal.removeEventListener('abort', done);
          resolve();
        }
      });
    }
  }
}
