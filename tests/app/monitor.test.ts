import { describe, expect, it } from 'vitest';
import type { ChatEvent, Person } from '../../src/core/types.js';
import { ARISAN_TG, ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };

function added(memberId: string, key = `k-${memberId}`): ChatEvent {
  return { kind: 'member_added', dedupeKey: key, at: Date.UTC(2024, 10, 4, 3), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: memberId }], actor: timses };
}

function outboxRows(app: ReturnType<typeof testApp>['app']) {
  return app.db.prepare(`SELECT kind, recipient, recipient_kind AS rk, status, text FROM outbox ORDER BY id`).all() as {
    kind: string; recipient: string; rk: string; status: string; text: string;
  }[];
}

describe('monitor', () => {
  it('opens one incident and queues the ASN DM, one DM per Humas admin and a group reminder', () => {
    const { app } = testApp();
    const r = app.monitor.handle(added(ASN.budi.telegramId));
    expect(r.opened).toHaveLength(1);
    const rows = outboxRows(app);
    expect(rows.map((x) => x.kind).sort()).toEqual(['asn_alert', 'group_reminder', 'humas_alert', 'humas_alert']);
    const dm = rows.find((x) => x.kind === 'asn_alert')!;
    expect(dm.recipient).toBe(ASN.budi.telegramId);
    expect(dm.text).toContain('Relawan Paslon 2 Pilgub Sumsel');
    expect(dm.text).toContain('Korlap Timses');
    expect(dm.text).toMatch(/Keluar dari grup/);
    const humas = rows.filter((x) => x.kind === 'humas_alert');
    expect(humas.map((h) => h.recipient).sort()).toEqual(['6281111111111@s.whatsapp.net', '9001']);
    expect(humas[0]!.text).toContain(ASN.budi.nip);
    expect(humas[0]!.text).toContain('Dinas Pendidikan');
    const reminder = rows.find((x) => x.kind === 'group_reminder')!;
    expect(reminder.recipient).toBe(CAMPAIGN_TG.id);
    expect(reminder.text).not.toContain(ASN.budi.nama);
  });

  it('any addition to a campaign group is followed by the same reminder, at most once per interval, so it does not tell who is an ASN', () => {
    const reminders = (app: ReturnType<typeof testApp>['app']) => outboxRows(app).filter((x) => x.kind === 'group_reminder');
    // A stranger added first: the group is reminded all the same, and a later ASN addition adds no second reminder.
    const a = testApp();
    a.app.monitor.handle(added('4242'));
    expect(reminders(a.app)).toHaveLength(1);
    expect(outboxRows(a.app).filter((x) => x.kind !== 'group_reminder')).toEqual([]);
    a.app.monitor.handle(added(ASN.budi.telegramId));
    expect(reminders(a.app)).toHaveLength(1);
    // The other order gives the group exactly the same thing to see.
    const b = testApp();
    b.app.monitor.handle(added(ASN.budi.telegramId));
    b.app.monitor.handle(added('4242'));
    expect(reminders(b.app).map((r) => r.text)).toEqual(reminders(a.app).map((r) => r.text));
    // After the interval, the next addition of anyone is followed by a reminder again.
    a.clock.advance(24 * 3_600_000);
    a.app.monitor.handle(added('4343'));
    expect(reminders(a.app)).toHaveLength(2);
    // Not in an ordinary group.
    a.app.monitor.handle({ ...added('4444'), chat: ARISAN_TG });
    expect(reminders(a.app)).toHaveLength(2);
  });

  it('the same event twice gives one incident and one set of messages', () => {
    const { app } = testApp();
    app.monitor.handle(added(ASN.budi.telegramId, 'same'));
    const before = outboxRows(app).length;
    const again = app.monitor.handle(added(ASN.budi.telegramId, 'same'));
    expect(again.duplicate).toBe(true);
    expect(outboxRows(app)).toHaveLength(before);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get()).toEqual({ n: 1 });
  });

  it('a later finding extends the open incident instead of opening another', () => {
    const { app } = testApp();
    app.monitor.handle(added(ASN.budi.telegramId));
    const mention: ChatEvent = {
      kind: 'message', dedupeKey: 'm1', at: Date.UTC(2024, 10, 4, 4), chat: CAMPAIGN_TG, messageId: '10',
      sender: timses, text: 'Ayo coblos nomor 2! @budi_s', mentions: [{ platform: 'telegram', username: 'budi_s' }],
    };
    const r = app.monitor.handle(mention);
    expect(r.findings).toBe(1);
    expect(r.opened).toHaveLength(0);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get()).toEqual({ n: 1 });
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM incident_findings`).get()).toEqual({ n: 2 });
  });

  it('adding an ASN to an ordinary group is not a case, but tagging them in a Pilkada post is', () => {
    const { app } = testApp();
    expect(app.monitor.handle({ ...added(ASN.sari.telegramId), chat: ARISAN_TG }).opened).toHaveLength(0);
    const r = app.monitor.handle({
      kind: 'message', dedupeKey: 'm2', at: 1, chat: ARISAN_TG, messageId: '11', sender: timses,
      text: 'Bu Sari jangan lupa coblos paslon nomor 2 Pilgub Sumsel ya', mentions: [{ platform: 'telegram', id: ASN.sari.telegramId }],
    });
    expect(r.opened.map((i) => i.kind)).toEqual(['mentioned']);
    const alert = outboxRows(app).find((x) => x.kind === 'humas_alert')!;
    expect(alert.text).toMatch(/Kata kunci: .*coblos/);
  });

  it('an ASN found inside by a scan, then the addition itself arrives: the case says who added them', () => {
    const { app } = testApp();
    const present = app.monitor.handle({ kind: 'members_present', dedupeKey: 'scan', at: 1, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    expect(present.opened[0]!.addedById).toBeNull();
    const r = app.monitor.handle(added(ASN.budi.telegramId));
    expect(r.opened).toEqual([]);
    expect(app.monitor.incidents.get(present.opened[0]!.id)).toMatchObject({ kind: 'present', addedById: '7777', addedByName: 'Korlap Timses' });
  });

  it('a Pilkada post written with zero-width characters and Cyrillic lookalikes to dodge the filter is still a case', () => {
    const { app } = testApp();
    const r = app.monitor.handle({
      kind: 'message', dedupeKey: 'm-obf', at: 1, chat: ARISAN_TG, messageId: '21', sender: timses,
      text: 'Bu Sari jangan lupa c\u200Bo\u200Bb\u200Blos p\u0430sl\u043En nomor 2 P\u0456lgub Sums\u0435l ya',
      mentions: [{ platform: 'telegram', id: ASN.sari.telegramId }],
    });
    expect(r.opened.map((i) => i.kind)).toEqual(['mentioned']);
  });

  it('an ASN without a Telegram id is undeliverable at once and Humas is told to call them', () => {
    const { app } = testApp();
    app.monitor.handle({
      kind: 'message', dedupeKey: 'm3', at: 1, chat: CAMPAIGN_TG, messageId: '12', sender: timses,
      text: 'Pak Dedi ikut kampanye akbar paslon 2', mentions: [{ platform: 'telegram', username: 'dedik' }],
    });
    const rows = outboxRows(app);
    expect(rows.find((x) => x.kind === 'asn_alert')!.status).toBe('undeliverable');
    expect(rows.filter((x) => x.kind === 'undeliverable_notice')).toHaveLength(0);
    const humas = rows.filter((x) => x.kind === 'humas_alert');
    expect(humas).toHaveLength(2);
    for (const h of humas) expect(h.text).toMatch(new RegExp(`hubungi langsung di \\${ASN.dedi.phone}`));
  });

  it('a case found inside a group does not name an adder in the Humas alert', () => {
    const { app } = testApp();
    app.monitor.handle({ kind: 'members_present', dedupeKey: 'p', at: 1, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    const humas = outboxRows(app).find((x) => x.kind === 'humas_alert')!;
    expect(humas.text).toMatch(/berada di grup kampanye/);
    expect(humas.text).not.toMatch(/Oleh:/);
  });

  it('leaving closes the case', () => {
    const { app } = testApp();
    app.monitor.handle(added(ASN.budi.telegramId));
    const r = app.monitor.handle({ kind: 'member_left', dedupeKey: 'left1', at: Date.UTC(2024, 10, 4, 5), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    expect(r.closed).toHaveLength(1);
    expect(app.db.prepare(`SELECT status, resolved_at - opened_at AS took FROM incidents`).get()).toEqual({ status: 'left', took: 2 * 3_600_000 });
  });

  it('a group whose posts are mostly Pilkada content becomes a campaign group', () => {
    const { app } = testApp();
    const chat = { ...ARISAN_TG, title: 'Grup Warga Baturaja' };
    for (let i = 0; i < 3; i++) {
      app.monitor.handle({ kind: 'message', dedupeKey: `c${i}`, at: i, chat, messageId: `${i}`, sender: timses, text: `Coblos paslon nomor 2 di Pilgub Sumsel, hari ${i}`, mentions: [] });
    }
    const c = app.monitor.chats.get('telegram', chat.id)!;
    expect(c.campaign).toBe(true);
    expect(c.campaignSource).toBe('content');
  });

  it('a Humas admin mark wins over automatic scoring', () => {
    const { app } = testApp();
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'i1', at: 1, chat: ARISAN_TG });
    app.monitor.chats.setCampaign('telegram', ARISAN_TG.id, { campaign: true, reason: 'ditandai', source: 'admin', by: 'tg:9001' }, 2);
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'i2', at: 3, chat: { ...ARISAN_TG, title: 'Arisan RT 05 (baru)' } });
    expect(app.monitor.chats.get('telegram', ARISAN_TG.id)!.campaign).toBe(true);
  });

  it('group migration moves the chat and its incidents to the new id', () => {
    const { app } = testApp();
    app.monitor.handle(added(ASN.budi.telegramId));
    app.monitor.handle({ kind: 'chat_migrated', dedupeKey: 'mig', at: 5, chat: CAMPAIGN_TG, newChatId: '-1005555' });
    expect(app.db.prepare(`SELECT chat_id FROM incidents`).get()).toEqual({ chat_id: '-1005555' });
    expect(app.monitor.chats.get('telegram', '-1005555')!.campaign).toBe(true);
    expect(outboxRows(app).find((x) => x.kind === 'group_reminder')!.recipient).toBe('-1005555');
  });

  it('a migration whose new id was seen first still carries the campaign status over', () => {
    const { app } = testApp();
    app.monitor.handle(added(ASN.budi.telegramId));
    app.monitor.handle({ kind: 'message', dedupeKey: 'early', at: 4, chat: { ...CAMPAIGN_TG, id: '-1007777', title: undefined }, messageId: '1', sender: timses, text: 'halo', mentions: [] });
    expect(app.monitor.chats.get('telegram', '-1007777')!.campaign).toBe(false);
    app.monitor.handle({ kind: 'chat_migrated', dedupeKey: 'mig2', at: 5, chat: CAMPAIGN_TG, newChatId: '-1007777' });
    expect(app.monitor.chats.get('telegram', '-1007777')!.campaign).toBe(true);
  });

  it('stores text that looks like SQL verbatim and records rejected payloads', () => {
    const { app } = testApp();
    const text = "'); DROP TABLE incidents; -- coblos paslon 2";
    app.monitor.handle({ kind: 'message', dedupeKey: 'sql', at: 1, chat: CAMPAIGN_TG, messageId: '99', sender: timses, text, mentions: [] });
    expect(app.monitor.messageText('telegram', CAMPAIGN_TG.id, '99')).toBe(text);
    app.monitor.reject('telegram', { nonsense: true }, 'no message');
    expect(app.db.prepare(`SELECT status, reason FROM events WHERE status = 'rejected'`).get()).toEqual({ status: 'rejected', reason: 'no message' });
    // Payloads JSON cannot write (BigInt, no prototype, cycles) are still recorded.
    const odd = Object.assign(Object.create(null) as Record<string, unknown>, { big: 12n });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    app.monitor.reject('telegram', odd, 'odd');
    app.monitor.reject('telegram', cyclic, 'cyclic');
    expect(app.db.prepare(`SELECT reason, payload FROM events WHERE reason IN ('odd', 'cyclic') ORDER BY id`).all()).toEqual([
      { reason: 'odd', payload: '{"big":"12n"}' },
      { reason: 'cyclic', payload: '[object Object]' },
    ]);
  });

  it('a WhatsApp mention of an unmapped @lid becomes a case once the LID maps to a registered phone', () => {
    const { app } = testApp();
    const chat = { platform: 'whatsapp' as const, id: '120363000000000009@g.us', title: 'Sahabat Eddy-Riezky Baturaja', type: 'group' as const };
    const lid = '204060800000001@lid' as Person['lid'];
    const r = app.monitor.handle({
      kind: 'message', dedupeKey: 'wa1', at: 10, chat, messageId: 'ABC', sender: { platform: 'whatsapp', id: '6285700000001@s.whatsapp.net' },
      text: 'Ayo coblos nomor 2 Pilgub Sumsel @204060800000001', mentions: [{ platform: 'whatsapp', id: lid, lid }],
    });
    expect(r.opened).toHaveLength(0);
    const found = app.monitor.rematch('whatsapp', [lid!], { platform: 'whatsapp', id: lid, lid, phone: ASN.sari.phone });
    expect(found.flatMap((x) => x.opened).map((i) => [i.kind, i.asnNip])).toEqual([['mentioned', ASN.sari.nip]]);
    const dm = outboxRows(app).find((x) => x.kind === 'asn_alert')!;
    expect(dm.recipient).toBe('6281298765432@s.whatsapp.net');
    expect(dm.text).toContain('Ayo coblos nomor 2');
    expect(app.monitor.rematch('whatsapp', [lid!], { platform: 'whatsapp', id: lid, lid, phone: ASN.sari.phone })).toEqual([]);
  });
});
