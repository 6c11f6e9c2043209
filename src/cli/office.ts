/**
 * `jaga-netral asn|cases|audit`: the office use cases (src/app/office) on the
 * command line, every change audited as `cli:<user>`. Reading commands refuse
 * to create a database that does not exist yet.
 */
import { addAsn, listAsn, removeAsn, updateAsn, type AsnChange, type AsnFields } from '../app/office/asn.js';
import { listAudit } from '../app/office/audit.js';
import { registrationCoverage, registrationStates, type UnitCoverage } from '../app/office/registration.js';
import { registrationTexts } from '../core/messages/registration.js';
import { flushLoginRefusals } from '../store/login-refusals.js';
import { exemptCaseBy, getCase, listCases, parseCaseStatus, reopenCaseBy, type CaseQuery, type OfficeCaseChange } from '../app/office/cases.js';
import { caseFacts } from '../app/lifecycle.js';
import { isDay, addDays } from '../app/reports/filters.js';
import { parseCaseId } from '../app/commands/cases.js';
import { cliActor, type CliArgs } from './args.js';
import { table, withApp } from './helpers.js';
import type { App } from '../app/app.js';
import { auditResultText } from '../core/messages/audit-result.js';
import { caseReasonText } from '../core/messages/case-reason.js';
import { cliTexts, type CliTexts } from '../core/messages/cli.js';
import { lifecycleTexts } from '../core/messages/lifecycle.js';
import { formatDateTime, startOfZonedDay } from '../core/time.js';
import type { IncidentKind } from '../core/types.js';
import { actorText } from '../core/actor.js';
import { quoteStrangerOpt } from '../core/text/quote.js';

/** Refuses options that belong to another action of the same command. */
function onlyOptions(a: CliArgs, allowed: string[], t: CliTexts, cmd: string): boolean {
  const extra = Object.keys(a.values).filter((k) => a.values[k] !== undefined && !allowed.includes(k));
  if (extra.length) a.io.err(t.unknownOption(`--${extra[0]}`, cmd));
  return extra.length === 0;
}

/** A positive whole number option, or an error printed. */
function count(a: CliArgs, name: string, t: CliTexts): number | undefined | null {
  const v = a.values[name] as string | undefined;
  if (v === undefined) return undefined;
  if (!/^\d{1,7}$/.test(v)) {
    a.io.err(t.badNumber(`--${name}`, v));
    return null;
  }
  return Number(v);
}

const str = (a: CliArgs, k: string): string | undefined => a.values[k] as string | undefined;

