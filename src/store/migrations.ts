import { chainMigration } from './chain.js';
import type { Db } from './handle.js';

/** One schema step: SQL, or a function for a step SQL alone cannot do (hashing existing rows). */
export type Migration = string | ((db: Db) => void);

/**
 * The schema as an ordered list of steps. Never edit a step that has shipped:
 * append a new one. Times are INTEGER epoch milliseconds, UTC.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE asn (
    nip TEXT PRIMARY KEY,
    nama TEXT NOT NULL,
    unit TEXT NOT NULL,
    phone TEXT NOT NULL UNIQUE,
    tg_user_id TEXT UNIQUE,
    tg_username TEXT,
    wa_lid TEXT,
    registered_tg_at INTEGER,
    registered_wa_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX asn_tg_username ON asn(tg_username) WHERE tg_username IS NOT NULL;
  CREATE INDEX asn_wa_lid ON asn(wa_lid) WHERE wa_lid IS NOT NULL;
  CREATE INDEX asn_unit ON asn(unit);

  -- LID <-> phone pairs learned from WhatsApp, for anyone (not only ASN).
  CREATE TABLE wa_lid_map (
    lid TEXT PRIMARY KEY,
    pn TEXT NOT NULL,
    source TEXT NOT NULL,
    learned_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX wa_lid_map_pn ON wa_lid_map(pn);

  CREATE TABLE chats (
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    chat_id TEXT NOT NULL,
    title TEXT,
    description TEXT,
    campaign INTEGER NOT NULL DEFAULT 0 CHECK (campaign IN (0,1)),
    campaign_score REAL NOT NULL DEFAULT 0,
    campaign_reason TEXT,
    campaign_source TEXT NOT NULL DEFAULT 'score' CHECK (campaign_source IN ('score','content','admin')),
    marked_by TEXT,
    bot_member INTEGER NOT NULL DEFAULT 1 CHECK (bot_member IN (0,1)),
    reminders_enabled INTEGER NOT NULL DEFAULT 1 CHECK (reminders_enabled IN (0,1)),
    last_reminder_at INTEGER,
    migrated_to TEXT,
    messages_seen INTEGER NOT NULL DEFAULT 0,
    pilkada_posts INTEGER NOT NULL DEFAULT 0,
    first_seen_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id)
  ) STRICT;

  CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    chat_id TEXT,
    message_id TEXT,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'processed' CHECK (status IN ('processed','rejected')),
    reason TEXT,
    occurred_at INTEGER,
    received_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX events_message ON events(chat_id, message_id) WHERE message_id IS NOT NULL;

  -- Members added or mentioned whom we could not match yet (e.g. an unmapped @lid); a later mapping can still open the case.
  CREATE TABLE unmatched_members (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    member_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT,
    event_id INTEGER REFERENCES events(id),
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, member_id, kind)
  ) STRICT;

  CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    asn_nip TEXT NOT NULL REFERENCES asn(nip) ON UPDATE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('added','mentioned','reacted','posted','present')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','left','exempted','expired')),
    opened_at INTEGER NOT NULL,
    resolved_at INTEGER,
    added_by_id TEXT,
    added_by_name TEXT,
    excerpt TEXT,
    terms TEXT NOT NULL DEFAULT '[]',
    event_id INTEGER REFERENCES events(id),
    followups INTEGER NOT NULL DEFAULT 0,
    last_followup_at INTEGER,
    escalated_at INTEGER,
    status_reason TEXT,
    status_by TEXT,
    reopened_at INTEGER,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX incidents_one_open ON incidents(asn_nip, platform, chat_id) WHERE status = 'open';
  CREATE INDEX incidents_opened ON incidents(opened_at);

  -- Every finding that opened or extended an incident.
  CREATE TABLE incident_findings (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    kind TEXT NOT NULL,
    event_id INTEGER REFERENCES events(id),
    actor_id TEXT,
    actor_name TEXT,
    excerpt TEXT,
    terms TEXT NOT NULL DEFAULT '[]',
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX incident_findings_incident ON incident_findings(incident_id);

  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    dedupe_key TEXT NOT NULL UNIQUE,
    platform TEXT NOT NULL,
    recipient TEXT NOT NULL,
    recipient_kind TEXT NOT NULL CHECK (recipient_kind IN ('user','group')),
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    payload TEXT,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','undeliverable')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error TEXT,
    incident_id INTEGER REFERENCES incidents(id),
    created_at INTEGER NOT NULL,
    sent_at INTEGER,
    finished_at INTEGER
  ) STRICT;
  CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
  CREATE INDEX outbox_finished ON outbox(finished_at) WHERE finished_at IS NOT NULL;

  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    platform TEXT,
    action TEXT NOT NULL,
    args TEXT,
    allowed INTEGER NOT NULL CHECK (allowed IN (0,1)),
    result TEXT
  ) STRICT;
  CREATE INDEX audit_at ON audit(at);

  -- Checks of who is already inside a group, asked for when the bot joins a campaign group or a group
  -- becomes one. Telegram walks the registry (after_nip = last ASN checked), so a restart resumes.
  CREATE TABLE member_scans (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    token INTEGER NOT NULL,
    after_nip TEXT,
    requested_at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id)
  ) STRICT;

  -- Small named values: last digest time, telegram offsets, pause flags.
  CREATE TABLE kv (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;

  -- WhatsApp auth state (Baileys creds and signal keys), values serialised with BufferJSON.
  CREATE TABLE wa_creds (
    id TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  CREATE TABLE wa_keys (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (type, id)
  ) STRICT;
  CREATE TABLE wa_group_meta (
    jid TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  -- People who wrote to the WhatsApp number first: safer to message (warm contacts).
  CREATE TABLE wa_contacts (
    jid TEXT PRIMARY KEY,
    first_inbound_at INTEGER NOT NULL,
    last_inbound_at INTEGER NOT NULL
  ) STRICT;
  `,
  // Sending under pressure: a priority class per message (0 alerts, 1 follow-ups and reminders, 2 replies;
  // see core/priority.ts) and how many parts of a long message were delivered, so a retry or a restart resumes after them.
  `
  ALTER TABLE outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1 CHECK (priority IN (0,1,2));
  ALTER TABLE outbox ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0 CHECK (parts_sent >= 0);
  UPDATE outbox SET priority = CASE
    WHEN kind IN ('asn_alert','humas_alert','humas_mass_alert','undeliverable_notice','help_request','wa_restricted','wa_beyond_cap','outbox_unreadable') THEN 0
    WHEN kind IN ('command_reply','tg_hint','tg_start','tg_registered','tg_register_refused') THEN 2
    ELSE 1 END;
  CREATE INDEX outbox_pending ON outbox(platform, recipient, priority, id) WHERE status = 'pending';
  `,
  // The platform's id of each sent message (WhatsApp key.id), so a later delivery ack (a 463 restriction
  // arrives as messages.update after sendMessage resolved) finds its outbox row, and retry requests
  // from recipients' devices can be answered from here (getMessage).
  `
  ALTER TABLE outbox ADD COLUMN platform_message_id TEXT;
  CREATE INDEX outbox_platform_message ON outbox(platform, platform_message_id) WHERE platform_message_id IS NOT NULL;
  `,
  // Whether the bot is an administrator in a chat, from Telegram's my_chat_member (NULL = not known):
  // without admin rights Telegram sends no chat_member updates and does not guarantee getChatMember.
  `
  ALTER TABLE chats ADD COLUMN bot_admin INTEGER CHECK (bot_admin IN (0,1));
  `,
  `
  -- Humas dashboard: one-time login links and browser sessions, each stored only as the SHA-256 of its
  -- token. admin is the HUMAS_ADMINS handle (tg:<id> / wa:<digits>) the link was made for.
  CREATE TABLE dashboard_links (
    token_hash TEXT PRIMARY KEY,
    admin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  ) STRICT;
  CREATE TABLE dashboard_sessions (
    token_hash TEXT PRIMARY KEY,
    admin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER,
    end_reason TEXT
  ) STRICT;
  CREATE INDEX dashboard_sessions_admin ON dashboard_sessions(admin);
  -- When a membership check last gave an answer for a case (the dashboard's "last check").
  ALTER TABLE incidents ADD COLUMN checked_at INTEGER;
  `,
  // Inbound flood limits: one row per private message received, kept for an hour (app/flood.ts).
  `
  CREATE TABLE inbound_private (
    platform TEXT NOT NULL,
    sender TEXT NOT NULL,
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX inbound_private_sender ON inbound_private(platform, sender, at);
  CREATE INDEX inbound_private_at ON inbound_private(at);
  `,
  // Mass events (app/mass-alerts.ts): per group, how many Humas alerts went one by one in the current burst,
  // and the summaries that collect the rest until they are released as one Humas alert.
  `
  CREATE TABLE alert_windows (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    last_at INTEGER NOT NULL,
    individual INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id)
  ) STRICT;
  CREATE TABLE alert_batches (
    id INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    opened_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE UNIQUE INDEX alert_batches_open ON alert_batches(platform, chat_id) WHERE released_at IS NULL;
  CREATE INDEX alert_batches_due ON alert_batches(release_at) WHERE released_at IS NULL;
  CREATE TABLE alert_batch_items (
    batch_id INTEGER NOT NULL REFERENCES alert_batches(id),
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    PRIMARY KEY (batch_id, incident_id)
  ) STRICT;
  `,
  // Retention (RETENTION_DAYS): old raw payloads and private-message texts are blanked by age.
  `
  CREATE INDEX events_received ON events(received_at);
  `,
  // WhatsApp messages we sent, kept a few days so Baileys' getMessage can answer retry requests.
  `
  CREATE TABLE wa_sent_messages (
    id TEXT PRIMARY KEY,
    jid TEXT NOT NULL,
    message TEXT NOT NULL,
    sent_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX wa_sent_messages_at ON wa_sent_messages(sent_at);
  `,
  // When Humas was asked to confirm an unguaranteed "left" for a case (once per case, many cases in one message per
  // lifecycle pass). Cases already asked about one by one (outbox key unconfirmed-left:<case>:...) keep that time.
  `
  ALTER TABLE incidents ADD COLUMN unconfirmed_noticed_at INTEGER;
  UPDATE incidents SET unconfirmed_noticed_at = u.at
    FROM (SELECT CAST(substr(dedupe_key, 18, instr(substr(dedupe_key, 18), ':') - 1) AS INTEGER) AS id, MIN(created_at) AS at
            FROM outbox WHERE dedupe_key LIKE 'unconfirmed-left:%' GROUP BY 1) AS u
   WHERE incidents.id = u.id;
  `,
  // Refused ASN alerts beyond the first few of a burst, held to go to Humas as one list (app/undeliverable-holds.ts).
  `
  CREATE TABLE undeliverable_holds (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    asn_nip TEXT NOT NULL,
    platform TEXT NOT NULL,
    reason TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE UNIQUE INDEX undeliverable_holds_case ON undeliverable_holds(incident_id, asn_nip, platform);
  CREATE INDEX undeliverable_holds_due ON undeliverable_holds(release_at) WHERE released_at IS NULL;
  `,
  // Tamper-evident records (issue 19): a SHA-256 hash chain over events and audit rows (core/chain.ts); the rows already there are chained once, in id order.
  chainMigration,
  // Dashboard: the name the admin had in chat when asking for a login link (/dasbor), shown in the page header instead of tg:ID.
  `
  ALTER TABLE dashboard_links ADD COLUMN admin_name TEXT;
  ALTER TABLE dashboard_sessions ADD COLUMN admin_name TEXT;
  `,
  // Refused dashboard logins counted per client and 10-minute window (store/login-refusals.ts): the audit log gets one
  // summary row per client and window instead of one row per refused request.
  `
  CREATE TABLE login_refusals (
    client TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (client, window_start)
  ) STRICT;
  `,
  // Self-reports (issue 18): incidents may be of kind 'reported' (the table is rebuilt as SQLite recommends, with foreign
  // keys off for this step, since a CHECK cannot be altered), the reports with their receipt numbers, their evidence,
  // and the guided reporting flows in progress (one per person and platform, so a restart resumes them).
  `
  -- foreign_keys: off
  CREATE TABLE incidents_new (
    id INTEGER PRIMARY KEY,
    asn_nip TEXT NOT NULL REFERENCES asn(nip) ON UPDATE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('added','mentioned','reacted','posted','present','reported')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','left','exempted','expired')),
    opened_at INTEGER NOT NULL,
    resolved_at INTEGER,
    added_by_id TEXT,
    added_by_name TEXT,
    excerpt TEXT,
    terms TEXT NOT NULL DEFAULT '[]',
    event_id INTEGER REFERENCES events(id),
    followups INTEGER NOT NULL DEFAULT 0,
    last_followup_at INTEGER,
    escalated_at INTEGER,
    status_reason TEXT,
    status_by TEXT,
    reopened_at INTEGER,
    updated_at INTEGER NOT NULL,
    checked_at INTEGER,
    unconfirmed_noticed_at INTEGER
  ) STRICT;
  INSERT INTO incidents_new (id, asn_nip, platform, chat_id, kind, status, opened_at, resolved_at, added_by_id, added_by_name, excerpt, terms,
                             event_id, followups, last_followup_at, escalated_at, status_reason, status_by, reopened_at, updated_at, checked_at, unconfirmed_noticed_at)
    SELECT id, asn_nip, platform, chat_id, kind, status, opened_at, resolved_at, added_by_id, added_by_name, excerpt, terms,
           event_id, followups, last_followup_at, escalated_at, status_reason, status_by, reopened_at, updated_at, checked_at, unconfirmed_noticed_at
      FROM incidents;
  DROP TABLE incidents;
  ALTER TABLE incidents_new RENAME TO incidents;
  CREATE UNIQUE INDEX incidents_one_open ON incidents(asn_nip, platform, chat_id) WHERE status = 'open';
  CREATE INDEX incidents_opened ON incidents(opened_at);

  -- One report by an ASN. receipt_no is JN-<year>-<seq>; signed is the canonical text the verification code is an HMAC of.
  CREATE TABLE self_reports (
    id INTEGER PRIMARY KEY,
    receipt_no TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    source_key TEXT NOT NULL UNIQUE,
    asn_nip TEXT NOT NULL REFERENCES asn(nip) ON UPDATE CASCADE,
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    reporter_id TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('added','tagged','photo','other')),
    place TEXT NOT NULL CHECK (place IN ('whatsapp','telegram','facebook','instagram','tiktok','x','other')),
    description TEXT NOT NULL,
    group_name TEXT,
    actor_phone TEXT,
    actor_name TEXT,
    incident_id INTEGER REFERENCES incidents(id),
    signed TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    UNIQUE (year, seq)
  ) STRICT;
  CREATE INDEX self_reports_asn ON self_reports(asn_nip);
  CREATE INDEX self_reports_created ON self_reports(created_at);
  -- Evidence of a report: files downloaded through the platform (path under the data folder, SHA-256), links kept as text.
  CREATE TABLE self_report_evidence (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES self_reports(id),
    kind TEXT NOT NULL CHECK (kind IN ('photo','document','link','forward','invite')),
    value TEXT,
    path TEXT,
    filename TEXT,
    mime TEXT,
    bytes INTEGER,
    sha256 TEXT,
    at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX self_report_evidence_report ON self_report_evidence(report_id);
  -- A guided report in progress: the step reached and the answers so far (JSON).
  CREATE TABLE report_flows (
    platform TEXT NOT NULL,
    user_id TEXT NOT NULL,
    asn_nip TEXT NOT NULL REFERENCES asn(nip) ON UPDATE CASCADE,
    step TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    started_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (platform, user_id)
  ) STRICT;
  `,
  // Self-reports about one group beyond the first few of a burst, held to go to Humas as one summary (app/self-report-bursts.ts).
  `
  CREATE TABLE self_report_holds (
    report_id INTEGER PRIMARY KEY REFERENCES self_reports(id),
    burst_key TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE INDEX self_report_holds_due ON self_report_holds(release_at) WHERE released_at IS NULL;
  `,
  // A leave the bot could not see for itself (issue 16, left alone): 'asn' = closed on the ASN's word, unverified
  // (WhatsApp `SUDAH KELUAR <case>`); 'humas' = a Humas admin confirmed it (/sudahkeluar). NULL: the bot saw it, or not left.
  `ALTER TABLE incidents ADD COLUMN left_by_word TEXT CHECK (left_by_word IN ('asn','humas'));`,
  // Issue 18 (OCR): what an offline OCR read from a self-report's photo; one row per image, the image itself stays in self_report_evidence.
  `
  CREATE TABLE self_report_ocr (
    evidence_id INTEGER PRIMARY KEY REFERENCES self_report_evidence(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('read','failed')),
    engine TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    confidence REAL,
    group_name TEXT,
    pilkada INTEGER NOT NULL DEFAULT 0,
    score REAL,
    terms TEXT NOT NULL DEFAULT '[]',
    campaign_group INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    ms INTEGER,
    at INTEGER NOT NULL
  ) STRICT;
  `,
  // A WhatsApp adder is one person, shown by phone: incidents and findings keep the adder's LID beside the actor id, which
  // is the phone JID once the phone is known (core/actor.ts); names WhatsApp showed for a handle (Baileys contacts.update
  // `notify`, the push name) so an adder seen only in a participant notification is named; rows whose LID already has a
  // phone in wa_lid_map move to the phone JID now, later ones when the pair is learned (Monitor.actorIdentified).
  `
  ALTER TABLE incidents ADD COLUMN added_by_lid TEXT;
  ALTER TABLE incident_findings ADD COLUMN actor_lid TEXT;
  CREATE TABLE wa_names (
    jid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    seen_at INTEGER NOT NULL
  ) STRICT;
  UPDATE incidents SET added_by_lid = added_by_id WHERE platform = 'whatsapp' AND added_by_id LIKE '%@lid';
  UPDATE incidents SET added_by_id = (SELECT pn FROM wa_lid_map WHERE lid = incidents.added_by_lid)
   WHERE added_by_lid IS NOT NULL AND added_by_id = added_by_lid AND added_by_lid IN (SELECT lid FROM wa_lid_map);
  UPDATE incident_findings SET actor_lid = actor_id WHERE actor_id LIKE '%@lid';
  UPDATE incident_findings SET actor_id = (SELECT pn FROM wa_lid_map WHERE lid = incident_findings.actor_lid)
   WHERE actor_lid IS NOT NULL AND actor_id = actor_lid AND actor_lid IN (SELECT lid FROM wa_lid_map);
  UPDATE unmatched_members SET actor_id = (SELECT pn FROM wa_lid_map WHERE lid = unmatched_members.actor_id)
   WHERE platform = 'whatsapp' AND actor_id IN (SELECT lid FROM wa_lid_map);
  CREATE INDEX incidents_added_by ON incidents(added_by_id) WHERE added_by_id IS NOT NULL;
  CREATE INDEX incident_findings_actor ON incident_findings(actor_id) WHERE actor_id IS NOT NULL;
  CREATE INDEX unmatched_members_actor ON unmatched_members(actor_id) WHERE actor_id IS NOT NULL;
  `,
  // Compact hash chain (issue 20): rows chained from now on keep 32-byte SHA-256 digests in BLOB columns (format 2 in
  // core/chain.ts); rows already chained keep their hex TEXT hashes (format 1) and the first new row links to the last of them.
  `
  ALTER TABLE events ADD COLUMN payload_digest BLOB;
  ALTER TABLE events ADD COLUMN row_digest BLOB;
  ALTER TABLE audit ADD COLUMN detail_digest BLOB;
  ALTER TABLE audit ADD COLUMN row_digest BLOB;
  `,
  // WhatsApp pictures not yet answered, kept so a restart finishes them (store/wa-pending-pictures.ts): pictures of a
  // private album being gathered ('album') and pictures held for a `LAPOR <text>` typed after them ('held'), each
  // with its message as proto.WebMessageInfo JSON (the media key and URL Baileys' downloadMediaMessage needs, which
  // the event log does not keep), and album headers with how many pictures they announced. Rows go when answered.
  `
  CREATE TABLE wa_pending_pictures (
    chat_jid TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('album','held')),
    album_id TEXT,
    message TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (chat_jid, message_id)
  ) STRICT;
  CREATE INDEX wa_pending_pictures_sender ON wa_pending_pictures(state, sender);
  CREATE INDEX wa_pending_pictures_album ON wa_pending_pictures(chat_jid, album_id) WHERE album_id IS NOT NULL;
  CREATE TABLE wa_album_headers (
    chat_jid TEXT NOT NULL,
    album_id TEXT NOT NULL,
    expected INTEGER NOT NULL CHECK (expected > 0),
    at INTEGER NOT NULL,
    PRIMARY KEY (chat_jid, album_id)
  ) STRICT;
  `,
  // Message counts per chat in a narrow table of their own (issue 20, monitor throughput): every group commit adds the
  // counts of each chat its messages came from, and in the wide chats row (title, description, reasons) that rewrote a
  // row, and often a page, per chat; here a chat is one short row keyed by (platform, chat_id), ~100 to a page, written
  // with one upsert. The counts kept so far move over, and the chats columns go (only store/chats.ts read or wrote them).
  `
  CREATE TABLE chat_counts (
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    messages_seen INTEGER NOT NULL DEFAULT 0,
    pilkada_posts INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (platform, chat_id)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO chat_counts (platform, chat_id, messages_seen, pilkada_posts)
    SELECT platform, chat_id, messages_seen, pilkada_posts FROM chats WHERE messages_seen <> 0 OR pilkada_posts <> 0;
  ALTER TABLE chats DROP COLUMN messages_seen;
  ALTER TABLE chats DROP COLUMN pilkada_posts;
  `,
  // Pending pictures on both platforms (store/pending-pictures.ts; issue s27): wa_pending_pictures becomes pending_pictures
  // with a platform column, so Telegram's private albums are written as they come too (a Telegram message keeps its
  // Bot API Message JSON: the file_id getFile needs and the caption) and a restart or crash mid-album loses none; the
  // Telegram message's event row rides along (event_id) for the report's link to it, and an answered Telegram album's
  // messages stay a day as 'done' (message blanked), since an uncaptioned photo leaves no event row to recognise it
  // by when Telegram delivers it again. WhatsApp's rows move over in their
  // order (rowid is the arrival order the store reads them in). `at` is indexed for the retention job, which drops
  // rows that can no longer be finished. self_reports.videos_not_kept: how many videos the ASN sent with the report
  // that were not kept (not downloaded), so the Humas alert, and a held alert sent later in a burst summary, can say so.
  `
  CREATE TABLE pending_pictures (
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    chat_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sender TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('album','held','done')),
    album_id TEXT,
    message TEXT NOT NULL,
    event_id INTEGER,
    at INTEGER NOT NULL,
    PRIMARY KEY (platform, chat_id, message_id)
  ) STRICT;
  INSERT INTO pending_pictures (platform, chat_id, message_id, sender, state, album_id, message, at)
    SELECT 'whatsapp', chat_jid, message_id, sender, state, album_id, message, at FROM wa_pending_pictures ORDER BY rowid;
  DROP TABLE wa_pending_pictures;
  CREATE INDEX pending_pictures_sender ON pending_pictures(platform, state, sender);
  CREATE INDEX pending_pictures_album ON pending_pictures(platform, chat_id, album_id) WHERE album_id IS NOT NULL;
  CREATE INDEX pending_pictures_at ON pending_pictures(at);
  CREATE INDEX wa_album_headers_at ON wa_album_headers(at);
  ALTER TABLE self_reports ADD COLUMN videos_not_kept INTEGER NOT NULL DEFAULT 0;
  `,
  // OutboxStore.lastQueued by recipient and kind (issue s29 red): a group is refused a command once per 10 minutes and
  // a hint is not repeated too soon; without this index each look scanned the whole outbox (23 ms at 200,000 rows), so a
  // flood of 1,000 commands in a group held the event loop for about 20 s.
  `
  CREATE INDEX outbox_recipient_kind ON outbox(platform, recipient, kind, created_at);
  `,
  // Refused requests of the public receipt check (/verifikasi, over its rate limit) are counted like refused logins:
  // the counters get the action they count ('dashboard login' or 'receipt check'), and one client's windows of both
  // are kept apart. The table is rebuilt (a primary key cannot be altered); the counters of the hour move over.
  `
  CREATE TABLE login_refusals_new (
    action TEXT NOT NULL DEFAULT 'dashboard login',
    client TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    reasons TEXT NOT NULL,
    PRIMARY KEY (action, client, window_start)
  ) STRICT;
  INSERT INTO login_refusals_new (action, client, window_start, count, reasons) SELECT 'dashboard login', client, window_start, count, reasons FROM login_refusals;
  DROP TABLE login_refusals;
  ALTER TABLE login_refusals_new RENAME TO login_refusals;
  `,
  // One ASN in many groups at once (app/asn-alert-holds.ts): the case alerts to that ASN beyond the first few in an
  // hour are held here and sent as one summary per ASN, platform and hour. The cases themselves are opened as ever.
  `
  CREATE TABLE asn_alert_holds (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    asn_nip TEXT NOT NULL,
    recipient TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE INDEX asn_alert_holds_due ON asn_alert_holds(release_at) WHERE released_at IS NULL;
  CREATE INDEX asn_alert_holds_asn ON asn_alert_holds(platform, asn_nip, released_at);
  `,
  // OutboxStore.queuedToGroupsSince: command refusals posted in any WhatsApp group in the last hour (a cap against
  // a timses making many groups), counted without scanning the outbox.
  `
  CREATE INDEX outbox_group_kind_created ON outbox(platform, kind, recipient_kind, created_at);
  `,
  // One ASN in many groups at once, Humas' side (app/humas-asn-holds.ts): the case alerts to Humas beyond the first few
  // of one ASN in an hour are held here and sent as one summary per ASN, platform and hour. And the cases one outbox
  // message stands for when it speaks of several (that summary; follow-ups, escalations and thank-yous that fell due
  // together): each case keeps its tie to the message, so a refused message is each case's refusal.
  `
  CREATE TABLE humas_asn_holds (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    asn_nip TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE INDEX humas_asn_holds_due ON humas_asn_holds(release_at) WHERE released_at IS NULL;
  CREATE INDEX humas_asn_holds_asn ON humas_asn_holds(platform, asn_nip, released_at);
  CREATE TABLE outbox_cases (
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    incident_id INTEGER NOT NULL REFERENCES incidents(id),
    PRIMARY KEY (outbox_id, incident_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX outbox_cases_incident ON outbox_cases(incident_id);
  `,
  // One ASN leaving many groups (app/thanks-holds.ts): the thank-yous beyond the first few in an hour are held here
  // and sent as one message per ASN, platform and hour.
  `
  CREATE TABLE thanks_holds (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    asn_nip TEXT NOT NULL,
    recipient TEXT NOT NULL,
    held_at INTEGER NOT NULL,
    release_at INTEGER NOT NULL,
    released_at INTEGER
  ) STRICT;
  CREATE INDEX thanks_holds_due ON thanks_holds(release_at) WHERE released_at IS NULL;
  CREATE INDEX thanks_holds_asn ON thanks_holds(platform, asn_nip, released_at);
  `,
  // A case's messages by its id (the case page, `cases show`, the dossier, the digest's thank-you check, a follow-up's
  // delivery): each read the whole outbox, which holds every message the bot ever queued.
  `
  CREATE INDEX outbox_incident ON outbox(incident_id) WHERE incident_id IS NOT NULL;
  `,
  // A case opened on a match by Telegram username alone (core/detect.ts unverifiedMatch): the username (and the
  // account id seen) it matched by, so a Humas summary holding the case later (app/mass-alerts.ts,
  // app/humas-asn-holds.ts) can mark its line "belum terverifikasi", as the one-case alert warns.
  `
  CREATE TABLE incident_unverified (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
    username TEXT NOT NULL,
    account_id TEXT
  ) STRICT;
  `,
  // A group's held self-reports (app/self-report-bursts.ts: the open burst's release when one more is held, the reports a
  // release lists): each read every report ever held.
  `
  CREATE INDEX self_report_holds_open ON self_report_holds(burst_key, report_id) WHERE released_at IS NULL;
  `,
  // The platform id of every part of a message sent in several (a long text in parts, then each file): outbox's
  // platform_message_id keeps one, so a Humas reply to a summary's CSV file (or, on Telegram, to its text) named no row.
  `
  CREATE TABLE outbox_parts (
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    platform_message_id TEXT NOT NULL,
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    PRIMARY KEY (platform, platform_message_id)
  ) STRICT, WITHOUT ROWID;
  `,
  // Cases opened before incident_unverified existed got no row there, so their lines went unmarked after an upgrade.
  backfillUnverified,
  // Telegram numbers messages per chat, so two admins' chats both have a message 2: a part's id is one row's only
  // together with the chat it was sent to. The key keeps every row's parts (the first row to send a number kept it).
  `
  CREATE TABLE outbox_parts_new (
    platform TEXT NOT NULL CHECK (platform IN ('telegram','whatsapp')),
    platform_message_id TEXT NOT NULL,
    outbox_id INTEGER NOT NULL REFERENCES outbox(id),
    PRIMARY KEY (platform, platform_message_id, outbox_id)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO outbox_parts_new (platform, platform_message_id, outbox_id) SELECT platform, platform_message_id, outbox_id FROM outbox_parts;
  DROP TABLE outbox_parts;
  ALTER TABLE outbox_parts_new RENAME TO outbox_parts;
  `,
  // A WhatsApp error ack for an early part of a message sent in several can arrive while the later parts are still
  // being sent: the refusal is kept here until the dispatcher settles the row (outbox.refusedAfterSend).
  `ALTER TABLE outbox ADD COLUMN refused_while_sending TEXT;`,
];

/**
 * Marks the Telegram cases opened by a match on username alone before `incident_unverified` existed, from each case's
 * opening event (events.payload is the ChatEvent the monitor recorded): a person in it carrying the ASN's registry
 * username, while the registry has no Telegram id for that ASN, or has since bound one that person did not carry
 * (another account took the username), as core/detect.ts unverifiedMatch decided when the case opened. A case whose
 * person is the account the registry now knows stays unmarked; so does one whose event cannot be read.
 */
