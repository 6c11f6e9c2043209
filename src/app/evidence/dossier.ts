/**
 * The dossier (issue 19): a PDF for one case, one group or one actor, following the elements of a
 * Bawaslu report (pelapor, terlapor, waktu and tempat, uraian, bukti, dasar hukum) with each event's
 * SHA-256 and chain position. The ASN appears as the person involved, never as the reported party;
 * their phone only when Humas asks for it. Every dossier made is audited with the PDF's own SHA-256.
 * Used by the CLI (`cases dossier`, `actors dossier`), and meant for chat and the dashboard alike.
 */
import { createHash } from 'node:crypto';
import { auditResult } from '../../core/messages/audit-result.js';
import { actorWithPhone } from '../../core/actor.js';
import { caseReasonText } from '../../core/messages/case-reason.js';
import { dossierTexts, type DossierTexts, type TimelineFact } from '../../core/messages/evidence.js';
import { ocrTexts } from '../../core/messages/ocr.js';
import { unverifiedMarkText } from '../../core/messages/pressure.js';
import { screenExcerpt } from '../../core/screen-text.js';
import { formatDateTime } from '../../core/time.js';
import { PdfWriter } from '../../pdf/document.js';
import { chainHeads } from '../../store/chain.js';
import { caseEvidence, casesOfActor, casesOfChat, listActors, type ActorRow, type CaseEvidence } from '../../store/evidence.js';
import type { AppCore } from '../context.js';
import { auditOffice } from '../office/audit.js';

/** What a dossier is about. */
export type DossierScope =
  | { kind: 'case'; id: number }
  | { kind: 'group'; platform: 'telegram' | 'whatsapp'; chatId: string }
  | { kind: 'actor'; platform: 'telegram' | 'whatsapp'; actorId: string };

/** Who asks, and whether the ASN's phone goes in. */
export interface DossierOptions {
  /** The audit actor (`cli:<user>`, `tg:<id>`, `web:<login>`). */
  actor: string;
  includePhone?: boolean;
}

/** A dossier made, or why not. */
export type DossierResult =
  | { ok: true; pdf: Buffer; sha256: string; fileName: string; cases: number[] }
  | { ok: false; reason: 'not_found' };

/** `tg:7001`, `telegram:7001`, `wa:62812…@s.whatsapp.net` → an actor scope; undefined when it is not one. */
export function parseActorRef(s: string | undefined): { platform: 'telegram' | 'whatsapp'; actorId: string } | undefined {
  const m = /^(tg|telegram|wa|whatsapp):(.{1,200})$/.exec(s?.trim() ?? '');
  if (!m) return undefined;
  return { platform: m[1]!.startsWith('t') ? 'telegram' : 'whatsapp', actorId: m[2]! };
}

/** The handle an actor is listed under (`tg:7001`). */
export const actorRef = (a: { platform: string; actorId: string }): string => `${a.platform === 'telegram' ? 'tg' : 'wa'}:${a.actorId}`;

const scopeArgs = (s: DossierScope): string =>
  s.kind === 'case' ? `case ${s.id}` : s.kind === 'group' ? `group ${s.platform}:${s.chatId}` : `actor ${actorRef(s)}`;

