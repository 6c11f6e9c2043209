/** One health line for operators: SIGUSR2 prints it, /status shows the same facts. */
import { lastEventAt } from '../store/kv.js';
import type { App } from './app.js';
import { permissionProblems } from './permissions.js';

/** Most problems listed in the health line. */
export const HEALTH_PROBLEMS_MAX = 10;

/** Process and pipeline health as one JSON-able object. */
export function health(app: App, startedAt: number): Record<string, unknown> {
  const q = app.monitor.outbox.depth();
  const last = lastEventAt(app.db);
  const open = app.db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE status = 'open'`).get() as { n: number };
  const mem = process.memoryUsage();
  const problems = permissionProblems(app.db, app.monitor.chats);
  // A platform that cannot be reached or refused us is an outage; missing permissions are a warning.
  const down = Object.values(app.platformStatus).some((s) => s !== undefined && /^(error|unreachable)\b/.test(s));
  return {
    health: down || Object.keys(app.platformDown).length ? 'degraded' : problems.length ? 'warn' : 'ok',
    ...(Object.keys(app.platformDown).length ? { down: app.platformDown } : {}),
    uptimeS: Math.round((app.clock() - startedAt) / 1000),
    platforms: app.platformStatus,
    // One line for a log collector: the first few problems, and how many more (/status has the same, in words).
    problems: problems.slice(0, HEALTH_PROBLEMS_MAX),
    ...(problems.length > HEALTH_PROBLEMS_MAX ? { moreProblems: problems.length - HEALTH_PROBLEMS_MAX } : {}),
    asn: app.registry.count(),
    openCases: open.n,
    outbox: q,
    lastEventAt: last ? new Date(last).toISOString() : null,
    rssMb: Math.round(mem.rss / 1e6),
    heapMb: Math.round(mem.heapUsed / 1e6),
  };
}
