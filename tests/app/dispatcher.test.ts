import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../src/app/dispatcher.js';
import type { Messenger, Outgoing, SendResult } from '../../src/app/ports.js';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

/** A messenger that answers from a script, then succeeds. */
class ScriptedMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  readonly delivered: Outgoing[] = [];
  constructor(private readonly script: SendResult[] = []) {}
  async send(m: Outgoing): Promise<SendResult> {
    const next = this.script.shift();
    if (next && !next.ok) return next;
    this.delivered.push(m);
    return { ok: true };
  }
}

function seedCase(app: ReturnType<typeof testApp>['app'], nip = ASN.budi) {
  app.monitor.handle({
    kind: 'member_added', dedupeKey: `add-${nip.nip}`, at: 0, chat: CAMPAIGN_TG,
    members: [{ platform: 'telegram', id: nip.telegramId }], actor: { platform: 'telegram', id: '7777', name: 'Timses' },
  });
}

const statusOf = (app: ReturnType<typeof testApp>['app'], kind: string) =>
  (app.db.prepare(`SELECT status, attempts, last_error FROM outbox WHERE kind = ? AND platform = 'telegram'`).all(kind) as { status: string; attempts: number; last_error: string | null }[]);

describe('dispatcher', () => {
  it('delivers every due Telegram message once', async () => {
    const { app } = testApp();
    seedCase(app);
    const m = new ScriptedMessenger();
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(m.delivered.map((x) => x.kind).sort()).toEqual(['asn_alert', 'group_reminder', 'humas_alert']);
    await app.dispatcher.drainOnce();
    expect(m.delivered).toHaveLength(3);
  });

  it('waits retry_after on 429 and backs off on transient errors, losing nothing', async () => {
    const { app, clock } = testApp();
    seedCase(app);
    const m = new ScriptedMessenger([
      { ok: false, failure: 'rate_limited', detail: '429', retryAfterMs: 5000 },
      { ok: false, failure: 'transient', detail: '500' },
    ]);
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(m.delivered).toHaveLength(1);
    clock.advance(3000);
    await app.dispatcher.drainOnce();
    expect(m.delivered).toHaveLength(2);
    clock.advance(2000);
    await app.dispatcher.drainOnce();
    expect(m.delivered).toHaveLength(3);
    expect(new Set(m.delivered.map((d) => d.kind + d.recipient)).size).toBe(3);
  });

  it('a 403 marks the ASN alert undeliverable and tells Humas to reach the ASN directly', async () => {
    const { app } = testApp();
    app.registrationLinks.telegram = 'https://t.me/JagaNetralBot?start=daftar';
    seedCase(app);
    const m = new ScriptedMessenger([{ ok: false, failure: 'refused', detail: "403: Forbidden: bot can't initiate conversation with a user" }]);
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(statusOf(app, 'asn_alert')[0]!.status).toBe('undeliverable');
    const notice = m.delivered.find((d) => d.kind === 'undeliverable_notice')!;
    expect(notice.recipient).toBe('9001');
    expect(notice.text).toContain(ASN.budi.phone);
    expect(notice.text).toContain('https://t.me/JagaNetralBot?start=daftar');
  });

  it('a group post that cannot be delivered names the group to Humas quoted as a stranger’s text (core/text/quote.ts)', async () => {
    const { app } = testApp();
    const chat = { ...CAMPAIGN_TG, title: 'Relawan Paslon 2 *RESMI* "Humas" https://evil.example/lapor' };
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'add-evil', at: 0, chat, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    const m = new ScriptedMessenger();
    const real = m.send.bind(m);
    m.send = async (o) => (o.kind === 'group_reminder' ? { ok: false, failure: 'refused', detail: '403: Forbidden: bot was kicked from the supergroup chat' } : real(o));
    app.attach(m);
    await app.dispatcher.drainOnce();
    await app.dispatcher.drainOnce();
    const notice = m.delivered.find((d) => d.kind === 'undeliverable_notice')!;
    expect(notice.text).toContain(`grup "Relawan Paslon 2 ∗RESMI∗ 'Humas' hxxps://evil[.]example/lapor" (${CAMPAIGN_TG.id})`);
    expect(notice.text).not.toMatch(/\*RESMI\*|https:\/\/evil|evil\.example/);
  });

  it('follows a migrated group to its new id', async () => {
    const { app } = testApp();
    seedCase(app);
    const m = new ScriptedMessenger();
    const real = m.send.bind(m);
    m.send = async (o) => (o.recipient === CAMPAIGN_TG.id ? { ok: false, failure: 'migrated', detail: 'upgraded', newChatId: '-100999' } : real(o));
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(m.delivered.find((d) => d.kind === 'group_reminder')!.recipient).toBe('-100999');
  });

  it('rows claimed before a crash are sent again after restart', async () => {
    const { app } = testApp();
    seedCase(app);
    const row = app.monitor.outbox.dueFor('telegram', Date.now() + 1)[0]!;
    app.monitor.outbox.claim(row.id);
    expect(app.monitor.outbox.recoverInFlight()).toBe(1);
    expect(app.monitor.outbox.get(row.id)!.status).toBe('pending');
  });

  it('a long queue for one chat does not hold back another chat (one row per recipient per pass)', async () => {
    const { app } = testApp();
    for (let i = 0; i < 300; i++) {
      app.monitor.outbox.enqueue({ dedupeKey: `burst:${i}`, platform: 'telegram', recipient: '9001', recipientKind: 'user', kind: 'humas_alert', text: `alert ${i}` }, 0);
    }
    app.monitor.outbox.enqueue({ dedupeKey: 'asn', platform: 'telegram', recipient: ASN.budi.telegramId, recipientKind: 'user', kind: 'asn_alert', text: 'keluar' }, 1);
    const due = app.monitor.outbox.dueFor('telegram', Date.now(), 200);
    expect(due.map((r) => r.recipient)).toEqual(['9001', ASN.budi.telegramId]);
    expect(due[0]!.text).toBe('alert 0');
    // With a policy that holds the Humas chat, the ASN's message still goes at once.
    const m = new ScriptedMessenger();
    app.attach(m, { delayFor: (row) => (row.recipient === '9001' ? 60_000 : 0), afterSend: () => {} });
    await app.dispatcher.drainOnce();
    expect(m.delivered.map((d) => d.text)).toEqual(['keluar']);
  });

  it('alerts go before follow-ups and reminders, which go before replies; oldest first within a class', async () => {
    const { app } = testApp();
    const q = (key: string, recipient: string, kind: string) =>
      app.monitor.outbox.enqueue({ dedupeKey: key, platform: 'telegram', recipient, recipientKind: recipient.startsWith('-') ? 'group' : 'user', kind, text: key }, 0);
    q('reply-1', '9001', 'command_reply');
    q('reply-2', '7001', 'tg_hint');
    q('reminder', '-100555', 'group_reminder');
    q('followup', ASN.sari.telegramId, 'asn_followup');
    q('humas', '9001', 'humas_alert');
    q('asn', ASN.budi.telegramId, 'asn_alert');
    // Per recipient the most urgent row leads (Humas' alert before their own command reply).
    expect(app.monitor.outbox.dueFor('telegram', 1).map((r) => r.text)).toEqual(['humas', 'asn', 'reminder', 'followup', 'reply-2']);
    const m = new ScriptedMessenger();
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(m.delivered.map((d) => d.text)).toEqual(['humas', 'asn', 'reminder', 'followup', 'reply-2', 'reply-1']);
  });

  it('an alert queued while a page of replies is being sent goes next, not after the page', async () => {
    const { app } = testApp();
    for (let i = 0; i < 50; i++) {
      app.monitor.outbox.enqueue({ dedupeKey: `r${i}`, platform: 'telegram', recipient: String(7000 + i), recipientKind: 'user', kind: 'command_reply', text: `r${i}` }, 0);
    }
    const m = new ScriptedMessenger();
    const real = m.send.bind(m);
    m.send = async (o) => {
      if (o.text === 'r2') seedCase(app);
      return real(o);
    };
    app.attach(m);
    await app.dispatcher.drainOnce();
    expect(m.delivered.slice(0, 5).map((d) => d.kind)).toEqual(['command_reply', 'command_reply', 'command_reply', 'asn_alert', 'humas_alert']);
    expect(m.delivered).toHaveLength(50 + 3); // the replies, the two alerts and the group reminder
  });

  it('a row whose payload cannot be read fails with the reason, Humas is told, and the rest of the outbox goes on', async () => {
    const { app } = testApp();
    const q = (key: string, payload?: string) => {
      const id = app.monitor.outbox.enqueue({ dedupeKey: key, platform: 'telegram', recipient: '7001', recipientKind: 'user', kind: 'command_reply', text: key }, 0)!;
      if (payload !== undefined) app.db.prepare(`UPDATE outbox SET payload = ? WHERE id = ?`).run(payload, id);
      return id;
    };
    const broken = q('broken', '{"files": [ {"path": ');
    const wrongShape = q('shape', '{"files": "laporan.csv"}');
    q('fine');
    const m = new ScriptedMessenger();
    app.attach(m);
    await app.dispatcher.drainOnce();
    await app.dispatcher.drainOnce();
    expect(m.delivered.filter((d) => d.recipient === '7001').map((d) => d.text)).toEqual(['fine']);
    const row = app.monitor.outbox.get(broken)!;
    expect(row.status).toBe('failed');
    expect(row.lastError).toMatch(/unreadable: payload is not valid JSON/);
    expect(app.monitor.outbox.get(wrongShape)!.lastError).toMatch(/payload\.files is malformed/);
    const notices = m.delivered.filter((d) => d.kind === 'outbox_unreadable');
    expect(notices.map((n) => n.recipient)).toEqual(['9001', '9001']);
    expect(notices[0]!.text).toContain(`#${broken}`);
    // Nothing stalls: a later drain has nothing left to do.
    expect(await app.dispatcher.drainOnce()).toBe(0);
  });

  it('backoff grows and is capped', () => {
    const fixed = () => 0.5;
    expect(backoffMs(1, fixed)).toBe(2000);
    expect(backoffMs(3, fixed)).toBe(8000);
    expect(backoffMs(30, fixed)).toBe(600_000);
  });
});
