/**
 * Registry tasks for Humas staff outside chat: list and search ASN with
 * paging, add, update and remove one ASN. Shared by the `jaga-netral asn`
 * command and the dashboard. Values are checked with the same rules as
 * `import-asn`; every change goes through the registry (so the running bot's
 * in-memory indexes follow) and is audited with the actor who made it.
 */
import { endFlowsOfAsn } from '../report-flow.js';
import { auditResult } from '../../core/messages/audit-result.js';
import type { Nip, PhoneE164, TgUserId } from '../../core/ids.js';
import { parseNip } from '../../core/nip.js';
import { parseIndonesianMobile } from '../../core/phone.js';
import type { AsnRecord } from '../../core/types.js';
import type { AsnInput } from '../../store/asn.js';
import type { App } from '../app.js';
import { fieldProblemText, parseTexts, type FieldProblem } from '../../core/messages/parse.js';
import { checkText, parseTelegram } from '../import-asn.js';
import { auditOffice, clampLimit } from './audit.js';
import { registrationWhere, type RegistrationFilter } from './registration.js';

/** The fields Humas types for one ASN (as in the registry file). */
export interface AsnFields {
  nip: string;
  nama: string;
  unit: string;
  telepon: string;
  /** `@username` or numeric id; empty or absent = none given. */
  telegram?: string;
}

/** A list query: unit (exact, case-insensitive), free text over NIP, name, unit, phone and Telegram handle, paging. */
export interface AsnQuery {
  unit?: string;
  search?: string;
  /** Only those registered with the bot on that platform, or (`none`) on neither. */
  registration?: RegistrationFilter;
  offset?: number;
  limit?: number;
}

/** One page of the registry. */
export interface AsnPage {
  total: number;
  offset: number;
  rows: AsnRecord[];
}

/**
 * Why a registry change was refused. `problems` are the row's check results, as `import-asn` words them
 * (in LANGUAGE); `facts` the same as codes, which the audit log stores.
 */
export type AsnChangeError =
  | { ok: false; reason: 'invalid'; problems: string[]; facts: FieldProblem[] }
  | { ok: false; reason: 'exists'; nip: string }
  | { ok: false; reason: 'not_found'; nip: string }
  | { ok: false; reason: 'conflict'; field: 'telepon' | 'telegram'; owner: string }
  | { ok: false; reason: 'has_cases'; nip: string; cases: number };

/** Outcome of add/update/remove. */
export type AsnChange = { ok: true; asn: AsnRecord; changed: boolean } | AsnChangeError;

/** Checks the fields with the registry file's rules; the record to store, or every problem found, worded in `lang` (English unless asked). */
export function validateAsnFields(
  f: AsnFields,
  lang: 'id' | 'en' = 'en',
): { ok: true; input: AsnInput } | { ok: false; problems: string[]; facts: FieldProblem[] } {
  const words = parseTexts(lang);
  const facts: FieldProblem[] = [];
  const nip = parseNip(f.nip ?? '');
  if (!nip.ok) facts.push({ field: 'nip', value: (f.nip ?? '').trim(), problem: nip.problem });
  const nama = checkText('nama', f.nama ?? '', words);
  if (typeof nama !== 'string') facts.push({ field: 'text', problem: nama.problem });
  const unit = checkText('unit', f.unit ?? '', words);
  if (typeof unit !== 'string') facts.push({ field: 'text', problem: unit.problem });
  const phone = parseIndonesianMobile(f.telepon ?? '');
  if (!phone.ok) facts.push({ field: 'telepon', value: (f.telepon ?? '').trim(), problem: phone.problem });
  const tg = parseTelegram(f.telegram ?? '', words);
  if ('error' in tg) facts.push({ field: 'telegram', problem: tg.problem });
  if (facts.length || !nip.ok || !phone.ok || typeof nama !== 'string' || typeof unit !== 'string' || 'error' in tg) {
    return { ok: false, problems: facts.map((p) => fieldProblemText(p, words)), facts };
  }
  const input: AsnInput = { nip: nip.nip, nama, unit, phone: phone.phone };
  if (tg.id !== null) input.telegramId = tg.id as TgUserId;
  if (tg.username !== null) input.telegramUsername = tg.username;
  return { ok: true, input };
}

