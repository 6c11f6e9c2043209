/** Test support for the dashboard: a test App with the dashboard listening on a free loopback port, and a seeded story. */
import { createServer } from 'node:net';
import { afterEach } from 'vitest';
import type { App } from '../../src/app/app.js';
import { startDashboard, type RunningDashboard } from '../../src/web/server.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
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

/**
 * A test App with the dashboard running and Budi added to the campaign group (case #1, open). With
 * `evil` (the default), Sari carries an attacker-chosen name and is added to a group with an
 * attacker-chosen title (case #2); with `office`, a fortnight of an office's cases instead (for the
 * screenshots).
 */
export async function dashboardApp(
  overrides: Record<string, string> = {},
  opts: { story?: 'evil' | 'office'; clock?: FakeClock } = {},
): Promise<{ app: App; clock: FakeClock; dash: RunningDashboard; base: string }> {
  const clock = opts.clock ?? new FakeClock();
  const port = await freePort();
  const { app } = testApp({ DASHBOARD_PORT: String(port), ...overrides }, clock);
  app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c1', at: clock.now(), chat: CAMPAIGN_TG });
  app.monitor.handle({ kind: 'member_added', dedupeKey: 'a1', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
  if ((opts.story ?? 'evil') === 'evil') {
    app.registry.upsertMany([{ ...ASN.sari, nama: EVIL_NAME }], clock.now());
    const evil = { platform: 'telegram' as const, id: '-100666', title: EVIL_TITLE, type: 'supergroup' as const };
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c2', at: clock.now(), chat: evil });
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a2', at: clock.now(), chat: evil, members: [{ platform: 'telegram', id: ASN.sari.telegramId }] });
  } else {
    officeStory(app, clock);
  }
  const dash = await startDashboard(app);
  return { app, clock, dash, base: dash.url };
}

const OFFICE_NAMES = [
  ['Rina Marlina', 'Dinas Pendidikan'], ['Ahmad Fauzi', 'Dinas Kesehatan'], ['Yusuf Hidayat', 'Setda'], ['Dewi Lestari', 'Dinas Pendidikan'],
  ['Hendra Saputra', 'Dinas PUPR'], ['Nur Aisyah', 'Bappeda'], ['Eko Prasetyo', 'Dinas Pendidikan'], ['Siti Rahma', 'Dinas Kesehatan'],
  ['Agus Salim', 'BPKAD'], ['Lina Marlina', 'Dinas Sosial'], ['Bayu Nugroho', 'Dinas Pendidikan'], ['Maya Sari', 'Setda'],
] as const;

/** Twelve more ASN added to or tagged in three campaign groups over the last fortnight; some left, one exempted. */
function officeStory(app: App, clock: FakeClock): void {
  const day = 86_400_000;
  const groups = [
    { platform: 'telegram' as const, id: '-1002223334445', title: 'Tim Pemenangan Paslon 1 Pilbup OKU', type: 'supergroup' as const },
    { platform: 'telegram' as const, id: '-1005556667778', title: 'Sahabat Paslon 2 Baturaja', type: 'supergroup' as const },
    CAMPAIGN_TG,
  ];
  groups.forEach((g, i) => app.monitor.handle({ kind: 'chat_info', dedupeKey: `oc${i}`, at: clock.now() - 15 * day, chat: g }));
  app.registry.upsertMany(
    OFFICE_NAMES.map(([nama, unit], i) => ({
      nip: `1987${String(1 + (i % 12)).padStart(2, '0')}1${i % 10}2012${String(1 + (i % 12)).padStart(2, '0')}1${String(100 + i).padStart(3, '0')}` as Nip,
      nama, unit, phone: `+62813${String(40_000_000 + i)}` as PhoneE164, telegramId: String(6100 + i) as TgUserId,
    })),
    clock.now(),
  );
  // Budi is tagged in a campaign post too: his case shows the excerpt and who posted it.
  app.monitor.handle({
    kind: 'message', dedupeKey: 'om1', at: clock.now() + 600_000, chat: CAMPAIGN_TG, messageId: '501',
    sender: { platform: 'telegram', id: '777001', name: 'Korlap Relawan' }, text: 'Ayo coblos nomor 2 di Pilgub Sumsel, menangkan paslon kita! @budi_s',
    mentions: [{ platform: 'telegram', username: 'budi_s' }],
  });
  OFFICE_NAMES.forEach((_, i) => {
    const g = groups[i % groups.length]!;
    const at = clock.now() - (13 - i) * day + (i % 3) * 3_600_000;
    app.monitor.handle({ kind: 'member_added', dedupeKey: `oa${i}`, at, chat: g, members: [{ platform: 'telegram', id: String(6100 + i) }], actor: { platform: 'telegram', id: '777001', name: 'Korlap Relawan' } });
    if (i % 3 !== 2 && i < 10) app.monitor.handle({ kind: 'member_left', dedupeKey: `ol${i}`, at: at + (2 + i) * 3_600_000, chat: g, members: [{ platform: 'telegram', id: String(6100 + i) }] });
  });
}

/** The one-time link `/dasbor` gives the Telegram admin tg:9001. */
export async function linkFromBot(app: App): Promise<string> {
  const reply = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/dasbor' });
  const m = /(http:\/\/\S+\/masuk\?t=[\w-]+)/.exec(reply?.text ?? '');
  if (!m) throw new Error(`no link in reply: ${reply?.text}`);
  return m[1]!;
}

/**
 * Signs in with a one-time link as a browser does: opening it (GET) shows a page with a button and sets no cookie;
 * the button POSTs the token from the form. The session cookie (name=value).
 */
export async function signIn(link: string): Promise<string> {
  const page = await fetch(link, { redirect: 'manual' });
  if (page.status !== 200 || page.headers.get('set-cookie')) throw new Error(`opening ${link} gave ${page.status}`);
  const token = /<input type="hidden" name="t" value="([\w-]+)">/.exec(await page.text())?.[1];
  if (!token) throw new Error('no sign-in form');
  const post = await fetch(new URL('/masuk', link), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}` });
  if (post.status !== 303) throw new Error(`sign-in POST gave ${post.status}`);
  return (post.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/**
 * For one test file: `started` is dashboardApp whose dashboard and App are closed after each test, last started first;
 * `cleanups` takes more of the test's own closing work, run in the same order.
 */
export function dashboardsClosedAfterEach(): { started: typeof dashboardApp; cleanups: (() => Promise<void>)[] } {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });
  const started: typeof dashboardApp = async (overrides, opts) => {
    const s = await dashboardApp(overrides, opts);
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    return s;
  };
  return { started, cleanups };
}
