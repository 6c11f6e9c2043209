/**
 * The application object: one database, one registry, one classifier, the
 * monitor, the dispatcher and the command table, shared by every platform
 * adapter. Platform adapters attach to it; they never talk to each other.
 */
import type { Config } from '../config.js';
import { scoreCampaignGroup } from '../core/campaign-group.js';
import { createClassifier, type PilkadaClassifier } from '../core/classifier.js';
import type { Platform } from '../core/ids.js';
import { AsnRegistry } from '../store/asn.js';
import { openDb, type Db } from '../store/db.js';
import { alertTexts } from '../core/messages/index.js';
import type { OutboxRow } from '../store/outbox.js';
import { enqueueUndeliverableNotice, enqueueUnreadableNotice, THANKS_KIND } from './alerts.js';
import { humasAddresses, type Address } from './recipients.js';
import { audit } from '../store/audit.js';
import { auditResult } from '../core/messages/audit-result.js';
import { prepared } from '../store/statements.js';
import { CommandRunner } from './commands/index.js';
import { caseCommands } from './commands/cases.js';
import { coreCommands } from './commands/core.js';
import { dashboardCommand } from './commands/dashboard.js';
import { buktiCommand } from './commands/evidence.js';
import { removeMemoryReportsDir, reportCommand, reportsDir } from './reports/command.js';
import { Dispatcher, type SendPolicy } from './dispatcher.js';
import { FloodGuard } from './flood.js';
import { nextRelease, releaseDueSummaries, type MassAlertDeps } from './mass-alerts.js';
import { nextSelfReportRelease, releaseDueSelfReports } from './self-report-bursts.js';
import { ASN_SUMMARY_KIND, nextAsnAlertRelease, releaseDueAsnAlerts, summaryCases, type AsnAlertReleaseDeps } from './asn-alert-holds.js';
import { nextHumasAsnRelease, releaseDueHumasAsnAlerts, type HumasAsnReleaseDeps } from './humas-asn-holds.js';
import { nextThanksRelease, releaseDueThanks, type ThanksReleaseDeps } from './thanks-holds.js';
import { holdUndeliverable, nextNoticeRelease, releaseDueNotices, type NoticeReleaseDeps } from './undeliverable-holds.js';
import { silentLogger, type Logger } from './log.js';
import { Monitor } from './monitor.js';
import { selfReportCommand } from './self-report.js';
import type { InviteInspector } from './invite-check.js';
import { ScreenshotReader } from './ocr/screenshots.js';
import type { Messenger } from './ports.js';
import { loadPaslonFile, loadVocabulary } from './vocabulary.js';
import { quoteStrangerOpt } from '../core/text/quote.js';

/** Most cases a notice about a refused message of several cases names (see {@link App.noteMessageUndeliverable}); the rest are counted. */
export const UNDELIVERABLE_CASES_MAX = 20;

/** How to build the app; everything but config has a sensible default. */
export interface AppOptions {
  config: Config;
  db?: Db;
  clock?: () => number;
  log?: Logger;
  classifier?: PilkadaClassifier;
}

/** The running application shared by all adapters. */
export class App {
  readonly config: Config;
  readonly db: Db;
  readonly clock: () => number;
  readonly log: Logger;
  readonly registry: AsnRegistry;
  readonly classifier: PilkadaClassifier;
  readonly monitor: Monitor;
  readonly dispatcher: Dispatcher;
  readonly commands: CommandRunner;
  /** Inbound flood limits on private messages (answered or not). */
  readonly flood: FloodGuard;
  /** Looks up WhatsApp invite links without joining (set by the WhatsApp adapter); self-reports use it. */
  inviteInspector: InviteInspector | undefined;
  /** Reads self-report screenshots offline, one at a time, after the receipt (app/ocr). */
  readonly screenshots: ScreenshotReader;
  /** Registration links per platform, filled in by adapters once they know the bot's handle. */
  readonly registrationLinks: Partial<Record<Platform, string>> = {};
  /** Per-platform live status for /status and health lines. */
  readonly platformStatus: Partial<Record<Platform, string>> = {};
  /** Platforms that stopped until a person acts (banned, logged out, not linked), with what to do; the health line is not "ok" while any is. */
  readonly platformDown: Partial<Record<Platform, string>> = {};
  /** Extra /status lines from adapters, by key (e.g. when WhatsApp lets first contacts go again); undefined: nothing to say. */
  readonly statusNotes = new Map<string, (lang: 'id' | 'en', now: number) => string | undefined>();

