/**
 * `jaga-netral demo`: plays the DESIGN.md story ("The story the demo tells")
 * end to end on both simulators: the loopback Telegram Bot API server and the
 * fake Baileys socket. The real App, adapters, dispatcher, scheduler jobs and
 * reports run on a fresh database `data/demo/jaga-netral.db`; the transcript
 * prints every message that leaves the bot, as each person sees it.
 */
import { platformStatusText } from '../core/messages/platform-status.js';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../store/private-files.js';
import type { WAMessage } from '@whiskeysockets/baileys';
import { App } from '../app/app.js';
import { formatImportResult, importAsnCsv } from '../app/import-asn.js';
import { runDigestJob, runLifecycleJob, runReminders } from '../app/scheduler.js';
import { cliLanguage, loadConfig } from '../config.js';
import { demoTexts, type DemoTexts } from '../core/messages/demo.js';
import { reportTexts } from '../core/messages/report.js';
import { TelegramSimServer, type SimSentMessage, type SimUser } from '../platforms/sim/telegram-server.js';
import { contactMessage, leftChatMember, newChatMembers, startCommand, textMessage as tgText } from '../platforms/sim/telegram-updates.js';
import { FakeWASocket, fakeSocketFactory, groupMeta, participantStub, textMessage as waText } from '../platforms/sim/whatsapp-socket.js';
import { TelegramAdapter } from '../platforms/telegram/adapter.js';
import { TelegramSendPolicy } from '../platforms/telegram/policy.js';
import { WhatsAppAdapter } from '../platforms/whatsapp/adapter.js';

/** Where the demo writes (deleted first). */
export const DEMO_DIR = join('data', 'demo');

/** Where the demo writes its transcript. */
export interface DemoIo {
  out(s: string): void;
  err(s: string): void;
}

const GROUP_TITLE = 'Relawan Paslon 2 Pilgub Sumsel';
const ORG = 'Humas Pemkab OKU';
const HUMAS_CONTACT = 'Humas Pemkab OKU, telp. (0735) 320 123';

// Telegram people. The ASN are rows of data/asn.sample.csv.
const TG_GROUP = { id: -1001234567890, title: GROUP_TITLE, type: 'supergroup' as const };
const TG_ADMIN: SimUser = { id: 9001, first_name: 'Humas', username: 'humas_oku' };
const TG_TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const TG_STRANGER: SimUser = { id: 6666, first_name: 'Orang Asing' };
const AHMAD: SimUser = { id: 5001, first_name: 'Ahmad', username: 'ahmadfauzi_oku' };
const HENDRA: SimUser = { id: 5002, first_name: 'Hendra', username: 'hendra_kominfo' };
const NURUL: SimUser = { id: 5003, first_name: 'Nurul' }; // no public username: tagged by text_mention
const MAYA: SimUser = { id: 5004, first_name: 'Maya', username: 'mayasari_oku' }; // never starts the bot

// WhatsApp people.
const WA_GROUP = '120363000000000001@g.us';
const WA_ADMIN_DIGITS = '6281111111111';
const WA_ADMIN = `${WA_ADMIN_DIGITS}@s.whatsapp.net`;
const WA_TIMSES_LID = '309999999999999@lid';
const WA_TIMSES_PN = '6285700000001@s.whatsapp.net';
const WA_BOT_PN = '6281100000000@s.whatsapp.net';
const WA_BOT_LID = '100000000000001@lid';
const SITI_PN = '6281377881122@s.whatsapp.net'; // Siti Rahmawati
const SITI_LID = '201111111111111@lid';
const RUDI_PN = '6281367890123@s.whatsapp.net'; // Rudi Hartono
const RUDI_LID = '202222222222222@lid';

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A fake socket that reports every send to the transcript. */
class TranscriptSocket extends FakeWASocket {
  onSend?: (jid: string, content: Record<string, unknown>) => void;
  override async sendMessage(jid: string, content: Record<string, unknown>): Promise<WAMessage> {
    const r = await super.sendMessage(jid, content);
    try {
      this.onSend?.(jid, content);
    } catch {
      /* the transcript must never break a send */
    }
    return r;
  }
}

/**
 * Runs the story, narrated in LANGUAGE (Indonesian unless `en`); returns the exit code. Everything is written
 * under `opts.dir` (default DEMO_DIR, emptied first; tests give a temporary folder).
 */
