import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { botIdFromToken, normalizeUpdate, type Normalized } from '../../../src/platforms/telegram/normalize.js';
import type { ChatEvent } from '../../../src/core/types.js';

const BOT = '123456789';
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/telegram/${name}.json`, import.meta.url), 'utf8'));
const events = (n: Normalized): ChatEvent[] => {
  if (!n.ok) throw new Error(`rejected: ${n.reason}`);
  return n.events;
};
const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' };
const JOKO = { id: 7001, is_bot: false, first_name: 'Joko', username: 'Joko_Timses' };
const BUDI = { id: 5001, is_bot: false, first_name: 'Budi', username: 'budi_s' };

describe('normalizeUpdate', () => {
  it('new_chat_members: the bot joining and a member added by someone else', () => {
    const evs = events(normalizeUpdate(fixture('new_chat_members'), { botId: BOT }));
    expect(evs).toHaveLength(2);
    expect(evs[0]).toMatchObject({ kind: 'bot_membership', joined: true, dedupeKey: 'tg:msg:-1001234567890:41:bot', actor: { id: '7001' } });
    expect(evs[1]).toMatchObject({
      kind: 'member_added',
      dedupeKey: 'tg:msg:-1001234567890:41',
      at: 1730689200_000,
      chat: { platform: 'telegram', id: '-1001234567890', title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' },
      members: [{ platform: 'telegram', id: '5001', username: 'budi_s' }],
      actor: { id: '7001', username: 'joko_timses', name: 'Joko Timses' },
    });
  });

  it('a self-join has no actor and is marked as via invite', () => {
    const u = { message: { message_id: 3, date: 10, chat: GROUP, from: BUDI, new_chat_members: [BUDI] } };
    const [ev] = events(normalizeUpdate(u, { botId: BOT }));
    expect(ev).toMatchObject({ kind: 'member_added', viaInvite: true });
    expect((ev as { actor?: unknown }).actor).toBeUndefined();
  });

  it('left_chat_member: member left (no actor) or removed (actor); the bot removed', () => {
    const self = events(normalizeUpdate({ message: { message_id: 4, date: 10, chat: GROUP, from: BUDI, left_chat_member: BUDI } }, { botId: BOT }));
    expect(self[0]).toMatchObject({ kind: 'member_left', members: [{ id: '5001' }], actor: undefined });
    const kicked = events(normalizeUpdate({ message: { message_id: 5, date: 10, chat: GROUP, from: JOKO, left_chat_member: BUDI } }, { botId: BOT }));
    expect(kicked[0]).toMatchObject({ kind: 'member_left', actor: { id: '7001' } });
    const bot = events(normalizeUpdate({ message: { message_id: 6, date: 10, chat: GROUP, from: JOKO, left_chat_member: { id: 123456789, is_bot: true, first_name: 'J' } } }, { botId: BOT }));
    expect(bot[0]).toMatchObject({ kind: 'bot_membership', joined: false });
  });

  it('captions with mention and text_mention entities', () => {
    const [ev] = events(normalizeUpdate(fixture('mention_caption')));
    expect(ev).toMatchObject({
      kind: 'message',
      dedupeKey: 'tg:msg:-1001234567890:42',
      messageId: '42',
      text: 'Ayo coblos nomor 2 Eddy Santana! @Budi_S @sariwulan dan Dedi',
      sender: { id: '7001', username: 'joko_timses' },
      mentions: [
        { platform: 'telegram', username: 'budi_s' },
        { platform: 'telegram', username: 'sariwulan' },
        { platform: 'telegram', id: '5003', name: 'Dedi' },
      ],
    });
  });

  it('chat_member transitions: added by someone, joined by link, left; same status ignored', () => {
    const [added] = events(normalizeUpdate(fixture('chat_member_added')));
    expect(added).toMatchObject({ kind: 'member_added', dedupeKey: 'tg:cm:-1001234567890:5002:1730689300:member', actor: { id: '7001' }, members: [{ id: '5002' }] });
    const cm = (from: object, oldS: string, newS: string, extra: object = {}) => ({
      chat_member: { chat: GROUP, from, date: 20, old_chat_member: { status: oldS, user: BUDI }, new_chat_member: { status: newS, user: BUDI, ...extra }, invite_link: undefined },
    });
    const link = { ...cm(BUDI, 'left', 'member'), chat_member: { ...cm(BUDI, 'left', 'member').chat_member, invite_link: { invite_link: 'https://t.me/+abc', creator: JOKO, creates_join_request: false, is_primary: true, is_revoked: false } } };
    expect(events(normalizeUpdate(link))[0]).toMatchObject({ kind: 'member_added', viaInvite: true, actor: undefined });
    expect(events(normalizeUpdate(cm(BUDI, 'member', 'left')))[0]).toMatchObject({ kind: 'member_left', actor: undefined, dedupeKey: 'tg:cm:-1001234567890:5001:20:left' });
    expect(events(normalizeUpdate(cm(JOKO, 'restricted', 'kicked')))).toEqual([]); // restricted without is_member: was already out
    expect(events(normalizeUpdate(cm(JOKO, 'member', 'kicked')))[0]).toMatchObject({ kind: 'member_left', actor: { id: '7001' } });
    expect(events(normalizeUpdate(cm(JOKO, 'member', 'administrator')))).toEqual([]);
    expect(events(normalizeUpdate(cm(JOKO, 'left', 'restricted', { is_member: true })))[0]).toMatchObject({ kind: 'member_added' });
  });

  it('my_chat_member: the bot added as admin; private chats ignored', () => {
    const [ev] = events(normalizeUpdate(fixture('my_chat_member_added')));
    expect(ev).toMatchObject({ kind: 'bot_membership', joined: true, dedupeKey: 'tg:mcm:-1001234567890:1730689100:administrator', actor: { id: '7001' } });
    const blocked = { my_chat_member: { chat: { id: 5001, type: 'private', first_name: 'Budi' }, from: BUDI, date: 1, old_chat_member: { status: 'member', user: BUDI }, new_chat_member: { status: 'kicked', user: BUDI } } };
    expect(events(normalizeUpdate(blocked))).toEqual([]);
  });

  it('my_chat_member: admin rights travel with the event; promotion and demotion are events too', () => {
    const bot = { id: 123456789, is_bot: true, first_name: 'Jaga Netral', username: 'JagaNetralBot' };
    const mcm = (from: string, to: string, date = 30) => ({ my_chat_member: { chat: GROUP, from: JOKO, date, old_chat_member: { status: from, user: bot }, new_chat_member: { status: to, user: bot } } });
    expect(events(normalizeUpdate(fixture('my_chat_member_added')))[0]).toMatchObject({ admin: true });
    expect(events(normalizeUpdate(mcm('left', 'member')))[0]).toMatchObject({ kind: 'bot_membership', joined: true, admin: false });
    expect(events(normalizeUpdate(mcm('member', 'administrator')))[0]).toMatchObject({ kind: 'bot_membership', joined: true, admin: true, dedupeKey: 'tg:mcm:-1001234567890:30:administrator' });
    expect(events(normalizeUpdate(mcm('administrator', 'member')))[0]).toMatchObject({ kind: 'bot_membership', joined: true, admin: false });
    expect(events(normalizeUpdate(mcm('member', 'left')))[0]).toMatchObject({ kind: 'bot_membership', joined: false });
    expect(events(normalizeUpdate(mcm('member', 'left')))[0]).not.toHaveProperty('admin');
    expect(events(normalizeUpdate(mcm('member', 'member')))).toEqual([]);
  });

  it('message_reaction: a new reaction is an event, a removed one is not', () => {
    const [ev] = events(normalizeUpdate(fixture('message_reaction')));
    expect(ev).toMatchObject({ kind: 'reaction', dedupeKey: 'tg:react:-1001234567890:42:5001:1730689400', messageId: '42', emoji: '👍', sender: { id: '5001' } });
    const removed = { message_reaction: { chat: GROUP, message_id: 42, user: BUDI, date: 5, old_reaction: [{ type: 'emoji', emoji: '👍' }], new_reaction: [] } };
    expect(events(normalizeUpdate(removed))).toEqual([]);
  });

  it('migration from both sides yields the same dedupe key; titles become chat_info', () => {
    const [to] = events(normalizeUpdate(fixture('migrate_to_chat_id')));
    expect(to).toMatchObject({ kind: 'chat_migrated', chat: { id: '-4012345678' }, newChatId: '-1004012345678', dedupeKey: 'tg:migrate:-4012345678:-1004012345678' });
    const from = { message: { message_id: 1, date: 1, chat: { id: -1004012345678, type: 'supergroup', title: 'X' }, from: JOKO, migrate_from_chat_id: -4012345678 } };
    expect(events(normalizeUpdate(from))[0]).toMatchObject({ kind: 'chat_migrated', chat: { id: '-4012345678' }, newChatId: '-1004012345678', dedupeKey: to!.dedupeKey });
    const title = { message: { message_id: 9, date: 1, chat: GROUP, from: JOKO, new_chat_title: 'Sahabat ESP' } };
    expect(events(normalizeUpdate(title))[0]).toMatchObject({ kind: 'chat_info', chat: { title: 'Sahabat ESP' } });
  });

  it('private messages are marked private and carry no mentions; edits get their own key', () => {
    const priv = { message: { message_id: 2, date: 1, chat: { id: 5001, type: 'private', first_name: 'Budi' }, from: BUDI, text: '/start @x', entities: [{ type: 'mention', offset: 7, length: 2 }] } };
    expect(events(normalizeUpdate(priv))[0]).toMatchObject({ kind: 'message', isPrivate: true, mentions: [] });
    const contact = { message: { message_id: 3, date: 1, chat: { id: 5001, type: 'private' }, from: BUDI, contact: { phone_number: '6281234567890', first_name: 'Budi', user_id: 5001 } } };
    expect(events(normalizeUpdate(contact))[0]).toMatchObject({ kind: 'message', isPrivate: true, text: '[contact]' });
    const edit = { edited_message: { message_id: 42, date: 1, edit_date: 99, chat: GROUP, from: JOKO, text: 'coblos 2' } };
    expect(events(normalizeUpdate(edit))[0]).toMatchObject({ kind: 'message', dedupeKey: 'tg:edit:-1001234567890:42:99' });
  });

  it('sender_chat wins over the placeholder from; a topic message carries its thread (Bot API Message, @telegraf/types/message.d.ts)', () => {
    const anon = { message: { message_id: 50, date: 1, chat: GROUP, from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' }, sender_chat: GROUP, text: 'coblos 2' } };
    expect(events(normalizeUpdate(anon))[0]).toMatchObject({ sender: { id: String(GROUP.id), name: 'admin anonim grup Relawan Paslon 2 Pilgub Sumsel' } });
    expect(events(normalizeUpdate(anon, { lang: 'en' }))[0]).toMatchObject({ sender: { name: 'anonymous admin of Relawan Paslon 2 Pilgub Sumsel' } });
    const channel = { id: -1001555, type: 'channel', title: 'Kanal Paslon 2', username: 'budi_s' };
    const fwd = { message: { message_id: 51, date: 1, chat: GROUP, from: { id: 777000, is_bot: false, first_name: 'Telegram' }, sender_chat: channel, is_automatic_forward: true, text: 'coblos 2' } };
    const [ev] = events(normalizeUpdate(fwd));
    expect(ev).toMatchObject({ sender: { id: '-1001555', name: 'kanal Kanal Paslon 2' } });
    expect(ev).not.toHaveProperty('sender.username'); // a channel's public username never matches an ASN's
    const topic = { message: { message_id: 52, message_thread_id: 42, is_topic_message: true, date: 1, chat: { ...GROUP, is_forum: true }, from: JOKO, text: 'hai' } };
    expect(events(normalizeUpdate(topic))[0]).toMatchObject({ threadId: '42' });
    // A reply thread in a group without topics is not a topic: nothing to answer into.
    const reply = { message: { message_id: 53, message_thread_id: 40, date: 1, chat: GROUP, from: JOKO, text: 'hai' } };
    expect(events(normalizeUpdate(reply))[0]).not.toHaveProperty('threadId');
  });

  it('rejects malformed updates with a reason and never throws', () => {
    const bad: unknown[] = [
      null,
      'x',
      [],
      { update_id: 1 },
      { message: { message_id: 1, date: 1 } },
      { message: { message_id: 'a', date: 1, chat: GROUP } },
      { message: { message_id: 1, date: 1, chat: { id: '-1', type: 'group' } } },
      { message: { message_id: 1, date: 1, chat: GROUP, from: JOKO, new_chat_members: 'budi' } },
      { message: { message_id: 1, date: 1, chat: GROUP, text: 'no sender' } },
      { chat_member: { chat: GROUP, from: JOKO, date: 1 } },
      { message_reaction: { chat: GROUP, message_id: 1, date: 1, new_reaction: [{ type: 'emoji', emoji: '👍' }], old_reaction: [] } },
    ];
    for (const u of bad) {
      const n = normalizeUpdate(u);
      expect(n.ok, JSON.stringify(u)).toBe(false);
      if (!n.ok) expect(n.reason.length).toBeGreaterThan(3);
    }
    expect(normalizeUpdate({ update_id: 2, callback_query: { id: 'q', from: JOKO, chat_instance: 'c' } })).toEqual({ ok: true, events: [] });
    expect(events(normalizeUpdate({ message: { message_id: 1, date: 1, chat: GROUP, from: JOKO, sticker: {} } }))).toEqual([]);
  });

  it('reads the bot id from the token', () => {
    expect(botIdFromToken('123456789:SIM-jaga')).toBe('123456789');
    expect(botIdFromToken(undefined)).toBeUndefined();
  });
});
