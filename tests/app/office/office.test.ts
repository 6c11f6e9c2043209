import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { addAsn, getAsn, listAsn, removeAsn, updateAsn, validateAsnFields } from '../../../src/app/office/asn.js';
import { listAudit } from '../../../src/app/office/audit.js';
import { exemptCaseBy, getCase, listCases, parseCaseStatus, reopenCaseBy } from '../../../src/app/office/cases.js';
import type { ChatEvent } from '../../../src/core/types.js';
import { ASN, CAMPAIGN_TG, FakeClock, testApp } from '../../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses', username: 'korlap02' };

function add(app: App, clock: FakeClock, tgId: string) {
  const ev: ChatEvent = { kind: 'member_added', dedupeKey: `add-${tgId}-${clock.now()}`, at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }], actor: timses };
  return app.monitor.handle(ev);
}

const auditRows = (app: App) => app.db.prepare('SELECT actor, platform, action, args, allowed, result FROM audit ORDER BY id').all();

describe('office: registry', () => {
  it('lists with a unit filter, free-text search over name, NIP and phone digits, and paging', () => {
    const { app } = testApp();
    expect(listAsn(app).total).toBe(3);
    expect(listAsn(app, { unit: 'dinas pendidikan' }).rows.map((r) => r.nama)).toEqual(['Budi Santoso']);
    expect(listAsn(app, { search: 'wulan' }).rows.map((r) => r.nama)).toEqual(['Sari Wulandari']);
    expect(listAsn(app, { search: '0852-1234' }).rows.map((r) => r.nama)).toEqual(['Dedi Kurniawan']);
    expect(listAsn(app, { search: '%' }).total).toBe(0);
    const page = listAsn(app, { limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3, offset: 2 });
    expect(page.rows).toHaveLength(1);
  });

  it('adds, updates and removes one ASN, each change audited with its actor; the registry follows', () => {
    const { app, clock } = testApp();
    const f = { nip: '19780101 200501 1 001', nama: 'Rina Marlina', unit: 'Setda', telepon: '0813-1111-2222', telegram: '@rina_m' };
    const added = addAsn(app, f, 'cli:humas');
    expect(added).toMatchObject({ ok: true, changed: true, asn: { nip: '197801012005011001', phone: '+6281311112222', telegramUsername: 'rina_m' } });
    expect(app.registry.byTelegramUsername('rina_m')?.nama).toBe('Rina Marlina');
    expect(addAsn(app, f, 'cli:humas')).toEqual({ ok: false, reason: 'exists', nip: '197801012005011001' });
    expect(updateAsn(app, '197801012005011001', { unit: 'BPKAD' }, 'web:admin')).toMatchObject({ ok: true, changed: true, asn: { unit: 'BPKAD' } });
    expect(updateAsn(app, '197801012005011001', { unit: 'BPKAD' }, 'web:admin')).toMatchObject({ ok: true, changed: false });
    expect(updateAsn(app, '197801012005011001', { telepon: ASN.budi.phone }, 'web:admin')).toEqual({ ok: false, reason: 'conflict', field: 'telepon', owner: ASN.budi.nip });
    clock.advance(1000);
    expect(removeAsn(app, '197801012005011001', 'cli:humas')).toMatchObject({ ok: true });
    expect(getAsn(app, '197801012005011001')).toBeUndefined();
    expect(app.registry.byPhone('+6281311112222')).toBeUndefined();
    expect(removeAsn(app, '197801012005011001', 'cli:humas')).toEqual({ ok: false, reason: 'not_found', nip: '197801012005011001' });
    expect(auditRows(app)).toEqual([
      { actor: 'cli:humas', platform: 'cli', action: 'asn add', args: 'nip=19780101 200501 1 001 nama=Rina Marlina unit=Setda telepon=0813-1111-2222 telegram=@rina_m', allowed: 1, result: 'ok' },
      { actor: 'cli:humas', platform: 'cli', action: 'asn add', args: expect.any(String), allowed: 1, result: 'exists' },
      { actor: 'web:admin', platform: 'web', action: 'asn update', args: 'nip=197801012005011001 unit=BPKAD', allowed: 1, result: 'ok' },
      { actor: 'web:admin', platform: 'web', action: 'asn update', args: 'nip=197801012005011001 unit=BPKAD', allowed: 1, result: 'unchanged' },
      { actor: 'web:admin', platform: 'web', action: 'asn update', args: expect.any(String), allowed: 1, result: `conflict {"field":"telepon","owner":"${ASN.budi.nip}"}` },
      { actor: 'cli:humas', platform: 'cli', action: 'asn remove', args: 'nip=197801012005011001', allowed: 1, result: 'ok' },
      { actor: 'cli:humas', platform: 'cli', action: 'asn remove', args: 'nip=197801012005011001', allowed: 1, result: 'not_found' },
    ]);
  });

  it('refuses invalid fields with every problem, the way import-asn words them, and changes nothing', () => {
    const { app } = testApp({ LANGUAGE: 'en' });
    const r = addAsn(app, { nip: '123', nama: '=HYPERLINK()', unit: '', telepon: '021555', telegram: 'x' }, 'cli:humas');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason === 'invalid' && r.problems).toEqual([
      expect.stringMatching(/^NIP "123": /),
      expect.stringMatching(/^nama .* looks like a spreadsheet formula/),
      'unit is empty',
      expect.stringMatching(/^telepon "021555": /),
      expect.stringMatching(/^telegram "x" must be @username/),
    ]);
    expect(app.registry.count()).toBe(3);
  });

  it('words the refusals in Indonesian under LANGUAGE=id (add and update alike); validateAsnFields defaults to English', () => {
    const { app } = testApp({ LANGUAGE: 'id' });
    const r = addAsn(app, { nip: '123', nama: '=HYPERLINK()', unit: '', telepon: '021555', telegram: 'x' }, 'cli:humas');
    expect(!r.ok && r.reason === 'invalid' && r.problems).toEqual([
      'NIP "123": NIP harus 18 digit, ditemukan 3',
      'nama "=HYPERLINK()" tampak seperti rumus spreadsheet (diawali "=")',
      'unit kosong',
      expect.stringMatching(/^telepon "021555": nomor telepon rumah\/kantor/),
      expect.stringMatching(/^telegram "x" harus @username/),
    ]);
    const u = updateAsn(app, ASN.budi.nip, { nama: '' }, 'web:admin');
    expect(!u.ok && u.reason === 'invalid' && u.problems).toEqual(['nama kosong']);
    expect(validateAsnFields({ nip: '123', nama: 'A', unit: 'B', telepon: '081311112222' })).toEqual({
      ok: false, problems: ['NIP "123": NIP must have 18 digits, found 3'], facts: [{ field: 'nip', value: '123', problem: { code: 'length', found: 3 } }],
    });
    expect(validateAsnFields({ nip: '123', nama: 'A', unit: 'B', telepon: '081311112222' }, 'id')).toMatchObject({ ok: false, problems: ['NIP "123": NIP harus 18 digit, ditemukan 3'] });
  });

  it('refuses to remove an ASN that has cases (the history keeps them)', () => {
    const { app, clock } = testApp();
    add(app, clock, ASN.budi.telegramId);
    expect(removeAsn(app, ASN.budi.nip, 'cli:humas')).toEqual({ ok: false, reason: 'has_cases', nip: ASN.budi.nip, cases: 1 });
    expect(app.registry.byNip(ASN.budi.nip)).toBeDefined();
  });

  it('a registry change made by another connection (the CLI) is seen', () => {
    const { app } = testApp();
    app.db.prepare(`UPDATE asn SET nama = 'Budi S.' WHERE nip = ?`).run(ASN.budi.nip);
    app.db.prepare(`UPDATE kv SET value = value + 1 WHERE key = 'asn_version'`).run();
    expect(getAsn(app, ASN.budi.nip)?.nama).toBe('Budi S.');
  });
});

