/**
 * Issue 20 (monitor throughput): a chat's message counts live in chat_counts, a narrow WITHOUT ROWID table, not in
 * the wide chats row, so a group commit's count upsert writes one short row per chat. An upgraded database keeps
 * the counts it had; a Telegram group that becomes a supergroup keeps them under its new id, as it did before;
 * every ChatRow read (the monitor's, the command and dashboard lists) carries them.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ChatStore } from '../../src/store/chats.js';
import { migrate } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import type { ChatEvent, ChatRef } from '../../src/core/types.js';
import { testApp } from '../support/app.js';

const STEP = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('CREATE TABLE chat_counts'));

describe('chat_counts (issue 20)', () => {
  it('an upgraded database keeps every chat\'s counts, and the chats row no longer carries them', () => {
    expect(STEP).toBeGreaterThan(0);
    const db = new Database(':memory:');
    // The database as the version before this step left it.
    for (let v = 0; v < STEP; v++) {
      const step = MIGRATIONS[v]!;
      db.transaction(() => (typeof step === 'string' ? db.exec(step) : step(db)))();
    }
    db.pragma(`user_version = ${STEP}`);
    const add = db.prepare(
      `INSERT INTO chats (platform, chat_id, title, campaign, campaign_reason, campaign_source, messages_seen, pilkada_posts, first_seen_at, updated_at)
       VALUES (?, ?, ?, 0, NULL, 'score', ?, ?, 1, 1)`,
    );
    add.run('telegram', '-1001', 'Grup Warga RT 1', 40, 7);
    add.run('whatsapp', '120363000000000001@g.us', 'Arisan', 3, 0);
    add.run('telegram', '-1002', 'Grup baru', 0, 0);

    migrate(db);
    expect(db.prepare(`SELECT platform, chat_id, messages_seen, pilkada_posts FROM chat_counts ORDER BY chat_id`).all()).toEqual([
      { platform: 'telegram', chat_id: '-1001', messages_seen: 40, pilkada_posts: 7 },
      { platform: 'whatsapp', chat_id: '120363000000000001@g.us', messages_seen: 3, pilkada_posts: 0 },
    ]);
    expect(db.prepare(`SELECT name FROM pragma_table_info('chats') WHERE name IN ('messages_seen', 'pilkada_posts')`).all()).toEqual([]);
    const chats = new ChatStore(db);
    expect(chats.get('telegram', '-1001')).toMatchObject({ title: 'Grup Warga RT 1', messagesSeen: 40, pilkadaPosts: 7 });
    // A chat with nothing counted has no chat_counts row and reads 0.
    expect(chats.get('telegram', '-1002')).toMatchObject({ messagesSeen: 0, pilkadaPosts: 0 });
    expect(chats.list('telegram').map((c) => [c.chatId, c.messagesSeen])).toEqual([['-1001', 40], ['-1002', 0]]);
    expect(chats.find('Arisan').map((c) => c.messagesSeen)).toEqual([3]);
    db.close();
  });

  it('through the monitor: a group that becomes a supergroup keeps its counts under the new id, and counting goes on there', () => {
    const { app } = testApp();
    const group: ChatRef = { platform: 'telegram', id: '-4001', title: 'Grup Warga RT 4', type: 'group' };
    let k = 0;
    const post = (chat: ChatRef, text: string): ChatEvent => ({
      kind: 'message', dedupeKey: `p${++k}`, at: k, chat, messageId: String(k), sender: { platform: 'telegram', id: '8888', name: 'Warga' }, text, mentions: [],
    });
    app.monitor.handleBatch([post(group, 'Selamat pagi'), post(group, 'Ayo coblos nomor 2 di Pilgub Sumsel!'), post(group, 'Rapat RT jam 8')]);
    app.monitor.handle({ kind: 'chat_migrated', dedupeKey: 'mig', at: 10, chat: group, newChatId: '-1004001' });
    const sup: ChatRef = { ...group, id: '-1004001', type: 'supergroup' };
    app.monitor.handleBatch([post(sup, 'Ayo coblos nomor 2 di Pilgub Sumsel!')]);
    const counts = app.db.prepare(`SELECT chat_id, messages_seen, pilkada_posts FROM chat_counts ORDER BY chat_id`).all();
    expect(counts).toEqual([
      { chat_id: '-1004001', messages_seen: 4, pilkada_posts: 2 },
      { chat_id: '-4001', messages_seen: 3, pilkada_posts: 1 },
    ]);
    app.monitor.chats.forget();
    expect(app.monitor.chats.get('telegram', '-1004001')).toMatchObject({ messagesSeen: 4, pilkadaPosts: 2 });
  });

  it('a migration inside a group commit: the messages counted before it in the same commit are kept, in every chat', () => {
    const { app } = testApp();
    const group: ChatRef = { platform: 'telegram', id: '-4002', title: 'Grup Warga RT 5', type: 'group' };
    const other: ChatRef = { platform: 'telegram', id: '-4003', title: 'Grup Warga RT 6', type: 'group' };
    const sup: ChatRef = { ...group, id: '-1004002', type: 'supergroup' };
    let k = 0;
    const post = (chat: ChatRef, text: string): ChatEvent => ({
      kind: 'message', dedupeKey: `q${++k}`, at: k, chat, messageId: String(k), sender: { platform: 'telegram', id: '8888', name: 'Warga' }, text, mentions: [],
    });
    app.monitor.handleBatch([
      post(group, 'Selamat pagi'), post(other, 'Rapat RT jam 8'), post(group, 'Ayo coblos nomor 2 di Pilgub Sumsel!'),
      { kind: 'chat_migrated', dedupeKey: 'mig', at: 10, chat: group, newChatId: sup.id },
      post(sup, 'Rapat RT jam 9'), post(other, 'Kerja bakti Minggu'),
    ]);
    expect(app.db.prepare(`SELECT chat_id, messages_seen, pilkada_posts FROM chat_counts ORDER BY chat_id`).all()).toEqual([
      { chat_id: sup.id, messages_seen: 3, pilkada_posts: 1 },
      { chat_id: group.id, messages_seen: 2, pilkada_posts: 1 },
      { chat_id: other.id, messages_seen: 2, pilkada_posts: 0 },
    ]);
  });
});
