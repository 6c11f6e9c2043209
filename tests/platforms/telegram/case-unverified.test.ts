/**
 * A case opened on a Telegram username-only match (the registry has Budi's username and no Telegram id, so the
 * account behind "@budi_s" may be anyone's: core/detect.ts unverifiedMatch, table incident_unverified) is marked
 * "⚠️ belum terverifikasi (@budi_s)" wherever Humas reads one case, as the summaries mark their lines: `/kasus N` and
 * the `/kasus` list, the answer to a plain reply to Humas' summary of one ASN (app/admin-text.ts), the dashboard's
 * case page and case list with its JSON (loopback HTTP after signing in) and the dossier (read back from the PDF). A case matched by Telegram id
 * (Ani) is not marked anywhere. Driven through telegraf polling the loopback Bot API simulator: the additions are
 * `new_chat_members` service messages, which telegraf hands to the adapter as any `message` update
 * (node_modules/telegraf/lib/composer.js, `Composer.on`); the reply carries the bot's message in `reply_to_message`
 * (node_modules/@telegraf/types/message.d.ts, Message.reply_to_message). The bot sends plain text (no parse_mode), so
 * the username is quoted as any stranger's text there (core/text/quote.ts); the dashboard escapes it as HTML.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDossier } from '../../../src/app/evidence/dossier.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { startDashboard } from '../../../src/web/server.js';
import { pdfText } from '../../support/pdf.js';
import { simChats, startSimBot, type SimBot } from '../../support/telegram.js';
import { freePort, linkFromBot, signIn } from '../../web/support.js';

const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };
const ANI: SimUser = { id: 5002, first_name: 'Ani', username: 'ani_r' };
// Budi's record has his username only; Ani's has her Telegram id.
const BUDI_ASN = { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramUsername: 'budi_s' };
const ANI_ASN = { nip: '199001012015012002' as Nip, nama: 'Ani Rahma', unit: 'Dinas Kesehatan', phone: '+6281234567891' as PhoneE164, telegramId: '5002' as TgUserId };
const group = (n: number) => ({ id: -1001234500100 - n, title: `Relawan Paslon 2 Desa ${n}`, type: 'supergroup' as const });
const dm = (u: SimUser) => ({ id: u.id, type: 'private' as const });
const MARK = '⚠️ belum terverifikasi (@budi_s)';

let b: SimBot | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await b?.stop();
  b = undefined;
});

/**
 * #1: Ani, matched by her Telegram id. #2..#6: Budi, by his username alone, in five groups: three alerts alone, the
 * other two in Humas' summary of one ASN (app/humas-asn-holds.ts), released at once as at the end of a replay.
 */
async function fiveUnverifiedCases(dashboard = false) {
  const port = dashboard ? await freePort() : undefined;
  b = await startSimBot({ overrides: port ? { DASHBOARD_PORT: String(port) } : {}, asn: [BUDI_ASN, ANI_ASN], started: [ADMIN, ANI], perChatGapMs: 5 });
  const { sim, app } = b;
  const chats = simChats(() => sim);
  const count = () => app.db.prepare(`SELECT COUNT(*) FROM incidents`).pluck().get() as number;
  sim.pushUpdate(newChatMembers(group(0), TIMSES, [ANI]));
  await sim.waitFor(() => count() === 1, 5000);
  for (let i = 1; i <= 5; i++) sim.pushUpdate(newChatMembers(group(i), TIMSES, [BUDI]));
  await sim.waitFor(() => count() === 6, 10_000);
  expect(app.monitor.incidents.unverifiedOf(1)).toBeUndefined();
  for (let id = 2; id <= 6; id++) expect(app.monitor.incidents.unverifiedOf(id)?.username).toBe('budi_s');
  app.releaseSummaries(Date.now(), true);
  app.dispatcher.wake();
  await chats.waitText(ADMIN.id, '⚠️ Satu ASN ditemukan di 2 grup lain sekaligus');
  const summary = sim.sent.find((m) => m.chat_id === ADMIN.id && (m.text ?? '').startsWith('⚠️ Satu ASN ditemukan'))!;
  return { sim, app, summary, ...chats };
}

