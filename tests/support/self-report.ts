/**
 * The cast of the Telegram self-report tests (tests/selfreport, tests/ocr): one registered ASN, one Humas
 * admin, and the bots a test file starts, stopped after each test.
 */
import { afterEach } from 'vitest';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import type { SimUser } from '../../src/platforms/sim/telegram-server.js';
import { startSimBot, type SimBot } from './telegram.js';

export const ASN: SimUser = { id: 5101, first_name: 'Siti' };
export const HUMAS: SimUser = { id: 9001, first_name: 'Humas' };
export const asn = [{ nip: '198703122010012003' as Nip, nama: 'Siti Rahmawati', unit: 'Dinas Pendidikan', phone: '+6281311112222' as PhoneE164, telegramId: '5101' as TgUserId }];
/** The ASN's private chat with the bot. */
export const dm = { id: ASN.id, type: 'private' as const };

/** Starts bots with the cast above and stops them after each test; `forget` a bot a test stopped itself, `track` one it started another way. */
export function selfReportBots(): { start(overrides?: Record<string, string>): Promise<SimBot>; track(b: SimBot): void; forget(b: SimBot): void } {
  const bots = new Set<SimBot>();
  afterEach(async () => {
    for (const b of bots) await b.stop().catch(() => undefined);
    bots.clear();
  });
  return {
    async start(overrides = {}) {
      const b = await startSimBot({ asn, started: [ASN, HUMAS], overrides, perChatGapMs: 1 });
      bots.add(b);
      return b;
    },
    track: (b) => void bots.add(b),
    forget: (b) => void bots.delete(b),
  };
}