/** Makes the dossier PDF for a scope and audits it. */
export async function makeDossier(app: AppCore, scope: DossierScope, o: DossierOptions): Promise<DossierResult> {
  const now = app.clock();
  const lang = app.config.LANGUAGE;
  const t = dossierTexts(lang);
  const ids = scope.kind === 'case' ? [scope.id] : scope.kind === 'group' ? casesOfChat(app.db, scope.platform, scope.chatId) : casesOfActor(app.db, scope.platform, scope.actorId);
  const cases = ids.map((id) => caseEvidence(app.db, id, now)).filter((c): c is CaseEvidence => c !== undefined);
  const args = `${scopeArgs(scope)}${o.includePhone ? ' +phone' : ''}`;
  if (!cases.length) {
    auditOffice(app.db, o.actor, 'dossier', args, 'not_found', now);
    return { ok: false, reason: 'not_found' };
  }
  const actorKeys = new Map<string, { platform: 'telegram' | 'whatsapp'; actorId: string }>();
  if (scope.kind === 'actor') actorKeys.set(actorRef(scope), scope);
  else for (const c of cases) for (const f of c.findings) if (f.actorId) actorKeys.set(actorRef({ platform: c.platform, actorId: f.actorId }), { platform: c.platform, actorId: f.actorId });
  const actors = [...actorKeys.values()].flatMap((a) => listActors(app.db, a));
  const heads = chainHeads(app.db);
  const when = (at: number) => formatDateTime(at, app.config.APP_TIMEZONE, lang);

  const scopeText =
    scope.kind === 'case' ? t.scopeCase(scope.id) : scope.kind === 'group' ? t.scopeGroup(cases[0]!.chatTitle) : t.scopeActor(actors[0]?.names.at(-1) ?? actorRef(scope));
  const doc = new PdfWriter({ title: t.title(scopeText), lang, subject: 'Bawaslu', author: app.config.ORG_NAME, createdAt: new Date(now) });
  doc.note(t.intro).space();

  doc.heading(t.pelapor).field(t.org, app.config.ORG_NAME).field(t.contact, app.config.HUMAS_CONTACT).field(t.madeBy, o.actor).field(t.madeAt, when(now)).space();

  doc.heading(t.terlapor);
  if (!actors.length) doc.paragraph(t.noActor);
  for (const a of actors) writeActor(doc, t, a, when);
  doc.space();

  for (const c of cases) writeCase(doc, t, c, o.includePhone === true, when, now, lang);

  doc.heading(t.dasarHukum).bullets(t.laws).space();
  doc.heading(t.verifyHead).paragraph(t.verify);
  for (const line of t.heads(heads)) doc.mono(line);

  const pdf = await doc.end(t.page);
  const sha256 = pdfDigest(pdf);
  auditOffice(app.db, o.actor, 'dossier', args, auditResult('ok', { sha256 }), now);
  const fileName = `dossier-${scope.kind === 'case' ? `kasus-${scope.id}` : scope.kind === 'group' ? `grup-${safeName(scope.chatId)}` : `pelaku-${safeName(scope.actorId)}`}.pdf`;
  return { ok: true, pdf, sha256, fileName, cases: cases.map((c) => c.id) };
}

const safeName = (s: string): string => s.replace(/[^0-9A-Za-z_-]+/g, '_').slice(0, 60);

function writeActor(doc: PdfWriter, t: DossierTexts, a: ActorRow, when: (at: number) => string): void {
  doc
    .field(t.nama, a.names.at(-1) ?? a.phone ?? a.actorId)
    .field(t.platform, a.platform === 'telegram' ? 'Telegram' : 'WhatsApp')
    .field(t.platformId, a.actorId);
  if (a.names.length) doc.field(t.actorNames, a.names.join('; '));
  if (a.handles.length) doc.field(t.handles, a.handles.join('; '));
  if (a.phone) doc.field(t.phone, a.phone);
  doc.note(`${t.seenIn(a.findings, a.asn, a.groups)}; ${when(a.firstAt)} – ${when(a.lastAt)}`);
}

