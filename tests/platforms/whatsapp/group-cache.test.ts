/**
 * Group metadata cache behind Baileys' `cachedGroupMetadata`. Follows
 * `node_modules/@whiskeysockets/baileys/lib/Socket/messages-send.js` (relayMessage: a group send
 * takes its participant list, who gets the sender key, from `cachedGroupMetadata` and only calls
 * `groupMetadata` when that gives none) and the Baileys README ("Caching Group Metadata": a cache
 * with a 5 minute TTL, refreshed on `group-participants.update` and `groups.update`). The fake
 * socket's group sends consult `cachedGroupMetadata` the same way and record the recipients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeWASocket, fakeSocketFactory, groupMeta, participantStub } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { readGroupMeta } from '../../../src/platforms/whatsapp/connection.js';
import { GROUP_META_FAILURE_MS, GROUP_META_MIN_SPACING_MS, GROUP_META_TTL_MS, GroupMetaCache } from '../../../src/platforms/whatsapp/group-cache.js';
import { fakeClock, GROUP, makeApp, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const NEW_LID = '305555555555555@lid';
const NEW_PN = '6285755555555@s.whatsapp.net';

describe('WhatsApp group metadata cache (adapter)', () => {
  it('a member added after the cache was filled receives the next group send, without a groupMetadata call', async () => {
    const clock = fakeClock();
    const { fake, wa } = await startBot(clock);
    running.push(wa);
    const calls = fake.metadataCalls.length; // the adapter's own checks at start
    await wa.socket!.sendMessage(GROUP, { text: 'Pengingat netralitas ASN' });
    const first = fake.sent.at(-1)!.recipients!;
    expect(first.length).toBeGreaterThan(0);
    expect(first).not.toContain(NEW_LID);
    expect(fake.metadataCalls.length).toBe(calls); // answered by the cache

    // The server adds a member; the notification reaches us as live traffic does.
    fake.groups.get(GROUP)!.participants.push({ id: NEW_LID, phoneNumber: NEW_PN, admin: null });
    await fake.deliver(participantStub({ group: GROUP, id: 'STUB-ADD-GC', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: NEW_LID, phoneNumber: NEW_PN }], at: clock.now }));
    await wa.idle();

    clock.now += 60_000;
    await wa.socket!.sendMessage(GROUP, { text: 'Pengingat berikutnya' });
    expect(fake.sent.at(-1)!.recipients).toContain(NEW_LID);
    expect(fake.metadataCalls.length).toBe(calls);

    // Removed again: the next send leaves them out.
    await fake.deliver(participantStub({ group: GROUP, id: 'STUB-RM-GC', author: TIMSES_LID, action: 'remove', participants: [{ id: NEW_LID, phoneNumber: NEW_PN }], at: clock.now }));
    await wa.idle();
    await wa.socket!.sendMessage(GROUP, { text: 'Pengingat ketiga' });
    expect(fake.sent.at(-1)!.recipients).not.toContain(NEW_LID);
  });

  it('after 5 minutes the entry is fetched again, once; the same cache serves every socket across reconnects', async () => {
    const clock = fakeClock();
    const first = new FakeWASocket({ now: clock });
    const second = new FakeWASocket({ now: clock });
    const { fake, wa } = await startBot(clock, { socks: [first, second] });
    running.push(wa);
    const calls = fake.metadataCalls.length;
    clock.now += GROUP_META_TTL_MS + 1;
    await Promise.all([wa.socket!.sendMessage(GROUP, { text: 'a' }), wa.socket!.sendMessage(GROUP, { text: 'b' })]);
    expect(fake.metadataCalls.length).toBe(calls + 1); // one in flight per group, however many sends ask
    await wa.socket!.sendMessage(GROUP, { text: 'c' });
    expect(fake.metadataCalls.length).toBe(calls + 1);
    // Every network call, the adapter's own (joins, scans, membership checks) included, went through the cache's limiter.
    expect(wa.groupCache.fetches).toBe(fake.metadataCalls.length);
  });
});

describe('GroupMetaCache', () => {
  const setup = () => {
    const clock = fakeClock();
    const app = makeApp(clock);
    const sock = new FakeWASocket({ now: clock });
    const sleeps: number[] = [];
    const cache = new GroupMetaCache(app.db, () => sock, {
      clock,
      sleep: async (ms) => {
        sleeps.push(ms);
        clock.now += ms;
      },
    });
    return { clock, app, sock, cache, sleeps };
  };

  it('remembers a failed fetch for a while instead of retrying it on every send', async () => {
    const { clock, sock, cache } = setup();
    expect(await cache.get('999@g.us')).toBeUndefined(); // unknown group: 404
    expect(await cache.get('999@g.us')).toBeUndefined();
    expect(sock.metadataCalls).toEqual(['999@g.us']);
    clock.now += GROUP_META_FAILURE_MS + 1;
    await cache.get('999@g.us');
    expect(sock.metadataCalls).toEqual(['999@g.us', '999@g.us']);
  });

  it('answers with the stale entry while a fetch fails', async () => {
    const { clock, app, sock, cache } = setup();
    cache.store(groupMeta({ id: GROUP, subject: 'Lama', participants: [{ id: TIMSES_LID }] }), clock.now);
    clock.now += GROUP_META_TTL_MS + 1;
    expect((await cache.get(GROUP))?.subject).toBe('Lama');
    expect(sock.metadataCalls).toEqual([GROUP]);
    expect(readGroupMeta(app.db, GROUP)?.subject).toBe('Lama');
  });

  it('spaces groupMetadata calls: no burst when many groups expire together', async () => {
    const { sock, cache, sleeps } = setup();
    for (const g of ['1@g.us', '2@g.us', '3@g.us']) sock.addGroup(groupMeta({ id: g, subject: g, participants: [{ id: TIMSES_LID }] }));
    await Promise.all(['1@g.us', '2@g.us', '3@g.us'].map((g) => cache.get(g)));
    expect(sock.metadataCalls).toEqual(['1@g.us', '2@g.us', '3@g.us']);
    expect(sleeps).toEqual([GROUP_META_MIN_SPACING_MS, GROUP_META_MIN_SPACING_MS]);
  });

  it('patches promote / demote and groups.update (subject) without renewing the entry’s age', async () => {
    const { clock, sock, cache } = setup();
    cache.store(groupMeta({ id: GROUP, subject: 'Lama', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN }] }), clock.now);
    cache.onParticipants({ id: GROUP, author: TIMSES_LID, action: 'promote', participants: [{ id: TIMSES_PN } as never] });
    cache.onGroupsUpdate([{ id: GROUP, subject: 'Baru' }]);
    const m = await cache.get(GROUP);
    expect(m?.subject).toBe('Baru');
    expect(m?.participants[0]?.admin).toBe('admin');
    cache.onParticipants({ id: GROUP, author: TIMSES_LID, action: 'demote', participants: [{ id: TIMSES_LID } as never] });
    expect((await cache.get(GROUP))?.participants[0]?.admin).toBeNull();
    expect(sock.metadataCalls).toEqual([]);
    clock.now += GROUP_META_TTL_MS + 1;
    sock.addGroup(groupMeta({ id: GROUP, subject: 'Server', participants: [] }));
    expect((await cache.get(GROUP))?.subject).toBe('Server');
  });

  it('keeps the server’s size on add / remove: a short roster stays visibly short (Socket/groups.js, extractGroupMetadata)', async () => {
    const { app, sock, cache } = setup();
    sock.addGroup(groupMeta({ id: GROUP, subject: 'Besar', participants: [{ id: TIMSES_LID, phoneNumber: TIMSES_PN }] }));
    sock.unlisted.set(GROUP, 40); // the server counts 41 members and lists one
    expect((await cache.fresh(GROUP))?.size).toBe(41);
    cache.onParticipants({ id: GROUP, author: TIMSES_LID, action: 'add', participants: [{ id: NEW_LID, phoneNumber: NEW_PN } as never] });
    let m = readGroupMeta(app.db, GROUP)!;
    expect([m.participants.length, m.size]).toEqual([2, 42]);
    // Someone the list never showed leaves: the count drops, the list does not change.
    cache.onParticipants({ id: GROUP, author: TIMSES_LID, action: 'remove', participants: [{ id: '306666666666666@lid' } as never] });
    m = readGroupMeta(app.db, GROUP)!;
    expect([m.participants.length, m.size]).toEqual([2, 41]);
  });
});

describe('groups.update (issue 16, point 7)', () => {
  it('a subject change through the adapter does not make a stale roster look fresh: the next group send fetches it', async () => {
    const clock = fakeClock();
    const fake = new FakeWASocket({ now: clock });
    const { wa } = await startBot(clock, { socks: [fake] });
    running.push(wa);
    // The network's roster moved on (someone joined) while the cached one grew old.
    fake.groups.get(GROUP)!.participants.push({ id: NEW_LID, phoneNumber: NEW_PN, admin: null });
    clock.now += GROUP_META_TTL_MS + 1;
    fake.emit('groups.update', [{ id: GROUP, subject: 'Relawan Paslon 2 (baru)' }]);
    await wa.idle();
    expect(readGroupMeta(wa.app.db, GROUP)?.subject).toBe('Relawan Paslon 2 (baru)');
    const calls = fake.metadataCalls.length;
    // Socket/messages-send.js relayMessage: the group key goes to cachedGroupMetadata's participants.
    await fake.sendMessage(GROUP, { text: 'Pengingat netralitas ASN' });
    expect(fake.metadataCalls.length).toBe(calls + 1);
    expect(fake.sent.at(-1)?.recipients).toContain(NEW_LID);
  });
});

describe('reconnects', () => {
  it('every socket is built with the adapter’s one cachedGroupMetadata', async () => {
    const clock = fakeClock();
    const a = new FakeWASocket({ now: clock });
    const b = new FakeWASocket({ now: clock });
    const factory = fakeSocketFactory(a, b);
    const { wa } = await startBot(clock, { socks: [a, b], adapter: { socketFactory: factory } });
    running.push(wa);
    a.end(Object.assign(new Error('Connection Lost'), { output: { statusCode: 408 } }));
    await wa.idle();
    await new Promise((r) => setTimeout(r, 50));
    expect(factory.inits.length).toBe(2);
    expect(factory.inits[0]!.cachedGroupMetadata).toBe(factory.inits[1]!.cachedGroupMetadata);
  });
});
