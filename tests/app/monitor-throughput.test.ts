/**
 * Issue 20 (monitor performance): what the monitor keeps in memory to do less per event must leave every
 * recorded decision exactly as it was. Through the App's monitor (group commits, as `handleBatch` runs for a
 * getUpdates page, and one by one, as the live adapters call `handle`).
 */
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { loadPaslonFile, loadVocabulary } from '../../src/app/vocabulary.js';
import { loadConfig } from '../../src/config.js';
import { createClassifier } from '../../src/core/classifier.js';
import type { ChatEvent, ChatRef } from '../../src/core/types.js';
import { verifyChain } from '../../src/store/chain.js';
import { ASN, FakeClock } from '../support/app.js';

/** An App whose classifier counts the texts it is asked about. */
function countingApp(): { app: App; calls: Map<string, number>; classify: (t: string) => boolean; terms: (t: string) => string[] } {
  const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' } });
  const real = createClassifier({ vocabulary: loadVocabulary(config.VOCABULARY_FILE), paslon: loadPaslonFile(config.PASLON_FILE) });
  const calls = new Map<string, number>();
  const classifier = { ...real, classify: (t: string) => (calls.set(t, (calls.get(t) ?? 0) + 1), real.classify(t)) };
  const clock = new FakeClock();
  const app = new App({ config, clock: clock.now, classifier });
  app.registry.upsertMany(Object.values(ASN), clock.now());
  return { app, calls, classify: (t) => real.classify(t).pilkada, terms: (t) => real.classify(t).terms };
}

const group = (n: number): ChatRef => ({ platform: 'telegram', id: `-10077${n}`, title: `Grup Warga RT ${n}`, type: 'supergroup' });
const warga = { platform: 'telegram' as const, id: '8888', name: 'Warga' };
const AJAKAN = 'Ayo coblos nomor 2 di Pilgub Sumsel!';
const SAPAAN = 'Selamat pagi semua, jangan lupa kerja bakti hari Minggu';
let key = 0;
const post = (chat: ChatRef, text: string, mentions: string[] = []): ChatEvent => ({
  kind: 'message', dedupeKey: `m${++key}`, at: Date.UTC(2024, 10, 4, 3), chat, messageId: String(key), sender: warga, text,
  mentions: mentions.map((id) => ({ platform: 'telegram' as const, id })),
});

describe('monitor: the same text is classified once (issue 20)', () => {
  it('a post forwarded to many groups is read once, and every count, case and campaign status is what reading it each time gives', () => {
    const { app, calls, classify, terms } = countingApp();
    expect(classify(AJAKAN)).toBe(true);
    expect(classify(SAPAAN)).toBe(false);
    const events: ChatEvent[] = [];
    for (let g = 1; g <= 4; g++) {
      events.push(post(group(g), SAPAAN), post(group(g), AJAKAN, [ASN.budi.telegramId]), post(group(g), SAPAAN));
      // Group 1 gets the call three times: its posts are now largely campaign content, so it becomes a campaign group.
      if (g === 1) events.push(post(group(g), AJAKAN), post(group(g), AJAKAN));
    }
    app.monitor.handleBatch(events.slice(0, 7));
    for (const ev of events.slice(7)) app.monitor.handle(ev);

    // Each text read once, though posted 6 and 8 times.
    expect(calls.get(AJAKAN)).toBe(1);
    expect(calls.get(SAPAAN)).toBe(1);
    // The counts behind campaign-from-content are those of reading every post.
    const chats = app.db.prepare(`SELECT chat_id, messages_seen, pilkada_posts, campaign, campaign_source FROM chats JOIN chat_counts USING (platform, chat_id) ORDER BY chat_id`).all() as
      { chat_id: string; messages_seen: number; pilkada_posts: number; campaign: number; campaign_source: string }[];
    const expected = [1, 2, 3, 4].map((g) => {
      const mine = events.filter((e) => e.chat.id === group(g).id && e.kind === 'message');
      return { chat_id: group(g).id, messages_seen: mine.length, pilkada_posts: mine.filter((e) => e.kind === 'message' && classify(e.text)).length };
    });
    expect(chats.map(({ chat_id, messages_seen, pilkada_posts }) => ({ chat_id, messages_seen, pilkada_posts }))).toEqual(expected.sort((a, b) => a.chat_id.localeCompare(b.chat_id)));
    expect(chats.filter((c) => c.campaign === 1).map((c) => [c.chat_id, c.campaign_source])).toEqual([[group(1).id, 'content']]);
    // Budi, tagged in the Pilkada post in every group, has one case per group, each with the post's terms.
    const cases = app.db.prepare(`SELECT chat_id, kind, terms FROM incidents WHERE asn_nip = ? ORDER BY chat_id`).all(ASN.budi.nip) as { chat_id: string; kind: string; terms: string }[];
    expect(cases.map((c) => c.chat_id)).toEqual(expected.map((e) => e.chat_id));
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(['mentioned']));
    expect(new Set(cases.map((c) => c.terms)).size).toBe(1);
    expect(JSON.parse(cases[0]!.terms)).toEqual(terms(AJAKAN));
    // A reaction to the stored post reads its text again: no second reading either.
    app.monitor.handle({ kind: 'reaction', dedupeKey: 'r1', at: Date.UTC(2024, 10, 4, 3), chat: group(2), messageId: '2', sender: { platform: 'telegram', id: ASN.sari.telegramId }, emoji: '👍', targetText: AJAKAN });
    expect(calls.get(AJAKAN)).toBe(1);
    expect(app.db.prepare(`SELECT kind FROM incidents WHERE asn_nip = ?`).pluck().all(ASN.sari.nip)).toEqual(['reacted']);
  });

  it('a long text is not kept: it is read each time it comes', () => {
    const { app, calls } = countingApp();
    const long = `${'Kabar warga RT hari ini. '.repeat(60)}Ayo coblos nomor 2!`;
    expect(long.length).toBeGreaterThan(1024);
    app.monitor.handleBatch([post(group(1), long), post(group(2), SAPAAN), post(group(3), long)]);
    expect(calls.get(long)).toBe(2);
    // Within one event its post is read once, long or not (detection asks again for the text the monitor read).
    expect(app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get()).toBe(0);
  });
});

