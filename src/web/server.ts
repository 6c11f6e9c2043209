/**
 * The Humas dashboard: a fastify server inside the bot process, on the same
 * App (database, registry, command use cases). Pages are rendered on the
 * server and readable without JavaScript; nothing is loaded from elsewhere.
 *
 * Every route but the login link and the stylesheet needs a live session
 * cookie (HttpOnly, SameSite=Strict, 8 hours) tied to a Humas admin; without
 * one, pages answer 401 with a sign-in notice and `/api/` answers 401 JSON,
 * both without data. Every POST carries a CSRF token derived from the session.
 */
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { App } from '../app/app.js';
import { checkDashboardLink, countRefusedCheck, countRefusedLogin, dashboardSession, endDashboardSession, endRemovedAdminSessions, LOGIN_PATH, redeemDashboardLink, SESSION_TTL_MS } from '../app/dashboard/access.js';
import { dashboardBaseUrl } from '../config.js';
import { dashboardTexts, type DashboardNotice } from '../core/messages/dashboard.js';
import { html } from './html.js';
import { csrfFor, csrfOk, MAX_UPLOAD_MB, type RouteDeps } from './deps.js';
import { barePage } from './layout.js';
import { registerAsnRoutes } from './routes/asn.js';
import { registerAuditRoutes } from './routes/audit.js';
import { registerCaseRoutes } from './routes/cases.js';
import { registerEvidenceRoutes } from './routes/evidence.js';
import { registerGroupRoutes } from './routes/groups.js';
import { registerOverviewRoutes } from './routes/overview.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerSelfReportRoutes } from './routes/self-reports.js';
import { selfReportWebTexts } from '../core/messages/self-report-web.js';
import { STYLESHEET } from './style.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'jn_sesi';
/** Requests to the login link (GET, HEAD, POST) one client may make per minute; beyond, 429. */
export const LOGIN_RATE_PER_MINUTE = 20;
/**
 * Receipt checks (`/verifikasi`) one client may make per minute; beyond, 429. A budget of its own: a flood of checks
 * locks no admin out of the login link. Guessing a 60-bit code is pointless anyway; the limit is about load.
 */
export const VERIFY_RATE_PER_MINUTE = 20;

/** Options of the dashboard server. */
export interface DashboardOptions {
  /** When the process started (for the health panel). */
  startedAt?: number;
}

const NOTICES = new Set<string>(Object.keys(dashboardTexts('id').notices));