  constructor(o: AppOptions) {
    this.config = o.config;
    this.db = o.db ?? openDb(o.config.DATABASE_PATH);
    this.clock = o.clock ?? Date.now;
    this.log = o.log ?? silentLogger();
    this.registry = new AsnRegistry(this.db);
    this.classifier =
      o.classifier ??
      createClassifier({ vocabulary: loadVocabulary(o.config.VOCABULARY_FILE), paslon: loadPaslonFile(o.config.PASLON_FILE) });
    const alertConfig = o.config;
    this.monitor = new Monitor({
      db: this.db,
      registry: this.registry,
      classify: (t) => this.classifier.classify(t),
      scoreGroup: (title, description) => scoreCampaignGroup(this.classifier, title, description, o.config.LANGUAGE),
      config: alertConfig,
      clock: this.clock,
      registrationLink: (p) => this.registrationLinks[p],
      onEnqueued: () => this.dispatcher.wake(),
      onScansRequested: () => this.wakeScanners(),
    });
    this.dispatcher = new Dispatcher({
      outbox: this.monitor.outbox,
      messengers: [],
      clock: this.clock,
      log: (msg, extra) => this.log.warn(extra ?? {}, msg),
      hooks: {
        onUndeliverable: (row, detail, now) => this.onUndeliverable(row, detail, now),
        release: (now) => {
          if (!this.db.open) return;
          // Each on its own: one that fails (a CSV that cannot be written) must not hold back the other.
          for (const [what, step] of [
            ['mass-event summaries', () => releaseDueSummaries(this.massDeps(), now)],
            ['lists of refused alerts', () => releaseDueNotices(this.noticeDeps(), now)],
            ['summaries of self-reports', () => releaseDueSelfReports(this, now)],
            ['ASN summaries', () => releaseDueAsnAlerts(this.asnAlertDeps(), now)],
            // After the ASN's: Humas' summary of the same cases then says the ASN's went.
            ["Humas' summaries of one ASN", () => releaseDueHumasAsnAlerts(this.humasAsnDeps(), now)],
            ['thank-yous of one ASN', () => releaseDueThanks(this.thanksDeps(), now)],
          ] as const) {
            try {
              step();
            } catch (err) {
              this.log.error({ err: String(err) }, `releasing held ${what} failed; retrying at the next drain`);
            }
          }
        },
        nextRelease: () => {
          if (!this.db.open) return undefined;
          const at = [nextRelease(this.db), nextNoticeRelease(this.db), nextSelfReportRelease(this.db), nextAsnAlertRelease(this.db), nextHumasAsnRelease(this.db), nextThanksRelease(this.db)].filter((t): t is number => t !== undefined);
          return at.length ? Math.min(...at) : undefined;
        },
        onUnreadable: (row, reason, now) => enqueueUnreadableNotice(this.monitor.outbox, this.config, row, reason, now),
        onMigrated: (platform, from, to, now) =>
          this.db.transaction(() => {
            this.monitor.chats.migrate(platform, from, to, now);
            this.monitor.outbox.retarget(platform, from, to);
          })(),
      },
    });
    this.flood = new FloodGuard({ db: this.db, outbox: this.monitor.outbox, config: this.config });
    this.commands = new CommandRunner(
      {
        db: this.db, config: this.config, clock: this.clock, findAsn: (p) => this.registry.findByPerson(p),
        lastGroupAnswer: (platform, chatId) => this.monitor.outbox.lastQueued(platform, chatId, 'command_reply'),
        groupAnswersSince: (platform, since) => this.monitor.outbox.queuedToGroupsSince(platform, 'command_reply', since),
      },
      coreCommands(this),
    );
    this.commands.add(...caseCommands(this), reportCommand(this), dashboardCommand(this));
    this.commands.add(buktiCommand(this));
    this.commands.add(selfReportCommand(this));
    this.screenshots = new ScreenshotReader(this);
  }

