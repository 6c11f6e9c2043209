/**
 * `/dasbor`: a Humas admin asks for a one-time login link to the web
 * dashboard. The runner has already checked admin + private chat and audits
 * the call; the link itself is never written to the audit log.
 */
import { dashboardTexts } from '../../core/messages/dashboard.js';
import type { AppCore } from '../context.js';
import { issueDashboardLink, LINK_TTL_MS, senderHandle } from '../dashboard/access.js';
import type { CommandSpec } from './types.js';

/** The `/dasbor` command spec (register with `app.commands.add(dashboardCommand(app))`). */
export function dashboardCommand(app: AppCore): CommandSpec {
  return {
    name: 'dasbor',
    aliases: ['dashboard'],
    description: { id: dashboardTexts('id').cmd.description, en: dashboardTexts('en').cmd.description },
    who: 'admin',
    where: 'private',
    run: (ctx) => {
      const t = dashboardTexts(ctx.lang).cmd;
      const r = issueDashboardLink(app, senderHandle(ctx.req.platform, ctx.req.fromId), ctx.now, ctx.req.fromName);
      if (!r.ok) return { text: t.off };
      return { text: t.link(r.url, LINK_TTL_MS / 60_000) };
    },
  };
}
