/** Test support for the dashboard: a test App with the dashboard listening on a free loopback port, and a seeded story. */
import { createServer } from 'node:net';
import type { App } from '../../src/app/app.js';
import { startDashboard, type RunningDashboard } from '../../src/web/server.js';
import { ASN, CAMPAIGN_TG, FakeClock, testApp } from '../support/app.js';

/** A free TCP port on 127.0.0.1 (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** An attacker-chosen group title and ASN name: they must come out escaped. */
export const EVIL_TITLE = 'Relawan Paslon 2 <script>alert("t")</script>';
export const EVIL_NAME = 'Sari <img src=x onerror=alert(1)>';

/** A test App with the dashboard running, Budi added to the campaign group (an open case) and Dedi tagged in a campaign post. */
export async function dashboardApp(overrides: Record<string, string> = {}, clock = new FakeClock()): Promise<{ app: App; clock: FakeClock; dash: RunningDashboard; base: string }> {
  const port = await freePort();
  const { app } = testApp({ DASHBOARD_PORT: String(port), ...overrides }, clock);
  app.registry.upsertMany([{ ...ASN.sari, nama: EVIL_NAME }], clock.now());
  app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c1', at: clock.now(), chat: CAMPAIGN_TG });
  app.monitor.handle({ kind: 'member_added', dedupeKey: 'a1', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
  const evil = { platform: 'telegram' as const, id: '-100666', title: EVIL_TITLE, type: 'supergroup' as const };
  app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c2', at: clock.now(), chat: evil });
  app.monitor.handle({ kind: 'member_added', dedupeKey: 'a2', at: clock.now(), chat: evil, members: [{ platform: 'telegram', id: ASN.sari.telegramId }] });
  const dash = await startDashboard(app);
  return { app, clock, dash, base: dash.url };
}

/** The one-time link `/dasbor` gives the Telegram admin tg:9001. */
export async function linkFromBot(app: App): Promise<string> {
  const reply = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/dasbor' });
  const m = /(http:\/\/\S+\/masuk\?t=[\w-]+)/.exec(reply?.text ?? '');
  if (!m) throw new Error(`no link in reply: ${reply?.text}`);
  return m[1]!;
}
