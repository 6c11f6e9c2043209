/**
 * The guided report's last step (`lapor:send`) names a file that no longer fitted the ASN's daily evidence
 * allowance with the allowance itself (EVIDENCE_MB_PER_DAY), as every other step does: the call site passed no
 * quota and the line read "(? MB dalam 24 jam ...)". Through telegraf over HTTP to the loopback Bot API: a document
 * over the allowance sent at the confirmation with the caption "kirim" (the typed word for the send button), whose
 * declared file_size the adapter weighs before any download (src/platforms/telegram/adapter.ts).
 */
import { describe, expect, it } from 'vitest';
import type { SimSentMessage } from '../../src/platforms/sim/telegram-server.js';
import { callbackQuery, documentMessage, textMessage } from '../../src/platforms/sim/telegram-updates.js';
import type { SimBot } from '../support/telegram.js';
import { ASN, dm, selfReportBots } from '../support/self-report.js';

const { start } = selfReportBots();
const toAsn = (b: SimBot): SimSentMessage[] => b.sim.sent.filter((m) => m.chat_id === ASN.id);
async function say(b: SimBot, update: Record<string, unknown>): Promise<void> {
  const n = toAsn(b).length;
  b.sim.pushUpdate(update);
  await b.sim.waitFor(() => toAsn(b).length > n, 10_000);
}

/** Runs the flow to its confirmation, then sends a 1.5 MB document captioned "kirim"; returns the receipt's text. */
async function sendOverAllowance(b: SimBot, note: string): Promise<string> {
  await say(b, textMessage(dm, ASN, '/lapor'));
  await say(b, callbackQuery(ASN, 'lapor:what:added'));
  await say(b, callbackQuery(ASN, 'lapor:where:whatsapp'));
  await say(b, textMessage(dm, ASN, note));
  await say(b, callbackQuery(ASN, 'lapor:next'));
  const file = b.sim.addFile(Buffer.alloc(1_500_000, 1), { ext: 'pdf' });
  b.sim.pushUpdate(documentMessage(dm, ASN, file, { caption: 'kirim', fileName: 'tangkapan.pdf', mimeType: 'application/pdf' }));
  await b.sim.waitFor(() => toAsn(b).some((m) => m.method === 'sendMessage' && /JN-\d{4}-\d{6}/.test(m.text ?? '')), 20_000);
  return toAsn(b).find((m) => m.method === 'sendMessage' && /JN-\d{4}-\d{6}/.test(m.text ?? ''))!.text!;
}

describe('the send step names the daily evidence allowance', () => {
  it('Indonesian: "1 MB dalam 24 jam", never "? MB"; the report is recorded without the file', { timeout: 60_000 }, async () => {
    const b = await start({ EVIDENCE_MB_PER_DAY: '1' });
    const receipt = await sendOverAllowance(b, 'Dimasukkan ke grup "Relawan Maju" oleh 081234567890');
    expect(receipt).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 melebihi batas bukti per ASN (1 MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih).');
    expect(receipt).not.toContain('?');
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM self_reports`).pluck().get()).toBe(1);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM self_report_evidence WHERE kind <> 'text'`).pluck().get()).toBe(0);
  });

  it('English (LANGUAGE=en): "1 MB in 24 hours"', { timeout: 60_000 }, async () => {
    const b = await start({ EVIDENCE_MB_PER_DAY: '1', LANGUAGE: 'en' });
    const receipt = await sendOverAllowance(b, 'Added to the group "Relawan Maju" by 081234567890');
    expect(receipt).toContain('Sorry, 1 file was not kept: 1 over the evidence limit per ASN (1 MB in 24 hours; the report is recorded all the same, contact Humas to send more).');
  });
});