describe('monitor: message counts written together at the commit (issue 20)', () => {
  it('a group commit over 120 chats writes every chat its own counts (in upserts into chat_counts of up to 50 chats), and a rolled-back batch writes none', () => {
    const { app, classify } = countingApp();
    const events: ChatEvent[] = [];
    for (let g = 1; g <= 120; g++) for (let k = 0; k < 1 + (g % 3); k++) events.push(post(group(g), k === 1 && g % 2 ? AJAKAN : `${SAPAAN} ${g}`));
    app.monitor.handleBatch(events);
    // The same chats again, partly, one by one (the live path), then a batch that fails on a bad event and is redone event by event.
    for (const ev of events.slice(0, 30).map((e) => ({ ...e, dedupeKey: `again-${e.dedupeKey}` }))) app.monitor.handle(ev);
    const bad = { kind: 'message', dedupeKey: 'bad' } as unknown as ChatEvent;
    app.monitor.handleBatch([post(group(7), SAPAAN), bad, post(group(8), AJAKAN)]);
    const all = [...events, ...events.slice(0, 30), post(group(7), SAPAAN), post(group(8), AJAKAN)];
    const rows = app.db.prepare(`SELECT chat_id, messages_seen, pilkada_posts FROM chat_counts`).all() as { chat_id: string; messages_seen: number; pilkada_posts: number }[];
    expect(rows).toHaveLength(120);
    for (const r of rows) {
      const mine = all.filter((e) => e.chat.id === r.chat_id && e.kind === 'message');
      expect({ chat: r.chat_id, seen: r.messages_seen, pilkada: r.pilkada_posts }).toEqual({
        chat: r.chat_id, seen: mine.length, pilkada: mine.filter((e) => e.kind === 'message' && classify(e.text)).length,
      });
    }
    // What the monitor holds in memory is what the database holds (a fresh read after dropping the cache).
    const held = rows.map((r) => app.monitor.chats.get('telegram', r.chat_id)!.messagesSeen);
    app.monitor.chats.forget();
    expect(rows.map((r) => app.monitor.chats.get('telegram', r.chat_id)!.messagesSeen)).toEqual(held);
  });
});

describe('monitor: each stored event row is its own event\'s (issue 20)', () => {
  it('whatever came before it in the batch: a findable post, a replay, a failed batch redone one by one; the chain checks', () => {
    const { app } = countingApp();
    const a = post(group(1), AJAKAN, [ASN.budi.telegramId]);
    const b = post(group(1), SAPAAN);
    const c: ChatEvent = { kind: 'member_added', dedupeKey: `m${++key}`, at: Date.UTC(2024, 10, 4, 4), chat: group(2), actor: warga, members: [{ platform: 'telegram', id: ASN.sari.telegramId }] };
    // A Pilkada post (findable: its message id is stored), then chatter (none stored), then a replay of the first
    // (nothing stored), then an addition (no message id at all).
    app.monitor.handleBatch([a, b, a, c]);
    // A batch with an event that fails (no chat): rolled back and redone one by one, the bad one recorded as rejected.
    const d = post(group(3), SAPAAN);
    const bad = { ...post(group(3), SAPAAN), chat: undefined } as unknown as ChatEvent;
    app.monitor.handleBatch([d, bad, post(group(3), AJAKAN)]);
    const rows = app.db.prepare(`SELECT dedupe_key, kind, chat_id, message_id, payload, status, reason FROM events ORDER BY id`).all() as
      { dedupe_key: string; kind: string; chat_id: string | null; message_id: string | null; payload: string; status: string; reason: string | null }[];
    const processed = rows.filter((r) => r.status === 'processed');
    expect(processed.map((r) => [r.dedupe_key, r.kind, r.chat_id, r.message_id])).toEqual([
      [a.dedupeKey, 'message', group(1).id, a.kind === 'message' ? a.messageId : null],
      [b.dedupeKey, 'message', group(1).id, null],
      [c.dedupeKey, 'member_added', group(2).id, null],
      [d.dedupeKey, 'message', group(3).id, null],
      [`m${key}`, 'message', group(3).id, String(key)],
    ]);
    // Each payload is its own event as it came, and nothing else.
    expect(processed.slice(0, 4).map((r) => r.payload)).toEqual([a, b, c, d].map((e) => JSON.stringify(e)));
    expect(processed.every((r) => r.reason === null)).toBe(true);
    expect(rows.filter((r) => r.status === 'rejected').map((r) => r.kind)).toEqual(['rejected']);
    // And the chain over them checks from the first row (both digests of every row as the values stored).
    const check = verifyChain(app.db, 'events');
    expect(check.bad).toBeUndefined();
    expect(check.rows).toBe(rows.length);
  });
});
