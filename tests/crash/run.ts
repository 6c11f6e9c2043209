/**
 * Crash harness (`npm run test:crash`): the real bot process against the
 * loopback Bot API simulator, SIGKILLed at random moments while 5,000 updates
 * flow, restarted each time, then drained. Checks every expected ASN finding
 * became exactly one incident, every due message was delivered (or marked
 * undeliverable for ASN who never started the bot), and that duplicates in the
 * simulator's send log are bounded by the number of kills.
 *
 * CRASH_SEED replays a run; CRASH_LOG_LEVEL sets the bot's LOG_LEVEL (default warn); CRASH_STDERR names a
 * file that receives the bot processes' whole stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { scoreCampaignGroup } from '../../src/core/campaign-group.js';
import { ASN_ALERTS_ALONE, ASN_SUMMARY_KIND, summaryCases } from '../../src/app/asn-alert-holds.js';
import { HUMAS_ASN_SUMMARY_KIND } from '../../src/app/humas-asn-holds.js';
import { CHAIN_TABLES, verifyChain } from '../../src/store/chain.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import { TelegramSimServer, type SimUser } from '../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../src/platforms/sim/telegram-updates.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOTAL_UPDATES = 5000;
const ASN_COUNT = 100;
const GROUPS = 50;
const CAMPAIGN_GROUPS = 20;
const MIN_KILLS = 6;
const PUSH_SECONDS = 40;
const DRAIN_STALL_MS = 45_000;
const DRAIN_CAP_MS = 420_000;
const HUMAS_ID = 9001;

// Seeded PRNG so a failure can be replayed with CRASH_SEED.
const seed = Number(process.env['CRASH_SEED'] ?? Date.now() % 1_000_000);
let s = seed >>> 0 || 1;
const rand = (): number => {
  s ^= s << 13;
  s >>>= 0;
  s ^= s >>> 17;
  s ^= s << 5;
  s >>>= 0;
  return s / 0x1_0000_0000;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class CrashFailure extends Error {}

/** What is still queued (the first 20 by due time), for a failure message that says why the drain did not finish. */
function describePending(db: Database.Database, now: number): string {
  const rows = db
    .prepare(
      `SELECT kind, recipient, status, attempts, next_attempt_at AS next, last_error AS err FROM outbox
        WHERE status IN ('pending','sending') ORDER BY next_attempt_at LIMIT 20`,
    )
    .all() as { kind: string; recipient: string; status: string; attempts: number; next: number; err: string | null }[];
  return rows.map((r) => `${r.kind} to ${r.recipient}: ${r.status}, ${r.attempts} attempts, due in ${Math.round((r.next - now) / 1000)} s, last error ${r.err ?? '-'}`).join('\n  ');
}
function fail(reason: string): never {
  throw new CrashFailure(reason);
}

const dir = mkdtempSync(join(tmpdir(), 'jn-crash-'));
const dbPath = join(dir, 'crash.db');
// A bot set up as the README asks (privacy mode off), so Humas' inbox holds only what this harness counts.
const sim = await TelegramSimServer.start({ canReadAllGroupMessages: true });
let child: ChildProcess | undefined;
let stderrTail = '';