/** `asn list|add|update|remove`. */
export async function asnCommand(a: CliArgs): Promise<number> {
  const [action, ...rest] = a.positionals;
  const lt = cliTexts(a.lang);
  if (action === 'list') {
    if (rest.length) return -1;
    if (!onlyOptions(a, ['unit', 'search', 'limit', 'offset', 'unregistered'], lt, 'asn list')) return 2;
    const limit = count(a, 'limit', lt);
    const offset = count(a, 'offset', lt);
    if (limit === null || offset === null) return 2;
    return withApp(a, (app, t) => {
      const rt = registrationTexts(a.lang);
      const unit = str(a, 'unit');
      const page = listAsn(app, { unit, search: str(a, 'search'), registration: a.values['unregistered'] ? 'none' : undefined, limit: limit ?? 100, offset });
      if (!page.total) a.io.out(t.asn.none);
      else {
        const states = registrationStates(app, page.rows.map((r) => r.nip));
        const rows = page.rows.map((r) => [r.nip, r.nama, r.unit, r.phone, r.telegramUsername ? `@${r.telegramUsername}` : (r.telegramId ?? '-'), rt.state[states.get(r.nip) ?? 'none']]);
        a.io.out(table([...t.asn.header, rt.column], rows));
        a.io.out(t.asn.page(page.rows.length, page.total, page.offset));
      }
      // Who has not registered with the bot, per unit: what Humas chases.
      const cov = registrationCoverage(app, unit);
      if (cov.units.length) {
        const h = rt.coverageHeader;
        const line = (u: UnitCoverage, name: string) => [name, String(u.total), String(u.telegram), String(u.whatsapp), String(u.none)];
        a.io.out(`\n${rt.coverageTitle}:\n${table([h.unit, h.total, h.telegram, h.whatsapp, h.none], [...cov.units.map((u) => line(u, u.unit)), line(cov.all, rt.totalRow)])}\n`);
      }
      return 0;
    });
  }
  if (action === 'add') {
    if (rest.length) return -1;
    if (!onlyOptions(a, ['nip', 'nama', 'unit', 'telepon', 'telegram'], lt, 'asn add')) return 2;
    const missing = ['nip', 'nama', 'unit', 'telepon'].filter((k) => !str(a, k)?.trim()).map((k) => `--${k}`);
    if (missing.length) {
      a.io.err(lt.missingOptions('asn add', missing));
      return 2;
    }
    const f: AsnFields = { nip: str(a, 'nip')!, nama: str(a, 'nama')!, unit: str(a, 'unit')!, telepon: str(a, 'telepon')!, telegram: str(a, 'telegram') };
    return withApp(a, (app, t) => reportAsnChange(a, t, addAsn(app, f, cliActor()), 'added'), { create: true });
  }
  if (action === 'update') {
    if (rest.length !== 1) return -1;
    if (!onlyOptions(a, ['nama', 'unit', 'telepon', 'telegram'], lt, 'asn update')) return 2;
    const patch = { nama: str(a, 'nama'), unit: str(a, 'unit'), telepon: str(a, 'telepon'), telegram: str(a, 'telegram') };
    if (Object.values(patch).every((v) => v === undefined)) {
      a.io.err(lt.asn.nothingToUpdate);
      return 2;
    }
    return withApp(a, (app, t) => reportAsnChange(a, t, updateAsn(app, rest[0]!, patch, cliActor()), 'updated'));
  }
  if (action === 'remove') {
    if (rest.length !== 1) return -1;
    if (!onlyOptions(a, [], lt, 'asn remove')) return 2;
    return withApp(a, (app, t) => reportAsnChange(a, t, removeAsn(app, rest[0]!, cliActor()), 'removed'));
  }
  return -1;
}

function reportAsnChange(a: CliArgs, t: CliTexts, r: AsnChange, done: 'added' | 'updated' | 'removed'): number {
  if (r.ok) {
    a.io.out(r.changed ? t.asn[done](r.asn.nip, r.asn.nama) : t.asn.unchanged(r.asn.nip));
    return 0;
  }
  switch (r.reason) {
    case 'invalid':
      a.io.err([t.asn.invalid, ...r.problems.map((p) => `- ${p}`)].join('\n'));
      return 1;
    case 'exists':
      a.io.err(t.asn.exists(r.nip));
      return 1;
    case 'not_found':
      a.io.err(t.asn.notFound(r.nip));
      return 1;
    case 'conflict':
      a.io.err(t.asn.conflict(r.field, r.owner));
      return 1;
    case 'has_cases':
      a.io.err(t.asn.hasCases(r.nip, r.cases));
      return 1;
  }
}

/** Parses the `cases list` filters; a string is the error to print. */
function caseQuery(a: CliArgs, t: CliTexts, tz: string): CaseQuery | string {
  const q: CaseQuery = { unit: str(a, 'unit') };
  const status = str(a, 'status');
  if (status !== undefined) {
    q.status = parseCaseStatus(status);
    if (!q.status) return t.badStatus(status);
  }
  const platform = str(a, 'platform')?.toLowerCase();
  if (platform !== undefined) {
    const p = ({ telegram: 'telegram', tg: 'telegram', whatsapp: 'whatsapp', wa: 'whatsapp' } as const)[platform as 'tg'];
    if (!p) return t.badPlatform(platform);
    q.platform = p;
  }
  const kind = str(a, 'kind')?.toLowerCase();
  if (kind !== undefined) {
    if (!['added', 'mentioned', 'reacted', 'posted', 'present', 'reported'].includes(kind)) return t.badKind(kind);
    q.kind = kind as IncidentKind;
  }
  for (const k of ['from', 'to'] as const) {
    const v = str(a, k);
    if (v === undefined) continue;
    if (!isDay(v)) return t.badDate(`--${k}`, v);
    q[k] = startOfZonedDay(k === 'to' ? addDays(v, 1) : v, tz);
  }
  return q;
}

