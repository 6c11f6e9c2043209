/**
 * Issue 17, point 5: once the `/dasbor` reply has gone out, the database holds no live login token:
 * the outbox row keeps the link with its token replaced, and on WhatsApp the copy kept for Baileys'
 * retry requests (`wa_sent_messages`, read back by `getMessage`: `lib/Socket/messages-recv.js`,
 * sendMessagesAgain) too. The link still works from the person's chat. Through telegraf over HTTP to
 * the Bot API simulator, and Baileys' own protobuf messages through the fake socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REDACTED_TOKEN } from '../../src/core/login-link.js';
import type { App } from '../../src/app/app.js';
import { textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { startDashboard, type RunningDashboard } from '../../src/web/server.js';
import { privateMessage } from '../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, drainAll, fakeClock, startBot } from '../fixtures/whatsapp/setup.js';
import { startSimBot } from '../support/telegram.js';
import { freePort, signIn } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Every text value of every table, as one string: where a token at rest would show. */
function dump(app: App): string {
  const tables = app.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
  return tables.map((t) => JSON.stringify(app.db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
}

const tokenOf = (text: string): string => /\/masuk\?t=([\w-]{20,})/.exec(text)![1]!;

describe('a /dasbor link at rest', () => {
  it('Telegram: the reply carries the link; the stored copy does not; the link still signs in', async () => {
    const port = await freePort();
    const bot = await startSimBot({ overrides: { DASHBOARD_PORT: String(port) }, started: [{ id: 9001, first_name: 'Humas' }] });
    cleanups.push(() => bot.stop());
    const dash: RunningDashboard = await startDashboard(bot.app, { port });
    cleanups.push(() => dash.close());
    bot.sim.pushUpdate(textMessage({ id: 9001, type: 'private' }, { id: 9001, first_name: 'Humas' }, '/dasbor'));
    await bot.sim.waitFor((s) => s.some((m) => m.chat_id === 9001 && /\/masuk\?t=/.test(m.text ?? '')), 10_000);
    const delivered = bot.sim.sent.find((m) => m.chat_id === 9001 && /\/masuk\?t=/.test(m.text ?? ''))!.text!;
    const token = tokenOf(delivered);
    for (let i = 0; i < 50 && bot.app.monitor.outbox.depth().sending + bot.app.monitor.outbox.depth().pending > 0; i++) await new Promise((r) => setTimeout(r, 20));
    const row = bot.app.db.prepare(`SELECT status, text FROM outbox WHERE kind = 'command_reply' AND text LIKE '%/masuk?t=%'`).get() as { status: string; text: string };
    expect(row.status).toBe('sent');
    expect(row.text).toContain(`/masuk?t=${REDACTED_TOKEN}`);
    expect(dump(bot.app)).not.toContain(token);
    // The person's copy still works.
    const cookie = await signIn(delivered.match(/http:\/\/\S+/)![0]);
    expect((await fetch(`${dash.url}/`, { headers: { cookie } })).status).toBe(200);
  });

  it('WhatsApp: neither the outbox nor the copy kept for retry requests holds the token', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { DASHBOARD_PORT: '8080' } });
    cleanups.push(async () => {
      await wa.stop();
      await app.close();
    });
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'D1', text: '/dasbor', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    const sent = fake.sent.find((m) => m.jid === ADMIN_WA && /\/masuk\?t=/.test(JSON.stringify(m.content)));
    expect(sent).toBeDefined();
    const token = tokenOf(JSON.stringify(sent!.content));
    expect(app.db.prepare(`SELECT count(*) FROM wa_sent_messages`).pluck().get()).toBeGreaterThan(0);
    expect(dump(app)).not.toContain(token);
    // What Baileys would resend on a retry request: the link, without its token.
    const again = await fake.init!.getMessage!({ remoteJid: ADMIN_WA, fromMe: true, id: sent!.id });
    expect(JSON.stringify(again)).toContain(`/masuk?t=${REDACTED_TOKEN}`);
  });
});