describe('a case matched by Telegram username alone, read by Humas one case at a time', () => {
  it('/kasus N marks the ASN line "belum terverifikasi (@username)", and the /kasus list marks its lines; a verified case is not marked', { timeout: 30_000 }, async () => {
    const { sim, app, textsTo, waitText } = await fiveUnverifiedCases();
    const detail = async (n: number): Promise<string> => {
      sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, `/kasus ${n}`));
      await waitText(ADMIN.id, `Kasus #${n} (`);
      return textsTo(ADMIN.id).filter((t) => t.startsWith(`Kasus #${n} (`)).at(-1)!;
    };
    expect((await detail(5)).split('\n')).toContain(`ASN: Budi Santoso (NIP ${BUDI_ASN.nip}), Dinas Pendidikan, ${MARK}`);
    expect(await detail(1)).not.toContain('terverifikasi');

    // The list's marks come with its one query of open cases (a join), not one IncidentStore.unverifiedOf per row.
    const perRow = vi.spyOn(app.monitor.incidents, 'unverifiedOf');
    sim.pushUpdate(textMessage(dm(ADMIN), ADMIN, '/kasus'));
    await waitText(ADMIN.id, '#6 Budi Santoso');
    expect(perRow).not.toHaveBeenCalled();
    perRow.mockRestore();
    const list = textsTo(ADMIN.id).filter((t) => t.includes('#6 Budi Santoso')).at(-1)!.split('\n');
    expect(list.find((l) => l.startsWith('#1 '))).not.toContain('terverifikasi');
    for (let id = 2; id <= 6; id++) expect(list.find((l) => l.startsWith(`#${id} Budi Santoso`))!.endsWith(`, ${MARK}`)).toBe(true);
  });

  it("a plain reply to Humas' summary lists its cases, each marked, and changes nothing", { timeout: 30_000 }, async () => {
    const { sim, app, summary, textsTo, waitText } = await fiveUnverifiedCases();
    const before = app.db.prepare(`SELECT group_concat(status) FROM incidents`).pluck().get();
    const reply = textMessage(dm(ADMIN), ADMIN, 'yang ini tolong dicek');
    (reply['message'] as Record<string, unknown>)['reply_to_message'] = {
      message_id: summary.message_id, date: Math.floor(Date.now() / 1000), chat: dm(ADMIN), from: { ...sim.bot, is_bot: true }, text: summary.text,
    };
    // The reply's cases come with their marks in the list's one query (app/admin-text.ts repliedCases), not one read per case.
    const reads = [vi.spyOn(app.monitor.incidents, 'get'), vi.spyOn(app.monitor.incidents, 'unverifiedOf')];
    sim.pushUpdate(reply);
    await waitText(ADMIN.id, 'Pesan yang Anda balas memuat 2 kasus:');
    for (const r of reads) {
      expect(r.mock.calls.map(([id]) => id).filter((id) => id === 5 || id === 6)).toEqual([]);
      r.mockRestore();
    }
    const answer = textsTo(ADMIN.id).find((t) => t.includes('Pesan yang Anda balas memuat 2 kasus:'))!;
    expect(answer).toContain(`#5 "Relawan Paslon 2 Desa 4" (Budi Santoso), ${MARK}\n`);
    expect(answer).toContain(`#6 "Relawan Paslon 2 Desa 5" (Budi Santoso), ${MARK}\n`);
    expect(app.db.prepare(`SELECT group_concat(status) FROM incidents`).pluck().get()).toBe(before);
  });

  it("the dashboard's case page marks the ASN after a real sign-in; a verified case is not marked", { timeout: 30_000 }, async () => {
    const { app } = await fiveUnverifiedCases(true);
    const dash = await startDashboard(app);
    cleanups.push(() => dash.close());
    const cookie = await signIn(await linkFromBot(app));
    const asnCell = async (n: number): Promise<string | undefined> => {
      const page = await (await fetch(`${dash.url}/kasus/${n}`, { headers: { cookie } })).text();
      return /<dt>Nama ASN<\/dt><dd>(.*?)<\/dd>/.exec(page)?.[1];
    };
    expect(await asnCell(3)).toBe(`Budi Santoso <strong class="unverified">${MARK}</strong>`);
    expect(await asnCell(1)).toBe('Ani Rahma');
  });

  it("the dashboard's case list (/kasus) and /api/kasus mark the cases after a real sign-in, read with the page in one query", { timeout: 30_000 }, async () => {
    const { app } = await fiveUnverifiedCases(true);
    const dash = await startDashboard(app);
    cleanups.push(() => dash.close());
    const cookie = await signIn(await linkFromBot(app));
    // The marks come with the page's rows (a join in its one query), not one read per row (IncidentStore.unverifiedOf).
    const seen: string[] = [];
    const prepare = app.db.prepare.bind(app.db);
    app.db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof app.db.prepare;
    const perRow = vi.spyOn(app.monitor.incidents, 'unverifiedOf');
    try {
      const page = await (await fetch(`${dash.url}/kasus`, { headers: { cookie } })).text();
      const asnCell = (n: number) => new RegExp(`<td data-label="No."><a href="/kasus/${n}">#${n}</a></td><td data-label="Status">.*?</td><td data-label="Nama ASN">(.*?)</td>`).exec(page)?.[1];
      for (let n = 2; n <= 6; n++) expect(asnCell(n)).toBe(`<a href="/kasus/${n}">Budi Santoso</a> <strong class="unverified">${MARK}</strong>`);
      expect(asnCell(1)).toBe('<a href="/kasus/1">Ani Rahma</a>');
      const api = (await (await fetch(`${dash.url}/api/kasus`, { headers: { cookie } })).json()) as { cases: { id: number; unverifiedUsername: string | null }[] };
      expect(api.cases.map((c) => [c.id, c.unverifiedUsername])).toEqual([[6, 'budi_s'], [5, 'budi_s'], [4, 'budi_s'], [3, 'budi_s'], [2, 'budi_s'], [1, null]]);
    } finally {
      app.db.prepare = prepare;
      perRow.mockRestore();
    }
    expect(perRow).not.toHaveBeenCalled();
    expect(seen.filter((sql) => /\bFROM incidents i\b.*\bLEFT JOIN incident_unverified u ON u\.incident_id = i\.id\b/s.test(sql)).length).toBeGreaterThanOrEqual(1);
    expect(seen.filter((sql) => /\bincident_unverified\b/.test(sql) && /\bWHERE incident_id = \?/.test(sql))).toEqual([]);
  });

  it('the dossier, read back from its PDF, marks the ASN involved; a verified case is not marked', { timeout: 30_000 }, async () => {
    const { app } = await fiveUnverifiedCases();
    const dossierText = async (n: number): Promise<string> => {
      const d = await makeDossier(app, { kind: 'case', id: n }, { actor: 'test' });
      expect(d.ok).toBe(true);
      return pdfText((d as { pdf: Buffer }).pdf).replace(/\s+/g, ' ');
    };
    // The PDF drops invisible format characters (pdf/document.ts), the emoji's variation selector U+FE0F among them.
    expect(await dossierText(2)).toContain(`Telepon: (tidak dicantumkan) Identitas: ${MARK.replace('\uFE0F', '')}`);
    expect(await dossierText(1)).not.toContain('terverifikasi');
  });
});
