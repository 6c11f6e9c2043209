/**
 * Inbound flood limits: a person writing to the bot privately faster than
 * INBOUND_PRIVATE_PER_MINUTE / INBOUND_PRIVATE_PER_HOUR is no longer answered
 * (the messages are still recorded as events), so one sender cannot fill the
 * outbox with replies and hold back alerts. Humas hears of each flooding
 * sender once a day. Humas admins are never limited. Counts live in SQLite,
 * so a restart does not reset them. Evidence sent into an open self-report
 * flow may come faster: an ASN sending their ten screenshots at once must get
 * an answer for each (the caller passes the extra allowance; the hour limit holds).
 */
import type { Config } from '../config.js';
import type { Platform } from '../core/ids.js';
import { pressureTexts } from '../core/messages/pressure.js';
import { cleanOptionalLabel } from '../core/text/label.js';
import { zonedDay } from '../core/time.js';
import { audit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import type { OutboxStore } from '../store/outbox.js';
import { humasAddresses, isHumasAdmin } from './recipients.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** What the guard needs. */
export interface FloodGuardDeps {
  db: Db;
  outbox: OutboxStore;
  config: Pick<Config, 'INBOUND_PRIVATE_PER_MINUTE' | 'INBOUND_PRIVATE_PER_HOUR' | 'HUMAS_ADMINS' | 'LANGUAGE' | 'APP_TIMEZONE'>;
}

/** Per sender and platform sliding windows over private messages. */
export class FloodGuard {
  private readonly insert;
  private readonly prune;
  private readonly count;

  constructor(private readonly d: FloodGuardDeps) {
    this.insert = d.db.prepare(`INSERT INTO inbound_private (platform, sender, at) VALUES (?, ?, ?)`);
    this.prune = d.db.prepare(`DELETE FROM inbound_private WHERE at <= ?`);
    this.count = d.db.prepare(
      `SELECT COUNT(*) AS hour, COALESCE(SUM(at > @minute), 0) AS minute FROM inbound_private WHERE platform = @platform AND sender = @sender AND at > @hour`,
    );
  }

  /**
   * Counts one private message from `sender` and says whether it may be answered. Beyond the limits, the
   * first refusal of the day queues one notice per Humas admin (and an audit line). Never throws.
   * `extraPerMinute` widens the minute limit for this message only (evidence files of an open self-report).
   */
  admit(platform: Platform, sender: string, now: number, name?: string, extraPerMinute = 0): boolean {
    const { config } = this.d;
    if (isHumasAdmin(config.HUMAS_ADMINS, platform, sender)) return true;
    return this.d.db.transaction(() => {
      this.prune.run(now - HOUR);
      this.insert.run(platform, sender, now);
      const c = this.count.get({ platform, sender, minute: now - MINUTE, hour: now - HOUR }) as { hour: number; minute: number };
      if (c.minute <= config.INBOUND_PRIVATE_PER_MINUTE + extraPerMinute && c.hour <= config.INBOUND_PRIVATE_PER_HOUR) return true;
      this.notify(platform, sender, name, now);
      return false;
    })();
  }

  private notify(platform: Platform, sender: string, name: string | undefined, now: number): void {
    const { config, outbox } = this.d;
    const day = zonedDay(now, config.APP_TIMEZONE);
    const text = pressureTexts(config.LANGUAGE).flood({ platform, sender, name: cleanOptionalLabel(name), perMinute: config.INBOUND_PRIVATE_PER_MINUTE, perHour: config.INBOUND_PRIVATE_PER_HOUR });
    let queued = false;
    for (const h of humasAddresses(config.HUMAS_ADMINS)) {
      const id = outbox.enqueue(
        { dedupeKey: `flood:${platform}:${sender}:${day}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'flood_notice', text },
        now,
      );
      queued ||= id !== undefined;
    }
    if (queued) audit(this.d.db, { at: now, actor: `${platform === 'telegram' ? 'tg' : 'wa'}:${sender}`, platform, action: 'flood', allowed: false, result: 'flood_recorded' });
  }
}
