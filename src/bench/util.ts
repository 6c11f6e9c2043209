/** Small helpers shared by the benchmarks. */
import { rmSync } from 'node:fs';
import type { App } from '../app/app.js';
import type { Nip, PhoneE164, TgUserId } from '../core/ids.js';
import type { TelegramSimServer } from '../platforms/sim/telegram-server.js';
import type { TelegramAdapter } from '../platforms/telegram/adapter.js';
import { benchNip } from './registry-bench.js';

/** One printed line of `npm run bench`. */
export type BenchResult = { name: string; value: string; target: string; ok: boolean };

/** Waits `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The q-quantile (0..1) of a sample, NaN when empty. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

/**
 * Registers `count` fictional ASN with valid, distinct NIPs, phones `+62812<phoneBase + i>` and
 * Telegram ids `tgIdBase + i`, the same way in every benchmark.
 */
export function seedBenchAsn(app: App, count: number, o: { phoneBase: number; tgIdBase: number }): void {
  app.registry.upsertMany(
    Array.from({ length: count }, (_, i) => ({
      nip: benchNip(i) as Nip,
      nama: `ASN ${i}`,
      unit: `Dinas ${i % 20}`,
      phone: `+62812${String(o.phoneBase + i)}` as PhoneE164,
      telegramId: String(o.tgIdBase + i) as TgUserId,
    })),
    Date.now(),
  );
}

/** Stops a benchmark's bot on the Telegram simulator and removes its directory. */
export async function stopSimBot(b: { sim: TelegramSimServer; adapter: TelegramAdapter; app: App; dir: string }): Promise<void> {
  b.sim.onSent = undefined;
  await b.adapter.stop();
  await b.app.close();
  await b.sim.close();
  rmSync(b.dir, { recursive: true, force: true });
}