/** Builds the fastify app (not listening yet). */
export async function buildDashboard(app: App, opts: DashboardOptions = {}): Promise<FastifyInstance> {
  const lang = app.config.LANGUAGE;
  const t = dashboardTexts(lang);
  const secure = (dashboardBaseUrl(app.config) ?? '').startsWith('https://');
  // Behind the office's reverse proxy every request comes from the proxy's address: DASHBOARD_TRUST_PROXY names the
  // proxies whose X-Forwarded-For is believed, so req.ip (rate limit, refusal counts) is the real client's address.
  // Off by default: then X-Forwarded-For is ignored and cannot be forged to dodge the limit.
  const trustProxy = app.config.DASHBOARD_TRUST_PROXY;
  const f = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: Array.isArray(trustProxy) ? [...trustProxy] : trustProxy, forceCloseConnections: true });
  await f.register(cookie);
  await f.register(formbody, { bodyLimit: 1024 * 1024 });
  await f.register(multipart, { limits: { fileSize: MAX_UPLOAD_MB * 1024 * 1024, files: 1, fields: 10, fieldSize: 4096 } });
  // Only the login link and the public receipt check are limited (per client address, each route its own budget): an
  // outsider guessing links or codes gets 429s, not our database's attention.
  await f.register(rateLimit, { global: false });

  const sendPage = (reply: FastifyReply, status: number, body: { value: string }) =>
    reply.code(status).type('text/html; charset=utf-8').send(body.value);
  const refuse = (req: FastifyRequest, reply: FastifyReply) => {
    if (req.url.startsWith('/api/')) return reply.code(401).send({ error: 'login required' });
    return sendPage(reply, 401, barePage(lang, t.login.title, [t.login.needed, t.login.how]));
  };

  f.addHook('onSend', async (req, reply, payload) => {
    reply.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    // The login link carries its token in the URL: never hand it to another site.
    reply.header('Referrer-Policy', 'no-referrer');
    if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
    void req;
    return payload;
  });

  f.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config?.public) return;
    const token = req.cookies[SESSION_COOKIE];
    const s = dashboardSession(app, token);
    if (!s || !token) return refuse(req, reply);
    req.dash = { admin: s.admin, adminName: s.adminName, token, csrf: csrfFor(token) };
  });

  // Every form post must carry the session's CSRF token (the upload route checks its multipart field itself).
  f.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || !req.dash) return;
    if (req.routeOptions.config?.upload) return;
    const sent = (req.body as Record<string, unknown> | undefined)?.['_csrf'];
    if (!csrfOk(req.dash, sent)) return sendPage(reply, 403, barePage(lang, t.notices.csrf, [t.forbidden]));
  });

  f.setNotFoundHandler(async (req, reply) => {
    const s = dashboardSession(app, req.cookies[SESSION_COOKIE]);
    if (!s) return refuse(req, reply);
    if (req.url.startsWith('/api/')) return reply.code(404).send({ error: 'not found' });
    return sendPage(reply, 404, barePage(lang, t.notFound, [t.notFound]));
  });

  f.setErrorHandler(async (err, req, reply) => {
    if ((err as { statusCode?: unknown }).statusCode === 429) {
      if (req.url.startsWith('/verifikasi')) return sendPage(reply, 429, barePage(lang, selfReportWebTexts(lang).verifyTitle, [selfReportWebTexts(lang).verifyTooMany]));
      return sendPage(reply, 429, barePage(lang, t.login.title, [t.login.tooMany]));
    }
    app.log.error({ err: err instanceof Error ? err.message : String(err), url: req.url.replace(/t=[^&]+/, 't=REDACTED') }, 'dashboard request failed');
    const status = typeof (err as { statusCode?: unknown }).statusCode === 'number' && (err as { statusCode: number }).statusCode < 500 ? (err as { statusCode: number }).statusCode : 500;
    if (req.url.startsWith('/api/')) return reply.code(status).send({ error: status === 500 ? 'internal error' : 'bad request' });
    return sendPage(reply, status, barePage(lang, status === 500 ? t.failed : t.badRequest, [status === 500 ? t.failed : t.badRequest]));
  });

  f.get('/gaya.css', { config: { public: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(STYLESHEET),
  );

  const loginLimit = {
    max: LOGIN_RATE_PER_MINUTE,
    timeWindow: 60_000,
    // Counted into the refused-login summary of the client (one audit row per client and 10 minutes).
    onExceeded: (req: FastifyRequest) => countRefusedLogin(app, req.ip, 'rate'),
  };
  const refusedLink = (reply: FastifyReply, reason: string) => {
    const line = reason === 'used' ? t.login.used : reason === 'expired' ? t.login.expired : reason === 'not_admin' ? t.login.notAdmin : t.login.unknown;
    return sendPage(reply, 401, barePage(lang, t.login.title, [line, t.login.again]));
  };

  // Opening the link (GET; fastify answers HEAD with the same handler) never uses it: chat apps fetch links for
  // previews. It shows a button; the session starts on the button's POST, with the token in the form. One route for
  // both methods, so they share one rate-limit budget per client.
  f.route({
    // HEAD is listed here rather than left to fastify's automatic HEAD route, which had a rate-limit budget of its own.
    method: ['GET', 'HEAD', 'POST'],
    url: LOGIN_PATH,
    exposeHeadRoute: false,
    config: { public: true, rateLimit: loginLimit },
    handler: async (req, reply) => {
      if (req.method === 'POST') {
        const sent = (req.body as Record<string, unknown> | undefined)?.['t'];
        const r = redeemDashboardLink(app, typeof sent === 'string' ? sent : '', app.clock(), req.ip);
        if (!r.ok) return refusedLink(reply, r.reason);
        reply.setCookie(SESSION_COOKIE, r.session, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_TTL_MS / 1000 });
        return reply.redirect('/', 303);
      }
      const token = String((req.query as Record<string, unknown>)['t'] ?? '');
      const r = checkDashboardLink(app, token, req.ip);
      if (!r.ok) return refusedLink(reply, r.reason);
      return reply
        .code(200)
        .type('text/html; charset=utf-8')
        .send(
          html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.login.title} · ${t.appName}</title><link rel="stylesheet" href="/gaya.css"></head>
<body><div class="login"><h1>${t.appName}: ${t.login.title}</h1><p>${t.login.confirm}</p>
<form method="post" action="${LOGIN_PATH}"><input type="hidden" name="t" value="${token}"><button type="submit">${t.login.button}</button></form></div></body></html>`.value,
        );
    },
  });

  f.post('/keluar', async (req, reply) => {
    endDashboardSession(app, req.dash!.token, req.dash!.admin);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return sendPage(reply, 200, barePage(lang, t.login.loggedOut, [t.login.loggedOut, t.login.how]));
  });

  const deps: RouteDeps = {
    app,
    startedAt: opts.startedAt ?? app.clock(),
    ctx: (req, path) => {
      const notice = (req.query as Record<string, unknown> | undefined)?.['pesan'];
      return {
        lang, tz: app.config.APP_TIMEZONE, t, admin: req.dash!.admin, adminName: req.dash!.adminName, csrf: req.dash!.csrf, path: path ?? req.url.split('?')[0]!,
        notice: typeof notice === 'string' && NOTICES.has(notice) ? (notice as DashboardNotice) : undefined,
      };
    },
    done: (reply, to, notice) => reply.redirect(`${to}${to.includes('?') ? '&' : '?'}pesan=${notice}`, 303),
  };
  registerOverviewRoutes(f, deps);
  registerCaseRoutes(f, deps);
  registerGroupRoutes(f, deps);
  registerAsnRoutes(f, deps);
  registerAuditRoutes(f, deps);
  registerReportRoutes(f, deps);
  registerEvidenceRoutes(f, deps);
  registerSelfReportRoutes(f, deps, {
    max: VERIFY_RATE_PER_MINUTE,
    timeWindow: 60_000,
    // Counted into the client's refused-check summary (one audit row per client and 10 minutes).
    onExceeded: (req: FastifyRequest) => countRefusedCheck(app, req.ip),
  });
  return f;
}

/** A listening dashboard. */
export interface RunningDashboard {
  /** The listening address, e.g. `http://127.0.0.1:8080`. */
  url: string;
  close(): Promise<void>;
}

/** Starts the dashboard on DASHBOARD_HOST:DASHBOARD_PORT (or the given port; 0 = any free port). */
export async function startDashboard(app: App, opts: DashboardOptions & { port?: number; host?: string } = {}): Promise<RunningDashboard> {
  endRemovedAdminSessions(app);
  const f = await buildDashboard(app, opts);
  const host = opts.host ?? app.config.DASHBOARD_HOST;
  const port = opts.port ?? app.config.DASHBOARD_PORT ?? 0;
  await f.listen({ host, port });
  const addr = f.server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shownHost}:${bound}`, close: () => f.close() };
}
