/**
 * The burst window shared by every stream of Humas messages that is summarised when it floods (a group's case alerts,
 * one ASN's alerts, refused alerts, self-reports, missing-permission notices): the first MASS_ALERT_THRESHOLD of a
 * window go alone, the rest are held. Its own module so the holds (app/asn-holds.ts) and the mass summaries
 * (app/mass-alerts.ts) both use it without importing each other.
 */
import type { Config } from '../config.js';
import type { Db } from '../store/db.js';
import { prepared } from '../store/statements.js';

/** The settings mass alerts depend on. */
export type MassAlertConfig = Pick<Config, 'MASS_ALERT_THRESHOLD' | 'MASS_ALERT_WINDOW_SECONDS' | 'HUMAS_ADMINS' | 'LANGUAGE' | 'APP_TIMEZONE'>;

/**
 * The burst window of one stream of Humas messages (a group's case alerts; `scope`/`key` name it): true when this
 * message still goes alone (fewer than MASS_ALERT_THRESHOLD went alone in the window), false when it is to be held.
 * A burst lasts while messages keep coming within MASS_ALERT_WINDOW_SECONDS. Runs in the caller's transaction.
 */
export function aloneInBurst(db: Db, config: MassAlertConfig, scope: string, key: string, now: number): boolean {
  const windowMs = config.MASS_ALERT_WINDOW_SECONDS * 1000;
  const w = prepared(db, `SELECT last_at AS lastAt, individual FROM alert_windows WHERE platform = ? AND chat_id = ?`).get(scope, key) as
    | { lastAt: number; individual: number }
    | undefined;
  const before = w && now - w.lastAt <= windowMs ? w.individual : 0;
  const alone = before < config.MASS_ALERT_THRESHOLD;
  prepared(
    db,
    `INSERT INTO alert_windows (platform, chat_id, last_at, individual) VALUES (?, ?, ?, ?)
     ON CONFLICT(platform, chat_id) DO UPDATE SET last_at = excluded.last_at, individual = excluded.individual`,
  ).run(scope, key, now, alone ? before + 1 : before);
  return alone;
}
