/**
 * A Telegram bot (App + TelegramAdapter, real telegraf over loopback HTTP)
 * under injected faults: bursts of 429 with retry_after, 500s, dropped
 * connections and slow answers, while ASN are added to a campaign group.
 * Every expected message must arrive exactly once and nothing may crash.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { TelegramSimServer, type SimUser } from '../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../../src/platforms/telegram/adapter.js';
import { TelegramSendPolicy } from '../../src/platforms/telegram/policy.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ARISAN = { id: -1009876543210, title: 'Arisan RT 05', type: 'supergroup' as const };
const HUMAS = 9001;
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const ASN_USERS: SimUser[] = Array.from({ length: 7 }, (_, i) => ({ id: 5001 + i, first_name: `Pegawai${i}`, username: `pegawai_${i}` }));
const UNSTARTED = ASN_USERS[6]!.id;

let sim: TelegramSimServer;
let app: App;
let adapter: TelegramAdapter;
const errors: unknown[] = [];
const onError = (e: unknown): void => void errors.push(e);

async function drained(timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = app.monitor.outbox.depth();
    if (sim.pendingUpdates() === 0 && d.pending === 0 && d.sending === 0) return;
    if (Date.now() > until) throw new Error(`not drained: ${JSON.stringify(d)}, ${sim.pendingUpdates()} updates pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Telegram under injected faults', () => {
  beforeEach(async () => {
    errors.length = 0;
    process.on('unhandledRejection', onError);
    process.on('uncaughtException', onError);
    // Privacy mode off (the README's setup), so Humas receives only the alerts counted here.
    sim = await TelegramSimServer.start({ canReadAllGroupMessages: true });
    const config = loadConfig({
      envFile: false,
      env: {},
      overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: `tg:${HUMAS}`, TELEGRAM_BOT_TOKEN: sim.token, TELEGRAM_API_ROOT: sim.apiRoot, PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off',
        // Six additions to one group count as one alert each here (this test is about faults, not mass events).
        MASS_ALERT_THRESHOLD: '10' },
    });
    app = new App({ config });
    app.registry.upsertMany(
      ASN_USERS.map((u, i) => ({
        nip: `198503122010011${String(i + 1).padStart(3, '0')}` as Nip,
        nama: `ASN ${i}`,
        unit: 'Dinas Pendidikan',
        phone: `+6281234500${String(i).padStart(3, '0')}` as PhoneE164,
        telegramId: String(u.id) as TgUserId,
        telegramUsername: u.username!,
      })),
      Date.now(),
    );
    for (const u of ASN_USERS) if (u.id !== UNSTARTED) sim.startedBot(u.id);
    sim.startedBot(HUMAS);
    // The per-chat gap is shortened so the test stays short; the 429 holds are the real ones.
    adapter = new TelegramAdapter({ app, webhook: false, restartDelayMs: 200, policy: new TelegramSendPolicy({ perChatGapMs: 200 }) });
    app.dispatcher.start();
  });

  afterEach(async () => {
    await adapter.stop();
    await app.close();
    await sim.close();
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  });

  it('delivers every expected message exactly once through 429 bursts, 500s, drops and slow answers', { timeout: 90_000 }, async () => {
    sim.inject({ method: 'getUpdates', kind: '429', count: 1, retryAfter: 1 });
    sim.inject({ method: 'sendMessage', kind: 'delay', count: 6, delayMs: 400 });
    sim.inject({ method: 'sendMessage', kind: '429', count: 3, retryAfter: 1 });
    sim.inject({ method: 'sendMessage', kind: '500', count: 2 });
    sim.inject({ method: 'sendMessage', kind: 'drop', count: 2 });
    await adapter.start();

    // Six ASN added one by one, one mentioned in a Pilkada post in an ordinary group, plus chatter.
    for (const u of ASN_USERS.slice(0, 6)) sim.pushUpdate(newChatMembers(GROUP, TIMSES, [u]));
    sim.pushUpdate(textMessage(ARISAN, TIMSES, `Ayo coblos nomor 2 di Pilgub Sumsel @${ASN_USERS[6]!.username}`));
    for (let i = 0; i < 30; i++) sim.pushUpdate(textMessage(ARISAN, TIMSES, `Selamat pagi semua ${i}`));

    // A second burst once the first messages are out: 429s on two chats in a row trigger the global hold.
    await sim.waitFor((s) => s.length >= 2, 15_000);
    sim.inject({ method: 'sendMessage', kind: '429', count: 4, retryAfter: 1 });
    sim.inject({ method: 'sendMessage', kind: 'drop', count: 1 });

    await drained(75_000); // ~14 s on an idle machine; generous for a loaded CI host

    const rows = app.db.prepare(`SELECT kind, recipient, text, status FROM outbox`).all() as { kind: string; recipient: string; text: string; status: string }[];
    // 7 incidents: 7 ASN alerts (one refused), 7 Humas alerts, 1 notice, 1 group reminder.
    expect(rows.filter((r) => r.kind === 'asn_alert')).toHaveLength(7);
    expect(rows.filter((r) => r.kind === 'humas_alert')).toHaveLength(7);
    expect(rows.filter((r) => r.kind === 'undeliverable_notice')).toHaveLength(1);
    expect(rows.filter((r) => r.kind === 'group_reminder')).toHaveLength(1);
    for (const r of rows) {
      if (r.kind === 'asn_alert' && r.recipient === String(UNSTARTED)) expect(r.status).toBe('undeliverable');
      else expect(r.status, `${r.kind} to ${r.recipient}`).toBe('sent');
    }
    const sentRows = rows.filter((r) => r.status === 'sent');
    for (const r of sentRows) {
      const copies = sim.sent.filter((m) => String(m.chat_id) === r.recipient && m.text === r.text).length;
      expect(copies, `${r.kind} to ${r.recipient}`).toBe(1);
    }
    expect(sim.sent).toHaveLength(sentRows.length);
    for (const u of ASN_USERS.slice(0, 6)) expect(sim.sent.filter((m) => m.chat_id === u.id)).toHaveLength(1);
    expect(sim.sent.filter((m) => m.chat_id === HUMAS)).toHaveLength(8);

    // The faults really happened.
    const statuses = sim.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status);
    expect(statuses.filter((s) => s === 429).length).toBe(7);
    expect(statuses.filter((s) => s === 500).length).toBe(2);
    expect(statuses.filter((s) => s === 0).length).toBe(3);
    expect(sim.calls.some((c) => c.method === 'getUpdates' && c.status === 429)).toBe(true);
    expect(errors).toEqual([]);
  });
});
