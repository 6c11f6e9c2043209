import { afterEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app/app.js';
import { runLifecycle } from '../../src/app/lifecycle.js';
import { runDigest } from '../../src/app/digest.js';
import type { MembershipChecker } from '../../src/app/ports.js';
import { runLifecycleJob, runReminders, runSafely, Scheduler, type JobSpec } from '../../src/app/scheduler.js';
import { zonedParts } from '../../src/core/time.js';
import type { ChatEvent, ChatRef } from '../../src/core/types.js';
import { ARISAN_TG, ASN, CAMPAIGN_TG, FakeClock, testApp } from '../support/app.js';

const H = 3_600_000;
const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };

function seen(app: App, chat: ChatRef, at: number, key = `info-${chat.id}-${at}`) {
  app.monitor.handle({ kind: 'chat_info', dedupeKey: key, at, chat });
}

function reminders(app: App) {
  return app.db.prepare(`SELECT dedupe_key AS key, recipient, next_attempt_at AS due, created_at AS at FROM outbox WHERE kind = 'group_reminder' ORDER BY id`).all() as {
    key: string; recipient: string; due: number; at: number;
  }[];
}

const fakeLog = () => ({ error: vi.fn(), warn: vi.fn(), info: vi.fn() }) as unknown as App['log'] & { error: ReturnType<typeof vi.fn> };

describe('scheduled reminders', () => {
  it('reminds every campaign group with the bot inside and reminders on, and no other group', () => {
    const { app, clock } = testApp();
    seen(app, CAMPAIGN_TG, clock.now());
    seen(app, ARISAN_TG, clock.now());
    expect(runReminders(app, clock.now())).toEqual([`telegram:${CAMPAIGN_TG.id}`]);
    const r = reminders(app);
    expect(r).toHaveLength(1);
    expect(r[0]!.recipient).toBe(CAMPAIGN_TG.id);
    expect(r[0]!.key).toContain(':scheduled:');
  });

  it('respects REMINDER_MIN_INTERVAL_HOURS, including after an after-add reminder', () => {
    const { app, clock } = testApp({ REMINDER_MIN_INTERVAL_HOURS: '24' });
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a1', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }], actor: timses });
    expect(reminders(app)).toHaveLength(1);
    clock.advance(23 * H);
    expect(runReminders(app, clock.now())).toEqual([]);
    clock.advance(H);
    expect(runReminders(app, clock.now())).toHaveLength(1);
    expect(runReminders(app, clock.now())).toEqual([]);
    expect(reminders(app)).toHaveLength(2);
  });

  it('skips groups that opted out (/pengingat off) or the bot left', async () => {
    const { app, clock } = testApp();
    seen(app, CAMPAIGN_TG, clock.now());
    const off = await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: `/pengingat off ${CAMPAIGN_TG.id}` });
    expect(off!.text).toMatch(/mati/);
    expect(runReminders(app, clock.now())).toEqual([]);
    app.monitor.chats.setReminders('telegram', CAMPAIGN_TG.id, true, clock.now());
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'bot-out', at: clock.now(), chat: CAMPAIGN_TG, joined: false });
    expect(runReminders(app, clock.now())).toEqual([]);
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'bot-in', at: clock.now(), chat: CAMPAIGN_TG, joined: true });
    expect(runReminders(app, clock.now())).toHaveLength(1);
  });

  it('quiet hours delay the reminder to the end of the quiet period (local time)', () => {
    // 22:30 WIB = 15:30 UTC.
    const clock = new FakeClock(Date.UTC(2024, 10, 7, 15, 30));
    const { app } = testApp({ QUIET_HOURS: '21:00-06:00' }, clock);
    seen(app, CAMPAIGN_TG, clock.now());
    runReminders(app, clock.now());
    const [r] = reminders(app);
    expect(r!.due).toBe(Date.UTC(2024, 10, 7, 23, 0)); // 06:00 WIB next day
    expect(zonedParts(r!.due, 'Asia/Jakarta')).toMatchObject({ hour: 6, minute: 0, day: 8 });
  });

  it('REMINDER_CRON runs at 09:00 WIB on Mondays and Thursdays; the digest at 07:00 WIB', () => {
    const { app } = testApp({ DATABASE_PATH: ':memory:' });
    const s = new Scheduler(app);
    s.start();
    try {
      const next = Object.fromEntries(s.nextRuns().map((j) => [j.name, j.next]));
      expect(Object.keys(next).sort()).toEqual(['digest', 'lifecycle', 'reminders', 'retention']);
      expect(zonedParts(next.retention!.getTime(), 'Asia/Jakarta')).toMatchObject({ hour: 3, minute: 15 });
      const rem = zonedParts(next.reminders!.getTime(), 'Asia/Jakarta');
      expect(rem).toMatchObject({ hour: 9, minute: 0 });
      const weekday = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Jakarta', weekday: 'short' }).format(next.reminders!);
      expect(['Mon', 'Thu']).toContain(weekday);
      expect(zonedParts(next.digest!.getTime(), 'Asia/Jakarta')).toMatchObject({ hour: 7, minute: 0 });
    } finally {
      s.stop();
    }
    expect(s.nextRuns()).toEqual([]);
  });

  it('backups are scheduled for a file database', () => {
    const { app } = testApp();
    const s = new Scheduler(app, { backups: true });
    expect(s.specs().map((j) => [j.name, j.pattern])).toContainEqual(['backup', '30 2 * * *']);
  });

  it('rejects an invalid cron pattern: in the config before anything starts, and again at start', () => {
    expect(() => testApp({ REMINDER_CRON: 'every monday' })).toThrow(/REMINDER_CRON/);
    const { app } = testApp();
    const s = new Scheduler(app, { lifecycleCron: 'every monday' });
    expect(() => s.start()).toThrow(/lifecycle/);
    expect(s.nextRuns()).toEqual([]);
  });
});