  /**
   * What mass-event summaries need; CSV lists go to the reports directory, asked for only when a list is written
   * (an in-memory database's folder is made on first use).
   */
  private massDeps(): MassAlertDeps {
    const reports = (): string => reportsDir(this);
    return {
      db: this.db, outbox: this.monitor.outbox, chats: this.monitor.chats, incidents: this.monitor.incidents, config: this.config,
      asnByNip: (nip) => this.registry.byNip(nip as Parameters<AsnRegistry['byNip']>[0]), get dir() { return reports(); },
    };
  }

  /** What the held ASN summaries need (one ASN in many groups at once). */
  private asnAlertDeps(): AsnAlertReleaseDeps {
    return { db: this.db, outbox: this.monitor.outbox, chats: this.monitor.chats, incidents: this.monitor.incidents, config: this.config };
  }

  /** What Humas' held summaries of one ASN need. */
  private humasAsnDeps(): HumasAsnReleaseDeps {
    const m = this.massDeps();
    return { db: m.db, outbox: m.outbox, chats: m.chats, incidents: m.incidents, config: this.config, asnByNip: m.asnByNip, registrationLink: (p) => this.registrationLinks[p] };
  }

  /** What held thank-yous need. */
  private thanksDeps(): ThanksReleaseDeps {
    return { db: this.db, outbox: this.monitor.outbox, chats: this.monitor.chats, incidents: this.monitor.incidents, config: this.config };
  }

  /** What the held lists of refused ASN alerts need. */
  private noticeDeps(): NoticeReleaseDeps {
    const m = this.massDeps();
    return { db: m.db, outbox: m.outbox, config: m.config, asnByNip: m.asnByNip, get dir() { return m.dir; }, registrationLink: (p) => this.registrationLinks[p] };
  }

  /**
   * Queues the mass-event summaries and lists of refused alerts whose window has ended, or all held ones (`all`: a
   * replay has reached its end); returns how many summaries and listed notices were released (0: nothing to send).
   */
  releaseSummaries(now: number, all = false): number {
    return (
      releaseDueSummaries(this.massDeps(), now, all) + releaseDueNotices(this.noticeDeps(), now, all) + releaseDueSelfReports(this, now, all) + releaseDueAsnAlerts(this.asnAlertDeps(), now, all) +
      releaseDueHumasAsnAlerts(this.humasAsnDeps(), now, all) +
      releaseDueThanks(this.thanksDeps(), now, all)
    );
  }

  /** Platform scanners waiting for member scans (see store/scans.ts). */
  readonly scanners = new Set<() => void>();

  /** Member scans were requested: let each platform's scanner look. */
  wakeScanners(): void {
    for (const wake of this.scanners) wake();
  }

  /** Connects a platform's sender. */
  attach(m: Messenger, policy?: SendPolicy): void {
    this.dispatcher.register(m, policy);
  }