export async function demoCommand(_argv: string[], io: DemoIo, opts: { dir?: string } = {}): Promise<number> {
  const dir = opts.dir ?? DEMO_DIR;
  const dbPath = join(dir, 'jaga-netral.db');
  const started = Date.now();
  const lang = cliLanguage();
  const d = demoTexts(lang);
  const say = (s: string) => io.out(s);
  const narrate = (s: string) => say(`\n▶ ${s}`);

  rmSync(dir, { recursive: true, force: true });
  ensurePrivateDir(dir);

  let offset = 0;
  const clock = () => Date.now() + offset;

  // A bot set up as the README asks (privacy mode off at BotFather).
  const sim = await TelegramSimServer.start({ canReadAllGroupMessages: true });
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: {
      DATABASE_PATH: dbPath,
      LANGUAGE: lang,
      HUMAS_ADMINS: `tg:${TG_ADMIN.id},wa:${WA_ADMIN_DIGITS}`,
      ORG_NAME: ORG,
      HUMAS_CONTACT,
      PASLON_FILE: 'data/paslon.sumsel2024.json',
      QUIET_HOURS: 'off',
      WHATSAPP_ENABLED: 'true',
      WA_DM_GAP_MIN_SECONDS: '1',
      WA_DM_GAP_MAX_SECONDS: '2',
      TELEGRAM_BOT_TOKEN: sim.token,
      TELEGRAM_API_ROOT: sim.apiRoot,
      LOG_LEVEL: 'silent',
      BACKUP_DIR: join(dir, 'backups'),
      // The story is about one group's cases, each alerted as it happens (mass events have their own tests): with the
      // default of 3, the fourth case would wait for a summary and reach Humas after case #5.
      MASS_ALERT_THRESHOLD: '10',
    },
  });
  const app = new App({ config, clock });
  const fake = new TranscriptSocket({ now: clock });
  let tg: TelegramAdapter | undefined;
  let wa: WhatsAppAdapter | undefined;

  // ------------------------------------------------------------ transcript
  const name = (nip: string | undefined, fallback: string) => (nip ? app.registry.byNip(nip)?.nama : undefined) ?? fallback;
  const tgLabel = (chatId: number | string): string => {
    const id = Number(chatId);
    if (id === TG_GROUP.id) return d.group(GROUP_TITLE);
    if (id === TG_ADMIN.id) return 'Humas (DM)';
    const asn = app.registry.byTelegramId(String(id));
    if (asn) return `ASN ${asn.nama} (DM)`;
    const u = [TG_TIMSES, TG_STRANGER, AHMAD, HENDRA, NURUL, MAYA].find((x) => x.id === id);
    return `${u?.first_name ?? id} (DM)`;
  };
  const waLabel = (jid: string): string => {
    if (jid === WA_GROUP) return d.group(GROUP_TITLE);
    if (jid === WA_ADMIN) return 'Humas (DM)';
    const digits = jid.replace(/@.*$/, '');
    const asn = app.registry.byPhone(`+${digits}`) ?? app.registry.byWaLid(jid);
    return asn ? `ASN ${name(asn.nip, digits)} (DM)` : `${digits} (DM)`;
  };
  const indent = (t: string) => t.split('\n').map((l) => `   ${l}`).join('\n');
  sim.onSent = (m: SimSentMessage) => {
    say(`\n── [Telegram] Bot → ${tgLabel(m.chat_id)}`);
    if (m.document) say(`   📎 ${m.document.filename} (${m.document.bytes} byte)${m.caption ? ` — ${m.caption}` : ''}`);
    else if (m.text) say(indent(m.text));
    // The buttons under the message, as the person sees them.
    const keyboard = (m.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard;
    for (const row of keyboard ?? []) say(`   ${row.map((b) => `[ ${b.text} ]`).join('  ')}`);
  };
  fake.onSend = (jid, content) => {
    say(`\n── [WhatsApp] Bot → ${waLabel(jid)}`);
    const text = content['text'] ?? content['caption'];
    if (typeof text === 'string') say(indent(text));
    const file = content['fileName'];
    if (typeof file === 'string') say(`   📎 ${file}`);
  };

  // ------------------------------------------------------------ waiting helpers
  const outboxBusy = () => {
    const d = app.monitor.outbox.depth();
    return d.pending + d.sending;
  };
  /** Waits until Telegram updates are consumed, WhatsApp events handled and the outbox is empty (twice in a row). */
  const settle = async (timeoutMs = 20_000): Promise<void> => {
    const until = Date.now() + timeoutMs;
    let quiet = 0;
    while (Date.now() < until) {
      await wa?.idle();
      const busy = sim.pendingUpdates() > 0 || outboxBusy() > 0;
      if (!busy) {
        if (++quiet >= 3) return;
      } else {
        quiet = 0;
        // WhatsApp paces DMs by the app clock: move demo time on a little instead of waiting for real.
        if (outboxBusy() > 0) offset += 1_000;
        app.dispatcher.wake();
      }
      await sleep(40);
    }
    throw new Error(`demo: deliveries did not settle in ${timeoutMs} ms (outbox ${JSON.stringify(app.monitor.outbox.depth())})`);
  };
  const waitTg = (pred: (m: SimSentMessage) => boolean, what: string, ms = 10_000) =>
    sim.waitFor((s) => s.some(pred), ms).catch(() => {
      throw new Error(`demo: timed out waiting for ${what}`);
    });
  let tgDate = Math.floor(Date.now() / 1000);
  let reportText = '';
  let before = 0;
  let failed = false;
  const tgOpts = () => ({ date: (tgDate = Math.max(tgDate + 1, Math.floor(clock() / 1000))) });

  try {
    say(d.title);
    say(d.database(dbPath));

    // ---------------------------------------------------------- registry
    narrate(d.importRegistry('data/asn.sample.csv'));
    const imported = importAsnCsv(app.db, 'data/asn.sample.csv', { now: clock() });
    say(indent(formatImportResult(imported, lang)));
    if (!imported.ok) throw new Error('demo: the sample registry did not import');
    app.registry.reload();

    // ---------------------------------------------------------- platforms up
    for (const u of [TG_ADMIN, TG_TIMSES, TG_STRANGER, AHMAD, HENDRA, NURUL, MAYA]) sim.addUser(u);
    for (const u of [TG_ADMIN, TG_STRANGER]) sim.startedBot(u.id);
    tg = new TelegramAdapter({ app, scanIntervalMs: 5, restartDelayMs: 100, policy: new TelegramSendPolicy({ perChatGapMs: 20 }), webhook: false });
    await tg.start();
    app.dispatcher.start();
    await sim.waitForPoll(5000);

    fake.addGroup(waGroup([]));
    wa = new WhatsAppAdapter({ app, socketFactory: fakeSocketFactory(fake), rng: () => 0, sleep: async () => {}, lidPauseMs: 0, resolveLidsOnOpen: false, reconnectBaseMs: 10, requireSession: false });
    wa.start();
    fake.open();
    fake.emit('groups.upsert', [waGroup([])]);
    await wa.idle();
    // The platforms' states in the narration's language ("terhubung", not the recorded "connected").
    const state = (p: 'telegram' | 'whatsapp') => platformStatusText(p, app.platformStatus[p] ?? '-', config.LANGUAGE);
    say(d.botsUp(state('telegram'), state('whatsapp')));

    // ---------------------------------------------------------- registration
    const register = async (u: SimUser, phone: string) => {
      narrate(d.asnStarts(u.first_name));
      sim.startedBot(u.id);
      sim.pushUpdate(startCommand(u, tgOpts()));
      await waitTg((m) => m.chat_id === u.id, `the welcome to ${u.first_name}`);
      sim.pushUpdate(contactMessage(u, phone, tgOpts()));
      await waitTg((m) => m.chat_id === u.id && /berhasil|you are registered/i.test(m.text ?? ''), `the registration of ${u.first_name}`);
      await settle();
    };
    await register(AHMAD, '6281234567890');
    await register(HENDRA, '628117340011');
    await register(NURUL, '6287890123456');
    narrate(d.mayaNeverStarts);

    // ---------------------------------------------------------- Telegram story
    narrate(d.botAddedTg(GROUP_TITLE));
    sim.pushUpdate({
      my_chat_member: {
        chat: TG_GROUP, from: { ...TG_TIMSES, is_bot: false }, date: tgOpts().date,
        old_chat_member: { status: 'left', user: { ...sim.bot, is_bot: true } },
        new_chat_member: { status: 'administrator', user: { ...sim.bot, is_bot: true }, can_manage_chat: true },
      },
    });
    await settle();

    narrate(d.timsesAddsTg);
    // From now on getChatMember sees the members of the group (Hendra and Nurul joined by themselves earlier).
    for (const u of [AHMAD, MAYA, HENDRA, NURUL]) sim.setChatMember(TG_GROUP.id, u.id, 'member');
    sim.pushUpdate(newChatMembers(TG_GROUP, TG_TIMSES, [AHMAD, MAYA], tgOpts()));
    await waitTg((m) => m.chat_id === AHMAD.id && (m.text ?? '').includes(GROUP_TITLE), 'the DM to Ahmad');
    await waitTg((m) => m.chat_id === TG_ADMIN.id && /Maya Sari/.test(m.text ?? '') && /hubungi langsung|contact them directly/.test(m.text ?? ''), 'the undeliverable notice for Maya');
    await settle();

    const post = 'Ayo coblos nomor 2 Eddy Santana - Riezky! Salam dua jari @hendra_kominfo dan Nurul';
    narrate(d.postTg(post));
    sim.pushUpdate(
      tgText(TG_GROUP, TG_TIMSES, post, {
        ...tgOpts(),
        entities: [
          { type: 'mention', offset: post.indexOf('@hendra_kominfo'), length: '@hendra_kominfo'.length },
          { type: 'text_mention', offset: post.indexOf('Nurul'), length: 5, user: { id: NURUL.id, is_bot: false, first_name: 'Nurul' } },
        ],
      }),
    );
    await waitTg((m) => m.chat_id === HENDRA.id && (m.text ?? '').includes('Ayo coblos nomor 2'), 'the DM to Hendra');
    await waitTg((m) => m.chat_id === NURUL.id && (m.text ?? '').includes('Ayo coblos nomor 2'), 'the DM to Nurul');
    await settle();

    // ---------------------------------------------------------- WhatsApp story
    narrate(d.waAdd(GROUP_TITLE));
    fake.addGroup(waGroup([{ id: SITI_LID, phoneNumber: SITI_PN }]));
    await fake.deliver(
      participantStub({ group: WA_GROUP, id: 'STUB-ADD-SITI', author: WA_TIMSES_LID, authorAlt: WA_TIMSES_PN, action: 'add', participants: [{ id: SITI_LID, phoneNumber: SITI_PN }], at: clock() }),
      'notify',
    );
    await settle();

    const waPost = 'Ayo coblos nomor 2 ESP-Riezky! Jangan lupa ajak keluarga ya @6281367890123';
    narrate(d.postWa(waPost));
    fake.emit('lid-mapping.update', { lid: RUDI_LID, pn: RUDI_PN });
    await fake.deliver(waText({ group: WA_GROUP, id: 'WA-POST-1', from: WA_TIMSES_LID, fromAlt: WA_TIMSES_PN, pushName: 'Joko Timses', text: waPost, mentions: [RUDI_PN], at: clock() }), 'notify');
    await settle();

    // ---------------------------------------------------------- leaving
    narrate(d.ahmadLeaves);
    sim.setChatMember(TG_GROUP.id, AHMAD.id, 'left');
    sim.pushUpdate(leftChatMember(TG_GROUP, AHMAD, AHMAD, tgOpts()));
    await waitFor(() => caseStatus(app, '198503122010011003', 'telegram') === 'left', 'the Telegram case to close');
    say(d.caseOf('Ahmad Fauzi', 'Telegram', statusLabel(d, caseStatus(app, '198503122010011003', 'telegram'))));
    await settle();

    narrate(d.sitiLeaves);
    fake.addGroup(waGroup([{ id: RUDI_PN, phoneNumber: RUDI_PN }])); // Rudi, tagged above, is a silent member
    await fake.deliver(
      participantStub({ group: WA_GROUP, id: 'STUB-LEAVE-SITI', author: SITI_LID, action: 'leave', participants: [{ id: SITI_LID, phoneNumber: SITI_PN }], at: clock() }),
      'notify',
    );
    await waitFor(() => caseStatus(app, '199007252015032001', 'whatsapp') === 'left', 'the WhatsApp case to close');
    say(d.caseOf('Siti Rahmawati', 'WhatsApp', statusLabel(d, caseStatus(app, '199007252015032001', 'whatsapp'))));
    await settle();

    // ---------------------------------------------------------- time passes
    offset += 25 * HOUR;
    const firstAt = clock();
    narrate(d.after25h);
    const openBefore = app.monitor.incidents.listOpen().length;
    const first = await runLifecycleJob(app, firstAt, [tg.membership, wa.membership]);
    const c = first.checks;
    // Every case checked is counted once: still in, left, left but not certain, unknown, or closed by its own leave event meanwhile.
    const closedMeanwhile = c.checked - c.stillIn - c.left.length - c.unconfirmed.length - c.unknown;
    say(d.checks({ open: openBefore, checked: c.checked, stillIn: c.stillIn, left: c.left.length, unconfirmed: c.unconfirmed.length, unknown: c.unknown, closedMeanwhile, followedUp: ids(first.lifecycle.followedUp) }));
    runReminders(app, clock());
    await settle();

    // A full FOLLOWUP_HOURS after the follow-ups were stamped (never a millisecond short of it, which would skip the escalation).
    offset = firstAt - Date.now() + 24 * HOUR;
    narrate(d.after49h);
    const second = await runLifecycleJob(app, clock(), [tg.membership, wa.membership]);
    say(d.escalated(ids(second.lifecycle.escalated)));
    await settle();
    runDigestJob(app, clock());
    app.dispatcher.wake();
    await settle();

    // ---------------------------------------------------------- /report
    narrate(d.adminReport);
    before = sim.sent.length;
    sim.pushUpdate(tgText({ id: TG_ADMIN.id }, TG_ADMIN, '/report 30h', tgOpts()));
    await sim.waitFor((s) => s.slice(before).filter((m) => m.chat_id === TG_ADMIN.id && m.document).length >= 3, 20_000).catch(() => {
      throw new Error('demo: timed out waiting for the report files');
    });
    await settle();

    narrate(d.strangerReport);
    sim.pushUpdate(tgText({ id: TG_STRANGER.id }, TG_STRANGER, '/report', tgOpts()));
    await waitTg((m) => m.chat_id === TG_STRANGER.id, 'the refusal to the stranger');
    await settle();

    reportText = sim.sent.slice(before).find((m) => m.chat_id === TG_ADMIN.id && m.text?.includes(reportTexts(lang).labels.title))?.text ?? '';
  } catch (err) {
    io.err(d.failed(err instanceof Error ? err.message : String(err)));
    failed = true;
  } finally {
    sim.onSent = undefined;
    fake.onSend = undefined;
    await tg?.stop().catch(() => {});
    await wa?.stop().catch(() => {});
    await app.close().catch(() => {});
    await sim.close().catch(() => {});
  }
  if (failed) return 1;

  // ------------------------------------------------------------ what is left on disk (each report file once, where the bot wrote it)
  say(d.reportHeading);
  say(indent(reportText));
  say(d.filesHeading(dir));
  const list = (sub: string): void => {
    for (const f of readdirSync(join(dir, sub)).sort()) {
      const st = statSync(join(dir, sub, f));
      say(`   ${sub ? `${sub}/` : ''}${f}${st.isDirectory() ? '/' : ` (${d.bytes(st.size)})`}`);
      if (st.isDirectory() && f === 'reports' && !sub) list('reports');
    }
  };
  list('');
  say(d.done(((Date.now() - started) / 1000).toFixed(1)));
  return 0;
}

