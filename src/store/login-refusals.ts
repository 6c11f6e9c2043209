/**
 * Refused dashboard logins (and refused receipt checks, `/verifikasi` over its rate limit), counted: an outsider hammering `/masuk` with bad
 * links must not write one permanent audit row per request (3,000 requests
 * were 3,000 rows). Each refusal bumps a counter per client and 10-minute
 * window; when the window has ended, one audit row sums it up as a code
 * with its facts (`login_refused {"count":412,"reasons":{"unknown":410,"used":2}}`,
 * the client in `args`), rendered in the reader's language by
 * core/messages/audit-result.ts.
 */
import { auditResult } from '../core/messages/audit-result.js';
import { audit } from './audit.js';
import type { Db } from './db.js';

/** Length of one counting window. */
export const REFUSAL_WINDOW_MS = 10 * 60_000;

/** Why a login was refused, as counted: a bad link (unknown, used, expired) or over the rate limit. */
export type LoginRefusalReason = 'unknown' | 'used' | 'expired' | 'rate';

/** What the refused requests were: a dashboard login, or a check of a receipt on the public /verifikasi page. */
export type RefusedAction = 'dashboard login' | 'receipt check';

/** The audit result code of each action's summary (core/messages/audit-result.ts renders them). */
const SUMMARY_CODE: Record<RefusedAction, string> = { 'dashboard login': 'login_refused', 'receipt check': 'verify_refused' };

/** Counters written before the reasons were codes (`unknown link`, `over the rate limit`), read as codes. */
const OLD_REASONS: Record<string, LoginRefusalReason> = { 'unknown link': 'unknown', 'used link': 'used', 'expired link': 'expired', 'over the rate limit': 'rate' };

/** Counts one refused login (or, with `action`, another refused request) of `client` (an IP address) for `reason`. */
export function countLoginRefusal(db: Db, client: string, reason: LoginRefusalReason, now: number, action: RefusedAction = 'dashboard login'): void {
  const start = now - (now % REFUSAL_WINDOW_MS);
  const key = client.slice(0, 100);
  db.transaction(() => {
    const row = db.prepare(`SELECT reasons FROM login_refusals WHERE action = ? AND client = ? AND window_start = ?`).pluck().get(action, key, start) as string | undefined;
    const reasons = row ? (JSON.parse(row) as Record<string, number>) : {};
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    db.prepare(
      `INSERT INTO login_refusals (action, client, window_start, count, reasons) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (action, client, window_start) DO UPDATE SET count = count + 1, reasons = excluded.reasons`,
    ).run(action, key, start, JSON.stringify(reasons));
  })();
}

/** Writes one audit summary per client for every window that has ended by `now`, and forgets those counters; returns how many. */
export function flushLoginRefusals(db: Db, now: number): number {
  return db.transaction(() => {
    const ended = db
      .prepare(`SELECT action, client, window_start AS start, count, reasons FROM login_refusals WHERE window_start + ? <= ? ORDER BY window_start, action, client`)
      .all(REFUSAL_WINDOW_MS, now) as { action: string; client: string; start: number; count: number; reasons: string }[];
    for (const w of ended) {
      const reasons: Record<string, number> = {};
      for (const [r, n] of Object.entries(JSON.parse(w.reasons) as Record<string, number>)) {
        const code = OLD_REASONS[r] ?? r;
        reasons[code] = (reasons[code] ?? 0) + n;
      }
      // Most frequent first (ties by code), so the summary reads the same whatever order the refusals came in.
      const sorted = Object.fromEntries(Object.entries(reasons).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
      audit(db, {
        at: w.start + REFUSAL_WINDOW_MS - 1,
        actor: 'web:?',
        platform: 'web',
        action: w.action,
        args: w.client,
        allowed: false,
        result: auditResult(SUMMARY_CODE[w.action as RefusedAction] ?? 'login_refused', { count: w.count, reasons: sorted }),
      });
    }
    db.prepare(`DELETE FROM login_refusals WHERE window_start + ? <= ?`).run(REFUSAL_WINDOW_MS, now);
    return ended.length;
  })();
}