  /** A queued message will never arrive (refused, restricted, out of attempts, or refused by a later ack): Humas hears of it. */
  onUndeliverable(row: Pick<OutboxRow, 'id' | 'platform' | 'recipient' | 'kind' | 'incidentId'> & { recipientKind?: OutboxRow['recipientKind'] }, detail: string, now: number): void {
    if (row.kind === ASN_SUMMARY_KIND && row.incidentId !== null) {
      // The summary stood for every case it named: each one still open is one the ASN was not told of. One the ASN
      // left (or Humas closed) since it was queued, its first case too, needs no one to call about it, as with a
      // grouped follow-up below.
      const ids = summaryCases(this.db, row.incidentId);
      for (const id of ids.length ? ids.filter((id) => this.monitor.incidents.get(id)?.status === 'open') : [row.incidentId]) this.noteUndeliverable(id, row.platform, detail, now);
    } else if (row.kind.startsWith('asn_')) {
      // A follow-up of several cases at once (app/lifecycle.ts) stood for each case it is tied to that is open still:
      // one the ASN has left (or Humas closed) since it was queued needs no one to call about it.
      const tied = this.monitor.outbox.casesOf(row.id);
      const ids = tied.length ? tied.filter((id) => this.monitor.incidents.get(id)?.status === 'open') : [row.incidentId];
      for (const id of ids) this.noteUndeliverable(id, row.platform, detail, now);
    } else if (row.kind === THANKS_KIND) {
      // A thank-you to an ASN who left (and often blocked the bot on the way out): the case is closed and nobody needs
      // to act, so Humas is not interrupted; the digest says whether it arrived, and the case's history shows the refusal.
      this.log.info({ outboxId: row.id, platform: row.platform, detail }, 'thank-you undeliverable; no Humas notice');
    } else this.noteMessageUndeliverable(row, detail, now);
  }

  /** An ASN alert was refused by the platform: Humas must contact the ASN directly. */
  noteUndeliverable(incidentId: number | null, platform: Platform, detail: string, now: number): void {
    if (incidentId === null) return;
    const incident = this.monitor.incidents.get(incidentId);
    const asn = incident && this.registry.byNip(incident.asnNip);
    if (!asn) return;
    const en = this.config.LANGUAGE === 'en';
    const reason =
      platform === 'telegram' && /initiate|blocked|forbidden|403|chat not found|user not found|PEER_ID_INVALID/i.test(detail)
        ? en ? 'the ASN has not started the bot or blocked it (Telegram refused the message)' : 'ASN belum memulai bot atau memblokirnya (Telegram menolak pesan)'
        : platform === 'whatsapp' && /\b463\b|restrict/i.test(detail)
          ? en ? `WhatsApp restricted the bot's number for new chats (${detail})` : `WhatsApp membatasi nomor bot untuk percakapan baru (${detail})`
          : `${en ? 'the platform refused the message' : 'platform menolak pesan'}: ${detail}`;
    this.db.transaction(() => {
      // Beyond the first few in a burst, refused alerts go to Humas as one list (app/undeliverable-holds.ts).
      if (holdUndeliverable(this.db, this.config, { incidentId, nip: asn.nip, platform, reason }, now)) return;
      enqueueUndeliverableNotice(
        { outbox: this.monitor.outbox, chats: this.monitor.chats, config: this.config, registrationLink: (p) => this.registrationLinks[p] },
        asn, platform, reason, incidentId, now,
      );
    })();
    this.dispatcher.wake();
  }

