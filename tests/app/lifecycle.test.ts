import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import { caseCommands } from '../../src/app/commands/cases.js';
import { checkOpenCases, decideLifecycle, exemptCase, reopenCase, runLifecycle, type CaseClock } from '../../src/app/lifecycle.js';
import type { MembershipChecker } from '../../src/app/ports.js';
import type { Nip, PhoneE164, Platform, TgUserId } from '../../src/core/ids.js';
import { caseReasonText } from '../../src/core/messages/case-reason.js';
import type { ChatEvent } from '../../src/core/types.js';
import { ASN, CAMPAIGN_TG, FakeClock, testApp } from '../support/app.js';

const H = 3_600_000;
const D = 24 * H;
const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };

function add(app: App, clock: FakeClock, tgId: string, key = `add-${tgId}-${clock.now()}`) {
  const ev: ChatEvent = { kind: 'member_added', dedupeKey: key, at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }], actor: timses };
  return app.monitor.handle(ev);
}

function leave(app: App, clock: FakeClock, tgId: string) {
  const ev: ChatEvent = { kind: 'member_left', dedupeKey: `left-${tgId}-${clock.now()}`, at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }] };
  return app.monitor.handle(ev);
}

function rows(app: App, kind: string) {
  return app.db.prepare(`SELECT dedupe_key AS key, recipient, status, text, payload FROM outbox WHERE kind = ? ORDER BY id`).all(kind) as {
    key: string; recipient: string; status: string; text: string; payload: string | null;
  }[];
}

/** A membership checker answering from a table; records the questions. */
class FakeChecker implements MembershipChecker {
  readonly asked: [string, string][] = [];
  constructor(readonly platform: Platform, private readonly answer: (chatId: string, userId: string) => boolean | undefined | Error) {}
  async isMember(chatId: string, userId: string): Promise<boolean | undefined> {
    this.asked.push([chatId, userId]);
    const a = this.answer(chatId, userId);
    if (a instanceof Error) throw a;
    return a;
  }
}

function admin(app: App, text: string, fromId = '9001') {
  return app.commands.run({ platform: 'telegram', chatType: 'private', chatId: fromId, fromId, text });
}

describe('decideLifecycle (pure)', () => {
  const p = { followupMs: 24 * H, expiryMs: 14 * D };
  const open: CaseClock = { status: 'open', since: 0, followups: 0, lastFollowupAt: null, escalatedAt: null, checkable: true };

  it('does nothing before the first interval, follows up after it, escalates one interval after the follow-up', () => {
    expect(decideLifecycle(open, 23 * H, p)).toEqual([]);
    expect(decideLifecycle(open, 24 * H, p)).toEqual(['followup']);
    const followed = { ...open, followups: 1, lastFollowupAt: 24 * H };
    expect(decideLifecycle(followed, 47 * H, p)).toEqual([]);
    expect(decideLifecycle(followed, 48 * H, p)).toEqual(['escalate']);
    expect(decideLifecycle({ ...followed, escalatedAt: 48 * H }, 100 * H, p)).toEqual([]);
  });

  it('never follows up and escalates in the same pass, even when the pass is late', () => {
    expect(decideLifecycle(open, 80 * H, p)).toEqual(['followup']);
    expect(decideLifecycle({ ...open, followups: 1, lastFollowupAt: 80 * H }, 90 * H, p)).toEqual([]);
    expect(decideLifecycle({ ...open, followups: 1, lastFollowupAt: 80 * H }, 104 * H, p)).toEqual(['escalate']);
  });

  it('expires only cases nobody can check, and only after the expiry period', () => {
    expect(decideLifecycle({ ...open, checkable: false }, 14 * D - 1, p)).toEqual(['followup']);
    expect(decideLifecycle({ ...open, checkable: false }, 14 * D, p)).toEqual(['expire']);
    expect(decideLifecycle(open, 60 * D, p)).toEqual(['followup']);
  });

  it('ignores closed cases', () => {
    for (const status of ['left', 'exempted', 'expired'] as const) expect(decideLifecycle({ ...open, status }, 60 * D, p)).toEqual([]);
  });
});

