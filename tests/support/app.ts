/** Test support: an App on an in-memory database with a movable clock and a few registered ASN. */
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import type { ChatRef } from '../../src/core/types.js';

/** A clock tests can move. */
export class FakeClock {
  constructor(public t = Date.UTC(2024, 10, 4, 3, 0, 0)) {}
  now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Three fictional ASN of Pemkab OKU; Budi and Sari started the Telegram bot, Dedi did not. */
export const ASN = {
  budi: { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' },
  sari: { nip: '199001252015032001' as Nip, nama: 'Sari Wulandari', unit: 'Dinas Kesehatan', phone: '+6281298765432' as PhoneE164, telegramId: '5002' as TgUserId, telegramUsername: 'sariwulan' },
  dedi: { nip: '198807142012121002' as Nip, nama: 'Dedi Kurniawan', unit: 'BPKAD', phone: '+6285212345678' as PhoneE164, telegramUsername: 'dedik' },
};

/** The campaign group of the DESIGN.md story, on Telegram. */
export const CAMPAIGN_TG: ChatRef = { platform: 'telegram', id: '-1001234567890', title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' };
/** An ordinary group. */
export const ARISAN_TG: ChatRef = { platform: 'telegram', id: '-1009876543210', title: 'Arisan RT 05', type: 'supergroup' };

/** Builds a test App with overrides on top of safe defaults. */
export function testApp(overrides: Record<string, string> = {}, clock = new FakeClock()): { app: App; clock: FakeClock } {
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001,wa:6281111111111', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off', ...overrides },
  });
  const app = new App({ config, clock: clock.now });
  app.registry.upsertMany(Object.values(ASN), clock.now());
  return { app, clock };
}
