/**
 * A case's closing reason in one language (issue 24 point 1): every writer stores a code with its facts
 * (core/messages/case-reason.ts), so a database written while LANGUAGE=id reads in English once the
 * office switches, and the other way round; reasons stored as Indonesian sentences before the codes
 * read as they were stored. Driven through telegraf polling the loopback Bot API simulator over HTTP
 * (the leave is a `left_chat_member` service message, which telegraf hands to the adapter as any
 * `message` update: node_modules/telegraf/lib/composer.js, `Composer.on`); the same database file is then
 * opened by a second bot in the other language and read through `/kasus`, the dashboard's case page
 * (loopback HTTP after signing in) and the dossier.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDossier } from '../../../src/app/evidence/dossier.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { leftChatMember, newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startDashboard } from '../../../src/web/server.js';
import { pdfText } from '../../support/pdf.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';
import { freePort, linkFromBot, signIn } from '../../web/support.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const BUDI_ASN = { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId };
const GROUPS = [1, 2, 3, 4].map((n) => ({ id: -100123456789 * 10 - n, title: `Relawan Paslon ${n} Pilgub Sumsel`, type: 'supergroup' as const }));
const dm = (u: SimUser) => ({ id: u.id, type: 'private' as const });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function bot(dbPath: string, lang: 'id' | 'en', port?: number): Promise<SimBot> {
  const b = await startSimBot({
    overrides: { DATABASE_PATH: dbPath, LANGUAGE: lang, ...(port ? { DASHBOARD_PORT: String(port) } : {}) },
    asn: [BUDI_ASN],
    started: [ADMIN, BUDI],
    perChatGapMs: 5,
  });
  let stopped = false;
  const stop = async () => {
    if (!stopped) await b.stop();
    stopped = true;
  };
  cleanups.push(stop);
  return { ...b, stop };
}

/** `/kasus <n>` from the Humas admin; the "Keterangan:"/"Note:" line of the reply. */
async function noteOf(b: SimBot, caseId: number, label: 'Keterangan' | 'Note'): Promise<string | undefined> {
  const { textsTo, waitText } = simChats(() => b.sim);
  b.sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, `/kasus ${caseId}`));
  const head = label === 'Note' ? `Case #${caseId} (` : `Kasus #${caseId} (`;
  await waitText(ADMIN.id, head);
  const reply = textsTo(ADMIN.id).filter((t) => t.startsWith(head)).at(-1)!;
  return reply.split('\n').find((l) => l.startsWith(`${label}: `));
}

describe('closing reasons: stored as codes, read in the reader’s language', () => {
  it('written under LANGUAGE=id, read under LANGUAGE=en in /kasus, the dashboard and the dossier; an old Indonesian reason unchanged', { timeout: 90_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-reason-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'jaga-netral.db');

    // Indonesian office: four cases, closed four ways.
    const id = await bot(dbPath, 'id');
    const { waitText } = simChats(() => id.sim);
    // One ASN in four groups within the hour: Humas reads the first three alone and the fourth in the ASN's summary
    // (app/humas-asn-holds.ts), so the fourth case is awaited in the store (each group's reminder wakes the wait).
    for (const [i, g] of GROUPS.entries()) {
      id.sim.pushUpdate(newChatMembers(g, TIMSES, [BUDI]));
      if (i < 3) await waitText(ADMIN.id, `Kasus #${i + 1}`);
      else await id.sim.waitFor(() => id.app.monitor.incidents.get(i + 1) !== undefined, 5000);
    }
    // #1: Budi leaves, seen by the bot.
    id.sim.pushUpdate(leftChatMember(GROUPS[0]!, BUDI, BUDI));
    await id.sim.waitFor(() => id.app.monitor.incidents.get(1)?.status === 'left', 5000);
    // #2: Humas confirms a leave the bot could not see.
    id.sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/sudahkeluar 2'));
    await waitText(ADMIN.id, 'Kasus #2 ditutup');
    // #3: exempted, in the admin's own words.
    id.sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/kecualikan 3 suami calon, hadir sebagai keluarga'));
    await waitText(ADMIN.id, 'Kasus #3 dikecualikan');
    // #4: closed by an older version, which stored the Indonesian sentence itself.
    id.app.db.prepare(`UPDATE incidents SET status = 'left', resolved_at = opened_at + 60000, status_reason = 'ASN keluar dari grup' WHERE id = 4`).run();

    const stored = id.app.db.prepare(`SELECT id, status, status_reason AS reason, status_by AS "by" FROM incidents ORDER BY id`).all();
    expect(stored).toEqual([
      { id: 1, status: 'left', reason: 'left', by: null },
      { id: 2, status: 'left', reason: 'left_by_humas', by: 'tg:9001' },
      { id: 3, status: 'exempted', reason: 'exempted {"note":"suami calon, hadir sebagai keluarga"}', by: 'tg:9001' },
      { id: 4, status: 'left', reason: 'ASN keluar dari grup', by: null },
    ]);
    expect(await noteOf(id, 1, 'Keterangan')).toBe('Keterangan: ASN keluar dari grup');
    expect(await noteOf(id, 2, 'Keterangan')).toBe('Keterangan: keluar, dikonfirmasi Humas (tg:9001)');
    expect(await noteOf(id, 3, 'Keterangan')).toBe('Keterangan: suami calon, hadir sebagai keluarga (tg:9001)');
    await id.stop();

    // The office switches to English: the same file, read by a new bot.
    const port = await freePort();
    const en = await bot(dbPath, 'en', port);
    expect(await noteOf(en, 1, 'Note')).toBe('Note: the ASN left the group');
    expect(await noteOf(en, 2, 'Note')).toBe('Note: left, confirmed by Humas (tg:9001)');
    expect(await noteOf(en, 3, 'Note')).toBe('Note: suami calon, hadir sebagai keluarga (tg:9001)');
    expect(await noteOf(en, 4, 'Note')).toBe('Note: ASN keluar dari grup');

    // The dashboard's case page.
    const dash = await startDashboard(en.app);
    cleanups.push(() => dash.close());
    const cookie = await signIn(await linkFromBot(en.app));
    const reasonCell = async (n: number): Promise<string | undefined> => {
      const page = await (await fetch(`${dash.url}/kasus/${n}`, { headers: { cookie } })).text();
      return /<dt>Status reason<\/dt><dd>([^<]*)<\/dd>/.exec(page)?.[1];
    };
    expect(await reasonCell(1)).toBe('the ASN left the group');
    expect(await reasonCell(2)).toBe('left, confirmed by Humas');
    expect(await reasonCell(4)).toBe('ASN keluar dari grup');

    // The dossier's timeline.
    const dossier = await makeDossier(en.app, { kind: 'case', id: 2 }, { actor: 'test' });
    expect(dossier.ok).toBe(true);
    const text = pdfText((dossier as { pdf: Buffer }).pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Budi Santoso left the group (left, confirmed by Humas; tg:9001); case closed.');
    expect(text).not.toContain('dikonfirmasi');
  });
});
