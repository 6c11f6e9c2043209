/**
 * What the dashboard's server gives its route modules, and the helpers they share (the signed-in admin of a
 * request, CSRF checks, the upload limit). Kept apart from server.ts, which registers the routes, so the
 * route modules look down to this file and never back up at the server (issue 21 point 13).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/app.js';
import type { DashboardNotice } from '../core/messages/dashboard.js';
import type { PageContext } from './layout.js';

/** Largest upload accepted (registry files). */
export const MAX_UPLOAD_MB = 20;

/** The signed-in admin of a request. */
export interface DashUser {
  admin: string;
  /** Their name in chat, when the login link came from `/dasbor`. */
  adminName?: string;
  token: string;
  csrf: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    dash?: DashUser;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login link, stylesheet). */
    public?: boolean;
    /** Takes a multipart upload and checks the CSRF field itself. */
    upload?: boolean;
  }
}

/** The CSRF token of a session: an HMAC of its secret, so nothing more is stored. */
export const csrfFor = (sessionToken: string): string => createHmac('sha256', sessionToken).update('jaga-netral csrf').digest('base64url');

/** What route modules get. */
export interface RouteDeps {
  app: App;
  startedAt: number;
  /** The page context of a signed-in request. */
  ctx(req: FastifyRequest, path?: string): PageContext;
  /** Redirects after a form action (303), with a notice shown once. */
  done(reply: FastifyReply, to: string, notice: DashboardNotice): FastifyReply;
}

/** Whether a posted CSRF value is the session's. */
export function csrfOk(user: DashUser, sent: unknown): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(user.csrf);
  return a.length === b.length && timingSafeEqual(a, b);
}
