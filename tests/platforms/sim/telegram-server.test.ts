import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegraf, Telegram, TelegramError } from 'telegraf';
import { TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { parseMultipart, parseParams } from '../../../src/platforms/sim/telegram-body.js';
import { autoEntities, chatMemberUpdate, textMessage } from '../../../src/platforms/sim/telegram-updates.js';

const GROUP = -1001234567890;
const USER = { id: 5550001, first_name: 'Budi', username: 'budi_asn' };

let sim: TelegramSimServer;
let tg: Telegram;

beforeEach(async () => {
  sim = await TelegramSimServer.start();
  tg = new Telegram(sim.token, { apiRoot: sim.apiRoot });
});

afterEach(async () => {
  await sim.close();
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

async function raw(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sim.apiRoot}${path}`, { ...init, headers: { connection: 'close', ...(init?.headers ?? {}) } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('TelegramSimServer with telegraf Telegram client', () => {
  it('answers getMe with the bot user', async () => {
    const me = await tg.getMe();
    expect(me.is_bot).toBe(true);
    expect(me.id).toBe(sim.bot.id);
    expect(me.username).toBe(sim.bot.username);
  });

  it('sends a message to a group and records it', async () => {
    const seen: number[] = [];
    sim.onSent = (m) => seen.push(m.seq);
    const msg = await tg.sendMessage(GROUP, 'Pengingat netralitas ASN', {
      reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] },
    });
    expect(msg.message_id).toBe(1);
    expect(msg.chat.id).toBe(GROUP);
    expect(msg.chat.type).toBe('supergroup');
    expect(msg.text).toBe('Pengingat netralitas ASN');
    expect(typeof msg.date).toBe('number');
    expect(sim.sent).toHaveLength(1);
    expect(sim.sent[0]).toMatchObject({ method: 'sendMessage', chat_id: GROUP, text: 'Pengingat netralitas ASN', message_id: 1 });
    expect(sim.sent[0]?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] });
    expect(seen).toEqual([1]);
    expect(sim.calls.at(-1)).toMatchObject({ method: 'sendMessage', status: 200 });
  });

  it('refuses a private send before /start with 403, accepts it after', async () => {
    const err = await rejection(tg.sendMessage(USER.id, 'Halo'));
    expect(err).toBeInstanceOf(TelegramError);
    expect((err as TelegramError).code).toBe(403);
    expect((err as TelegramError).description).toBe("Forbidden: bot can't initiate conversation with a user");
    expect(sim.sent).toHaveLength(0);

    sim.addUser(USER);
    sim.startedBot(USER.id);
    const msg = await tg.sendMessage(USER.id, 'Halo');
    expect(msg.chat).toMatchObject({ id: USER.id, type: 'private', first_name: 'Budi' });
    await sim.waitFor((s) => s.some((m) => m.chat_id === USER.id), 500);

    sim.blockedBot(USER.id);
    const blocked = await rejection(tg.sendMessage(USER.id, 'Halo lagi'));
    expect((blocked as TelegramError).description).toBe('Forbidden: bot was blocked by the user');
  });

  it('receives sendDocument as multipart with a Buffer and records filename and bytes', async () => {
    const bytes = Buffer.alloc(70_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 256; // includes CR/LF/'-' bytes
    const msg = await tg.sendDocument(
      GROUP,
      { source: bytes, filename: 'laporan.xlsx' },
      { caption: 'Laporan /report', reply_markup: { inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] } },
    );
    expect(msg.document?.file_name).toBe('laporan.xlsx');
    expect(msg.document?.file_size).toBe(70_000);
    const sent = sim.sent[0];
    expect(sent).toMatchObject({ method: 'sendDocument', chat_id: GROUP, caption: 'Laporan /report' });
    expect(sent?.document).toMatchObject({ filename: 'laporan.xlsx', bytes: 70_000 });
    expect(sent?.document?.data?.equals(bytes)).toBe(true);
    expect(sent?.reply_markup).toEqual({ inline_keyboard: [[{ text: 'x', callback_data: 'y' }]] });

    await tg.sendPhoto(GROUP, { source: Buffer.from('png-bytes') });
    expect(sim.sent[1]).toMatchObject({ method: 'sendPhoto', document: { filename: 'photo.jpg', bytes: 9 } });
  });

  it('surfaces an injected 429 as TelegramError with parameters.retry_after', async () => {
    sim.inject({ method: 'sendMessage', kind: '429', retryAfter: 7 });
    const err = await rejection(tg.sendMessage(GROUP, 'a'));
    expect(err).toBeInstanceOf(TelegramError);
    expect((err as TelegramError).code).toBe(429);
    expect((err as TelegramError).parameters?.retry_after).toBe(7);
    expect((err as TelegramError).description).toBe('Too Many Requests: retry after 7');
    await tg.sendMessage(GROUP, 'b'); // fault consumed
    expect(sim.sent.map((m) => m.text)).toEqual(['b']);
    expect(sim.calls.map((c) => c.status)).toEqual([429, 200]);
  });

  it('surfaces an injected 500 as TelegramError code 500', async () => {
    sim.inject({ kind: '500', count: 2 });
    const e1 = await rejection(tg.sendMessage(GROUP, 'a'));
    const e2 = await rejection(tg.getMe());
    expect((e1 as TelegramError).code).toBe(500);
    expect((e2 as TelegramError).code).toBe(500);
    await expect(tg.getMe()).resolves.toBeTruthy();
  });

  it('answers an injected 502 as nginx does (HTML); telegraf reports the status line', async () => {
    sim.inject({ method: 'getMe', kind: '502' });
    const res = await fetch(`${sim.apiRoot}/bot${sim.token}/getMe`, { headers: { connection: 'close' } });
    expect(res.status).toBe(502);
    expect(res.statusText).toBe('Bad Gateway');
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toContain('<title>502 Bad Gateway</title>');
    sim.inject({ method: 'getMe', kind: '502' });
    const err = (await rejection(tg.getMe())) as TelegramError;
    expect(err).toBeInstanceOf(TelegramError);
    expect([err.code, err.description]).toEqual([502, 'Bad Gateway']);
    expect((await tg.getMe()).id).toBe(sim.bot.id);
  });

  it('reports privacy mode in getMe and the bot\'s own status changes as my_chat_member', async () => {
    expect((await tg.getMe()).can_read_all_group_messages).toBe(false);
    sim.setPrivacyMode(false);
    expect((await tg.getMe()).can_read_all_group_messages).toBe(true);
    sim.setBotStatus({ id: GROUP, title: 'Relawan' }, USER, 'member', { date: 100 });
    sim.setBotStatus({ id: GROUP }, USER, 'administrator', { date: 101 });
    const updates = (await tg.callApi('getUpdates', { timeout: 0 })) as unknown as Record<string, any>[];
    expect(updates.map((u) => [u['my_chat_member'].old_chat_member.status, u['my_chat_member'].new_chat_member.status])).toEqual([['left', 'member'], ['member', 'administrator']]);
    expect(updates[1]!['my_chat_member']).toMatchObject({ chat: { id: GROUP, type: 'supergroup', title: 'Relawan' }, from: { id: USER.id, is_bot: false }, date: 101 });
    expect(updates[1]!['my_chat_member'].new_chat_member).toMatchObject({ user: { id: sim.bot.id, is_bot: true }, can_be_edited: false, can_manage_chat: true, can_post_stories: false });
    expect((await tg.getChatMember(GROUP, sim.bot.id)).status).toBe('administrator');
  });

  it('drops the connection: the client promise rejects and nothing is recorded as sent', async () => {
    sim.inject({ method: 'sendMessage', kind: 'drop' });
    const err = await rejection(tg.sendMessage(GROUP, 'lost'));
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(TelegramError);
    expect((err as Error).name).toBe('FetchError');
    expect(sim.sent).toHaveLength(0);
    expect(sim.calls.at(-1)).toMatchObject({ method: 'sendMessage', status: 0 });
    await tg.sendMessage(GROUP, 'ok');
  });

  it('delays a call when asked', async () => {
    sim.inject({ method: 'getMe', kind: 'delay', delayMs: 150 });
    const t0 = Date.now();
    await tg.getMe();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });

  it('answers getChatMember from setChatMember, unknown users as left', async () => {
    sim.setChatMember(GROUP, USER.id, 'member', USER);
    const m = await tg.getChatMember(GROUP, USER.id);
    expect(m.status).toBe('member');
    expect(m.user).toMatchObject({ id: USER.id, first_name: 'Budi', username: 'budi_asn' });
    const unknown = await tg.getChatMember(GROUP, 42);
    expect(unknown.status).toBe('left');
    expect(unknown.user.id).toBe(42);
    sim.setChatMember(GROUP, USER.id, 'kicked');
    expect((await tg.getChatMember(GROUP, USER.id)).status).toBe('kicked');
  });

  it('refuses a text over 4,096 characters the way the Bot API does', async () => {
    // The Bot API answers {ok:false, error_code:400, description:"Bad Request: message is too long"}; telegraf's
    // client (node_modules/telegraf/lib/core/network/client.js: `if (!data.ok) { ... throw new error_1.default(data, ...) }`,
    // error_1 being core/network/error.js, TelegramError) turns that into a TelegramError with code 400 and that
    // description, which is what the messenger must never provoke.
    const err = await rejection(tg.sendMessage(GROUP, 'x'.repeat(4097)));
    expect(err).toBeInstanceOf(TelegramError);
    expect((err as TelegramError).code).toBe(400);
    expect((err as TelegramError).description).toBe('Bad Request: message is too long');
    expect((await tg.sendMessage(GROUP, 'x'.repeat(4096))).text).toHaveLength(4096);
  });

  it('answers a send to a migrated group with migrate_to_chat_id', async () => {
    sim.migrateChat(-4001, -1004001);
    const err = await rejection(tg.sendMessage(-4001, 'halo'));
    expect((err as TelegramError).code).toBe(400);
    expect((err as TelegramError).description).toBe('Bad Request: group chat was upgraded to a supergroup chat');
    expect((err as TelegramError).parameters?.migrate_to_chat_id).toBe(-1004001);
    const ok = await tg.sendMessage(-1004001, 'halo');
    expect(ok.chat.type).toBe('supergroup');
  });

  it('refuses sends to a group the bot left', async () => {
    await tg.leaveChat(-777);
    const err = await rejection(tg.sendMessage(-777, 'x'));
    expect((err as TelegramError).code).toBe(403);
  });

  it('edits reply markup, stores commands, answers callback queries and getChat', async () => {
    const msg = await tg.sendMessage(GROUP, 'pilih', { reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'a' }]] } });
    await tg.editMessageReplyMarkup(GROUP, msg.message_id, undefined, { inline_keyboard: [] });
    expect(sim.sent[0]?.reply_markup).toEqual({ inline_keyboard: [] });
    const notFound = await rejection(tg.editMessageReplyMarkup(GROUP, 999, undefined, { inline_keyboard: [] }));
    expect((notFound as TelegramError).description).toBe('Bad Request: message to edit not found');

    await tg.setMyCommands([{ command: 'report', description: 'Laporan' }]);
    expect(await tg.getMyCommands()).toEqual([{ command: 'report', description: 'Laporan' }]);
    expect(sim.myCommands()).toEqual([{ command: 'report', description: 'Laporan' }]);
    await tg.deleteMyCommands();
    expect(sim.myCommands()).toBeUndefined();

    expect(await tg.answerCbQuery('cbq-1', 'Tercatat')).toBe(true);
    sim.setChat({ id: GROUP, type: 'supergroup', title: 'Relawan Paslon 2' });
    expect(await tg.getChat(GROUP)).toMatchObject({ id: GROUP, type: 'supergroup', title: 'Relawan Paslon 2' });
  });
});

describe('TelegramSimServer HTTP surface', () => {
  it('answers 401 for a wrong token and 404 for an unknown method', async () => {
    const bad = await raw('/bot1:wrong/getMe');
    expect(bad).toEqual({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const unknown = await raw(`/bot${sim.token}/sendTelepathy`);
    expect(unknown).toEqual({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
  });

  it('accepts query strings, urlencoded and hand-written multipart bodies', async () => {
    sim.startedBot(USER.id);
    const q = await raw(`/bot${sim.token}/sendMessage?chat_id=${USER.id}&text=via%20query`);
    expect(q.status).toBe(200);
    const form = await raw(`/bot${sim.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `chat_id=${GROUP}&text=via+form&reply_markup=${encodeURIComponent('{"remove_keyboard":true}')}`,
    });
    expect(form.status).toBe(200);
    const body =
      '--XyZ\n' +
      'Content-Disposition: form-data; name="chat_id"\n\n' +
      `${GROUP}\n` +
      '--XyZ\n' +
      'Content-Disposition: form-data; name="document"; filename="data.csv"\n' +
      'Content-Type: text/csv\n\n' +
      'a,b\r\n1,2\n' +
      '--XyZ--\n';
    const mp = await raw(`/bot${sim.token}/sendDocument`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary="XyZ"' },
      body,
    });
    expect(mp.status).toBe(200);
    expect(sim.sent.map((m) => m.text ?? m.document?.filename)).toEqual(['via query', 'via form', 'data.csv']);
    expect(sim.sent[1]?.reply_markup).toEqual({ remove_keyboard: true });
    expect(sim.sent[2]?.document).toMatchObject({ bytes: 8, contentType: 'text/csv' });
    expect(sim.sent[2]?.document?.data?.toString()).toBe('a,b\r\n1,2');
  });

  it('parses multipart robustly (no space after colon, missing closing delimiter, preamble)', () => {
    const buf = Buffer.from('preamble\r\n--b\r\ncontent-disposition:form-data; name="x"\r\n\r\n1\r\n--b\r\ncontent-disposition:form-data; name="f"; filename="a b.txt"\r\n\r\n--bx\r\n');
    const parts = parseMultipart(buf, 'b');
    expect(parts.map((p) => [p.name, p.filename, p.data.toString()])).toEqual([
      ['x', undefined, '1'],
      ['f', 'a b.txt', '--bx\r\n'],
    ]);
    expect(autoEntities('/start@JagaBot hai @budi_asn dan @ab')).toEqual([
      { type: 'bot_command', offset: 0, length: 14 },
      { type: 'mention', offset: 19, length: 9 },
    ]);
    const parsed = parseParams(new URLSearchParams('a=1'), 'application/json', Buffer.from('{"b":2}'));
    expect(parsed.params).toEqual({ a: '1', b: 2 });
  });

  it('long-polls getUpdates, confirms by offset and applies the default allowed_updates', async () => {
    // The bot is admin there: it sees every message and chat_member, so only allowed_updates decides here.
    sim.setChatMember(GROUP, sim.bot.id, 'administrator');
    const t0 = Date.now();
    // A 20 s long poll that must return well before its timeout: woken by the pushed update.
    const pending = tg.getUpdates(20, 100, 0, []);
    await new Promise((r) => setTimeout(r, 50));
    sim.pushUpdate({ chat_member: { chat: { id: GROUP } } }); // excluded by default
    const id = sim.pushUpdate({ message: { message_id: 1, date: 0, chat: { id: GROUP, type: 'supergroup' }, text: 'hai' } });
    const got = await pending;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(got.map((u) => u.update_id)).toEqual([id]);
    expect(sim.pendingUpdates()).toBe(1);
    await tg.getUpdates(0, 100, id + 1, undefined as unknown as []);
    expect(sim.pendingUpdates()).toBe(0);
    const empty = await tg.getUpdates(1, 100, id + 1, undefined as unknown as []);
    expect(empty).toEqual([]);
  });

  it('delivers updates to a webhook with the secret token; getUpdates then answers 409', async () => {
    const received: { secret: string | undefined; body: unknown }[] = [];
    let fail = 1;
    const hook = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (fail-- > 0) {
          res.writeHead(500).end();
          return;
        }
        received.push({
          secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
          body: JSON.parse(Buffer.concat(chunks).toString()),
        });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ method: 'answerCallbackQuery', callback_query_id: 'q1' }));
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
      sim.startedBot(1);
      await tg.setWebhook(url, { secret_token: 's3cret' });
      const conflict = await rejection(tg.getUpdates(0, 100, 0, []));
      expect((conflict as TelegramError).code).toBe(409);
      const id = sim.pushUpdate({ callback_query: { id: 'q1', from: { id: 1, is_bot: false, first_name: 'A' }, chat_instance: 'c' } });
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(received).toHaveLength(1);
      expect(received[0]?.secret).toBe('s3cret');
      expect(received[0]?.body).toMatchObject({ update_id: id });
      const info = await tg.getWebhookInfo();
      expect(info.url).toBe(url);
      expect(info.last_error_message).toContain('500');
      for (let i = 0; i < 50 && !sim.calls.some((c) => c.method === 'answerCallbackQuery'); i++) await new Promise((r) => setTimeout(r, 10));
      expect(sim.calls.find((c) => c.method === 'answerCallbackQuery')).toMatchObject({ status: 200 });
      await tg.deleteWebhook();
      expect(sim.webhookUrl()).toBe('');
    } finally {
      await new Promise<void>((r) => hook.close(() => r()));
    }
  });
});

