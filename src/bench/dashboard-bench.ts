/**
 * Dashboard page times with 10,000 cases and 100,000 ASN: the real server on
 * loopback, a real login, then every page (and the filtered variants Humas
 * uses) fetched repeatedly; p95 of each must stay under 200 ms.
 */
import { App } from '../app/app.js';
import { issueDashboardLink } from '../app/dashboard/access.js';
import { loadConfig } from '../config.js';
import { audit } from '../store/audit.js';
import { startDashboard } from '../web/server.js';
import { benchNip } from './registry-bench.js';
import { quantile, seedBenchAsn, type BenchResult } from './util.js';

const ASN = 100_000;
const CASES = 10_000;
const CHATS = 300;
const ROUNDS = 15;
const TARGET_MS = 200;

/** Seeds the database the way months of a busy Pilkada would leave it (direct SQL: this is setup, not what is measured). */
export function seed(app: App, now: number): void {
  seedBenchAsn(app, ASN, { phoneBase: 10_000_000, tgIdBase: 3_000_000 });
  const day = 86_400_000;
  const kinds = ['added', 'mentioned', 'reacted', 'posted', 'present'] as const;
  const statuses = ['open', 'left', 'left', 'left', 'exempted', 'expired'] as const;
  app.db.transaction(() => {
    const chat = app.db.prepare(
      `INSERT INTO chats (platform, chat_id, title, campaign, campaign_reason, campaign_source, first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, 'score', ?, ?)`,
    );
    for (let c = 0; c < CHATS; c++) {
      chat.run(c % 3 ? 'telegram' : 'whatsapp', `-100${c}`, c % 2 ? `Relawan Paslon ${c % 4} Kec ${c}` : `Grup Warga ${c}`, c % 2, c % 2 ? 'judul grup' : null, now - 120 * day, now);
    }
    const inc = app.db.prepare(
      `INSERT INTO incidents (asn_nip, platform, chat_id, kind, status, opened_at, resolved_at, added_by_id, added_by_name, excerpt, terms, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '["coblos"]', ?)`,
    );
    const finding = app.db.prepare(`INSERT INTO incident_findings (incident_id, kind, actor_id, actor_name, excerpt, terms, at) VALUES (?, ?, ?, ?, ?, '["coblos"]', ?)`);
    const outbox = app.db.prepare(
      `INSERT INTO outbox (dedupe_key, platform, recipient, recipient_kind, kind, text, status, next_attempt_at, incident_id, created_at, sent_at)
       VALUES (?, ?, ?, 'user', 'asn_alert', 'teks', ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < CASES; i++) {
      const c = (i * 7) % CHATS;
      const platform = c % 3 ? 'telegram' : 'whatsapp';
      // Spread over 90 days; open cases only once per ASN and chat (the unique index).
      const status = statuses[i % statuses.length]!;
      const opened = now - Math.floor(((i * 7919) % (90 * 24)) * 3_600_000);
      const id = Number(
        inc.run(benchNip(i * 9 % ASN), platform, `-100${c}`, kinds[i % kinds.length]!, status, opened, status === 'open' ? null : opened + 3 * 3_600_000, '777', 'Korlap', 'Ayo coblos nomor 2', now).lastInsertRowid,
      );
      finding.run(id, kinds[i % kinds.length]!, '777', 'Korlap', 'Ayo coblos nomor 2', opened);
      outbox.run(`bench:${i}`, platform, '1', i % 50 ? 'sent' : 'undeliverable', opened, id, opened, i % 50 ? opened + 1000 : null);
      audit(app.db, { at: opened, actor: 'tg:9001', platform: 'telegram', action: '/kasus', args: `#${id}`, allowed: true, result: 'ok' });
    }
  })();
}

/** Runs the dashboard benchmark; one result per page. */
export async function run(): Promise<BenchResult[]> {
  const now = Date.now();
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', DASHBOARD_PORT: '1', LOG_LEVEL: 'silent', QUIET_HOURS: 'off' },
  });
  const app = new App({ config });
  seed(app, now);
  const dash = await startDashboard(app, { port: 0 });
  try {
    const link = issueDashboardLink(app, 'tg:9001');
    if (!link.ok) throw new Error('no dashboard link');
    const login = await fetch(`${dash.url}/masuk${link.url.slice(link.url.indexOf('?'))}`, { redirect: 'manual' });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const pages = [
      '/', '/?periode=semua', '/?hal=2', '/kasus', '/kasus?status=open', '/kasus?unit=Dinas%207&jenis=added&hal=3', '/kasus?dari=2020-01-01&sampai=2030-12-31&platform=whatsapp',
      '/kasus/5000', '/grup', '/asn', '/asn?q=ASN%209999', '/asn?unit=Dinas%2013&hal=40', '/audit', '/audit?tindakan=kasus&pelaku=tg', '/laporan', '/api/kasus', '/api/ringkasan',
    ];
    const out: BenchResult[] = [];
    for (const p of pages) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS + 2; i++) {
        const t0 = performance.now();
        const r = await fetch(dash.url + p, { headers: { cookie } });
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${p}: HTTP ${r.status}`);
        if (i >= 2) times.push(performance.now() - t0);
      }
      const p95 = quantile(times, 0.95);
      out.push({ name: `dashboard ${p}`, value: `p95 ${p95.toFixed(0)} ms`, target: `< ${TARGET_MS} ms (${CASES / 1000}k cases, ${ASN / 1000}k ASN)`, ok: p95 < TARGET_MS });
    }
    return out;
  } finally {
    await dash.close();
    await app.close();
  }
}