describe('job isolation', () => {
  afterEach(() => vi.useRealTimers());

  it('runSafely logs sync and async failures and never rethrows', async () => {
    const log = fakeLog();
    expect(await runSafely({ log }, 'sync', () => { throw new Error('boom'); })).toBe(false);
    expect(await runSafely({ log }, 'async', async () => { throw new Error('later'); })).toBe(false);
    expect(await runSafely({ log }, 'fine', () => 1)).toBe(true);
    expect(log.error).toHaveBeenCalledTimes(2);
    expect(log.error.mock.calls[0]![1]).toMatch(/"sync" failed/);
  });

  it('a job that throws under croner is logged and the scheduler keeps running', async () => {
    const { app } = testApp();
    const log = fakeLog();
    (app as { log: App['log'] }).log = log;
    let runs = 0;
    class Boom extends Scheduler {
      override specs(): JobSpec[] {
        return [{ name: 'boom', pattern: '* * * * * *', run: () => { runs++; throw new Error('boom'); } }];
      }
    }
    const s = new Boom(app);
    s.start();
    try {
      await new Promise((r) => setTimeout(r, 2300));
    } finally {
      s.stop();
    }
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(log.error).toHaveBeenCalled();
  });
});

describe('lifecycle job', () => {
  it('checks membership first, then follows up on what is still open', async () => {
    const { app, clock } = testApp();
    for (const id of [ASN.budi.telegramId, ASN.sari.telegramId]) {
      app.monitor.handle({ kind: 'member_added', dedupeKey: `a-${id}`, at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id }], actor: timses });
    }
    const checker: MembershipChecker = { platform: 'telegram', isMember: async (_c, u) => u !== ASN.budi.telegramId };
    clock.advance(25 * H);
    const r = await runLifecycleJob(app, clock.now(), [checker]);
    expect(r.checks.left).toHaveLength(1);
    expect(r.lifecycle.followedUp).toHaveLength(1);
    const fu = app.db.prepare(`SELECT recipient FROM outbox WHERE kind = 'asn_followup'`).all();
    expect(fu).toEqual([{ recipient: ASN.sari.telegramId }]);
  });
});

describe('privacy of group messages', () => {
  it('no group-bound outbox row of a full story names an ASN or shows a NIP or phone', async () => {
    const { app, clock } = testApp({ REMINDER_MIN_INTERVAL_HOURS: '1' });
    const story: ChatEvent[] = [
      { kind: 'bot_membership', dedupeKey: 's0', at: clock.now(), chat: CAMPAIGN_TG, joined: true },
      { kind: 'member_added', dedupeKey: 's1', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId, name: ASN.budi.nama }, { platform: 'telegram', id: ASN.sari.telegramId, name: ASN.sari.nama }], actor: timses },
      {
        kind: 'message', dedupeKey: 's2', at: clock.now() + 60_000, chat: CAMPAIGN_TG, messageId: '10', sender: timses,
        text: `Ayo coblos nomor 2! @budi_s @sariwulan @dedik`, mentions: [{ platform: 'telegram', username: 'budi_s' }, { platform: 'telegram', username: 'sariwulan' }, { platform: 'telegram', username: 'dedik' }],
      },
    ];
    for (const ev of story) app.monitor.handle(ev);
    const wa: ChatRef = { platform: 'whatsapp', id: '120363000000000001@g.us', title: 'Relawan Paslon 2 Pilgub Sumsel' };
    app.monitor.handle({ kind: 'member_added', dedupeKey: 's3', at: clock.now(), chat: wa, members: [{ platform: 'whatsapp', id: '6285212345678@s.whatsapp.net' }] });
    const checker: MembershipChecker = { platform: 'telegram', isMember: async (_c, u) => u !== ASN.budi.telegramId };
    for (let i = 0; i < 8; i++) {
      clock.advance(12 * H);
      runReminders(app, clock.now());
      await runLifecycleJob(app, clock.now(), [checker]);
      runLifecycle(app, clock.now());
      runDigest(app, clock.now());
    }
    const group = app.db.prepare(`SELECT text, payload FROM outbox WHERE recipient_kind = 'group'`).all() as { text: string; payload: string | null }[];
    expect(group.length).toBeGreaterThanOrEqual(3);
    const all = app.db.prepare(`SELECT kind FROM outbox`).all() as { kind: string }[];
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(['asn_alert', 'humas_alert', 'group_reminder', 'asn_followup', 'humas_escalation', 'humas_digest', 'thanks_left']));
    for (const g of group) {
      const blob = `${g.text}\n${g.payload ?? ''}`;
      for (const a of Object.values(ASN)) {
        for (const part of a.nama.split(' ')) expect(blob).not.toContain(part);
        expect(blob).not.toContain(a.nip);
        expect(blob).not.toContain(a.phone);
        expect(blob).not.toContain(a.phone.slice(1));
        expect(blob).not.toContain(`0${a.phone.slice(3)}`);
        expect(blob).not.toContain(a.telegramUsername);
      }
      expect(blob).not.toMatch(/\b\d{18}\b/);
      expect(blob).not.toMatch(/(\+?62|\b0)8\d{7,11}/);
    }
  });
});
