/**
 * Issue 9 points 8 and 9 over loopback HTTP: the bot's own rights arrive as `my_chat_member`
 * (ChatMemberUpdated, node_modules/@telegraf/types/manage.d.ts; the simulator's setBotStatus() queues
 * it with the ChatMember fields the Bot API sends), getChatMember "is only guaranteed to work for other
 * users if the bot is an administrator in the chat" (Bot API), and a 429 carries
 * `parameters.retry_after`, which telegraf surfaces on TelegramError (lib/core/network/error.js) and
 * never retries itself (lib/core/network/client.js).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app.js';
import { health } from '../../../src/app/health.js';
import { runLifecycleJob } from '../../../src/app/scheduler.js';
import { loadConfig } from '../../../src/config.js';
import { TelegramSimServer, type SimSentMessage, type SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../../../src/platforms/telegram/adapter.js';
import { TelegramMembershipChecker } from '../../../src/platforms/telegram/messenger.js';
import { TelegramSendPolicy } from '../../../src/platforms/telegram/policy.js';
import { Telegram } from 'telegraf';
import { simChats, startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ARISAN = { id: -1009876543210, title: 'Arisan RT 05', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let sim: TelegramSimServer;
let app: App;
let adapter: TelegramAdapter;

const { textsTo } = simChats(() => sim);
const needsAdmin = (s: SimSentMessage[]) => s.filter((m) => m.chat_id === ADMIN.id && /hak admin|admin di grup/.test(m.text ?? ''));
const settle = async () => {
  for (let i = 0; i < 100 && (app.monitor.outbox.depth().pending > 0 || app.monitor.outbox.depth().sending > 0); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
};
const status = async () => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' }))!.text;

describe('Telegram permissions', () => {
  let bot: SimBot;
  beforeEach(async () => {
    bot = await startBudiBot();
    ({ sim, app, adapter } = bot);
  });
  afterEach(() => bot.stop());

  it('added as a plain member: Humas hears once, naming the group; promotion clears it, demotion says so again', async () => {
    // Telegram sends both the service message and my_chat_member when a member adds the bot.
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [{ ...sim.bot }]));
    sim.setBotStatus(GROUP, TIMSES, 'member');
    await sim.waitFor((s) => needsAdmin(s).length === 1, 3000);
    await settle();
    expect(needsAdmin(sim.sent)).toHaveLength(1);
    expect(needsAdmin(sim.sent)[0]!.text).toContain('dimasukkan ke grup "Relawan Paslon 2 Pilgub Sumsel" (grup kampanye) sebagai anggota biasa, tanpa hak admin');
    expect(app.monitor.chats.get('telegram', String(GROUP.id))).toMatchObject({ botMember: true, botAdmin: false });
    expect(await status()).toContain('bot bukan admin di 1 grup: "Relawan Paslon 2 Pilgub Sumsel"');
    expect(health(app, Date.now())).toMatchObject({ health: 'warn', problems: [{ kind: 'not_admin', chatId: String(GROUP.id), campaign: true }] });

    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.monitor.chats.get('telegram', String(GROUP.id))?.botAdmin).toBe(true);
    expect(await status()).not.toContain('bukan admin');
    expect(health(app, Date.now())).toMatchObject({ health: 'ok', problems: [] });
    expect(needsAdmin(sim.sent)).toHaveLength(1);

    sim.setBotStatus(GROUP, TIMSES, 'member', { date: Math.floor(Date.now() / 1000) + 1 });
    await sim.waitFor((s) => needsAdmin(s).length === 2, 3000);
    expect(needsAdmin(sim.sent)[1]!.text).toContain('tidak lagi menjadi admin di grup "Relawan Paslon 2 Pilgub Sumsel"');

    // Any group counts, and leaving forgets: the bot removed from the arisan group is no problem any more.
    sim.setBotStatus(ARISAN, TIMSES, 'member');
    await sim.waitFor((s) => needsAdmin(s).some((m) => (m.text ?? '').includes('Arisan RT 05')), 3000);
    sim.setBotStatus(ARISAN, TIMSES, 'left');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.monitor.chats.withoutAdmin('telegram').map((c) => c.title)).toEqual(['Relawan Paslon 2 Pilgub Sumsel']);
  });

  it('without admin rights a "left" answer never closes the case by itself; with them it does', async () => {
    sim.setBotStatus(GROUP, TIMSES, 'member');
    sim.setChatMember(GROUP.id, BUDI.id, 'member', BUDI);
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await sim.waitFor((s) => s.some((m) => m.chat_id === BUDI.id), 3000);
    const caseId = app.monitor.incidents.listOpen()[0]!.id;

    // getChatMember now says "left" (it is not guaranteed here): the case stays open, Humas is asked to confirm, once.
    sim.setChatMember(GROUP.id, BUDI.id, 'left', BUDI);
    const first = await runLifecycleJob(app, Date.now(), [adapter.membership]);
    expect(first.checks).toMatchObject({ checked: 1, left: [], unconfirmed: [caseId] });
    await runLifecycleJob(app, Date.now() + 1, [adapter.membership]);
    expect(app.monitor.incidents.get(caseId)!.status).toBe('open');
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id && (m.text ?? '').includes(`Kasus #${caseId}: Telegram menyebut Budi Santoso`)), 3000);
    await settle();
    expect(textsTo(ADMIN.id).filter((t) => t.includes('tidak dijamin Telegram'))).toHaveLength(1);

    // The bot is made admin: the same answer is now guaranteed and closes the case.
    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    await new Promise((r) => setTimeout(r, 300));
    const second = await runLifecycleJob(app, Date.now() + 2, [adapter.membership]);
    expect(second.checks.left).toEqual([caseId]);
    expect(app.monitor.incidents.get(caseId)!.status).toBe('left');
  });

  it('a post the bot sees in a group without admin rights still opens a case (only closing needs certainty)', async () => {
    sim.setBotStatus(GROUP, TIMSES, 'member');
    sim.pushUpdate(textMessage(GROUP, TIMSES, 'Ayo coblos nomor 2 Eddy Santana! @budi_s'));
    await sim.waitFor((s) => s.some((m) => m.chat_id === BUDI.id && (m.text ?? '').includes('Ayo coblos nomor 2')), 3000);
  });
});

describe('getChatMember and 429 retry_after', () => {
  let s: TelegramSimServer;
  beforeEach(async () => {
    s = await TelegramSimServer.start();
    s.setChatMember(GROUP.id, BUDI.id, 'member', BUDI);
  });
  afterEach(async () => {
    await s.close();
  });

  it('waits out retry_after before asking again, and gets the answer', async () => {
    const checker = new TelegramMembershipChecker(new Telegram(s.token, { apiRoot: s.apiRoot }));
    s.inject({ method: 'getChatMember', kind: '429', retryAfter: 1 });
    expect(await checker.isMember(String(GROUP.id), String(BUDI.id))).toBe(true);
    const calls = s.calls.filter((c) => c.method === 'getChatMember');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1000 - 5);
  });

  it('a hold longer than it may wait answers "cannot tell" at once, and later checks do not call Telegram until it ends', async () => {
    const checker = new TelegramMembershipChecker(new Telegram(s.token, { apiRoot: s.apiRoot }), { maxWaitMs: 2000 });
    s.inject({ method: 'getChatMember', kind: '429', retryAfter: 30 });
    expect(await checker.isMember(String(GROUP.id), String(BUDI.id))).toBeUndefined();
    expect(await checker.isMember(String(GROUP.id), String(BUDI.id))).toBeUndefined();
    expect(s.calls.filter((c) => c.method === 'getChatMember').map((c) => c.status)).toEqual([429]);
  });
});

describe('groups joined before the bot recorded its rights', () => {
  let s: TelegramSimServer;
  let a: App;
  let tg: TelegramAdapter;
  afterEach(async () => {
    await tg.stop();
    await a.close();
    await s.close();
  });

  it('on connecting, asks getChatMember about itself in each such group and records admin, plain member, or gone', async () => {
    s = await TelegramSimServer.start({ canReadAllGroupMessages: true });
    const config = loadConfig({
      envFile: false,
      env: {},
      overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: s.token, TELEGRAM_API_ROOT: s.apiRoot, PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' },
    });
    a = new App({ config });
    const GONE = { id: -1005550000001, title: 'Relawan Lama', type: 'supergroup' as const };
    // What an older version left: three groups the bot is in, rights unknown (bot_admin NULL).
    for (const g of [GROUP, ARISAN, GONE]) {
      a.monitor.handle({ kind: 'bot_membership', dedupeKey: `old:${g.id}`, at: 1, chat: { platform: 'telegram', id: String(g.id), title: g.title, type: 'supergroup' }, joined: true });
    }
    expect(a.monitor.chats.withUnknownAdmin('telegram')).toHaveLength(3);
    s.setChatMember(GROUP.id, s.bot.id, 'administrator');
    s.setChatMember(ARISAN.id, s.bot.id, 'member');
    s.setChatMember(GONE.id, s.bot.id, 'kicked');
    tg = new TelegramAdapter({ app: a, scanIntervalMs: 5, restartDelayMs: 100, policy: new TelegramSendPolicy({ perChatGapMs: 20 }) });
    await tg.start();
    for (let i = 0; i < 150 && a.monitor.chats.withUnknownAdmin('telegram').length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    const chat = (g: { id: number }) => a.monitor.chats.get('telegram', String(g.id))!;
    expect([chat(GROUP).botAdmin, chat(ARISAN).botAdmin]).toEqual([true, false]);
    expect([chat(GROUP).botMember, chat(ARISAN).botMember, chat(GONE).botMember]).toEqual([true, true, false]);
    // One question per group, about the bot itself.
    const asked = s.calls.filter((c) => c.method === 'getChatMember').map((c) => Number(c.params['user_id']));
    expect(asked).toEqual([s.bot.id, s.bot.id, s.bot.id]);
    // /status now names the group without admin rights; nothing was sent to Humas for it.
    const st = (await a.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/status' }))!.text;
    expect(st).toContain('"Arisan RT 05"');
    expect(s.sent).toEqual([]);
  });

  it('the simulator, like Telegram, counts the bot inside a group it delivered updates from', async () => {
    s = await TelegramSimServer.start();
    a = new App({ config: loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json' } }) });
    tg = new TelegramAdapter({ app: a, webhook: false, apiRoot: s.apiRoot, token: s.token }); // not started: afterEach stops it
    const api = new Telegram(s.token, { apiRoot: s.apiRoot });
    s.pushUpdate(textMessage(GROUP, TIMSES, 'halo'));
    expect((await api.getChatMember(GROUP.id, s.bot.id)).status).toBe('member');
    expect((await api.getChatMember(ARISAN.id, s.bot.id)).status).toBe('left');
  });
});
