import { describe, expect, it } from 'vitest';
import type { MembershipChecker } from '../../../src/app/ports.js';
import { scanGroupMembers, SCAN_TRIES } from '../../../src/platforms/telegram/membership-scan.js';
import { ASN, CAMPAIGN_TG, testApp } from '../../support/app.js';

/** A checker that answers from a script per user (undefined = Telegram did not answer). */
function scripted(answers: Record<string, (boolean | undefined)[]>): MembershipChecker & { asked: string[] } {
  const asked: string[] = [];
  return {
    platform: 'telegram',
    asked,
    isMember: async (_chat, user) => {
      asked.push(user);
      const queue = answers[user] ?? [false];
      return queue.length > 1 ? queue.shift() : queue[0];
    },
  };
}

function campaignWithScan() {
  const { app } = testApp();
  app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c', at: 1, chat: CAMPAIGN_TG });
  app.monitor.chats.scans.request('telegram', CAMPAIGN_TG.id, 1);
  return app;
}

describe('Telegram membership scan', () => {
  it('retries a check Telegram did not answer instead of skipping the ASN', async () => {
    const app = campaignWithScan();
    const checker = scripted({ [ASN.budi.telegramId]: [undefined, undefined, true] });
    const scan = app.monitor.chats.scans.pending('telegram')[0]!;
    expect(await scanGroupMembers({ app, checker, scan, intervalMs: 1 })).toBe(1);
    expect(app.monitor.incidents.listOpen().map((c) => c.asnNip)).toEqual([ASN.budi.nip]);
    expect(app.monitor.chats.scans.pending('telegram')).toEqual([]);
  });

  it('when Telegram keeps failing the scan stops, stays pending and resumes at that ASN', async () => {
    const app = campaignWithScan();
    // NIP order: Budi (1985...), Dedi has no Telegram id, Sari (1990...).
    const failing = scripted({ [ASN.sari.telegramId]: [undefined] });
    const scan = app.monitor.chats.scans.pending('telegram')[0]!;
    await scanGroupMembers({ app, checker: failing, scan, intervalMs: 1 });
    expect(failing.asked.filter((u) => u === ASN.sari.telegramId)).toHaveLength(SCAN_TRIES);
    const left = app.monitor.chats.scans.pending('telegram');
    expect(left).toEqual([expect.objectContaining({ afterNip: ASN.budi.nip })]);
    const ok = scripted({ [ASN.sari.telegramId]: [true] });
    expect(await scanGroupMembers({ app, checker: ok, scan: left[0]!, intervalMs: 1 })).toBe(1);
    expect(ok.asked).toEqual([ASN.sari.telegramId]);
    expect(app.monitor.chats.scans.pending('telegram')).toEqual([]);
  });

  it('unmarking the group or the bot leaving cancels its pending scan', () => {
    const app = campaignWithScan();
    app.monitor.chats.setCampaign('telegram', CAMPAIGN_TG.id, { campaign: false, reason: 'dilepas', source: 'admin' }, 2);
    expect(app.monitor.chats.scans.pending('telegram')).toEqual([]);
    app.monitor.chats.setCampaign('telegram', CAMPAIGN_TG.id, { campaign: true, reason: 'ditandai', source: 'admin' }, 3);
    expect(app.monitor.chats.scans.pending('telegram')).toHaveLength(1);
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'left', at: 4, chat: CAMPAIGN_TG, joined: false });
    expect(app.monitor.chats.scans.pending('telegram')).toEqual([]);
  });
});
