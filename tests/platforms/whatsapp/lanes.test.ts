/**
 * One platform's slow send does not hold the other's. A WhatsApp message sent in several waits before each later part
 * for an error ack of the parts before it (the adapter's partAckWaitMs: `sendMessage` resolves once the stanza is
 * written, node_modules/@whiskeysockets/baileys/lib/Socket/messages-send.js relayMessage, and a refusal comes later as
 * handleBadAck's `messages.update` ERROR, lib/Socket/messages-recv.js). An ASN's Telegram alert queued meanwhile goes
 * over the loopback Bot API (telegraf's sendMessage, node_modules/telegraf/lib/telegram.js) without waiting for it.
 *
 * No wall clock is asserted: the WhatsApp part wait is a gate the test opens, and the Telegram alert must arrive while
 * it is still shut (before the per-platform lanes it came only after the whole WhatsApp message).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { splitMessage } from '../../../src/core/text/split.js';
import { FakeWASocket, fakeSocketFactory } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { ASN } from '../../support/app.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';
import { GROUP as WA_GROUP, campaignGroup } from '../../fixtures/whatsapp/setup.js';

const TG_GROUP = { id: -1001234500091, title: 'Relawan Paslon 2 Kelurahan Sukaraya', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
/** partAckWaitMs: a value no other sleep of the adapter uses, so only the part wait is gated. */
const PART_WAIT = 1234;

let bot: SimBot | undefined;
let wa: WhatsAppAdapter | undefined;
let openGate = () => {};
afterEach(async () => {
  openGate();
  await wa?.stop();
  await bot?.stop();
  wa = undefined;
  bot = undefined;
});

describe('per-platform lanes of the dispatcher', () => {
  it("an ASN's Telegram alert goes while a WhatsApp message in three parts waits for its part acks", { timeout: 30_000 }, async () => {
    bot = await startSimBot({ asn: [ASN.budi], started: [ADMIN, BUDI], perChatGapMs: 1, overrides: { HUMAS_ADMINS: 'tg:9001' } });
    const { sim, app } = bot;
    const { waitText, textsTo } = simChats(() => sim);

    const gate = new Promise<void>((r) => (openGate = r));
    let reachedGate!: () => void;
    const atGate = new Promise<void>((r) => (reachedGate = r));
    const fake = new FakeWASocket();
    fake.addGroup(campaignGroup());
    wa = new WhatsAppAdapter({
      app, socketFactory: fakeSocketFactory(fake), resolveLidsOnOpen: false, rng: () => 0, requireSession: false, partAckWaitMs: PART_WAIT,
      sleep: async (ms) => {
        if (ms !== PART_WAIT) return;
        reachedGate();
        await gate;
      },
    });
    wa.start();
    fake.open();
    await wa.idle();

    // A group post long enough for three parts (core/text/split.ts), queued as the scheduler queues its posts.
    const text = Array.from({ length: 200 }, (_, i) => `Baris ${i + 1} pengingat netralitas ASN untuk grup ini.`).join('\n');
    expect(splitMessage(text)).toHaveLength(3);
    app.monitor.outbox.enqueue({ dedupeKey: 'long-post', platform: 'whatsapp', recipient: WA_GROUP, recipientKind: 'group', kind: 'group_reminder', text }, app.clock());
    app.dispatcher.wake();
    await atGate;
    expect(fake.sent.filter((s) => s.jid === WA_GROUP)).toHaveLength(1);

    // Budi is added to a Telegram campaign group while the WhatsApp part wait is shut: his alert arrives anyway.
    sim.pushUpdate(newChatMembers(TG_GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan Paslon 2 Kelurahan Sukaraya', 10_000);
    expect(fake.sent.filter((s) => s.jid === WA_GROUP)).toHaveLength(1);
    expect(app.db.prepare(`SELECT status, parts_sent FROM outbox WHERE dedupe_key = 'long-post'`).get()).toEqual({ status: 'sending', parts_sent: 1 });

    // The WhatsApp message then goes on where it stopped, whole and once.
    openGate();
    await expect.poll(() => app.db.prepare(`SELECT status FROM outbox WHERE dedupe_key = 'long-post'`).pluck().get(), { timeout: 10_000 }).toBe('sent');
    const parts = fake.sent.filter((s) => s.jid === WA_GROUP).map((s) => String(s.content.text));
    expect(parts).toHaveLength(3);
    expect(parts.join('\n').match(/^Baris \d+/gm)).toHaveLength(200);
    expect(textsTo(BUDI.id).filter((t) => t.includes('Relawan Paslon 2 Kelurahan Sukaraya'))).toHaveLength(1);
  });
});