function backfillUnverified(db: Db): void {
  type Person = { platform?: unknown; id?: unknown; username?: unknown };
  type Row = { id: number; payload: string; username: string; tgId: string | null };
  // A page of cases at a time (by id), so memory stays that of one page however many cases and events there are.
  const page = db.prepare(
    `SELECT i.id, e.payload, a.tg_username AS username, a.tg_user_id AS tgId
       FROM incidents i JOIN asn a ON a.nip = i.asn_nip JOIN events e ON e.id = i.event_id
      WHERE i.id > ? AND i.platform = 'telegram' AND a.tg_username IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM incident_unverified u WHERE u.incident_id = i.id)
      ORDER BY i.id LIMIT ${BACKFILL_PAGE}`,
  );
  const norm = (u: unknown): string | undefined => (typeof u === 'string' ? u.trim().replace(/^@/, '').toLowerCase() || undefined : undefined);
  const ins = db.prepare(`INSERT OR IGNORE INTO incident_unverified (incident_id, username, account_id) VALUES (?, ?, ?)`);
  let after = 0;
  for (;;) {
    const rows = page.all(after) as Row[];
    if (!rows.length) break;
    for (const r of rows) backfillOne(r);
    after = rows[rows.length - 1]!.id;
  }
  function backfillOne(r: Row): void {
    let ev: { members?: unknown; mentions?: unknown; sender?: unknown } | null;
    try {
      ev = JSON.parse(r.payload) as typeof ev;
    } catch {
      return;
    }
    // Valid JSON that is no object ("null", a number) is as unreadable as a cut-off text.
    if (typeof ev !== 'object' || ev === null) return;
    const people = [...(Array.isArray(ev.members) ? ev.members : []), ...(Array.isArray(ev.mentions) ? ev.mentions : []), ev.sender] as (Person | undefined)[];
    const want = norm(r.username);
    const p = people.find((x) => x?.platform === 'telegram' && norm(x.username) === want);
    if (!p || want === undefined) return;
    const id = typeof p.id === 'string' ? p.id : undefined;
    if (r.tgId !== null && (id === undefined || id === r.tgId)) return;
    ins.run(r.id, want, id ?? null);
  }
}

/** Cases the backfill above reads at once (with their events' payloads, a few kB each). */
const BACKFILL_PAGE = 500;