  /**
   * Any other message (to Humas, to a group, a command reply) was given up on: the other Humas
   * addresses hear of it. A notice about a notice is not sent (no loops); it is logged instead.
   */
  noteMessageUndeliverable(row: Pick<OutboxRow, 'id' | 'platform' | 'recipient' | 'kind' | 'incidentId'> & { recipientKind?: OutboxRow['recipientKind'] }, detail: string, now: number): void {
    this.log.error({ outboxId: row.id, platform: row.platform, kind: row.kind, detail }, 'message undeliverable');
    if (row.kind === 'undeliverable_notice') return;
    // A group post (a reminder, a command answer) names the group, so Humas knows where to look.
    const chat = row.recipientKind === 'group' ? this.monitor.chats.get(row.platform, row.recipient) : undefined;
    // A message of several cases (a grouped escalation, Humas' summary of one ASN) names each, as refused grouped ASN
    // messages do; a message of one case (a Humas alert) names that case.
    const tied = this.monitor.outbox.casesOf(row.id);
    const caseLine = (id: number) => {
      const c = this.monitor.incidents.get(id);
      if (!c) return [];
      const title = quoteStrangerOpt(this.monitor.chats.get(c.platform, c.chatId)?.title) ?? alertTexts(this.config.LANGUAGE).unknownChat;
      return [{ caseId: c.id, asnName: this.registry.byNip(c.asnNip)?.nama ?? c.asnNip, nip: c.asnNip, chatTitle: title }];
    };
    const cases = tied.slice(0, UNDELIVERABLE_CASES_MAX).flatMap(caseLine);
    const single = !tied.length && row.incidentId !== null ? caseLine(row.incidentId)[0] : undefined;
    const groupRefusal = /TOPIC_CLOSED|TOPIC_DELETED|message thread not found/i.test(detail)
      ? ('topic_closed' as const)
      : /not enough rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i.test(detail) ? ('no_write_right' as const) : undefined;
    const text = alertTexts(this.config.LANGUAGE).messageUndeliverable({
      platform: row.platform, to: row.recipient, kind: row.kind, reason: detail,
      ...(row.recipientKind === 'group' ? { chatTitle: quoteStrangerOpt(chat?.title) ?? alertTexts(this.config.LANGUAGE).unknownChat } : {}),
      ...(groupRefusal ? { groupRefusal } : {}),
      ...(cases.length ? { cases, moreCases: Math.max(0, tied.length - cases.length) } : single ? { case: single } : {}),
    });
    this.db.transaction(() => {
      const to = this.humasNoticeAddresses(row);
      if (!to.length) this.noteHumasUnreached(row, detail, now);
      for (const h of to) {
        this.monitor.outbox.enqueue(
          { dedupeKey: `undeliverable:row:${row.id}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'undeliverable_notice', text, incidentId: row.incidentId ?? undefined },
          now,
        );
      }
    })();
    this.dispatcher.wake();
  }

  /**
   * The Humas addresses a notice about a message to `refused` that did not arrive may go to: every admin's but the one
   * that refused it, and but any whose latest settled message did not arrive either (their chat refuses: on WhatsApp
   * while the number is restricted, each try is one more refused reach-out, and a notice of that would go back and forth).
   */
  humasNoticeAddresses(refused: Address): Address[] {
    const last = prepared(this.db, `SELECT status FROM outbox WHERE platform = ? AND recipient = ? AND status IN ('sent', 'undeliverable') ORDER BY id DESC LIMIT 1`).pluck();
    return humasAddresses(this.config.HUMAS_ADMINS).filter(
      (h) => !(h.platform === refused.platform && h.recipient === refused.recipient) && last.get(h.platform, h.recipient) !== 'undeliverable',
    );
  }

  /**
   * No other Humas admin can be told that a message did not arrive: it is recorded (audit log, where the dashboard
   * and `jaga-netral audit` show it, and the error log) instead of queued, so nothing goes round again.
   */
  noteHumasUnreached(row: Pick<OutboxRow, 'platform' | 'recipient' | 'kind'>, detail: string, now: number): void {
    audit(this.db, { at: now, actor: 'system', platform: row.platform, action: 'undeliverable', allowed: true, result: auditResult('humas_unreached', { kind: row.kind, to: row.recipient, reason: detail.slice(0, 200) }) });
    this.log.error({ platform: row.platform, to: row.recipient, kind: row.kind, detail }, 'message undeliverable and no other Humas admin can be told');
  }

  /** Closes the database after the dispatcher stops; an in-memory database's report files go with it. */
  async close(): Promise<void> {
    await this.screenshots.stop();
    await this.dispatcher.stop();
    if (this.db.open) this.db.close();
    removeMemoryReportsDir(this.config);
  }
}
