/**
 * The monitor: one SQLite transaction per event. Records the event under its
 * dedupe key (a replay is a no-op), updates the chat, runs detection, opens or
 * extends incidents and queues every resulting message in the outbox.
 */
import { hash } from 'node:crypto';
import type { Platform } from '../core/ids.js';
import { campaignFromContent, detect, type DetectContext } from '../core/detect.js';
import { cleanEventLabels } from '../core/text/label.js';
import type { AsnRecord, CampaignScore, ChatEvent, Classification, Person } from '../core/types.js';
import type { Db } from '../store/db.js';
import { ChatStore, type ChatRow } from '../store/chats.js';
import { IncidentStore, type IncidentRow } from '../store/incidents.js';
import { OutboxStore } from '../store/outbox.js';
import { chainBatch } from '../store/chain.js';
import { insertEvent } from '../store/events.js';
import { prepared } from '../store/statements.js';
import { enqueueGroupReminder, enqueueIncidentAlerts, enqueueLeftThanks, type AlertConfig } from './alerts.js';
import { holdForSummary } from './mass-alerts.js';
import { holdAsnAlert } from './asn-alert-holds.js';
import { holdHumasAsnAlert } from './humas-asn-holds.js';
import { holdThanks } from './thanks-holds.js';
import { enqueueNeedsAdminNotice } from './permissions.js';
import { campaignGroupTexts } from '../core/messages/campaign-group.js';

/** The registry as the monitor uses it. */
export interface RegistryLookup {
  findByPerson(p: Person): AsnRecord | undefined;
  /** The ASN with this NIP (to thank an ASN whose case closed). */
  byNip(nip: string): AsnRecord | undefined;
  /** Reloads when another process (a CLI import) changed the registry. */
  syncIfChanged?(): boolean;
}

/** How often the monitor checks whether the registry changed under it. */
const REGISTRY_SYNC_MS = 1000;

/** Texts whose classification the monitor keeps (see Monitor.classified), and the longest text kept. */
const CLASSIFIED_MAX = 4096;
const CLASSIFIED_TEXT_MAX = 1024;

/** Everything the monitor needs, injected. */
export interface MonitorDeps {
  db: Db;
  registry: RegistryLookup;
  classify(text: string): Classification;
  scoreGroup(title: string, description?: string): CampaignScore;
  config: AlertConfig;
  clock: () => number;
  registrationLink?: (platform: Platform) => string | undefined;
  /** Called after a commit that queued messages, to wake the dispatcher. */
  onEnqueued?: () => void;
  /** Called after a commit that asked for member scans, to wake the platform scanners. */
  onScansRequested?: () => void;
}

/** What handling one event did. */
export interface HandleResult {
  duplicate: boolean;
  eventId?: number;
  findings: number;
  opened: IncidentRow[];
  closed: IncidentRow[];
}