describe('case lifecycle', () => {
  it('open -> left when the ASN leaves, with the time it took', () => {
    const { app, clock } = testApp();
    const opened = add(app, clock, ASN.budi.telegramId).opened[0]!;
    clock.advance(2 * H + 5 * 60_000);
    const r = leave(app, clock, ASN.budi.telegramId);
    expect(r.closed.map((c) => c.id)).toEqual([opened.id]);
    const c = app.monitor.incidents.get(opened.id)!;
    expect(c.status).toBe('left');
    expect(c.resolvedAt! - c.openedAt).toBe(2 * H + 5 * 60_000);
  });

  it('open -> left when a membership check says the ASN is gone (member_left event with check:<case>:<now>)', async () => {
    const { app, clock } = testApp();
    const opened = add(app, clock, ASN.budi.telegramId).opened[0]!;
    clock.advance(3 * H);
    const checker = new FakeChecker('telegram', () => false);
    const r = await checkOpenCases(app, [checker], clock.now());
    expect(checker.asked).toEqual([[CAMPAIGN_TG.id, ASN.budi.telegramId]]);
    expect(r.left).toEqual([opened.id]);
    const c = app.monitor.incidents.get(opened.id)!;
    expect(c.status).toBe('left');
    expect(c.resolvedAt! - c.openedAt).toBe(3 * H);
    const ev = app.db.prepare(`SELECT kind, chat_id FROM events WHERE dedupe_key = ?`).get(`check:${opened.id}:${clock.now()}`);
    expect(ev).toEqual({ kind: 'member_left', chat_id: CAMPAIGN_TG.id });
    // Asking again at the same instant changes nothing.
    expect((await checkOpenCases(app, [checker], clock.now())).checked).toBe(0);
  });

  it('a check that says "still in", cannot tell, or throws leaves the case open', async () => {
    const { app, clock } = testApp();
    const opened = add(app, clock, ASN.budi.telegramId).opened[0]!;
    for (const answer of [true, undefined, new Error('network down')]) {
      const r = await checkOpenCases(app, [new FakeChecker('telegram', () => answer)], clock.now());
      expect(r.left).toEqual([]);
      expect(app.monitor.incidents.get(opened.id)!.status).toBe('open');
    }
    // No checker for the case's platform: nothing asked.
    const wa = new FakeChecker('whatsapp', () => false);
    expect((await checkOpenCases(app, [wa], clock.now())).checked).toBe(0);
    expect(wa.asked).toEqual([]);
  });

  it('a "left" the platform does not guarantee keeps the case open and asks Humas once to confirm', async () => {
    const { app, clock } = testApp();
    const opened = add(app, clock, ASN.budi.telegramId).opened[0]!;
    const checker = Object.assign(new FakeChecker('telegram', () => false), { certain: (chatId: string) => chatId !== CAMPAIGN_TG.id });
    for (let i = 0; i < 2; i++) {
      clock.advance(H);
      const r = await checkOpenCases(app, [checker], clock.now());
      expect(r).toMatchObject({ checked: 1, left: [], unconfirmed: [opened.id] });
    }
    expect(app.monitor.incidents.get(opened.id)!.status).toBe('open');
    const notices = rows(app, 'humas_permissions');
    expect(notices.map((n) => n.recipient)).toEqual(['9001', '6281111111111@s.whatsapp.net']);
    expect(notices[0]!.text).toContain(`Kasus #${opened.id}: Telegram menyebut Budi Santoso`);
  });

  it('many unguaranteed "left" answers in one pass: one message per Humas admin listing them, not one per case; never asked again', async () => {
    const { app, clock } = testApp();
    const many = Array.from({ length: 45 }, (_, i) => ({
      nip: `19850312201001${String(2000 + i)}` as Nip, nama: `Pegawai ${i}`, unit: 'Dinas Pendidikan', phone: `+62812300${String(10000 + i)}` as PhoneE164, telegramId: String(6000 + i) as TgUserId,
    }));
    app.registry.upsertMany(many, clock.now());
    for (const a of many) add(app, clock, a.telegramId);
    const open = app.monitor.incidents.listOpen().length;
    const checker = Object.assign(new FakeChecker('telegram', () => false), { certain: () => false });
    clock.advance(H);
    const r = await checkOpenCases(app, [checker], clock.now());
    expect(r.unconfirmed).toHaveLength(open);
    const notices = rows(app, 'humas_permissions');
    expect(notices.map((n) => n.recipient)).toEqual(['9001', '6281111111111@s.whatsapp.net']);
    expect(notices[0]!.text).toContain(`${open} kasus: Telegram menyebut ASN berikut`);
    expect(notices[0]!.text.split('\n').filter((l) => l.startsWith('• #'))).toHaveLength(30);
    expect(notices[0]!.text).toContain(`… dan ${open - 30} kasus lainnya (lihat /kasus).`);
    // The next pass gets the same answers: nobody is asked again.
    clock.advance(H);
    await checkOpenCases(app, [checker], clock.now());
    expect(rows(app, 'humas_permissions')).toHaveLength(2);
    expect(app.db.prepare(`SELECT count(*) FROM incidents WHERE unconfirmed_noticed_at IS NULL`).pluck().get()).toBe(0);
  });

  it('a case closed while the pass was running is not listed as still open', async () => {
    const { app, clock } = testApp();
    const budi = add(app, clock, ASN.budi.telegramId).opened[0]!;
    const sari = add(app, clock, ASN.sari.telegramId).opened[0]!;
    // Budi's answer ("left", not guaranteed) is in; his leave event arrives while Sari's check waits for Telegram.
    const checker = Object.assign(new FakeChecker('telegram', () => false), { certain: () => false });
    const ask = checker.isMember.bind(checker);
    checker.isMember = async (chatId, userId) => {
      if (userId === ASN.sari.telegramId) leave(app, clock, ASN.budi.telegramId);
      return ask(chatId, userId);
    };
    const r = await checkOpenCases(app, [checker], clock.now());
    expect(r.unconfirmed).toEqual([budi.id, sari.id]);
    const notices = rows(app, 'humas_permissions');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.text).toContain(`Kasus #${sari.id}: Telegram menyebut Sari Wulandari`);
    expect(notices[0]!.text).not.toContain('Budi');
    expect(app.monitor.incidents.get(budi.id)!.status).toBe('left');
  });

  it('a pass cut short by an error still sends the notice for the cases it had found', async () => {
    const { app, clock } = testApp();
    add(app, clock, ASN.budi.telegramId);
    add(app, clock, ASN.sari.telegramId);
    // First answer not guaranteed (noticed), the second guaranteed: closing that case fails (a database error, say).
    let asked = 0;
    const checker = Object.assign(new FakeChecker('telegram', () => false), { certain: () => ++asked > 1 });
    app.monitor.handle = () => {
      throw new Error('disk I/O error');
    };
    await expect(checkOpenCases(app, [checker], clock.now())).rejects.toThrow('disk I/O error');
    const notices = rows(app, 'humas_permissions');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.text).toContain('Budi Santoso');
  });

  it('WhatsApp cases are checked with the phone JID', async () => {
    const { app, clock } = testApp();
    const chat = { platform: 'whatsapp' as const, id: '120363000000000001@g.us', title: 'Relawan Paslon 2 Pilgub Sumsel' };
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'wa-add', at: clock.now(), chat, members: [{ platform: 'whatsapp', id: '6281298765432@s.whatsapp.net' }] });
    const checker = new FakeChecker('whatsapp', () => false);
    const r = await checkOpenCases(app, [checker], clock.now());
    expect(checker.asked).toEqual([[chat.id, '6281298765432@s.whatsapp.net']]);
    expect(r.left).toHaveLength(1);
  });

  it('follow-up: one DM to the ASN with the case buttons after FOLLOWUP_HOURS, never twice', () => {
    const { app, clock } = testApp();
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    clock.advance(23 * H);
    expect(runLifecycle(app, clock.now()).followedUp).toEqual([]);
    clock.advance(H);
    expect(runLifecycle(app, clock.now()).followedUp).toEqual([c.id]);
    const fu = rows(app, 'asn_followup');
    expect(fu).toHaveLength(1);
    expect(fu[0]!.key).toBe(`followup:${c.id}:1`);
    expect(fu[0]!.recipient).toBe(ASN.budi.telegramId);
    expect(fu[0]!.text).toContain('Relawan Paslon 2 Pilgub Sumsel');
    // The first alert's buttons, the "Laporkan" row included (issue 24 point 4).
    expect(JSON.parse(fu[0]!.payload!).buttons).toEqual([
      [{ text: 'Saya sudah keluar', data: `left:${c.id}` }, { text: 'Saya perlu bantuan Humas', data: `help:${c.id}` }],
      [{ text: 'Laporkan', data: 'lapor:start' }],
    ]);
    clock.advance(H);
    expect(runLifecycle(app, clock.now())).toEqual({ expired: [], followedUp: [], escalated: [] });
    expect(rows(app, 'asn_followup')).toHaveLength(1);
    expect(app.monitor.incidents.get(c.id)!.followups).toBe(1);
  });

  it('escalation: once to every Humas admin after the second interval; re-runs add nothing', () => {
    const { app, clock } = testApp();
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    clock.advance(24 * H);
    runLifecycle(app, clock.now());
    clock.advance(23 * H);
    expect(runLifecycle(app, clock.now()).escalated).toEqual([]);
    clock.advance(H);
    expect(runLifecycle(app, clock.now()).escalated).toEqual([c.id]);
    const esc = rows(app, 'humas_escalation');
    expect(esc.map((e) => e.key).sort()).toEqual([`escalate:${c.id}:tg:9001`, `escalate:${c.id}:wa:6281111111111`]);
    expect(esc[0]!.text).toContain(ASN.budi.nip);
    expect(esc[0]!.text).toContain(`/kecualikan ${c.id}`);
    for (let i = 0; i < 3; i++) {
      clock.advance(24 * H);
      const r = runLifecycle(app, clock.now());
      expect(r.followedUp).toEqual([]);
      expect(r.escalated).toEqual([]);
    }
    expect(rows(app, 'humas_escalation')).toHaveLength(2);
    expect(rows(app, 'asn_followup')).toHaveLength(1);
    expect(app.monitor.incidents.get(c.id)!.escalatedAt).not.toBeNull();
  });

  it('follow-ups and escalations wait for the end of quiet hours', () => {
    // Opened 22:30 WIB (15:30 UTC): the follow-up falls due at 22:30 WIB next day and waits until 06:00 WIB.
    const clock = new FakeClock(Date.UTC(2024, 10, 4, 15, 30));
    const { app } = testApp({ QUIET_HOURS: '21:00-06:00' }, clock);
    add(app, clock, ASN.budi.telegramId);
    clock.advance(24 * H);
    runLifecycle(app, clock.now());
    clock.advance(24 * H);
    runLifecycle(app, clock.now());
    const due = app.db.prepare(`SELECT kind, next_attempt_at AS due FROM outbox WHERE kind IN ('asn_followup','humas_escalation') ORDER BY id`).all();
    expect(due).toEqual([
      { kind: 'asn_followup', due: Date.UTC(2024, 10, 5, 23, 0) },
      { kind: 'humas_escalation', due: Date.UTC(2024, 10, 6, 23, 0) },
      { kind: 'humas_escalation', due: Date.UTC(2024, 10, 6, 23, 0) },
    ]);
  });

  it('a case that closed before its follow-up gets none', () => {
    const { app, clock } = testApp();
    add(app, clock, ASN.budi.telegramId);
    clock.advance(H);
    leave(app, clock, ASN.budi.telegramId);
    clock.advance(72 * H);
    expect(runLifecycle(app, clock.now())).toEqual({ expired: [], followedUp: [], escalated: [] });
    expect(rows(app, 'asn_followup')).toHaveLength(0);
  });

  it('cases nobody can check expire after CASE_EXPIRY_DAYS; checkable ones stay open', () => {
    const { app, clock } = testApp({ CASE_EXPIRY_DAYS: '3' });
    const budi = add(app, clock, ASN.budi.telegramId).opened[0]!;
    const sari = add(app, clock, ASN.sari.telegramId).opened[0]!;
    const onlyBudi = new FakeChecker('telegram', () => true);
    clock.advance(3 * D - 1);
    expect(runLifecycle(app, clock.now(), { checkers: [onlyBudi] }).expired).toEqual([]);
    clock.advance(1);
    // With a Telegram checker both are checkable: nothing expires.
    expect(runLifecycle(app, clock.now(), { checkers: [onlyBudi] }).expired).toEqual([]);
    // Without one, nobody can check: both expire.
    expect(runLifecycle(app, clock.now()).expired.sort()).toEqual([budi.id, sari.id].sort());
    const c = app.monitor.incidents.get(budi.id)!;
    expect(c.status).toBe('expired');
    expect(c.resolvedAt).toBe(clock.now());
    // A code with its facts, whatever LANGUAGE was; read per language (core/messages/case-reason.ts).
    expect(c.statusReason).toBe('expired {"days":3}');
    expect(caseReasonText(c.statusReason, 'id')).toBe('tidak dapat diperiksa; kedaluwarsa setelah 3 hari');
    expect(caseReasonText(c.statusReason, 'en')).toBe('could not be checked; expired after 3 days');
    expect(runLifecycle(app, clock.now()).expired).toEqual([]);
  });

  it('an ASN the bot cannot reach gets a follow-up row born undeliverable, and the case stays uncheckable', () => {
    const { app, clock } = testApp();
    const ev: ChatEvent = {
      kind: 'message', dedupeKey: 'm-dedi', at: clock.now(), chat: CAMPAIGN_TG, messageId: '1', sender: timses,
      text: 'Ayo coblos nomor 2! @dedik', mentions: [{ platform: 'telegram', username: 'dedik' }],
    };
    const c = app.monitor.handle(ev).opened[0]!;
    clock.advance(24 * H);
    runLifecycle(app, clock.now(), { checkers: [new FakeChecker('telegram', () => true)] });
    const fu = rows(app, 'asn_followup');
    expect(fu).toHaveLength(1);
    expect(fu[0]!.status).toBe('undeliverable');
    clock.advance(14 * D);
    expect(runLifecycle(app, clock.now(), { checkers: [new FakeChecker('telegram', () => true)] }).expired).toEqual([c.id]);
  });
});