/** `cases list|show|exempt|reopen`. */
export async function casesCommand(a: CliArgs): Promise<number> {
  const [action, ...rest] = a.positionals;
  const lt = cliTexts(a.lang);
  if (action === 'list') {
    if (rest.length) return -1;
    const limit = count(a, 'limit', lt);
    const offset = count(a, 'offset', lt);
    if (limit === null || offset === null) return 2;
    return withApp(a, (app, t, config) => {
      const q = caseQuery(a, t, config.APP_TIMEZONE);
      if (typeof q === 'string') {
        a.io.err(q);
        return 2;
      }
      const page = listCases(app, { ...q, limit: limit ?? 100, offset });
      if (!page.total) {
        a.io.out(t.cases.none);
        return 0;
      }
      // A case matched by Telegram username alone gets its mark in a short last column (the page has it only when one
      // of its cases needs it): appended to the 40-character cells, "⚠️ belum terverifikasi (@username)" was cut off.
      const unverified = page.rows.filter((c) => c.unverified !== undefined).length;
      const rows = page.rows.map((c) => [
        `#${c.id}`, t.cases.status[c.status], t.cases.kind[c.kind], c.platform === 'telegram' ? 'TG' : 'WA',
        formatDateTime(c.openedAt, config.APP_TIMEZONE, config.LANGUAGE), c.asnName, c.unit, c.chatTitle,
        ...(unverified ? [c.unverified !== undefined ? `⚠️ @${c.unverified}` : ''] : []),
      ]);
      a.io.out(table(unverified ? [...t.cases.header, t.cases.unverifiedHeader] : t.cases.header, rows));
      a.io.out(t.cases.page(page.rows.length, page.total, page.offset));
      if (unverified) a.io.out(t.cases.unverifiedNote(unverified));
      return 0;
    });
  }
  if (action === 'dossier') return (await import('./evidence.js')).casesDossier(a, rest);
  if (!onlyOptions(a, [], lt, `cases ${action ?? ''}`.trim())) return 2;
  if ((action === 'show' || action === 'exempt' || action === 'reopen') && rest.length >= 1 && parseCaseId(rest[0]) === undefined) {
    a.io.err(lt.notACaseNumber(rest[0]!));
    return 2;
  }
  if (action === 'show') {
    if (rest.length !== 1) return -1;
    return withApp(a, (app, t, config) => {
      const lang = config.LANGUAGE;
      const tz = config.APP_TIMEZONE;
      const id = parseCaseId(rest[0]);
      const c = id !== undefined ? getCase(app, id) : undefined;
      if (!c) {
        a.io.err(t.cases.notFound(rest[0]!.replace(/^#/, '')));
        return 1;
      }
      const detail = lifecycleTexts(lang).cmd.caseDetail({
        ...caseFacts(app, c, lang),
        status: c.status,
        resolvedAt: c.resolvedAt !== null ? formatDateTime(c.resolvedAt, tz, lang) : undefined,
        addedBy: c.addedBy ?? undefined,
        excerpt: c.excerpt ?? undefined,
        statusReason: caseReasonText(c.statusReason, lang) || undefined,
        statusBy: c.statusBy ?? undefined,
        followups: c.followups,
        escalatedAt: c.escalatedAt !== null ? formatDateTime(c.escalatedAt, tz, lang) : undefined,
        // Matched by Telegram username alone: the ASN line is marked, as in /kasus N.
        unverified: quoteStrangerOpt(c.unverified),
      });
      const findings = c.findings.map((f) =>
        `- ${formatDateTime(f.at, tz, lang)} ${t.cases.kind[f.kind as IncidentKind] ?? f.kind}${f.actorName || f.actorId ? `, ${actorText({ id: f.actorId, name: f.actorName, lid: f.actorLid })}` : ''}${f.excerpt ? `: "${f.excerpt}"` : ''}`);
      const messages = c.messages.map((m) =>
        `- ${formatDateTime(m.createdAt, tz, lang)} ${t.cases.messageKind[m.kind] ?? m.kind} (${m.platform === 'telegram' ? 'Telegram' : 'WhatsApp'}): ${t.cases.messageStatus[m.status] ?? m.status}${m.lastError ? ` (${t.cases.deliveryError(m.lastError)})` : ''}`);
      a.io.out([detail, '', t.cases.findings, ...findings, ...(messages.length ? ['', t.cases.messages, ...messages] : [])].join('\n'));
      return 0;
    });
  }
  if (action === 'exempt' || action === 'reopen') {
    if (rest.length < 1 || (action === 'reopen' && rest.length !== 1)) return -1;
    const id = parseCaseId(rest[0]);
    if (id === undefined) return -1;
    const reason = rest.slice(1).join(' ').trim();
    if (action === 'exempt' && !reason) {
      a.io.err(lt.cases.noReason);
      return 2;
    }
    return withApp(a, (app, _t, config) => {
      const r = action === 'exempt' ? exemptCaseBy(app, id, reason, cliActor()) : reopenCaseBy(app, id, cliActor());
      return reportCaseChange(a, config.LANGUAGE, app, id, r, action, reason);
    });
  }
  return -1;
}

function reportCaseChange(a: CliArgs, lang: 'id' | 'en', app: App, id: number, r: OfficeCaseChange, action: 'exempt' | 'reopen', reason: string): number {
  const t = lifecycleTexts(lang).cmd;
  if (r.ok) {
    a.io.out(action === 'exempt' ? t.exempted(id, reason) : t.reopened(id));
    return 0;
  }
  const text = {
    no_case: () => cliTexts(lang).cases.notFound(String(id)),
    not_open: () => t.notOpen(id, app.monitor.incidents.get(id)!.status),
    already_open: () => t.alreadyOpen(id),
    other_open: () => t.otherOpen(id, 'otherId' in r ? (r.otherId ?? 0) : 0),
    no_reason: () => cliTexts(lang).cases.noReason,
  }[r.reason];
  a.io.err(text());
  return 1;
}

/** `audit [--since DATE] [--limit N]`: newest first. */
export async function auditCommand(a: CliArgs): Promise<number> {
  const lt = cliTexts(a.lang);
  if (a.positionals[0] === 'verify') return (await import('./evidence.js')).auditVerify(a, a.positionals.slice(1));
  if (a.positionals.length) return -1;
  const since = str(a, 'since');
  if (since !== undefined && !isDay(since)) {
    a.io.err(lt.badDate('--since', since));
    return 2;
  }
  const limit = count(a, 'limit', lt);
  if (limit === null) return 2;
  return withApp(a, (app, t, config) => {
    flushLoginRefusals(app.db, app.clock());
    const log = listAudit(app.db, { since: since ? startOfZonedDay(since, config.APP_TIMEZONE) : undefined, limit: limit ?? 200 });
    if (!log.total) {
      a.io.out(t.audit.none);
      return 0;
    }
    const rows = log.rows.map((r) => [
      formatDateTime(r.at, config.APP_TIMEZONE, config.LANGUAGE), r.actor, r.action, r.args ?? '', `${r.allowed ? '' : '✗ '}${auditResultText(r.result, config.LANGUAGE)}`,
    ]);
    a.io.out(table(t.audit.header, rows, 60));
    a.io.out(t.audit.page(log.rows.length, log.total));
    return 0;
  });
}