describe('office: cases', () => {
  function withCases() {
    const t = testApp();
    add(t.app, t.clock, ASN.budi.telegramId);
    t.clock.advance(3_600_000);
    add(t.app, t.clock, ASN.sari.telegramId);
    return t;
  }

  it('lists with status, unit, platform, kind and period filters, newest first, with paging', () => {
    const { app, clock } = withCases();
    const all = listCases(app);
    expect(all.total).toBe(2);
    expect(all.rows.map((c) => c.asnName)).toEqual(['Sari Wulandari', 'Budi Santoso']);
    expect(all.rows[0]).toMatchObject({ unit: 'Dinas Kesehatan', chatTitle: CAMPAIGN_TG.title, status: 'open', kind: 'added' });
    expect(listCases(app, { unit: 'Dinas Pendidikan' }).rows.map((c) => c.asnNip)).toEqual([ASN.budi.nip]);
    expect(listCases(app, { platform: 'whatsapp' }).total).toBe(0);
    expect(listCases(app, { kind: 'mentioned' }).total).toBe(0);
    expect(listCases(app, { from: clock.now() - 60_000 }).rows.map((c) => c.asnNip)).toEqual([ASN.sari.nip]);
    expect(listCases(app, { to: clock.now() - 60_000 }).rows.map((c) => c.asnNip)).toEqual([ASN.budi.nip]);
    expect(listCases(app, { limit: 1, offset: 1 }).rows.map((c) => c.asnNip)).toEqual([ASN.budi.nip]);
    expect(listCases(app, { status: 'closed' }).total).toBe(0);
  });

  it('shows one case with its findings and messages', () => {
    const { app } = withCases();
    const id = listCases(app, { unit: 'Dinas Pendidikan' }).rows[0]!.id;
    const c = getCase(app, id)!;
    expect(c).toMatchObject({ id, asnName: 'Budi Santoso', findings: [{ kind: 'added', actorName: 'Korlap Timses' }] });
    expect(c.messages.map((m) => m.kind)).toContain('asn_alert');
    expect(getCase(app, 999)).toBeUndefined();
  });

  it('exempts and reopens like /kecualikan and /buka, audited with the actor', () => {
    const { app } = withCases();
    const id = listCases(app, { unit: 'Dinas Pendidikan' }).rows[0]!.id;
    expect(exemptCaseBy(app, id, '  ', 'cli:humas')).toEqual({ ok: false, reason: 'no_reason' });
    expect(exemptCaseBy(app, id, 'keluarga calon', 'cli:humas')).toMatchObject({ ok: true, incident: { status: 'exempted', statusReason: 'exempted {"note":"keluarga calon"}', statusBy: 'cli:humas' } });
    expect(exemptCaseBy(app, id, 'lagi', 'cli:humas')).toEqual({ ok: false, reason: 'not_open' });
    expect(listCases(app, { status: parseCaseStatus('exempt') }).rows.map((c) => c.id)).toEqual([id]);
    expect(listCases(app, { status: 'closed' }).rows.map((c) => c.id)).toEqual([id]);
    expect(reopenCaseBy(app, id, 'web:admin')).toMatchObject({ ok: true, incident: { status: 'open' } });
    expect(reopenCaseBy(app, 999, 'web:admin')).toEqual({ ok: false, reason: 'no_case' });
    expect(auditRows(app).map((r: any) => [r.actor, r.action, r.args, r.result])).toEqual([
      ['cli:humas', 'cases exempt', String(id), 'no_reason'],
      ['cli:humas', 'cases exempt', `${id} keluarga calon`, 'ok'],
      ['cli:humas', 'cases exempt', `${id} lagi`, 'not_open'],
      ['web:admin', 'cases reopen', String(id), 'ok'],
      ['web:admin', 'cases reopen', '999', 'no_case'],
    ]);
    const log = listAudit(app.db, { limit: 2 });
    expect(log.total).toBe(5);
    expect(log.rows.map((r) => r.args)).toEqual(['999', String(id)]);
    // The dashboard's filters: actor and action anywhere, case-insensitively, LIKE wildcards taken literally.
    expect(listAudit(app.db, { actor: 'WEB:' }).rows.map((r) => r.args)).toEqual(['999', String(id)]);
    expect(listAudit(app.db, { action: 'exempt', actor: 'cli' }).total).toBe(3);
    expect(listAudit(app.db, { action: '%' }).total).toBe(0);
    expect(listAudit(app.db, { action: 'cases_exempt' }).total).toBe(0);
  });
});