describe('case commands', () => {
  it('/kecualikan needs a reason, exempts an open case, and is audited', async () => {
    const { app, clock } = testApp();
    app.commands.add(...caseCommands(app));
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    expect((await admin(app, `/kecualikan ${c.id}`))!.text).toMatch(/Cara pakai/);
    expect(app.monitor.incidents.get(c.id)!.status).toBe('open');
    clock.advance(H);
    const r = await admin(app, `/kecualikan ${c.id} istri calon, hadir sebagai keluarga`);
    expect(r!.text).toContain('dikecualikan');
    const after = app.monitor.incidents.get(c.id)!;
    expect(after).toMatchObject({ status: 'exempted', statusReason: 'exempted {"note":"istri calon, hadir sebagai keluarga"}', statusBy: 'tg:9001', resolvedAt: clock.now() });
    expect((await admin(app, `/kecualikan ${c.id} lagi`))!.text).toMatch(/tidak terbuka/);
    const audit = app.db.prepare(`SELECT actor, action, allowed, result FROM audit WHERE action = '/kecualikan' ORDER BY id`).all();
    expect(audit).toHaveLength(3);
    expect(audit[1]).toEqual({ actor: 'tg:9001', action: '/kecualikan', allowed: 1, result: 'ok' });
    // Exempted cases get no follow-ups.
    clock.advance(3 * D);
    expect(runLifecycle(app, clock.now()).followedUp).toEqual([]);
  });

  it('only Humas admins may exempt or reopen', async () => {
    const { app, clock } = testApp();
    app.commands.add(...caseCommands(app));
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    const r = await admin(app, `/kecualikan ${c.id} alasan`, ASN.budi.telegramId);
    expect(r!.text).toMatch(/hanya dapat digunakan oleh admin Humas/);
    expect(app.monitor.incidents.get(c.id)!.status).toBe('open');
    expect(app.db.prepare(`SELECT allowed FROM audit WHERE action = '/kecualikan'`).get()).toEqual({ allowed: 0 });
  });

  it('/buka reopens a closed case and restarts its expiry clock; refuses when another case for the same ASN and chat is open', async () => {
    const { app, clock } = testApp({ CASE_EXPIRY_DAYS: '3' });
    app.commands.add(...caseCommands(app));
    const first = add(app, clock, ASN.budi.telegramId).opened[0]!;
    clock.advance(H);
    leave(app, clock, ASN.budi.telegramId);
    expect((await admin(app, `/buka ${first.id}`))!.text).toMatch(/dibuka kembali/);
    expect(app.monitor.incidents.get(first.id)).toMatchObject({ status: 'open', resolvedAt: null, statusBy: 'tg:9001' });
    expect((await admin(app, `/buka ${first.id}`))!.text).toMatch(/sudah terbuka/);
    // Expiry counts from the reopening, not from the first opening.
    clock.advance(3 * D - H);
    expect(runLifecycle(app, clock.now()).expired).toEqual([]);
    clock.advance(H);
    expect(runLifecycle(app, clock.now()).expired).toEqual([first.id]);

    // Re-added while the old case is closed: a second case opens; the old one cannot be reopened beside it.
    const second = add(app, clock, ASN.budi.telegramId).opened[0]!;
    expect(second.id).not.toBe(first.id);
    const r = await admin(app, `/buka ${first.id}`);
    expect(r!.text).toContain(`kasus #${second.id}`);
    expect(app.monitor.incidents.get(first.id)!.status).toBe('expired');
    expect((await admin(app, '/buka 999'))!.text).toMatch(/tidak ditemukan/);
  });

  it('exemptCase / reopenCase report why they refuse', () => {
    const { app, clock } = testApp();
    expect(exemptCase(app, 42, 'x', 'tg:9001', clock.now())).toEqual({ ok: false, reason: 'no_case' });
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    expect(reopenCase(app, c.id, 'tg:9001', clock.now())).toEqual({ ok: false, reason: 'already_open' });
  });

  it('/kasus lists open cases and shows one case', async () => {
    const { app, clock } = testApp();
    app.commands.add(...caseCommands(app));
    const c = add(app, clock, ASN.budi.telegramId).opened[0]!;
    const list = (await admin(app, '/kasus'))!.text;
    expect(list).toContain(`#${c.id} Budi Santoso (Dinas Pendidikan)`);
    const one = (await admin(app, `/kasus #${c.id}`))!.text;
    expect(one).toContain(`NIP ${ASN.budi.nip}`);
    expect(one).toContain('Korlap Timses');
  });
});