function writeCase(doc: PdfWriter, t: DossierTexts, c: CaseEvidence, includePhone: boolean, when: (at: number) => string, now: number, lang: 'id' | 'en'): void {
  doc.heading(`${t.caseHead(c.id)} (${t.status[c.status] ?? c.status})`);
  doc.note(t.involvedNote);
  doc.field(t.nama, c.asn.nama).field(t.nip, c.asn.nip).field(t.unit, c.asn.unit).field(t.phone, includePhone && c.asn.phone ? c.asn.phone : t.phoneHidden);
  // Matched by Telegram username alone: the account in the group may not be the ASN's. Plain text: pdf/document.ts draws it as it draws any name.
  if (c.unverified !== null) doc.field(t.identity, unverifiedMarkText(lang, c.unverified));
  doc.space(0.5);

  doc.heading(t.waktuTempat)
    .field(t.group, c.chatTitle)
    .field(t.platform, c.platform === 'telegram' ? 'Telegram' : 'WhatsApp')
    .field(t.groupId, c.chatId)
    .field(t.opened, when(c.openedAt));
  if (c.resolvedAt !== null) doc.field(t.closed, when(c.resolvedAt));
  doc.space(0.5);

  // Platform times have whole seconds, queue times milliseconds: within one second, the order of the story.
  const rank = (f: TimelineFact): number =>
    f.what === 'finding' ? 0 : f.what === 'message' ? (f.kind === 'thanks_left' ? 4 : 1) : f.what === 'reminder' ? 2 : 3;
  const facts: { at: number; fact: TimelineFact }[] = [
    ...c.findings.map((f) => ({ at: f.at, fact: { what: 'finding', kind: f.kind, actor: actorWithPhone({ id: f.actorId, name: f.actorName, lid: f.actorLid }) ?? null, asn: c.asn.nama, group: c.chatTitle, excerpt: f.excerpt } as TimelineFact })),
    ...c.messages.map((m) => ({ at: m.createdAt, fact: { what: 'message', kind: m.kind, status: m.status, sentAt: m.sentAt ? when(m.sentAt) : null } as TimelineFact })),
    ...c.reminders.map((m) => ({ at: m.createdAt, fact: { what: 'reminder', status: m.status } as TimelineFact })),
    c.status === 'open' || c.resolvedAt === null
      ? { at: now, fact: { what: 'still_open' } as TimelineFact }
      : { at: c.resolvedAt, fact: { what: 'closed', status: c.status, asn: c.asn.nama, by: c.statusBy, reason: caseReasonText(c.statusReason, lang) || null } as TimelineFact },
  ];
  const key = (x: { at: number; fact: TimelineFact }) => Math.floor(x.at / 1000) * 10 + rank(x.fact);
  facts.sort((a, b) => key(a) - key(b));
  doc.heading(t.uraian).bullets(facts.map((f) => `${when(f.at)}: ${t.fact(f.fact)}`)).space(0.5);

  doc.heading(t.bukti).note(t.buktiNote);
  const seen = new Set<number>();
  const withEvents = c.findings.filter((f) => f.event && !seen.has(f.event.id) && seen.add(f.event.id));
  if (!withEvents.length && !c.selfReports.length) doc.paragraph(t.noEvidence);
  for (const f of withEvents) {
    const e = f.event!;
    doc.paragraph(t.evidenceLine({ id: e.id, kind: e.kind, at: when(e.occurredAt ?? e.receivedAt), messageId: e.messageId, blanked: e.blanked }));
    if (f.excerpt) doc.field(t.excerpt, f.excerpt);
    doc.note(t.rowHash).mono(e.rowHash ?? '-').note(t.payloadHash).mono(e.payloadHash ?? '-');
  }
  for (const r of c.selfReports) {
    doc.paragraph(t.selfReport(r.receiptNo, when(r.createdAt)));
    for (const e of r.items) {
      doc.paragraph(t.selfReportItem({ kind: e.kind, label: e.label, bytes: e.bytes, at: when(e.at) }));
      if (e.sha256) doc.note(t.fileHash).mono(e.sha256);
      if (e.ocr) doc.field(ocrTexts(lang).dossierLabel, ocrTexts(lang).dossierLine({ groupName: e.ocr.groupName ?? undefined, pilkada: e.ocr.pilkada, confidence: e.ocr.confidence, excerpt: screenExcerpt(e.ocr.text, 400) }));
    }
    if (r.videosNotKept) doc.paragraph(t.selfReportVideos(r.videosNotKept));
  }
  doc.space();
}

/** The PDF's SHA-256, as audited (for a third party holding only the file). */
export const pdfDigest = (pdf: Uint8Array): string => createHash('sha256').update(pdf).digest('hex');