describe('TelegramSimServer with a real Telegraf bot', () => {
  it('long-polls: receives a pushed message and chat_member update when allowed', async () => {
    const bot = new Telegraf(sim.token, { telegram: { apiRoot: sim.apiRoot } });
    const texts: string[] = [];
    const members: string[] = [];
    bot.on('message', async (ctx) => {
      if ('text' in ctx.message) texts.push(ctx.message.text);
      await ctx.reply(`echo: ${'text' in ctx.message ? ctx.message.text : ''}`);
    });
    bot.on('chat_member', (ctx) => {
      members.push(ctx.chatMember.new_chat_member.status);
    });
    sim.setChatMember(GROUP, sim.bot.id, 'administrator'); // so chat_member and ordinary posts reach it
    const launched = bot.launch({ allowedUpdates: ['message', 'chat_member'], dropPendingUpdates: false });
    launched.catch(() => undefined);
    try {
      await sim.waitForPoll(); // the bot is now holding a long poll: pushes must wake it
      const group = { id: GROUP, title: 'Relawan Paslon 2' };
      sim.pushUpdate(textMessage(group, USER, 'Ayo coblos nomor 2'));
      await sim.waitFor((s) => s.some((m) => m.text === 'echo: Ayo coblos nomor 2'), 3000);
      await sim.waitForPoll();
      sim.pushUpdate({ message_reaction: { chat: { id: GROUP, type: 'supergroup' }, message_id: 10, date: 1, old_reaction: [], new_reaction: [] } });
      sim.pushUpdate(chatMemberUpdate(group, { id: 9, first_name: 'Timses' }, USER, 'left', 'member'));
      for (let i = 0; i < 100 && members.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(texts).toEqual(['Ayo coblos nomor 2']);
      expect(members).toEqual(['member']);
      const polls = sim.calls.filter((c) => c.method === 'getUpdates');
      expect(polls[0]?.params['allowed_updates']).toEqual(['message', 'chat_member']);
    } finally {
      bot.stop('test over');
      await launched;
    }
    expect(sim.pendingUpdates()).toBe(0); // the reaction was dropped, the rest confirmed by the final offset sync
  });
});

/**
 * Issue 16 point 12: what Telegram hides from a bot. Privacy mode (getMe can_read_all_group_messages false, the
 * default of every new bot) lets a bot that is not admin see in groups only commands, replies to its own messages
 * and service messages; `chat_member` and `message_reaction` reach only an administrator (Bot API, Update);
 * a restricted member carries `is_member` (ChatMemberRestricted, node_modules/@telegraf/types/manage.d.ts).
 * Forum topics (point 10): a send carries `message_thread_id`; a closed topic answers 400 TOPIC_CLOSED and a
 * group where the bot may not write 400 "not enough rights", which telegraf surfaces as TelegramError
 * (node_modules/telegraf/lib/core/network/client.js, callApi).
 */
describe('TelegramSimServer goes blind like Telegram does', () => {
  const group = { id: GROUP, title: 'Relawan Paslon 2', type: 'supergroup' as const };
  const delivered = async (): Promise<string[]> => {
    const got = await tg.getUpdates(0, 100, 0, ['message', 'chat_member', 'message_reaction']);
    return got.map((u) => JSON.stringify(u));
  };

  it('privacy mode on, not admin: only commands, replies to the bot and service messages are delivered', async () => {
    sim.pushUpdate(textMessage(group, USER, 'Ayo coblos nomor 2 @budi_asn'));
    sim.pushUpdate(textMessage(group, USER, '/report'));
    sim.pushUpdate(textMessage(group, USER, '/report@JagaNetralBot'));
    sim.pushUpdate(textMessage(group, USER, '/start@OtherBot'));
    sim.pushUpdate(textMessage(group, USER, 'balas ke bot', { replyTo: { message_id: 3, from: sim.bot } }));
    sim.pushUpdate({ message: { message_id: 9, date: 1, chat: { id: GROUP, type: 'supergroup', title: 'R' }, from: USER, new_chat_members: [USER] } });
    const got = await delivered();
    expect(got).toHaveLength(4);
    expect(got.join('\n')).not.toContain('Ayo coblos');
    expect(got.join('\n')).not.toContain('OtherBot');
    expect(sim.hidden.map((h) => h.reason)).toEqual(['privacy_mode', 'privacy_mode']);
  });

  it('privacy mode off, or the bot admin: every group message is delivered', async () => {
    sim.setPrivacyMode(false);
    sim.pushUpdate(textMessage(group, USER, 'Ayo coblos nomor 2'));
    sim.setPrivacyMode(true);
    sim.setChatMember(GROUP, sim.bot.id, 'administrator');
    sim.pushUpdate(textMessage(group, USER, 'Ayo coblos nomor 2 lagi'));
    expect(await delivered()).toHaveLength(2);
    expect(sim.hidden).toEqual([]);
  });

  it('chat_member and message_reaction reach only a bot that is admin in the group', async () => {
    const reaction = { message_reaction: { chat: { id: GROUP, type: 'supergroup' }, message_id: 10, date: 1, user: USER, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } };
    sim.pushUpdate(reaction);
    sim.pushUpdate(chatMemberUpdate(group, USER, USER, 'left', 'member'));
    expect(await delivered()).toEqual([]);
    expect(sim.hidden.map((h) => `${h.type}:${h.reason}`)).toEqual(['message_reaction:not_admin', 'chat_member:not_admin']);
    sim.setChatMember(GROUP, sim.bot.id, 'administrator');
    sim.pushUpdate(reaction);
    sim.pushUpdate(chatMemberUpdate(group, USER, USER, 'left', 'member'));
    expect(await delivered()).toHaveLength(2);
  });

  it('a restricted member carries is_member: true while inside, false once gone', async () => {
    sim.setChatMember(GROUP, USER.id, 'restricted', USER);
    expect(await tg.getChatMember(GROUP, USER.id)).toMatchObject({ status: 'restricted', is_member: true });
    sim.setChatMember(GROUP, USER.id, 'restricted', USER, { isMember: false });
    expect(await tg.getChatMember(GROUP, USER.id)).toMatchObject({ status: 'restricted', is_member: false });
  });

  it('forum topics: a send lands in its topic; a closed topic and a bot without the right to write get 400', async () => {
    sim.setChat({ ...group, is_forum: true });
    const ok = await tg.sendMessage(GROUP, 'hai topik', { message_thread_id: 77 });
    expect(ok).toMatchObject({ message_thread_id: 77, is_topic_message: true });
    expect(sim.sent.at(-1)).toMatchObject({ chat_id: GROUP, message_thread_id: 77, text: 'hai topik' });
    sim.setTopicClosed(GROUP, 77);
    const closed = (await rejection(tg.sendMessage(GROUP, 'lagi', { message_thread_id: 77 }))) as TelegramError;
    expect([closed.code, closed.description]).toEqual([400, 'Bad Request: TOPIC_CLOSED']);
    await tg.sendMessage(GROUP, 'umum'); // the General topic stays open
    sim.setChatMember(GROUP, sim.bot.id, 'restricted', undefined, { canSendMessages: false });
    const mute = (await rejection(tg.sendMessage(GROUP, 'umum lagi'))) as TelegramError;
    expect([mute.code, mute.description]).toEqual([400, 'Bad Request: not enough rights to send text messages to the chat']);
    expect(sim.sent.map((m) => m.text)).toEqual(['hai topik', 'umum']);
  });
});
