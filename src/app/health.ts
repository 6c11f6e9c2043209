/** One health line for operators: SIGUSR2 prints it, /status shows the same facts. */
import { lastEventAt } from '../store/kv.js';
import type { App } from './app.js';

/** Process and pipeline health as one JSON-able object. */
export function health(app: App, startedAt: number): Record<string, unknown> {
  const q = app.monitor.outbox.depth();
  const last = lastEventAt(app.db);
  const open = app.db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE status = 'open'`).get() as { n: number };
  const mem = process.memoryUsage();
  return {
    health: Object.keys(app.platformDown).length ? 'degraded' : 'ok',
    ...(Object.keys(app.platformDown).length ? { down: app.platformDown } : {}),
    uptimeS: Math.round((app.clock() - startedAt) / 1000),
    platforms: app.platformStatus,
    asn: app.registry.count(),
    openCases: open.n,
    outbox: q,
    lastEventAt: last ? new Date(last).toISOString() : null,
    rssMb: Math.round(mem.rss / 1e6),
    heapMb: Math.round(mem.heapUsed / 1e6),
  };
}