/** Any payload as text for the log: JSON where possible (BigInts kept as `123n`), else its type tag; never throws. */
export function describePayload(raw: unknown): string {
  try {
    return JSON.stringify(raw, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) ?? Object.prototype.toString.call(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}

/** Short, stable hash for dedupe keys of payloads without ids of their own. */
export const digest = (s: string): string => hash('sha256', s, 'hex').slice(0, 32); // one-shot: a third of createHash's cost on short text

/** Turns events into recorded facts, incidents and queued messages. */
export class Monitor {
  readonly chats: ChatStore;
  readonly incidents: IncidentStore;
  readonly outbox: OutboxStore;
  private readonly insertUnmatched;
  private readonly handleTx;
  private readonly batchTx;
  private readonly actorIdentifiedTx;

  constructor(private readonly d: MonitorDeps) {
    this.chats = new ChatStore(d.db);
    this.incidents = new IncidentStore(d.db);
    this.outbox = new OutboxStore(d.db);
    this.alerts = {
      outbox: this.outbox,
      chats: this.chats,
      config: d.config,
      registrationLink: d.registrationLink,
      holdHumasAlert: (i: IncidentRow) => holdForSummary(d.db, d.config, i.platform, i.chatId, i.id, this.alertsAt),
      holdAsnAlert: (i: IncidentRow, recipient: string) => holdAsnAlert(d.db, d.config, i, recipient, this.alertsAt),
      holdHumasAsnAlert: (i: IncidentRow) => holdHumasAsnAlert(d.db, d.config, i, this.alertsAt),
    };
    this.insertUnmatched = d.db.prepare(
      `INSERT INTO unmatched_members (platform, chat_id, member_id, kind, actor_id, event_id, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(platform, chat_id, member_id, kind) DO UPDATE SET actor_id = excluded.actor_id, event_id = excluded.event_id, seen_at = excluded.seen_at`,
    );
    this.handleTx = d.db.transaction((ev: ChatEvent) => {
      const r = this.apply(ev);
      this.chats.flushCounts();
      return r;
    });
    const unmatchedActor = d.db.prepare(`UPDATE unmatched_members SET actor_id = ? WHERE platform = 'whatsapp' AND actor_id = ?`);
    this.actorIdentifiedTx = d.db.transaction((lid: string, pnJid: string, now: number): number => {
      const moved = this.incidents.adoptActorPhone(lid, pnJid, now);
      unmatchedActor.run(pnJid, lid);
      return moved;
    });
    // The chain's guard is checked in full on the batch's first event row, then carried (store/chain.ts chainBatch).
    this.batchTx = d.db.transaction((events: ChatEvent[]) =>
      chainBatch(d.db, () => {
        const r = events.map((ev) => this.apply(ev));
        this.chats.flushCounts();
        return r;
      }),
    );
  }

  /** Handles one event in one transaction. Replaying the same event changes nothing. */
  handle(ev: ChatEvent): HandleResult {
    const queued = this.outbox.enqueued;
    const scans = this.chats.scans.requested;
    let r: HandleResult;
    try {
      r = this.handleTx(ev);
    } catch (err) {
      this.chats.forget();
      throw err;
    }
    if (this.outbox.enqueued !== queued) this.d.onEnqueued?.();
    if (this.chats.scans.requested !== scans) this.d.onScansRequested?.();
    return r;
  }

  /**
   * Handles many events in one commit (group commit). If any event fails, the
   * batch is rolled back and redone event by event, so only the bad one is rejected. Used when
   * events arrive in batches (a getUpdates page, a replay file, history sync).
   */
  handleBatch(events: ChatEvent[]): HandleResult[] {
    const queued = this.outbox.enqueued;
    const scans = this.chats.scans.requested;
    let results: HandleResult[];
    try {
      results = this.batchTx(events);
    } catch {
      // One event failed and the whole batch rolled back: redo them one by one, rejecting the bad one.
      this.chats.forget();
      results = events.map((ev) => {
        try {
          return this.handle(ev);
        } catch (err) {
          this.reject(ev.chat?.platform ?? 'telegram', ev, `handler failed: ${err instanceof Error ? err.message : String(err)}`);
          return { duplicate: false, findings: 0, opened: [], closed: [] };
        }
      });
    }
    if (this.outbox.enqueued !== queued) this.d.onEnqueued?.();
    if (this.chats.scans.requested !== scans) this.d.onScansRequested?.();
    return results;
  }

  /** Records a payload an adapter could not use, with why; never throws. */
  reject(platform: Platform, raw: unknown, reason: string): void {
    const payload = describePayload(raw).slice(0, 64 * 1024);
    insertEvent(this.d.db, {
      platform, dedupeKey: `rejected:${platform}:${digest(payload + reason)}`, kind: 'rejected', chatId: null, messageId: null,
      payload, status: 'rejected', reason: reason.slice(0, 500), occurredAt: null, receivedAt: this.d.clock(),
    });
  }

  /** The stored text of a message, for reactions that only carry its id. */
  messageText(platform: Platform, chatId: string, messageId: string): string | undefined {
    const r = this.d.db
      .prepare(`SELECT json_extract(payload, '$.text') AS text FROM events WHERE chat_id = ? AND message_id = ? AND kind = 'message' AND platform = ? LIMIT 1`)
      .get(chatId, messageId, platform) as { text: string | null } | undefined;
    return r?.text ?? undefined;
  }

  /**
   * A WhatsApp identity became known (e.g. a LID mapped to a phone): members
   * recorded as unmatched under any of `memberIds` are checked again.
   */
  rematch(platform: Platform, memberIds: string[], person: Person): HandleResult[] {
    const out: HandleResult[] = [];
    if (!this.d.registry.findByPerson(person)) return out;
    for (const id of memberIds) {
      const rows = this.d.db
        .prepare(`SELECT chat_id, kind, actor_id, event_id, seen_at FROM unmatched_members WHERE platform = ? AND member_id = ?`)
        .all(platform, id) as { chat_id: string; kind: string; actor_id: string | null; event_id: number | null; seen_at: number }[];
      for (const r of rows) {
        const ev = this.replayedFinding(platform, r, id, person);
        if (ev) out.push(this.handle(ev));
        this.d.db.prepare(`DELETE FROM unmatched_members WHERE platform = ? AND chat_id = ? AND member_id = ? AND kind = ?`).run(platform, r.chat_id, id, r.kind);
      }
    }
    return out;
  }

  /**
   * The phone behind a WhatsApp LID became known: an adder or tagger recorded by that LID (cases, findings, members
   * still unmatched) is now keyed by the phone JID, so the same person is one actor, shown by phone, everywhere.
   * Backfilled once here rather than resolved in every report query: each reader (report, CSV/XLSX, Pelaku pages,
   * dossier, CLI) keeps grouping by one id. The LID stays beside it; the recorded events are not touched.
   */
  actorIdentified(lid: string, pnJid: string): number {
    return this.actorIdentifiedTx(lid, pnJid, this.d.clock());
  }



  /** The event to run again for a member recorded as unmatched, now that `person` is known. */
  private replayedFinding(
    platform: Platform,
    r: { chat_id: string; kind: string; actor_id: string | null; event_id: number | null; seen_at: number },
    memberId: string,
    person: Person,
  ): ChatEvent | undefined {
    const chat = { platform, id: r.chat_id };
    const dedupeKey = `rematch:${platform}:${r.chat_id}:${memberId}:${r.kind}:${r.seen_at}`;
    const row = r.event_id === null ? undefined : (this.d.db.prepare(`SELECT payload FROM events WHERE id = ?`).get(r.event_id) as { payload: string } | undefined);
    const original = row ? (JSON.parse(row.payload) as ChatEvent) : undefined;
    if (r.kind === 'member_added') {
      // The adder as recorded (name, LID, phone), keyed now by the stored actor id (the phone JID once it is known).
      const seen = original?.kind === 'member_added' ? original.actor : undefined;
      const actor: Person | undefined = r.actor_id ? { ...(seen ?? {}), platform, id: r.actor_id } : undefined;
      if (actor && seen?.id && seen.id !== r.actor_id && seen.id.endsWith('@lid')) actor.lid ??= seen.id as Person['lid'];
      return { kind: 'member_added', dedupeKey, at: r.seen_at, chat, members: [person], actor };
    }
    if (r.kind === 'members_present') return { kind: 'members_present', dedupeKey, at: r.seen_at, chat, members: [person] };
    return original?.kind === 'message' ? { ...original, dedupeKey, mentions: [person] } : undefined;
  }


  private lastSync = 0;

  /**
   * Registry lookup and classification as detection calls them, made once: a closure made per event costs an
   * allocation and, under tsx (which `jaga-netral` runs through), a `__name` call each (issue 20).
   */
  private readonly lookup = (p: Person): AsnRecord | undefined => {
    const asn = this.d.registry.findByPerson(p);
    if (p.platform === 'whatsapp') this.askedWa.set(p, asn !== undefined);
    return asn;
  };

  /**
   * WhatsApp people of the event being handled that detection already asked the registry about, and whether it
   * knew them: the unknown ones are recorded as unmatched without asking again (a member scan of a large group
   * asked twice per member). Emptied as each event starts.
   */
  private readonly askedWa = new Map<Person, boolean>();

  /**
   * Texts classified lately and their results. The classifier is a pure function of the text (its vocabulary and
   * paslon are fixed for the life of the App), so a text seen again (a broadcast forwarded to many groups, a
   * repeated greeting, a reaction to a post already read) gets the very same result without reading it again.
   * Bounded: at most CLASSIFIED_MAX texts of at most CLASSIFIED_TEXT_MAX characters, dropped all at once when full;
   * the last text read is kept whatever its length, as the event's own post is read again by detection.
   */
  private readonly classified = new Map<string, Classification>();
  /** The last text read and its result, as two fields (an object per message was garbage at once). */
  private lastText: string | undefined;
  private lastResult: Classification | undefined;
  private readonly classifyText = (text: string): Classification => {
    if (this.lastText === text) return this.lastResult!;
    let result = this.classified.get(text);
    if (!result) {
      result = this.d.classify(text);
      if (text.length <= CLASSIFIED_TEXT_MAX) {
        if (this.classified.size >= CLASSIFIED_MAX) this.classified.clear();
        this.classified.set(text, result);
      }
    }
    this.lastText = text;
    this.lastResult = result;
    return result;
  };

  /** Detection's context, made once: only `chatIsCampaign` changes, set for each event before detect() reads it. */
  private readonly detectContext: DetectContext = { lookup: this.lookup, chatIsCampaign: false, classify: this.classifyText };

  private apply(raw: ChatEvent): HandleResult {
    // Titles and names come from strangers: one plain line each from here on (the event row keeps them as they came).
    const ev = cleanEventLabels(raw);
    if (this.askedWa.size) this.askedWa.clear();
    const now = this.d.clock();
    if (Math.abs(now - this.lastSync) >= REGISTRY_SYNC_MS) {
      this.lastSync = now;
      this.d.registry.syncIfChanged?.();
    }
    const isPrivate = ev.chat.type === 'private' || (ev.kind === 'message' && ev.isPrivate === true);
    const classification = ev.kind === 'message' && !isPrivate ? this.classifyText(ev.text) : undefined;
    // The group as known before this event, read once (a private chat has no row: asking would cost a query per message).
    const known = isPrivate ? undefined : this.chats.get(ev.chat.platform, ev.chat.id);
    // Only posts a reaction can matter on are findable by message id: Pilkada posts, and any post in a campaign group.
    const findable = ev.kind === 'message' && (classification?.pilkada || known?.campaign);
    const eventId = insertEvent(this.d.db, {
      platform: ev.chat.platform, dedupeKey: ev.dedupeKey, kind: ev.kind, chatId: ev.chat.id, messageId: findable ? ev.messageId : null,
      payload: JSON.stringify(raw), status: 'processed', reason: null, occurredAt: ev.at, receivedAt: now,
    });
    if (eventId === undefined) return { duplicate: true, findings: 0, opened: [], closed: [] };
    const result: HandleResult = { duplicate: false, eventId, findings: 0, opened: [], closed: [] };
    if (isPrivate) return result;

    if (ev.kind === 'chat_migrated') {
      this.chats.touch(ev.chat.platform, ev.chat.id, ev.chat.title, ev.chat.description, now);
      this.chats.migrate(ev.chat.platform, ev.chat.id, ev.newChatId, now);
      this.outbox.retarget(ev.chat.platform, ev.chat.id, ev.newChatId);
      return result;
    }
    const before = ev.kind === 'bot_membership' ? known : undefined;
    const chat = this.updateChat(ev, known, now, classification?.pilkada ?? false);
    // The bot arrived in a campaign group: find the ASN already inside.
    if (ev.kind === 'bot_membership' && ev.joined && chat.campaign) this.chats.scans.request(ev.chat.platform, ev.chat.id, ev.at);
    // Added, or its rights changed, without admin rights: Humas must know what the bot cannot see there.
    if (ev.kind === 'bot_membership' && ev.joined && ev.admin === false && before?.botAdmin !== false) {
      const alertDeps = { outbox: this.outbox, chats: this.chats, config: this.d.config, registrationLink: this.d.registrationLink, db: this.d.db };
      enqueueNeedsAdminNotice(alertDeps, chat, ev.dedupeKey, before?.botAdmin !== true, now);
    }

    if (ev.kind === 'member_left') {
      // Someone recorded as unmatched who has since left is forgotten: a pair learned later must not alert about
      // a member already gone. (A mention in a campaign post still counts: it happened.)
      if (ev.chat.platform === 'whatsapp') {
        const forget = prepared(
          this.d.db,
          `DELETE FROM unmatched_members WHERE platform = ? AND chat_id = ? AND member_id = ? AND kind IN ('member_added', 'members_present') AND seen_at <= ?`,
        );
        for (const m of ev.members) for (const h of [m.id, m.lid].filter((x): x is string => Boolean(x))) forget.run(ev.chat.platform, ev.chat.id, h, ev.at ?? now);
      }
      const nips = ev.members.map((m) => this.d.registry.findByPerson(m)?.nip).filter((n): n is AsnRecord['nip'] => Boolean(n));
      result.closed = this.incidents.closeLeft(nips, ev.chat.platform, ev.chat.id, ev.at);
      // Closing the loop: the ASN is thanked (in the same transaction, so a crash loses no thank-you).
      const thanksDeps = {
        outbox: this.outbox, chats: this.chats, config: this.d.config, registrationLink: this.d.registrationLink,
        holdThanks: (i: IncidentRow, recipient: string) => holdThanks(this.d.db, this.d.config, i, recipient, now),
      };
      for (const c of result.closed) {
        const asn = this.d.registry.byNip(c.asnNip);
        if (asn) enqueueLeftThanks(thanksDeps, c, asn, now);
      }
      return result;
    }

    // (The context handed on is made once per monitor, not per event: see `lookup`.)
    this.detectContext.chatIsCampaign = chat.campaign;
    const found = detect(ev, this.detectContext);
    // An edit finds again what the post already showed: only what the edit added counts (one case per post, never two).
    const findings = ev.kind === 'message' && ev.edited
      ? found.filter((f) => !this.foundOnMessage(f.asn.nip, ev.chat.platform, ev.chat.id, ev.messageId, eventId))
      : found;
    result.findings = findings.length;
    const reminder = ev.kind === 'member_added' && ev.members.length > 0;
    // Most events (ordinary chatter) find nothing and add no one: they need no alert wiring.
    if (findings.length || reminder) {
      const alertDeps = this.alertDeps(now);
      for (const f of findings) {
        const { opened } = this.incidents.record(f, eventId, now);
        if (opened) {
          result.opened.push(opened);
          enqueueIncidentAlerts(alertDeps, opened, f, now);
        }
      }
      // Any addition to a campaign group is followed by a reminder (at most once per interval), not only additions of
      // registered ASN: otherwise whoever adds numbers could tell from the reminder which of them belong to ASN.
      if (reminder && ev.kind === 'member_added') enqueueGroupReminder(alertDeps, ev.chat.platform, ev.chat.id, now, 'after_add', ev.threadId);
    }
    if (chat.campaign && (ev.kind === 'member_added' || ev.kind === 'members_present')) this.recordUnmatched(ev, ev.members, eventId, now);
    if (ev.kind === 'message' && (chat.campaign || classification?.pilkada)) this.recordUnmatched(ev, ev.mentions, eventId, now);
    return result;
  }

  /** What the alert functions need, for findings and reminders queued at `now`. */
  private alertDeps(now: number) {
    this.alertsAt = now;
    return this.alerts;
  }

  /**
   * The alert wiring, made once per monitor (every addition to a group needs it, for the reminder): `alertsAt` is
   * the time of the event being handled, set by `alertDeps`.
   */
  private alertsAt = 0;
  private readonly alerts;

  /** Whether an ASN already has a finding from another version of this message (the original post or an earlier edit). */
  private foundOnMessage(nip: string, platform: Platform, chatId: string, messageId: string, exceptEventId: number): boolean {
    return (
      prepared(
        this.d.db,
        `SELECT 1 FROM incident_findings f JOIN incidents i ON i.id = f.incident_id JOIN events e ON e.id = f.event_id
          WHERE i.asn_nip = ? AND e.platform = ? AND e.chat_id = ? AND e.message_id = ? AND e.id <> ? LIMIT 1`,
      ).get(nip, platform, chatId, messageId, exceptEventId) !== undefined
    );
  }

  /**
   * Keeps the chat row current: title, bot membership, campaign status from title, description and content. `before`
   * is the row as it was before this event; returns the row as it is now.
   */
  private updateChat(ev: ChatEvent, before: ChatRow | undefined, now: number, pilkada: boolean): ChatRow {
    const { platform, id } = ev.chat;
    const chat = this.chats.touch(platform, id, ev.chat.title, ev.chat.description, now, before);
    if (ev.kind === 'bot_membership') this.chats.setBotMember(platform, id, ev.joined, now, ev.admin);
    const infoChanged = !before || before.title !== chat.title || before.description !== chat.description;
    if (infoChanged && chat.campaignSource === 'score') {
      const s = this.d.scoreGroup(chat.title ?? '', chat.description ?? undefined);
      this.chats.setCampaign(platform, id, { campaign: s.campaign, score: s.score, reason: s.reason, source: 'score' }, now);
    }
    if (ev.kind === 'message' && !ev.isPrivate) {
      const c = this.chats.countMessage(platform, id, pilkada)!;
      if (!c.campaign && c.campaignSource !== 'admin' && campaignFromContent({ messagesSeen: c.messagesSeen, pilkadaPosts: c.pilkadaPosts })) {
        const reason = campaignGroupTexts(this.d.config.LANGUAGE).fromContent(c.pilkadaPosts, c.messagesSeen);
        this.chats.setCampaign(platform, id, { campaign: true, reason, source: 'content' }, now);
      }
    }
    return this.chats.get(platform, id)!;
  }

  /** People added or mentioned who are not in the registry yet, kept so a later identity mapping can still open the case. */
  private recordUnmatched(ev: Extract<ChatEvent, { kind: 'member_added' | 'members_present' | 'message' }>, people: Person[], eventId: number, now: number): void {
    if (ev.chat.platform !== 'whatsapp') return;
    const kind = ev.kind === 'message' ? 'mentioned' : ev.kind;
    const actor = ev.kind === 'member_added' ? ev.actor?.id : ev.kind === 'message' ? ev.sender.id : undefined;
    for (const m of people) {
      if (this.askedWa.get(m) ?? this.d.registry.findByPerson(m) !== undefined) continue;
      for (const handle of [m.id, m.lid].filter((h): h is string => Boolean(h))) {
        this.insertUnmatched.run(ev.chat.platform, ev.chat.id, handle, kind, actor ?? null, eventId, ev.at ?? now);
      }
    }
  }
}
