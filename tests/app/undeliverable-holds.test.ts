/**
 * A burst of refused ASN alerts (a timses added 60 numbers; 40 of those ASN blocked the bot): Humas gets the
 * first MASS_ALERT_THRESHOLD "cannot reach" notices one by one and the rest as one list per window, through
 * the real dispatcher path (a 403 from the messenger -> undeliverable -> App.onUndeliverable).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { runLifecycle } from '../../src/app/lifecycle.js';
import type { Messenger, Outgoing, SendResult } from '../../src/app/ports.js';
import { seedBenchAsn } from '../../src/bench/util.js';
import { pressureTexts } from '../../src/core/messages/pressure.js';
import type { ChatEvent } from '../../src/core/types.js';
import { CAMPAIGN_TG, testApp } from '../support/app.js';

const files: string[] = [];
afterEach(() => {
  for (const f of files.splice(0)) rmSync(f, { force: true, recursive: true });
});

/** Telegram as it answers a user who blocked the bot (403), for the ASN in `blocked`; everything else arrives. */
class BlockedBy implements Messenger {
  readonly platform = 'telegram' as const;
  readonly sent: Outgoing[] = [];
  constructor(private readonly blocked: Set<string>) {}
  async send(m: Outgoing): Promise<SendResult> {
    if (this.blocked.has(m.recipient)) return { ok: false, failure: 'refused', detail: '403: Forbidden: bot was blocked by the user' };
    this.sent.push(m);
    return { ok: true, messageId: String(this.sent.length) };
  }
}

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const add = (ids: number[], key: string, at = 1): ChatEvent => ({
  kind: 'member_added', dedupeKey: key, at, chat: CAMPAIGN_TG, actor: timses, members: ids.map((i) => ({ platform: 'telegram' as const, id: String(800_000 + i) })),
});

describe('refused ASN alerts in a burst', () => {
  it('the first three notices go one by one, the other 37 as one list with a CSV when the window ends; released once', async () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '3', MASS_ALERT_WINDOW_SECONDS: '60' });
    seedBenchAsn(app, 60, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const tg = new BlockedBy(new Set(Array.from({ length: 40 }, (_, i) => String(800_000 + i))));
    app.attach(tg);
    app.monitor.handle(add([...Array(60).keys()], 'mass', clock.now()));
    await app.dispatcher.drainOnce();
    const notices = () => tg.sent.filter((m) => m.kind === 'undeliverable_notice');
    expect(notices()).toHaveLength(3);
    expect(notices().every((n) => n.text.startsWith('📵 ASN tidak dapat dihubungi bot'))).toBe(true);

    clock.advance(60_000);
    await app.dispatcher.drainOnce();
    expect(notices()).toHaveLength(4);
    const list = notices()[3]!;
    expect(list.text).toMatch(/^📵 37 ASN lagi tidak dapat dihubungi bot/);
    expect(list.text).toContain('Sebab: Telegram: ASN belum memulai bot atau memblokirnya (Telegram menolak pesan)');
    expect(list.text).toContain('… dan 7 lagi: lihat berkas CSV terlampir.');
    expect(list.text.length).toBeLessThan(4096);
    const csv = list.payload.files![0]!.path;
    files.push(csv);
    const table = parse(readFileSync(csv), { bom: true, delimiter: ';' }) as string[][];
    expect(table).toHaveLength(38);
    // Every refused ASN is named to Humas exactly once: alone or in the list.
    const alone = notices().slice(0, 3).map((n) => Number(/kasus #(\d+)/.exec(n.text)![1]));
    const listed = table.slice(1).map((r) => Number(r[0]));
    expect(new Set([...alone, ...listed]).size).toBe(40);

    clock.advance(60_000);
    await app.dispatcher.drainOnce();
    expect(notices()).toHaveLength(4);

    // A day later the follow-ups to the same blocked ASN are refused too: Humas already knows, nothing more.
    clock.advance(24 * 3_600_000);
    expect(runLifecycle(app, clock.now()).followedUp.length).toBeGreaterThanOrEqual(40);
    await app.dispatcher.drainOnce();
    clock.advance(60_000);
    await app.dispatcher.drainOnce();
    expect(app.db.prepare(`SELECT count(*) FROM outbox WHERE kind = 'asn_followup' AND status = 'undeliverable'`).pluck().get()).toBe(40);
    expect(notices()).toHaveLength(4);
  });

  it('refusals spread out over time are each told alone', async () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '3', MASS_ALERT_WINDOW_SECONDS: '60' });
    seedBenchAsn(app, 6, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const tg = new BlockedBy(new Set(Array.from({ length: 6 }, (_, i) => String(800_000 + i))));
    app.attach(tg);
    for (let i = 0; i < 6; i++) {
      app.monitor.handle(add([i], `a${i}`));
      await app.dispatcher.drainOnce();
      clock.advance(61_000);
    }
    await app.dispatcher.drainOnce();
    expect(tg.sent.filter((m) => m.kind === 'undeliverable_notice').map((n) => n.text.split('\n')[0])).toEqual(
      Array.from({ length: 6 }, (_, i) => `📵 ASN tidak dapat dihubungi bot (kasus #${i + 1})`),
    );
  });

  it('different reasons are given on each line; English mirrors it', () => {
    const lines = [
      { caseId: 1, asnName: 'Budi', nip: '1', unit: 'A', phone: '+62811', platform: 'telegram' as const, reason: 'blocked' },
      { caseId: 2, asnName: 'Sari', nip: '2', unit: 'B', phone: '+62812', platform: 'whatsapp' as const, reason: '463' },
    ];
    const id = pressureTexts('id').undeliverableList({ count: 2, lines, more: 0 });
    expect(id).toContain('#1 Budi (NIP 1), A, 📵 +62811 (Telegram: blocked)');
    expect(id).toContain('#2 Sari (NIP 2), B, 📵 +62812 (WhatsApp: 463)');
    expect(id).not.toContain('Sebab:');
    expect(pressureTexts('en').undeliverableList({ count: 2, lines: lines.slice(0, 1), more: 0, registrationLink: 'https://t.me/x?start=daftar' })).toContain(
      'Reason: Telegram: blocked\n#1 Budi (NIP 1), A, 📵 +62811',
    );
  });
});

describe('held lists and summaries are released independently', () => {
  it('a mass summary whose CSV cannot be written does not hold back the list of refused alerts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-release-'));
    files.push(dir);
    // The reports folder is a file: every CSV write fails.
    writeFileSync(join(dir, 'reports'), 'not a folder');
    const { app, clock } = testApp({ DATABASE_PATH: join(dir, 'jn.db'), HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '3', MASS_ALERT_WINDOW_SECONDS: '60' });
    seedBenchAsn(app, 40, { phoneBase: 60_000_000, tgIdBase: 800_000 });
    const tg = new BlockedBy(new Set(Array.from({ length: 10 }, (_, i) => String(800_000 + i))));
    app.attach(tg);
    app.monitor.handle(add([...Array(40).keys()], 'mass', clock.now()));
    await app.dispatcher.drainOnce();
    clock.advance(60_000);
    await app.dispatcher.drainOnce();
    // 37 held cases need a CSV: that summary fails and waits; the 7 refused alerts (no CSV needed) are listed.
    expect(tg.sent.filter((m) => m.kind === 'humas_mass_alert')).toHaveLength(0);
    expect(tg.sent.filter((m) => m.kind === 'undeliverable_notice').map((m) => m.text.split('\n')[0])).toContain('📵 7 ASN lagi tidak dapat dihubungi bot');
    app.db.close();
  });
});