/** The WhatsApp campaign group as the fake network knows it. */
function waGroup(extra: { id: string; phoneNumber?: string }[]) {
  return groupMeta({
    id: WA_GROUP,
    subject: GROUP_TITLE,
    desc: 'Grup relawan pemenangan paslon nomor 2 Eddy Santana - Riezky Aprilia, Pilgub Sumsel 2024',
    participants: [{ id: WA_TIMSES_LID, phoneNumber: WA_TIMSES_PN, admin: 'superadmin' }, { id: WA_BOT_LID, phoneNumber: WA_BOT_PN }, ...extra],
  });
}

function caseStatus(app: App, nip: string, platform: string): string | undefined {
  const r = app.db.prepare(`SELECT status FROM incidents WHERE asn_nip = ? AND platform = ? ORDER BY id DESC LIMIT 1`).get(nip, platform) as { status: string } | undefined;
  return r?.status;
}

async function waitFor(pred: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > until) throw new Error(`demo: timed out waiting for ${what}`);
    await sleep(20);
  }
}

function statusLabel(d: DemoTexts, status: string | undefined): string {
  return status === 'left' ? d.leftClosed : d.status(status ?? '-');
}

/** Case numbers as `#3, #4`, or `-`. */
function ids(list: readonly number[]): string {
  return list.length ? list.map((n) => `#${n}`).join(', ') : '-';
}