async function main(): Promise<void> {
  const quiet = 'off';
  const overrides = { DATABASE_PATH: dbPath, HUMAS_ADMINS: `tg:${HUMAS_ID}`, PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: quiet };
  // ---- seed the registry (and get a classifier to check our own generated texts)
  const app = new App({ config: loadConfig({ envFile: false, env: {}, overrides }) });
  const asnUsers: (SimUser & { nip: string; started: boolean })[] = [];
  for (let i = 0; i < ASN_COUNT; i++) {
    const user: SimUser = { id: 500_000 + i, first_name: `Pegawai${i}`, username: `asn_pegawai_${i}` };
    const started = i % 8 !== 0;
    if (started) sim.startedBot(user.id);
    sim.addUser(user);
    asnUsers.push({ ...user, nip: `198503122010011${String(i + 1).padStart(3, '0')}`, started });
  }
  app.registry.upsertMany(
    asnUsers.map((u, i) => ({
      nip: u.nip as Nip,
      nama: `ASN Pegawai ${i}`,
      unit: `Dinas ${i % 10}`,
      phone: `+62812${String(30_000_000 + i)}` as PhoneE164,
      telegramId: String(u.id) as TgUserId,
      telegramUsername: u.username!,
    })),
    Date.now(),
  );
  const registered = (app.db.prepare('SELECT count(*) FROM asn').pluck().get() as number) ?? 0;
  if (registered !== ASN_COUNT) fail(`seeded ${registered} ASN, wanted ${ASN_COUNT}`);
  sim.startedBot(HUMAS_ID);

  const groups = Array.from({ length: GROUPS }, (_, g) => {
    const campaign = g < CAMPAIGN_GROUPS;
    const title = campaign ? `Relawan Paslon ${(g % 3) + 1} Pilgub Sumsel Kec ${g}` : `Arisan RT ${String(g).padStart(2, '0')}`;
    if (scoreCampaignGroup(app.classifier, title).campaign !== campaign) fail(`title "${title}" does not score as campaign=${campaign}`);
    return { id: -1_001_000_000_000 - g, type: 'supergroup' as const, title, campaign, pilkadaPosts: 0 };
  });
  const isPilkada = (t: string): boolean => app.classifier.classify(t).pilkada;
  const chatter = [
    'Selamat pagi bapak ibu, jangan lupa arisan minggu ini',
    'Ada yang punya nomor tukang ledeng yang bagus?',
    'Terima kasih atas kirimannya, kuenya enak sekali',
    'Besok kerja bakti jam 7 pagi di balai warga',
    'Info jadwal posyandu bulan depan sudah keluar',
    'Mohon doanya, ibu saya sedang dirawat di rumah sakit',
    'Siapa yang mau ikut senam pagi hari Minggu?',
  ];
  const pilkadaPosts = ['Ayo coblos nomor 2 di Pilgub Sumsel, menangkan paslon kita!', 'Dukung paslon nomor 1 pada Pilkada Sumsel, coblos tanggal 27 November'];
  for (const t of chatter) if (isPilkada(t)) fail(`chatter text classified as Pilkada: ${t}`);
  for (const t of pilkadaPosts) if (!isPilkada(`${t} @asn_pegawai_1`)) fail(`campaign text not classified as Pilkada: ${t}`);
  app.db.close();

  // ---- generate the updates and the expected findings
  const expected = new Set<string>();
  const updates: object[] = [];
  const others: SimUser[] = Array.from({ length: 300 }, (_, k) => ({ id: 700_000 + k, first_name: `Warga${k}` }));
  let additions = 0;
  let mentions = 0;
  for (let i = 0; i < TOTAL_UPDATES; i++) {
    const r = rand();
    const g = pick(groups);
    const from = pick(others);
    if (r < 0.012) {
      const asn = pick(asnUsers);
      updates.push(newChatMembers(g, from, [asn, pick(others)]));
      additions++;
      if (g.campaign) expected.add(`${asn.nip}|${g.id}`);
    } else if (r < 0.024) {
      // Pilkada posts in non-campaign groups stay below the content threshold (3 posts).
      if (!g.campaign && g.pilkadaPosts >= 2) {
        updates.push(textMessage(g, from, pick(chatter)));
        continue;
      }
      if (!g.campaign) g.pilkadaPosts++;
      const asn = pick(asnUsers);
      const base = pick(pilkadaPosts);
      if (rand() < 0.5) {
        updates.push(textMessage(g, from, `${base} cc @${asn.username}`));
      } else {
        const text = `${base} cc ${asn.first_name}`;
        updates.push(textMessage(g, from, text, { entities: [{ type: 'text_mention', offset: text.length - asn.first_name.length, length: asn.first_name.length, user: { id: asn.id, is_bot: false, first_name: asn.first_name } }] }));
      }
      mentions++;
      expected.add(`${asn.nip}|${g.id}`);
    } else if (r < 0.03 && !g.campaign) {
      // A mention in ordinary chatter of a non-campaign group: no finding.
      updates.push(textMessage(g, from, `Halo @${pick(asnUsers).username}, arisan besok jam 4 ya`));
    } else {
      updates.push(textMessage(g, from, pick(chatter)));
    }
  }

  // ---- run the real bot, kill it at random moments
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    DATABASE_PATH: dbPath,
    TELEGRAM_BOT_TOKEN: sim.token,
    TELEGRAM_API_ROOT: sim.apiRoot,
    HUMAS_ADMINS: `tg:${HUMAS_ID}`,
    PASLON_FILE: 'data/paslon.sumsel2024.json',
    LOG_LEVEL: process.env['CRASH_LOG_LEVEL'] ?? 'warn',
    QUIET_HOURS: quiet,
    // No group burst is summed up for Humas here (this run checks crash safety, not mass-event summaries); an ASN's
    // burst is, as for the ASN (app/humas-asn-holds.ts), and checked below.
    MASS_ALERT_THRESHOLD: '1000',
  };
  const spawnBot = (): ChildProcess => {
    const c = spawn(process.execPath, ['src/bin/jaga-netral.mjs', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    c.stderr!.on('data', (d: Buffer) => {
      stderrTail = (stderrTail + d.toString()).slice(-16_000);
      if (process.env['CRASH_STDERR']) appendFileSync(process.env['CRASH_STDERR'], d);
    });
    return c;
  };
  const killBot = async (c: ChildProcess): Promise<void> => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await exited;
  };

  const t0 = Date.now();
  child = spawnBot();
  await sim.waitForPoll(20_000).catch(() => fail(`the bot never polled; stderr: ${stderrTail}`));

  const pushEnd = t0 + PUSH_SECONDS * 1000;
  const killTimes: number[] = [];
  // Kills spread over the push phase, at least 3.5 s apart so each new process gets going.
  const slot = ((PUSH_SECONDS - 4) * 1000) / MIN_KILLS;
  for (let k = 0; k < MIN_KILLS; k++) killTimes.push(t0 + 3000 + k * slot + rand() * (slot - 3500));
  let kills = 0;
  let pushed = 0;
  const perTick = Math.ceil(TOTAL_UPDATES / ((PUSH_SECONDS * 1000) / 100));
  while (pushed < TOTAL_UPDATES || kills < MIN_KILLS) {
    const now = Date.now();
    if (pushed < TOTAL_UPDATES) {
      const due = Math.min(TOTAL_UPDATES, Math.ceil(((now - t0) / (pushEnd - t0)) * TOTAL_UPDATES) + perTick);
      while (pushed < due) sim.pushUpdate(updates[pushed++]!);
    }
    if (kills < MIN_KILLS && now >= killTimes[kills]!) {
      await killBot(child);
      kills++;
      child = spawnBot();
    }
    if (child.exitCode !== null && child.signalCode === null) fail(`bot exited by itself with code ${child.exitCode}; stderr: ${stderrTail}`);
    await sleep(100);
  }
  const pushDoneAt = Date.now();

  // ---- drain
  const db = new Database(dbPath, { fileMustExist: true });
  const pendingRows = db.prepare(`SELECT count(*) FROM outbox WHERE status IN ('pending','sending')`).pluck();
  // One ASN in many groups within the hour (app/asn-alert-holds.ts): the alerts after the first ASN_ALERTS_ALONE are
  // held and go as one summary a minute after the first held case (MASS_ALERT_WINDOW_SECONDS). A summary due within
  // the drain's cap is waited for; one due an hour after an earlier summary is checked as held (below).
  // Humas' summaries of one ASN (app/humas-asn-holds.ts) are held and released the same way.
  const heldDueBy = db
    .prepare(
      `SELECT (SELECT count(*) FROM asn_alert_holds WHERE released_at IS NULL AND release_at <= @t) + (SELECT count(*) FROM humas_asn_holds WHERE released_at IS NULL AND release_at <= @t)`,
    )
    .pluck();
  const holdsDueWithinCap = (): number => heldDueBy.get({ t: drainStarted + DRAIN_CAP_MS - DRAIN_STALL_MS }) as number;
  const finishedRows = db.prepare(`SELECT count(*) FROM outbox WHERE status NOT IN ('pending','sending')`).pluck();
  // The drain is bounded by progress, not by a fixed time: Humas' one chat takes about a message a second
  // (Telegram's per-chat limit, src/platforms/telegram/policy.ts), so a slower machine drains later but
  // never stalls. A stall (nothing sent for DRAIN_STALL_MS) or the overall cap is a failure. A lifecycle pass (every
  // ten minutes on the wall clock) may fall in the drain and queue more for Humas: that is progress too.
  const drainStarted = Date.now();
  let lastFinished = -1;
  let lastProgressAt = drainStarted;
  for (;;) {
    if (child.exitCode !== null) fail(`bot exited during drain (code ${child.exitCode}); stderr: ${stderrTail}`);
    const pending = pendingRows.get() as number;
    const held = holdsDueWithinCap();
    if (sim.pendingUpdates() === 0 && pending === 0 && held === 0) {
      await sleep(1500); // a last poll may still be processing; confirm it stays drained
      if (sim.pendingUpdates() === 0 && (pendingRows.get() as number) === 0 && holdsDueWithinCap() === 0) break;
    }
    const now = Date.now();
    // Progress is a row finished (sent, or given up with Humas told): a lifecycle pass may queue as fast as they go.
    const finished = finishedRows.get() as number;
    // A summary not yet due is waited for, not a stall.
    if (finished > lastFinished || sim.pendingUpdates() > 0 || (pending === 0 && held > 0)) lastProgressAt = now;
    lastFinished = finished;
    if (now - lastProgressAt > DRAIN_STALL_MS || now - drainStarted > DRAIN_CAP_MS) {
      const why = now - lastProgressAt > DRAIN_STALL_MS ? `nothing sent for ${DRAIN_STALL_MS / 1000} s` : `not drained after ${DRAIN_CAP_MS / 1000} s`;
      fail(`${why}: ${sim.pendingUpdates()} updates pending in the sim, ${pending} outbox rows pending/sending:\n  ${describePending(db, now)}\nstderr: ${stderrTail}`);
    }
    await sleep(500);
  }
  const drainedAt = Date.now();

  // ---- operations: SIGUSR2 prints a health line, SIGTERM stops cleanly with exit code 0
  child.kill('SIGUSR2');
  const healthBy = Date.now() + 10_000;
  // "warn" is right here: the harness's bot is a plain member of its groups (not admin), and says so.
  while (!/"health":"(ok|warn)"/.test(stderrTail)) {
    if (Date.now() > healthBy) fail(`no health line on stderr after SIGUSR2; stderr: ${stderrTail}`);
    await sleep(100);
  }
  const health = JSON.parse(stderrTail.slice(stderrTail.lastIndexOf('{"health"')).split('\n')[0]!) as { health: string; outbox: { pending: number }; problems: { kind: string }[]; moreProblems?: number };
  if (health.outbox.pending !== 0) fail(`health line reports ${health.outbox.pending} pending messages after the drain`);
  const unexpected = health.problems.filter((p) => p.kind !== 'not_admin');
  if (unexpected.length) fail(`health line reports problems other than "not admin": ${JSON.stringify(unexpected)}`);
  const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
  if (code !== 0) fail(`SIGTERM did not stop the bot cleanly (exit ${String(code)}); stderr: ${stderrTail}`);
  console.log(`operations                SIGUSR2 health line ${health.health} (groups without admin: ${health.problems.length + (health.moreProblems ?? 0)}), SIGTERM exit 0`);

  // ---- checks
  const problems: string[] = [];
  const events = db.prepare(`SELECT count(*) FROM events WHERE kind != 'rejected'`).pluck().get() as number;
  const rejected = db.prepare(`SELECT count(*) FROM events WHERE status = 'rejected'`).pluck().get() as number;
  if (rejected > 0) problems.push(`${rejected} updates were rejected`);
  const msgEvents = db.prepare(`SELECT count(DISTINCT dedupe_key) FROM events WHERE dedupe_key LIKE 'tg:msg:%'`).pluck().get() as number;
  if (msgEvents !== TOTAL_UPDATES) problems.push(`events table has ${msgEvents} message events, pushed ${TOTAL_UPDATES}`);
  // Every kill landed somewhere between a chained insert and its commit: both hash chains must still check whole (issue 20).
  const chains = CHAIN_TABLES.map((t) => verifyChain(db, t));
  for (const c of chains) if (c.bad) problems.push(`${c.table} chain breaks at row ${c.bad.id} (${c.bad.fault})`);

  const incRows = db.prepare(`SELECT asn_nip AS nip, chat_id AS chat, count(*) AS n FROM incidents WHERE platform = 'telegram' GROUP BY asn_nip, chat_id`).all() as { nip: string; chat: string; n: number }[];
  const found = new Map(incRows.map((r) => [`${r.nip}|${r.chat}`, r.n]));
  const incidentsFound = incRows.reduce((a, r) => a + r.n, 0);
  for (const key of expected) {
    const n = found.get(key) ?? 0;
    if (n !== 1) problems.push(`expected finding ${key} has ${n} incidents`);
  }
  for (const [key, n] of found) if (!expected.has(key)) problems.push(`unexpected incident ${key} (x${n})`);

  type Row = { id: number; kind: string; recipient: string; text: string; status: string; incident_id: number | null };
  const outbox = db.prepare(`SELECT id, kind, recipient, text, status, incident_id FROM outbox`).all() as Row[];
  const byStatus = new Map<string, number>();
  for (const r of outbox) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  const unstarted = new Set(asnUsers.filter((u) => !u.started).map((u) => String(u.id)));
  const sentKey = (chat: string | number, text: string | undefined): string => `${String(chat)}\u0000${text ?? ''}`;
  const simCount = new Map<string, number>();
  for (const m of sim.sent) simCount.set(sentKey(m.chat_id, m.text), (simCount.get(sentKey(m.chat_id, m.text)) ?? 0) + 1);
  const outboxKeys = new Map<string, number>();
  for (const r of outbox) {
    if (r.status === 'sent') {
      outboxKeys.set(sentKey(r.recipient, r.text), (outboxKeys.get(sentKey(r.recipient, r.text)) ?? 0) + 1);
      if (!simCount.has(sentKey(r.recipient, r.text))) problems.push(`outbox row ${r.id} (${r.kind}) is 'sent' but the simulator never received it`);
    } else if (r.status === 'undeliverable') {
      if (!((r.kind === 'asn_alert' || r.kind === ASN_SUMMARY_KIND) && unstarted.has(r.recipient))) problems.push(`outbox row ${r.id} (${r.kind} to ${r.recipient}) undeliverable`);
    } else {
      problems.push(`outbox row ${r.id} (${r.kind} to ${r.recipient}) ended '${r.status}'`);
    }
  }
  // Each incident: one Humas alert of its own, or (held: its ASN in many groups within the hour) a place in exactly one
  // Humas summary of that ASN (tied to it in outbox_cases), or still held for the next one; and one ASN alert of its
  // own, or a place in exactly one ASN summary, released as one outbox row tied to its first case, or still held.
  const alerts = db
    .prepare(
      `SELECT i.id, i.asn_nip AS nip, sum(o.kind = 'asn_alert') AS asn, sum(o.kind = '${ASN_SUMMARY_KIND}') AS summaries, sum(o.kind = 'humas_alert') AS humas,
              h.released_at AS released, h.release_at AS releaseAt, hh.released_at AS humasReleased, hh.release_at AS humasReleaseAt,
              (SELECT count(*) FROM outbox_cases c JOIN outbox s ON s.id = c.outbox_id WHERE c.incident_id = i.id AND s.kind = '${HUMAS_ASN_SUMMARY_KIND}') AS humasSummaries
         FROM incidents i LEFT JOIN outbox o ON o.incident_id = i.id LEFT JOIN asn_alert_holds h ON h.incident_id = i.id LEFT JOIN humas_asn_holds hh ON hh.incident_id = i.id
        GROUP BY i.id`,
    )
    .all() as {
    id: number; nip: string; asn: number; summaries: number; humas: number; released: number | null; releaseAt: number | null;
    humasReleased: number | null; humasReleaseAt: number | null; humasSummaries: number;
  }[];
  const alertsOfAsn = new Map<string, number>();
  for (const a of alerts) alertsOfAsn.set(a.nip, (alertsOfAsn.get(a.nip) ?? 0) + a.asn);
  const firstOfRelease = db.prepare(
    `SELECT min(h.incident_id) FROM asn_alert_holds f JOIN asn_alert_holds h ON h.platform = f.platform AND h.asn_nip = f.asn_nip AND h.released_at = f.released_at WHERE f.incident_id = ?`,
  ).pluck();
  const byId = new Map(alerts.map((a) => [a.id, a]));
  let heldCases = 0;
  let humasHeld = 0;
  for (const a of alerts) {
    if (a.humasReleaseAt === null) {
      if (a.humas !== 1 || a.humasSummaries !== 0) problems.push(`incident ${a.id} (not held for Humas) has ${a.humas} Humas alerts and ${a.humasSummaries} Humas summaries`);
    } else if (a.humasReleased === null) {
      if (a.humasReleaseAt <= drainedAt) problems.push(`incident ${a.id} is still held for Humas, due ${Math.round((drainedAt - a.humasReleaseAt) / 1000)} s before the drain ended`);
      else if (a.humas + a.humasSummaries !== 0) problems.push(`incident ${a.id} is held for Humas but has ${a.humas} Humas alerts and ${a.humasSummaries} Humas summaries`);
    } else {
      // Released: in one summary, or (a release of one case) as its own alert.
      humasHeld++;
      if (a.humas + a.humasSummaries !== 1) problems.push(`incident ${a.id} (held for Humas) has ${a.humas} Humas alerts and ${a.humasSummaries} Humas summaries`);
    }
    if (a.releaseAt === null) {
      if (a.asn !== 1 || a.summaries !== 0) problems.push(`incident ${a.id} (not held) has ${a.asn} ASN alerts and ${a.summaries} summaries`);
      continue;
    }
    heldCases++;
    if ((alertsOfAsn.get(a.nip) ?? 0) < ASN_ALERTS_ALONE) problems.push(`incident ${a.id} was held though its ASN had ${alertsOfAsn.get(a.nip) ?? 0} alerts of their own`);
    if (a.released === null) {
      if (a.releaseAt <= drainedAt) problems.push(`incident ${a.id} is still held, due ${Math.round((drainedAt - a.releaseAt) / 1000)} s before the drain ended`);
      continue;
    }
    // The summary (or, for a release of one case, its own alert) is tied to the release's first case; the others have none.
    const first = byId.get(firstOfRelease.get(a.id) as number)!;
    if (first.asn + first.summaries !== 1) problems.push(`held incident ${a.id}: its release (first case ${first.id}) has ${first.asn} alerts and ${first.summaries} summaries`);
    if (first.id !== a.id && a.asn + a.summaries !== 0) problems.push(`held incident ${a.id} has ${a.asn} alerts and ${a.summaries} summaries of its own besides its release's`);
  }
  const undeliverable = byStatus.get('undeliverable') ?? 0;
  // A refused summary is a notice for each case it stood for that is still open (its first too), a refused
  // grouped follow-up one for each case it is tied to that is still open (App.onUndeliverable), and any other refused
  // message one to each Humas admin but its own recipient (App.noteMessageUndeliverable): none for the only admin's.
  const isOpen = db.prepare(`SELECT status = 'open' FROM incidents WHERE id = ?`).pluck();
  const openCount = (ids: number[]) => ids.filter((id) => isOpen.get(id) === 1).length;
  const tiedTo = (id: number) => db.prepare(`SELECT incident_id FROM outbox_cases WHERE outbox_id = ?`).pluck().all(id) as number[];
  const noticesWanted = outbox
    .filter((r) => r.status === 'undeliverable')
    .reduce((n, r) => {
      if (r.kind === ASN_SUMMARY_KIND && r.incident_id !== null) {
        const held = summaryCases(db, r.incident_id);
        return n + (held.length ? openCount(held) : 1);
      }
      const tied = tiedTo(r.id);
      if (r.kind.startsWith('asn_')) return n + (tied.length ? openCount(tied) : 1);
      return n + (r.recipient === String(HUMAS_ID) ? 0 : 1);
    }, 0);
  const notices = outbox.filter((r) => r.kind === 'undeliverable_notice').length;
  if (notices !== noticesWanted) problems.push(`${undeliverable} undeliverable ASN messages (${noticesWanted} cases) but ${notices} notices to Humas`);

  let duplicates = 0;
  for (const [key, n] of simCount) {
    const want = outboxKeys.get(key) ?? 0;
    if (want === 0) problems.push(`the simulator received a message no outbox row sent: ${key.replace('\u0000', ': ').slice(0, 120)}`);
    else if (n > want) duplicates += n - want;
  }
  if (duplicates > kills) problems.push(`${duplicates} duplicate sends, more than the ${kills} kills`);

  console.log(`seed                      ${seed}`);
  console.log(`updates pushed            ${TOTAL_UPDATES} (${additions} ASN additions, ${mentions} Pilkada mentions), events recorded ${events}`);
  console.log(`kills (SIGKILL)           ${kills}`);
  console.log(`hash chains               ${chains.map((c) => `${c.table} ${c.rows} rows${c.bad ? ' BROKEN' : ' ok'}`).join(', ')}`);
  console.log(`incidents expected/found  ${expected.size} / ${incidentsFound} (ASN alerts held for a summary: ${heldCases}; Humas alerts: ${humasHeld})`);
  console.log(`outbox rows               ${outbox.length} (${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  console.log(`messages sent (sim)       ${sim.sent.length}`);
  console.log(`duplicates                ${duplicates} (bound: ${kills})`);
  console.log(`undeliverable             ${undeliverable} (ASN who never started the bot: ${unstarted.size})`);
  console.log(`push phase ${((pushDoneAt - t0) / 1000).toFixed(1)} s, drain ${((drainedAt - pushDoneAt) / 1000).toFixed(1)} s`);
  db.close();
  if (problems.length) fail(`${problems.length} problem(s):\n  ${problems.slice(0, 30).join('\n  ')}`);
  console.log('CRASH TEST PASSED');
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  exitCode = 1;
  console.error(`CRASH TEST FAILED (seed ${seed}): ${err instanceof CrashFailure ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
} finally {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
