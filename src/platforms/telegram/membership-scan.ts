/**
 * When the bot joins a group it cannot list the members, but it can ask about
 * each registered ASN whose Telegram id it knows. This runs in the background,
 * slowly (one getChatMember per `intervalMs`), and reports the ASN found inside
 * as `members_present`, so a group that already holds ASN opens their cases.
 */
import type { App } from '../../app/app.js';
import type { MembershipChecker } from '../../app/ports.js';

/** What one scan needs. */
export interface ScanOptions {
  app: App;
  checker: MembershipChecker;
  chatId: string;
  /** When the bot joined (epoch ms); part of each dedupe key, so a later re-join scans again. */
  joinedAt: number;
  /** Pause between two checks (default 200 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Checks every registered ASN with a Telegram id; resolves with how many were found inside. Never throws. */
export async function scanGroupMembers(o: ScanOptions): Promise<number> {
  const { app, checker, chatId, joinedAt } = o;
  const candidates = app.registry.all().filter((a) => a.telegramId !== undefined);
  let found = 0;
  for (const [i, asn] of candidates.entries()) {
    if (o.signal?.aborted) break;
    if (i > 0) await pause(o.intervalMs ?? 200, o.signal);
    if (o.signal?.aborted) break;
    const inside = await checker.isMember(chatId, asn.telegramId!).catch(() => undefined);
    if (inside !== true) continue;
    found++;
    try {
      app.monitor.handle({
        kind: 'members_present',
        dedupeKey: `tg:scan:${chatId}:${asn.telegramId}:${joinedAt}`,
        at: app.clock(),
        chat: { platform: 'telegram', id: chatId },
        members: [{ platform: 'telegram', id: asn.telegramId, username: asn.telegramUsername }],
      });
    } catch (err) {
      app.log.warn({ err: String(err), chatId }, 'telegram: membership scan could not record a member');
    }
  }
  return found;
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
