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

/** What one scan needs. */
export interface ScanOptions {
  app: App;
  checker: MembershipChecker;
  scan: ScanRow;
  /** Pause between two checks (default 200 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Runs one scan to its end (or until aborted / replaced); resolves with how many ASN were found inside. Never throws. */
export async function scanGroupMembers(o: ScanOptions): Promise<number> {
  const { app, checker, scan } = o;
  const candidates = app.registry
    .all()
    .filter((a) => a.telegramId !== undefined && (scan.afterNip === null || a.nip > scan.afterNip))
    .sort((a, b) => (a.nip < b.nip ? -1 : 1));
  let found = 0;
  for (const [i, asn] of candidates.entries()) {
    if (o.signal?.aborted) return found;
    if (i > 0) await pause(o.intervalMs ?? 200, o.signal);
    if (o.signal?.aborted) return found;
    const inside = await checker.isMember(scan.chatId, asn.telegramId!).catch(() => undefined);
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
      app.log.warn({ err: String(err), chatId: scan.chatId }, 'telegram: membership scan could not record a member');
    }
  }
  app.monitor.chats.scans.finish(scan);
  return found;
}

/** Runs pending Telegram scans one after the other until stopped; `wake()` when new ones are asked for. */
export class TelegramScanner {
  private wakeUp: (() => void) | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly o: Omit<ScanOptions, 'scan'> & { signal: AbortSignal }) {}

  /** Starts the loop (once). */
  start(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  /** New scans may be waiting. */
  wake(): void {
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    const { app, signal } = this.o;
    while (!signal.aborted) {
      for (const scan of app.monitor.chats.scans.pending('telegram')) {
        if (signal.aborted) return;
        const found = await scanGroupMembers({ ...this.o, scan });
        app.log.info({ chatId: scan.chatId, found }, 'telegram: membership scan done');
      }
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

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
