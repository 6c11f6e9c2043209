/**
 * The DESIGN.md story on Telegram, end to end over loopback HTTP: telegraf
 * polls the simulator, the app decides, the dispatcher sends through the
 * Telegram messenger, and we read what each person received from the sim.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app.js';
import { loadConfig } from '../../../src/config.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import { TelegramSimServer, type SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { callbackQuery, contactMessage, editedTextMessage, leftChatMember, newChatMembers, startCommand, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { TelegramAdapter } from '../../../src/platforms/telegram/adapter.js';
import { ingestUpdate } from '../../../src/platforms/telegram/ingest.js';
import { TelegramSendPolicy } from '../../../src/platforms/telegram/policy.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas', username: 'humas_oku' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const SARI: SimUser = { id: 5002, first_name: 'Sari' };
const DEDI: SimUser = { id: 5003, first_name: 'Dedi' };
const RINA: SimUser = { id: 5101, first_name: 'Rina', username: 'rina_r' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };

const asn = (nip: string, nama: string, phone: string, telegramId?: number, telegramUsername?: string) => ({
  nip: nip as Nip, nama, unit: 'Dinas Pendidikan', phone: phone as PhoneE164,
  ...(telegramId ? { telegramId: String(telegramId) as TgUserId } : {}), ...(telegramUsername ? { telegramUsername } : {}),
});

let sim: TelegramSimServer;
let app: App;
let adapter: TelegramAdapter;

let date = 1_730_689_000;
const botAdded = () => ({
  my_chat_member: {
    chat: GROUP, from: { ...TIMSES, is_bot: false }, date: ++date,
    old_chat_member: { status: 'left', user: { ...sim.bot, is_bot: true } },
    new_chat_member: { status: 'administrator', user: { ...sim.bot, is_bot: true }, can_manage_chat: true },
  },
});
const { to, textsTo, waitText } = simChats(() => sim, { waitMs: 3000 });
const settle = async () => {
  for (let i = 0; i < 100 && (app.monitor.outbox.depth().pending > 0 || app.monitor.outbox.depth().sending > 0); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 150));
};
const answers = () => sim.calls.filter((c) => c.method === 'answerCallbackQuery').map((c) => String(c.params['text'] ?? ''));

describe('Telegram story', () => {
  let bot: SimBot;
  beforeEach(async () => {
    // Privacy mode off, as the README's setup asks (the privacy-mode notice has its own test in boot.test.ts).
    bot = await startSimBot({
      overrides: { HUMAS_CONTACT: 'Humas Pemkab OKU' },
      asn: [
        asn('198503122010011003', 'Budi Santoso', '+6281234567890', BUDI.id, 'budi_s'),
        asn('199001252015032001', 'Sari Wulandari', '+6281298765432', SARI.id),
        asn('198807142012121002', 'Dedi Kurniawan', '+6285212345678', DEDI.id),
        asn('199203152019032004', 'Rina Marlina', '+6281377881122'),
      ],
      started: [ADMIN, BUDI, SARI, RINA, STRANGER],
      known: [DEDI], // never pressed /start
    });
    ({ sim, app, adapter } = bot);
  });

  afterEach(async () => {
    await adapter.stop(); // a test may have replaced the adapter (a restart)
    await bot.stop();
  });

  it('sets the registration link and the private command menu', async () => {
    expect(app.registrationLinks.telegram).toBe('https://t.me/JagaNetralBot?start=daftar');
    expect(app.platformStatus.telegram).toContain('polling');
    const menu = sim.myCommands(JSON.stringify({ type: 'all_private_chats' })) as { command: string }[];
    expect(menu.map((c) => c.command)).toEqual(expect.arrayContaining(['start', 'help', 'status']));
  });

  it('an ASN added by a timses member: the ASN, Humas and the group are told', async () => {
    sim.pushUpdate(botAdded());
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan Paslon 2 Pilgub Sumsel');
    await waitText(ADMIN.id, 'Kasus #1');
    await sim.waitFor((s) => to(GROUP.id)(s).length > 0, 3000);
    const dm = to(BUDI.id)(sim.sent)[0]!;
    // The name only: a Telegram user id names nobody to the ASN (src/app/alerts.ts actorLine).
    expect(dm.text).toContain('oleh Joko.');
    expect(dm.text).toMatch(/netral/i);
    expect(dm.text).toContain('Cara keluar');
    expect(dm.text).toContain('Humas Pemkab OKU');
    // The case buttons, and the "Laporkan" row that starts a self-report of what the bot did not see (issue 18 point 1).
    expect(dm.reply_markup).toEqual({
      inline_keyboard: [[{ text: 'Saya sudah keluar', callback_data: 'left:1' }, { text: 'Saya perlu bantuan Humas', callback_data: 'help:1' }], [{ text: 'Laporkan', callback_data: 'lapor:start' }]],
    });
    const humas = textsTo(ADMIN.id)[0]!;
    expect(humas).toContain('Budi Santoso');
    expect(humas).toContain('Relawan Paslon 2 Pilgub Sumsel');
    expect(humas).toContain('Oleh: Joko');
    expect(textsTo(GROUP.id)[0]).toContain('ASN');
    expect(textsTo(GROUP.id)[0]).not.toContain('Budi');
  });

  it('a hostile name and title (line breaks, bidi controls) reach Humas and the ASN as one plain line each', async () => {
    const HOSTILE = { id: 7002, first_name: 'Joko\n\n✅ Kasus #1 ditutup:', last_name: 'ASN sudah keluar\u202E' };
    const title = 'Relawan Paslon 2\n\u202EPilgub Sumsel';
    sim.pushUpdate({
      my_chat_member: {
        chat: { ...GROUP, title }, from: { ...TIMSES, is_bot: false }, date: ++date,
        old_chat_member: { status: 'left', user: { ...sim.bot, is_bot: true } },
        new_chat_member: { status: 'administrator', user: { ...sim.bot, is_bot: true }, can_manage_chat: true },
      },
    });
    sim.pushUpdate(newChatMembers({ ...GROUP, title }, HOSTILE, [BUDI]));
    await waitText(ADMIN.id, 'Kasus #1');
    await waitText(BUDI.id, 'Relawan Paslon 2 Pilgub Sumsel');
    const humas = textsTo(ADMIN.id).find((t) => t.includes('Kasus #1'))!;
    expect(humas).toContain('Oleh: Joko ✅ Kasus #1 ditutup: ASN sudah keluar');
    expect(humas).toContain('"Relawan Paslon 2 Pilgub Sumsel"');
    expect(humas).not.toMatch(/\u202E/);
    expect(humas.split('\n').some((l) => l.startsWith('✅'))).toBe(false);
    // The event row keeps what Telegram sent, for the record.
    const stored = app.db.prepare(`SELECT payload FROM events WHERE kind = 'member_added'`).pluck().get() as string;
    expect(JSON.parse(stored).actor.name).toContain('\n');
  });

  // Bot API: an edit arrives as `edited_message` (whole message, original message_id and date, plus edit_date);
  // telegraf 4.16.3 passes it through as ctx.update.edited_message, typed in node_modules/@telegraf/types/update.d.ts
  // (Update.EditedMessageUpdate, with edit_date from message.d.ts).
  it('a post edited to tag an ASN opens the case once; later edits open one only for the ASN they add', async () => {
    sim.pushUpdate(botAdded());
    const post = 'Ayo coblos nomor 2 Eddy Santana di Pilgub Sumsel!';
    sim.pushUpdate(textMessage(GROUP, TIMSES, post, { message_id: 777 }));
    sim.pushUpdate(editedTextMessage(GROUP, TIMSES, 777, `${post} @budi_s`, { editDate: date + 100 }));
    await waitText(BUDI.id, 'Ayo coblos nomor 2');
    // The same edit delivered again (same edit_date) is one event, not two.
    sim.pushUpdate(editedTextMessage(GROUP, TIMSES, 777, `${post} @budi_s`, { editDate: date + 100 }));
    await settle();
    expect(app.db.prepare(`SELECT asn_nip, kind FROM incidents`).all()).toEqual([{ asn_nip: '198503122010011003', kind: 'mentioned' }]);

    // Budi leaves (case closed); the post is edited again, now tagging Sari too: Budi gets no second case from the same post.
    app.db.prepare(`UPDATE incidents SET status = 'left'`).run();
    const text = `${post} @budi_s dan Sari`;
    sim.pushUpdate(
      editedTextMessage(GROUP, TIMSES, 777, text, {
        editDate: date + 200,
        entities: [
          { type: 'mention', offset: text.indexOf('@budi_s'), length: 7 },
          { type: 'text_mention', offset: text.indexOf('Sari'), length: 4, user: { id: SARI.id, is_bot: false, first_name: 'Sari' } },
        ],
      }),
    );
    await waitText(SARI.id, 'Ayo coblos nomor 2');
    await settle();
    expect(app.db.prepare(`SELECT asn_nip, status FROM incidents ORDER BY id`).all()).toEqual([
      { asn_nip: '198503122010011003', status: 'left' },
      { asn_nip: '199001252015032001', status: 'open' },
    ]);
    expect(to(BUDI.id)(sim.sent)).toHaveLength(1);
    expect(app.db.prepare(`SELECT count(*) FROM events WHERE kind = 'message' AND chat_id = ?`).pluck().get(String(GROUP.id))).toBe(3);
  });

  it('ASN tagged by @username and by text_mention in "Ayo coblos nomor 2 ..."', async () => {
    sim.pushUpdate(botAdded());
    const text = 'Ayo coblos nomor 2 Eddy Santana! @budi_s dan Sari';
    sim.pushUpdate(
      textMessage(GROUP, TIMSES, text, {
        entities: [
          { type: 'mention', offset: text.indexOf('@budi_s'), length: 7 },
          { type: 'text_mention', offset: text.indexOf('Sari'), length: 4, user: { id: SARI.id, is_bot: false, first_name: 'Sari' } },
        ],
      }),
    );
    await waitText(BUDI.id, 'Ayo coblos nomor 2');
    await waitText(SARI.id, 'Ayo coblos nomor 2');
    expect(textsTo(BUDI.id)[0]).toContain('ditandai');
    await sim.waitFor((s) => to(ADMIN.id)(s).length >= 2, 3000);
  });

  it('an ASN who never started the bot: 403, undeliverable, Humas told to call with the link', async () => {
    sim.pushUpdate(botAdded());
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [DEDI]));
    await waitText(ADMIN.id, 'tidak dapat dihubungi', 4000);
    const notice = textsTo(ADMIN.id).find((t) => t.includes('tidak dapat dihubungi'))!;
    expect(notice).toContain('Dedi Kurniawan');
    expect(notice).toContain('https://t.me/JagaNetralBot?start=daftar');
    const row = app.db.prepare(`SELECT status, last_error FROM outbox WHERE kind = 'asn_alert'`).get() as { status: string; last_error: string };
    expect(row.status).toBe('undeliverable');
    expect(row.last_error).toContain('403');
  });

  it('registration by contact: own accepted, someone else’s refused, unknown number refused', async () => {
    sim.pushUpdate(startCommand(RINA));
    await waitText(RINA.id, 'Selamat datang');
    expect(to(RINA.id)(sim.sent)[0]!.reply_markup).toMatchObject({ keyboard: [[{ request_contact: true }]] });

    sim.pushUpdate({ message: { ...(contactMessage(STRANGER, '6281377881122').message as object), contact: { phone_number: '6281377881122', first_name: 'Rina', user_id: RINA.id } } });
    await waitText(STRANGER.id, 'bukan milik Anda');
    expect(app.registry.byTelegramId(String(STRANGER.id))).toBeUndefined();

    sim.pushUpdate(contactMessage(STRANGER, '+6281999999999'));
    await waitText(STRANGER.id, 'tidak terdaftar');
    expect(textsTo(STRANGER.id).at(-1)).toContain('Humas Pemkab OKU');

    sim.pushUpdate(contactMessage(RINA, '6281377881122'));
    await waitText(RINA.id, 'pendaftaran berhasil');
    const done = to(RINA.id)(sim.sent).at(-1)!;
    expect(done.text).toContain('Rina Marlina');
    expect(done.reply_markup).toEqual({ remove_keyboard: true });
    expect(app.registry.byTelegramId(String(RINA.id))?.nama).toBe('Rina Marlina');
    const audits = app.db.prepare(`SELECT allowed FROM audit WHERE action = 'register' ORDER BY id`).all() as { allowed: number }[];
    expect(audits.map((a) => a.allowed)).toEqual([0, 0, 1]);
  });

  it('/grup answered to the admin, refused to a stranger and inside the group', async () => {
    sim.pushUpdate(botAdded());
    for (let i = 0; i < 50 && !app.monitor.chats.list().length; i++) await new Promise((r) => setTimeout(r, 20));
    sim.pushUpdate(textMessage({ id: ADMIN.id }, ADMIN, '/grup'));
    sim.pushUpdate(textMessage({ id: STRANGER.id }, STRANGER, '/grup'));
    sim.pushUpdate(textMessage(GROUP, ADMIN, '/grup'));
    await waitText(ADMIN.id, 'Relawan Paslon 2 Pilgub Sumsel');
    await waitText(STRANGER.id, 'hanya dapat digunakan oleh admin');
    await waitText(GROUP.id, 'pesan pribadi');
  });

  it('the same update pushed twice: one incident, one set of messages', async () => {
    sim.pushUpdate(botAdded());
    const u = newChatMembers(GROUP, TIMSES, [BUDI]);
    sim.pushUpdate(u);
    sim.pushUpdate(u);
    await waitText(BUDI.id, 'Relawan');
    await settle();
    sim.pushUpdate(u);
    await settle();
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get()).toEqual({ n: 1 });
    expect(textsTo(BUDI.id)).toHaveLength(1);
    expect(textsTo(ADMIN.id)).toHaveLength(1);
  });

  it('429 and 500 on sendMessage: recovered, nothing lost, nothing sent twice', { timeout: 40_000 }, async () => {
    sim.pushUpdate(botAdded());
    sim.inject({ method: 'sendMessage', kind: '429', retryAfter: 1 });
    sim.inject({ method: 'sendMessage', kind: '500' });
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI, SARI]));
    await sim.waitFor((s) => to(BUDI.id)(s).length === 1 && to(SARI.id)(s).length === 1 && to(ADMIN.id)(s).length === 2 && to(GROUP.id)(s).length === 1, 25_000);
    await settle();
    const counts = new Map<string, number>();
    for (const m of sim.sent) counts.set(`${m.chat_id}|${m.text}`, (counts.get(`${m.chat_id}|${m.text}`) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(sim.calls.filter((c) => c.method === 'sendMessage').map((c) => c.status)).toEqual(expect.arrayContaining([429, 500]));
    expect(app.monitor.outbox.depth()).toMatchObject({ pending: 0, failed: 0, sent: 5 });
  });

  it('a group migration rewrites the chat id of the case', async () => {
    const small = { id: -4012345678, title: 'Relawan Paslon 2 OKU', type: 'group' as const };
    sim.pushUpdate(newChatMembers(small, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan Paslon 2 OKU');
    sim.pushUpdate({ message: { message_id: 77, date: ++date, chat: small, from: { ...TIMSES, is_bot: false }, migrate_to_chat_id: -1004012345678 } });
    for (let i = 0; i < 100 && app.monitor.incidents.get(1)?.chatId !== '-1004012345678'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.monitor.incidents.get(1)?.chatId).toBe('-1004012345678');
    expect(app.monitor.chats.list().map((c) => c.chatId)).toEqual(['-1004012345678']);
  });

  it('the ASN leaving closes the case', async () => {
    sim.pushUpdate(botAdded());
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan');
    sim.pushUpdate(leftChatMember(GROUP, BUDI, BUDI));
    for (let i = 0; i < 100 && app.monitor.incidents.get(1)?.status !== 'left'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.monitor.incidents.get(1)?.status).toBe('left');
  });

  it('alert buttons: only the owner; "left" is checked with getChatMember; "help" tells Humas', async () => {
    sim.pushUpdate(botAdded());
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan');
    const alert = { message_id: 1, chat: { id: BUDI.id, type: 'private' }, date: date, text: 'x' };
    sim.setChatMember(GROUP.id, BUDI.id, 'member');
    sim.pushUpdate(callbackQuery(SARI, 'left:1', alert));
    sim.pushUpdate(callbackQuery(BUDI, 'left:1', alert));
    for (let i = 0; i < 100 && answers().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(answers()).toEqual(expect.arrayContaining(['Tombol ini bukan untuk Anda.', expect.stringContaining('masih melihat Anda')]));
    expect(app.monitor.incidents.get(1)?.status).toBe('open');

    sim.pushUpdate(callbackQuery(BUDI, 'help:1', alert));
    await waitText(ADMIN.id, 'meminta bantuan Humas');

    sim.setChatMember(GROUP.id, BUDI.id, 'left');
    sim.pushUpdate(callbackQuery(BUDI, 'left:1', alert));
    for (let i = 0; i < 100 && app.monitor.incidents.get(1)?.status !== 'left'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(app.monitor.incidents.get(1)?.status).toBe('left');
  });

  it('the bot joining a group finds registered ASN already inside', async () => {
    sim.setChatMember(GROUP.id, SARI.id, 'member');
    sim.pushUpdate(botAdded());
    await waitText(SARI.id, 'tercatat sebagai anggota', 4000);
    expect(textsTo(BUDI.id)).toHaveLength(0);
  });

  it('a group Humas marks with /tandai is scanned: ASN already inside get their alert', async () => {
    const ARISAN = { id: -1009876543210, title: 'Arisan RT 05', type: 'supergroup' as const };
    sim.setChatMember(ARISAN.id, SARI.id, 'member');
    sim.pushUpdate({ ...botAdded(), my_chat_member: { ...botAdded().my_chat_member, chat: ARISAN } });
    for (let i = 0; i < 100 && !app.monitor.chats.get('telegram', String(ARISAN.id)); i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 200));
    expect(textsTo(SARI.id)).toHaveLength(0); // not a campaign group: nobody is checked
    sim.pushUpdate(textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, `/tandai ${ARISAN.id}`));
    await waitText(ADMIN.id, 'ditandai sebagai grup kampanye');
    await waitText(SARI.id, 'Arisan RT 05', 4000);
    expect(textsTo(SARI.id)[0]).toContain('tercatat sebagai anggota');
    expect(app.db.prepare(`SELECT COUNT(*) FROM member_scans`).pluck().get()).toBe(0);
  });

  it('a scan interrupted by a crash resumes after the last ASN it checked', async () => {
    await adapter.stop();
    const scans = app.monitor.chats.scans;
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'g', at: 1, chat: { platform: 'telegram', id: String(GROUP.id), title: GROUP.title, type: 'supergroup' } });
    scans.request('telegram', String(GROUP.id), 1);
    // Budi (NIP 1985...) was checked before the crash; Sari and Dedi (1990..., 1988...) sort around him.
    scans.progress(scans.pending('telegram')[0]!, '198503122010011003');
    // The bot is an admin there (on connecting it asks about itself once: its rights were never recorded).
    sim.setChatMember(GROUP.id, sim.bot.id, 'administrator');
    const before = sim.calls.filter((c) => c.method === 'getChatMember').length;
    adapter = new TelegramAdapter({ app, scanIntervalMs: 5, restartDelayMs: 100, policy: new TelegramSendPolicy({ perChatGapMs: 20 }) });
    await adapter.start();
    for (let i = 0; i < 200 && scans.pending('telegram').length; i++) await new Promise((r) => setTimeout(r, 20));
    const asked = sim.calls.filter((c) => c.method === 'getChatMember').slice(before).map((c) => Number(c.params['user_id'])).filter((id) => id !== sim.bot.id);
    expect(asked.sort()).toEqual([DEDI.id, SARI.id].sort());
    expect(app.monitor.chats.get('telegram', String(GROUP.id))?.botAdmin).toBe(true);
  });

  it('a private message recorded just before a crash, but never answered, is answered when it comes again', async () => {
    const update = { update_id: 777001, ...contactMessage(SARI, '+6281298765432') };
    ingestUpdate(app, update); // the event was committed, then the process died before the contact was handled and answered
    sim.pushUpdate(update);
    await waitText(SARI.id, 'pendaftaran berhasil');
    expect(app.registry.byNip('199001252015032001')?.telegramId).toBe(String(SARI.id));
    sim.pushUpdate(update); // and once answered, a repeat stays quiet
    await settle();
    expect(textsTo(SARI.id).filter((t) => t.includes('pendaftaran berhasil'))).toHaveLength(1);
  });

  it('a malformed update is recorded as rejected and polling goes on', async () => {
    sim.pushUpdate({ message: { message_id: 1, date: 1, chat: { id: 'nope' } } });
    sim.pushUpdate(startCommand(RINA));
    await waitText(RINA.id, 'Selamat datang');
    const r = app.db.prepare(`SELECT reason FROM events WHERE status = 'rejected'`).all() as { reason: string }[];
    expect(r).toHaveLength(1);
    expect(r[0]!.reason).toContain('chat');
  });
});

describe('Telegram webhook mode', () => {
  let hookSim: TelegramSimServer;
  let hookApp: App;
  let hookAdapter: TelegramAdapter;
  const SECRET = 'webhook-secret-0123456789';

  afterEach(async () => {
    await hookAdapter.stop();
    await hookApp.close();
    await hookSim.close();
  });

  it('receives updates on node:http with the secret header and answers 401 without it', async () => {
    hookSim = await TelegramSimServer.start();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/tg-hook`;
    hookApp = new App({
      config: loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: hookSim.token, TELEGRAM_API_ROOT: hookSim.apiRoot, QUIET_HOURS: 'off' } }),
    });
    hookAdapter = new TelegramAdapter({ app: hookApp, webhook: { url, secret: SECRET, port, host: '127.0.0.1' } });
    await hookAdapter.start();
    hookApp.dispatcher.start();
    expect(hookSim.webhookUrl()).toBe(url);
    expect(hookApp.platformStatus.telegram).toContain('webhook');
    hookSim.addUser(RINA);
    hookSim.startedBot(RINA.id);
    hookSim.pushUpdate(startCommand(RINA));
    await hookSim.waitFor((s) => s.some((m) => m.chat_id === RINA.id && (m.text ?? '').includes('Selamat datang')), 3000);
    const bad = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': 'wrong' }, body: '{}' });
    expect(bad.status).toBe(401);
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

describe('Telegram adapter lifecycle', () => {
  it('stop() right after start() leaves no long poll behind', async () => {
    const s = await TelegramSimServer.start();
    const a = new App({ config: loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', TELEGRAM_BOT_TOKEN: s.token, TELEGRAM_API_ROOT: s.apiRoot } }) });
    const ad = new TelegramAdapter({ app: a, webhook: false });
    try {
      await ad.start();
      await ad.stop();
      await new Promise((r) => setTimeout(r, 150));
      expect(s.isPolling()).toBe(false);
      expect(a.platformStatus.telegram).toBe('stopped');
    } finally {
      await a.close();
      await s.close();
    }
  });
});
