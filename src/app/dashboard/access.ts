/**
 * Who may use the Humas dashboard: one-time login links (from `/dasbor` or
 * `jaga-netral dashboard-link`), 8-hour sessions, and their end when an admin
 * leaves HUMAS_ADMINS. Logins and logouts are audited as `web:<admin>`, the
 * way chat commands are audited; an anonymous client's refused links are
 * counted and audited as one summary per client and 10 minutes.
 */
import { cleanOptionalLabel } from '../../core/text/label.js';
import { dashboardBaseUrl, type AdminHandle, type Config } from '../../config.js';
import type { Platform } from '../../core/ids.js';
import { LOGIN_PATH } from '../../core/login-link.js';
import { audit } from '../../store/audit.js';
import { DashboardAuthStore, type DashboardSession, type LinkRefusal } from '../../store/dashboard.js';
import { countLoginRefusal, flushLoginRefusals } from '../../store/login-refusals.js';
import type { AppCore } from '../context.js';

/** A login link is good for 10 minutes, once. */
export const LINK_TTL_MS = 10 * 60_000;
/** A browser session lasts 8 hours. */
export const SESSION_TTL_MS = 8 * 3_600_000;
/** Path of the login link; the token follows as `?t=` (core/login-link.ts, which also redacts it from stored copies). */
export { LOGIN_PATH };

/** `tg:9001` / `wa:6281...`: an admin as HUMAS_ADMINS spells it. */
export const adminHandleText = (a: AdminHandle): string => `${a.platform === 'telegram' ? 'tg' : 'wa'}:${a.id}`;

/** The HUMAS_ADMINS handle of a chat sender (Telegram id, or WhatsApp JID / digits). */
export function senderHandle(platform: Platform, fromId: string): string {
  return platform === 'telegram' ? `tg:${fromId}` : `wa:${fromId.replace(/[:@].*$/, '').replace(/^\+/, '')}`;
}

/** Whether `handle` (`tg:..`/`wa:..`) is in HUMAS_ADMINS now. */
export function isDashboardAdmin(config: Pick<Config, 'HUMAS_ADMINS'>, handle: string): boolean {
  return config.HUMAS_ADMINS.some((a) => adminHandleText(a) === handle);
}

/** The audit actor of a dashboard user. */
export const webActor = (admin: string): string => `web:${admin}`;

function record(app: AppCore, admin: string, action: string, allowed: boolean, result: string, now: number): void {
  audit(app.db, { at: now, actor: webActor(admin), platform: 'web', action, allowed, result });
}

/** A fresh login link for an admin (with their chat name, shown in the dashboard's header), or why there is none. */
export function issueDashboardLink(
  app: AppCore,
  admin: string,
  now: number = app.clock(),
  adminName?: string,
): { ok: true; url: string; expiresAt: number } | { ok: false; reason: 'off' | 'not_admin' } {
  const base = dashboardBaseUrl(app.config);
  if (!base) return { ok: false, reason: 'off' };
  if (!isDashboardAdmin(app.config, admin)) return { ok: false, reason: 'not_admin' };
  // A chat name is a stranger-controlled label: one plain line (no bidi or invisible characters), like every stored name.
  const token = new DashboardAuthStore(app.db).createLink(admin, now, LINK_TTL_MS, cleanOptionalLabel(adminName, 100));
  return { ok: true, url: `${base}${LOGIN_PATH}?t=${token}`, expiresAt: now + LINK_TTL_MS };
}

/** Counts a receipt check refused over its rate limit (/verifikasi), audited as refused logins are: one summary per client and window. */
export function countRefusedCheck(app: AppCore, client: string, now: number = app.clock()): void {
  countLoginRefusal(app.db, client, 'rate', now, 'receipt check');
  flushLoginRefusals(app.db, now);
}

/** Counts a refused login link of an anonymous client (audited as a per-window summary, not one row per request). */
export function countRefusedLogin(app: AppCore, client: string, reason: LinkRefusal | 'rate', now: number = app.clock()): void {
  countLoginRefusal(app.db, client, reason, now);
  flushLoginRefusals(app.db, now);
}

/**
 * Whether a login link is live, without using it: opening the link (GET, HEAD, a chat app's link preview) only
 * shows the page with the sign-in button. A dead link is counted like a refused login.
 */
export function checkDashboardLink(app: AppCore, token: string, client: string, now: number = app.clock()): { ok: true } | { ok: false; reason: LinkRefusal | 'not_admin' } {
  const state = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? new DashboardAuthStore(app.db).linkState(token, now) : { ok: false as const, reason: 'unknown' as const };
  if (!state.ok) {
    countRefusedLogin(app, client, state.reason, now);
    return state;
  }
  return isDashboardAdmin(app.config, state.admin) ? { ok: true } : { ok: false, reason: 'not_admin' };
}

/**
 * Uses a login link (the sign-in button's POST): a new session token for its admin, or why not. A login, and a
 * link of an admin no longer in HUMAS_ADMINS, are audited one by one; an anonymous client's bad links are counted.
 */
export function redeemDashboardLink(
  app: AppCore,
  token: string,
  now: number = app.clock(),
  client = 'local',
): { ok: true; admin: string; session: string } | { ok: false; reason: LinkRefusal | 'not_admin' } {
  const store = new DashboardAuthStore(app.db);
  return app.db.transaction(() => {
    const used = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? store.useLink(token, now) : { ok: false as const, reason: 'unknown' as const };
    if (!used.ok) {
      countRefusedLogin(app, client, used.reason, now);
      return used;
    }
    if (!isDashboardAdmin(app.config, used.admin)) {
      record(app, used.admin, 'dashboard login', false, 'refused_no_longer_admin', now);
      return { ok: false as const, reason: 'not_admin' as const };
    }
    const session = store.createSession(used.admin, now, SESSION_TTL_MS, used.adminName);
    record(app, used.admin, 'dashboard login', true, 'ok', now);
    return { ok: true as const, admin: used.admin, session };
  })();
}

/** The session behind a cookie, if it is live and its admin is still in HUMAS_ADMINS (otherwise it is ended). */
export function dashboardSession(app: AppCore, token: string | undefined, now: number = app.clock()): DashboardSession | undefined {
  if (!token || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const store = new DashboardAuthStore(app.db);
  const s = store.session(token, now);
  if (!s) return undefined;
  if (!isDashboardAdmin(app.config, s.admin)) {
    store.endSession(token, now, 'admin removed from HUMAS_ADMINS');
    return undefined;
  }
  return s;
}

/** Logs out (audited). */
export function endDashboardSession(app: AppCore, token: string, admin: string, now: number = app.clock()): void {
  if (new DashboardAuthStore(app.db).endSession(token, now, 'logout')) record(app, admin, 'dashboard logout', true, 'ok', now);
}

/** Ends the sessions of admins no longer in HUMAS_ADMINS (run when the dashboard starts); returns how many. */
export function endRemovedAdminSessions(app: AppCore, now: number = app.clock()): number {
  return new DashboardAuthStore(app.db).endSessionsExcept(app.config.HUMAS_ADMINS.map(adminHandleText), now, 'admin removed from HUMAS_ADMINS');
}
