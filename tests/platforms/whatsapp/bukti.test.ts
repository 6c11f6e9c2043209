/**
 * `/bukti N` on WhatsApp, through Baileys' own message shapes: the Humas admin's private `conversation`
 * message arrives as a proto.WebMessageInfo through the fake socket's event path (makeEventBuffer and
 * processMessage), the command runner checks the admin, and the dossier PDF goes back through the outbox
 * and the WhatsApp sender as the content Baileys' sendMessage takes for a document (`{ document, fileName,
 * mimetype, caption }`, which node_modules/@whiskeysockets/baileys/lib/Utils/messages.js
 * generateWAMessageContent turns into a documentMessage; the fake socket records that content as given).
 * The command is the same table entry on both platforms (src/app/commands/evidence.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import { pdfText } from '../../support/pdf.js';
import { startBotWithAlert } from '../../support/whatsapp.js';
import { ADMIN_WA, ASN1, ASN1_LID, ASN1_PN, drainAll, fakeClock } from '../../fixtures/whatsapp/setup.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

describe('/bukti on WhatsApp', () => {
  it('sends the case dossier as a PDF document to a Humas admin; an ASN is refused; both audited', { timeout: 60_000 }, async () => {
    const clock = fakeClock();
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-bukti-'));
    const { app, fake, wa } = await startBotWithAlert(clock, stops, { extra: { DATABASE_PATH: join(dir, 'jn.db') } });
    const caseId = (app.db.prepare(`SELECT id FROM incidents`).get() as { id: number }).id;
    const before = fake.sent.length;

    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'BK1', text: `/bukti ${caseId}`, at: clock.now }));
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'BK2', text: '/bukti 99', at: clock.now }));
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'BK3', text: `/bukti ${caseId}`, at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const after = fake.sent.slice(before);

    const toAsn = after.filter((s) => s.jid === ASN1_PN);
    expect(toAsn).toHaveLength(1);
    expect(toAsn[0]!.content['document']).toBeUndefined();
    expect(toAsn[0]!.content['text']).toMatch(/admin Humas/);

    const toAdmin = after.filter((s) => s.jid === ADMIN_WA);
    expect(toAdmin.map((s) => s.content['text'] ?? s.content['fileName'])).toEqual([
      'Kasus #99 tidak ditemukan. Tulis: /bukti <nomor kasus>, misalnya /bukti 12',
      expect.stringMatching(new RegExp(`^Berkas bukti kasus #${caseId} terlampir\\.\\nSHA-256 berkas: [0-9a-f]{64}\\n`)),
      `dossier-kasus-${caseId}.pdf`,
    ]);
    const doc = toAdmin[2]!.content;
    expect(doc).toMatchObject({ mimetype: 'application/pdf', caption: `Berkas bukti kasus #${caseId}` });
    const text = pdfText(doc['document'] as Buffer);
    for (const part of [ASN1.nama, ASN1.nip, 'Relawan Paslon 2 Pilgub Sumsel', 'Pasal 70']) expect(text).toContain(part);
    // Without "telepon" the dossier leaves the ASN's phone out.
    expect(text).not.toContain(ASN1.phone);

    const audit = app.db.prepare(`SELECT actor, action, allowed, result FROM audit WHERE action IN ('/bukti', 'dossier') ORDER BY id`).all() as { actor: string; action: string; allowed: number; result: string }[];
    expect(audit.filter((a) => a.action === 'dossier').map((a) => [a.actor, a.result.slice(0, 13)])).toEqual([[`wa:${ADMIN_WA}`, 'not_found'], [`wa:${ADMIN_WA}`, 'ok {"sha256":']]);
    expect(audit.filter((a) => a.action === '/bukti' && a.allowed === 0).map((a) => a.actor)).toEqual([`wa:${ASN1_PN}`]);
  });
});
