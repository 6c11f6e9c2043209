/**
 * Every end of a guided self-report (`/lapor` with no text) is on the record, in the shape the silent-flow ending
 * already had (actor, action `retention`, why in `args`, `unfinished guided reports ended: 1; their evidence deleted:
 * N files, B bytes`): a flow the ASN cancels with `batal` (or the button), one the ASN restarts with `/lapor`, and one
 * dropped because the sender is no longer in the ASN registry. Before, these deleted the flow's evidence files with
 * no audit row. Over the loopback Bot API: telegraf polls the simulator (tests/support/telegram.ts); the photo is
 * fetched with getFile as telegraf's Telegram.getFileLink builds it (node_modules/telegraf/lib/telegram.js).
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimBot } from '../support/telegram.js';
import { callbackQuery, photoMessage, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { removeAsn } from '../../src/app/office/asn.js';
import { continueFlow } from '../../src/app/report-flow.js';
import { ASN, asn, dm, selfReportBots } from '../support/self-report.js';

const bots = selfReportBots();
/** An ASN trying things out sends more than 5 messages a minute: the flood guard (app/flood.ts) is widened here. */
const start = () => bots.start({ INBOUND_PRIVATE_PER_MINUTE: '100', INBOUND_PRIVATE_PER_HOUR: '1000' });

const toAsn = (b: SimBot) => b.sim.sent.filter((m) => m.chat_id === ASN.id);
async function say(b: SimBot, update: Record<string, unknown>): Promise<void> {
  const n = toAsn(b).length;
  b.sim.pushUpdate(update);
  await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
}
const endings = (b: SimBot) =>
  b.app.db.prepare(`SELECT actor, platform, action, allowed, args, result FROM audit WHERE result LIKE 'unfinished guided reports ended%' ORDER BY id`).all() as {
    actor: string; platform: string | null; action: string; allowed: number; args: string; result: string;
  }[];
const flowFiles = (b: SimBot): string[] => {
  const row = b.app.db.prepare(`SELECT data FROM report_flows`).pluck().get() as string | undefined;
  return row ? (JSON.parse(row) as { files: { path: string }[] }).files.map((f) => f.path) : [];
};

/** Opens a guided report and puts one 1,234-byte screenshot into it; returns the stored file's path. */
async function flowWithPhoto(b: SimBot): Promise<string> {
  await say(b, textMessage(dm, ASN, '/lapor'));
  await say(b, callbackQuery(ASN, 'lapor:what:added'));
  await say(b, callbackQuery(ASN, 'lapor:where:whatsapp'));
  await say(b, photoMessage(dm, ASN, b.sim.addFile(Buffer.alloc(1234, 7), { ext: 'jpg' })));
  const files = flowFiles(b);
  expect(files).toHaveLength(1);
  expect(existsSync(files[0]!)).toBe(true);
  return files[0]!;
}

describe('guided self-report endings on the record', () => {
  it('batal, the cancel button and a second /lapor each write one audit row naming the ASN, with the evidence deleted', { timeout: 90_000 }, async () => {
    const b = await start();
    const first = await flowWithPhoto(b);
    await say(b, textMessage(dm, ASN, 'batal'));
    expect(toAsn(b).at(-1)!.text).toMatch(/Laporan dibatalkan/);
    expect(existsSync(first)).toBe(false);
    const second = await flowWithPhoto(b);
    await say(b, callbackQuery(ASN, 'lapor:cancel'));
    expect(existsSync(second)).toBe(false);
    const third = await flowWithPhoto(b);
    await say(b, textMessage(dm, ASN, '/lapor'));
    expect(existsSync(third)).toBe(false);
    const row = (args: string) => ({ actor: 'tg:5101', platform: 'telegram', action: 'retention', allowed: 1, args, result: 'unfinished guided reports ended: 1; their evidence deleted: 1 file, 1234 bytes' });
    expect(endings(b)).toEqual([row('guided report cancelled by the ASN'), row('guided report cancelled by the ASN'), row('guided report restarted by the ASN')]);
    // The restarted flow is open; a cancel without files is on the record too.
    await say(b, textMessage(dm, ASN, 'Batal'));
    expect(endings(b).at(-1)).toEqual({ ...row('guided report cancelled by the ASN'), result: 'unfinished guided reports ended: 1; their evidence deleted: 0 files, 0 bytes' });
  });

  it('removing the ASN from the registry ends their open flow on the record (before: FOREIGN KEY constraint failed, nothing removed)', { timeout: 90_000 }, async () => {
    const b = await start();
    const file = await flowWithPhoto(b);
    const r = removeAsn(b.app, asn[0]!.nip, 'cli:operator');
    expect(r.ok).toBe(true);
    expect(b.app.registry.byNip(asn[0]!.nip)).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM report_flows`).pluck().get()).toBe(0);
    expect(endings(b)).toEqual([
      { actor: 'cli:operator', platform: 'telegram', action: 'retention', allowed: 1, args: 'guided report of an ASN removed from the registry', result: 'unfinished guided reports ended: 1; their evidence deleted: 1 file, 1234 bytes' },
    ]);
    expect(b.app.db.prepare(`SELECT action, result FROM audit WHERE action = 'asn remove'`).all()).toEqual([{ action: 'asn remove', result: 'ok' }]);
  });

  it('a flow whose sender no longer resolves to an ASN (the adapter passes no ASN) is dropped on the record (actor system)', { timeout: 90_000 }, async () => {
    // The adapters pass reporterAsn(sender) (app/self-report.ts); a sender whose handle no longer names an ASN gets undefined.
    const b = await start();
    const file = await flowWithPhoto(b);
    expect(await continueFlow(b.app, 'telegram', String(ASN.id), undefined, { text: 'Dimasukkan ke grup oleh 0812' })).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM report_flows`).pluck().get()).toBe(0);
    expect(endings(b)).toEqual([
      { actor: 'system', platform: 'telegram', action: 'retention', allowed: 1, args: 'guided report of a sender no longer in the ASN registry', result: 'unfinished guided reports ended: 1; their evidence deleted: 1 file, 1234 bytes' },
    ]);
  });
});