/** One page of ASN sorted by unit then name, filtered by unit and free text. */
export function listAsn(app: App, q: AsnQuery = {}): AsnPage {
  const params = {
    unit: q.unit?.trim() || null,
    like: q.search?.trim() ? `%${q.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
    digits: q.search && /\d/.test(q.search) ? `%${q.search.replace(/\D/g, '')}%` : null,
    // A phone typed the local way (0852...) is stored as +62852...
    phone: q.search && /\d/.test(q.search) ? `%${q.search.replace(/\D/g, '').replace(/^0+/, '')}%` : null,
  };
  const where = `WHERE (@unit IS NULL OR unit = @unit COLLATE NOCASE) AND (${registrationWhere(q.registration)})
    AND (@like IS NULL OR nip LIKE @like ESCAPE '\\' OR nama LIKE @like ESCAPE '\\' OR unit LIKE @like ESCAPE '\\'
         OR tg_username LIKE @like ESCAPE '\\' OR (@digits IS NOT NULL AND (phone LIKE @phone OR tg_user_id LIKE @digits)))`;
  const offset = Math.max(0, Math.floor(q.offset ?? 0));
  const limit = clampLimit(q.limit);
  const order = `ORDER BY unit COLLATE NOCASE, nama COLLATE NOCASE, nip LIMIT @limit OFFSET @offset`;
  const count = () => app.db.prepare(`SELECT COUNT(*) FROM asn ${where}`).pluck().get(params) as number;
  let page: { nip: string; total?: number }[];
  let total: number;
  if (params.like === null) {
    total = count();
    page = app.db.prepare(`SELECT nip FROM asn ${where} ${order}`).all({ ...params, limit, offset }) as { nip: string }[];
  } else {
    // A text search scans every row: one scan gives both the page and the count (a page past the end counts apart).
    page = app.db.prepare(`SELECT nip, COUNT(*) OVER () AS total FROM asn ${where} ${order}`).all({ ...params, limit, offset }) as { nip: string; total: number }[];
    total = page[0]?.total ?? (offset > 0 ? count() : 0);
  }
  app.registry.syncIfChanged();
  return { total, offset, rows: page.map((r) => app.registry.byNip(r.nip)).filter((r): r is AsnRecord => r !== undefined) };
}

/** One ASN by NIP (spaces allowed), if registered. */
export function getAsn(app: App, nip: string): AsnRecord | undefined {
  app.registry.syncIfChanged();
  return app.registry.byNip(nip.replace(/\s/g, ''));
}

const argsOf = (f: Partial<AsnFields>): string =>
  Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${String(v)}`).join(' ');

/** Adds a new ASN; refuses a NIP that is already registered (use `updateAsn`). */
export function addAsn(app: App, f: AsnFields, actor: string, now: number = app.clock()): AsnChange {
  return audited(app, actor, 'asn add', argsOf(f), now, (): AsnChange => {
    const v = validateAsnFields(f, app.config.LANGUAGE);
    if (!v.ok) return { ok: false, reason: 'invalid', problems: v.problems, facts: v.facts };
    app.registry.syncIfChanged();
    if (app.registry.byNip(v.input.nip)) return { ok: false, reason: 'exists', nip: v.input.nip };
    return store(app, v.input, now);
  });
}

/** Changes the fields given of a registered ASN; a NIP that is not registered is refused. */
export function updateAsn(app: App, nip: string, patch: Partial<Omit<AsnFields, 'nip'>>, actor: string, now: number = app.clock()): AsnChange {
  const key = nip.replace(/\s/g, '');
  return audited(app, actor, 'asn update', `nip=${key} ${argsOf(patch)}`.trim(), now, (): AsnChange => {
    app.registry.syncIfChanged();
    const old = app.registry.byNip(key);
    if (!old) return { ok: false, reason: 'not_found', nip: key };
    const v = validateAsnFields({
      nip: key,
      nama: patch.nama ?? old.nama,
      unit: patch.unit ?? old.unit,
      telepon: patch.telepon ?? old.phone,
      telegram: patch.telegram,
    }, app.config.LANGUAGE);
    if (!v.ok) return { ok: false, reason: 'invalid', problems: v.problems, facts: v.facts };
    const same = v.input.nama === old.nama && v.input.unit === old.unit && v.input.phone === old.phone
      && (v.input.telegramId === undefined || v.input.telegramId === old.telegramId)
      && (v.input.telegramUsername === undefined || v.input.telegramUsername === old.telegramUsername);
    if (same) return { ok: true, asn: old, changed: false };
    return store(app, v.input, now);
  });
}

/** Removes an ASN from the registry; refused while any case refers to it (the case history and reports keep the name). */
export function removeAsn(app: App, nip: string, actor: string, now: number = app.clock()): AsnChange {
  const key = nip.replace(/\s/g, '');
  return audited(app, actor, 'asn remove', `nip=${key}`, now, (): AsnChange => {
    app.registry.syncIfChanged();
    const old = app.registry.byNip(key);
    if (!old) return { ok: false, reason: 'not_found', nip: key };
    const cases = app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE asn_nip = ?`).pluck().get(key) as number;
    if (cases > 0) return { ok: false, reason: 'has_cases', nip: key, cases };
    // A guided self-report the ASN has open names them (a foreign key): it ends with them, on the record.
    endFlowsOfAsn(app, key, actor, now);
    app.registry.remove(key, now);
    return { ok: true, asn: old, changed: true };
  });
}

/** Runs the change and its audit entry in one transaction (a savepoint when one is already open). */
function audited(app: App, actor: string, action: string, args: string, now: number, fn: () => AsnChange): AsnChange {
  return app.db.transaction(() => {
    const r = fn();
    auditOffice(app.db, actor, action, args, resultCode(r), now);
    return r;
  })();
}

function store(app: App, input: AsnInput, now: number): AsnChange {
  const phoneOwner = app.registry.byPhone(input.phone as PhoneE164);
  if (phoneOwner && phoneOwner.nip !== input.nip) return { ok: false, reason: 'conflict', field: 'telepon', owner: phoneOwner.nip };
  const tgOwner = (input.telegramId && app.registry.byTelegramId(input.telegramId))
    || (input.telegramUsername && app.registry.byTelegramUsername(input.telegramUsername)) || undefined;
  if (tgOwner && tgOwner.nip !== input.nip) return { ok: false, reason: 'conflict', field: 'telegram', owner: tgOwner.nip };
  app.registry.upsertMany([input], now);
  return { ok: true, asn: app.registry.byNip(input.nip as Nip)!, changed: true };
}

function resultCode(r: AsnChange): string {
  // A code with its facts (core/messages/audit-result.ts renders it in the reader's language).
  if (r.ok) return r.changed ? 'ok' : 'unchanged';
  if (r.reason === 'invalid') return auditResult('invalid', { problems: r.facts });
  if (r.reason === 'conflict') return auditResult('conflict', { field: r.field, owner: r.owner });
  return r.reason;
}
