/**
 * Registration coverage: which registered ASN also registered with the bot (Telegram `/start` with
 * their phone, WhatsApp `DAFTAR <NIP>`), counted per unit, and the workbook of those who did neither,
 * with how to register, for Humas to chase. Shared by the dashboard's ASN page and `asn list`.
 */
import ExcelJS from 'exceljs';
import { registrationTexts, type RegistrationState } from '../../core/messages/registration.js';
import type { AsnRecord } from '../../core/types.js';
import { neutralizeCell } from '../reports/files.js';
import type { App } from '../app.js';

/** A registration filter of the ASN list. */
export type RegistrationFilter = 'none' | 'telegram' | 'whatsapp';
/** The filters, in the order forms offer them. */
export const REGISTRATION_FILTERS: readonly RegistrationFilter[] = ['none', 'telegram', 'whatsapp'];

/** The SQL condition on the `asn` table for a filter. */
export function registrationWhere(f: RegistrationFilter | undefined): string {
  if (f === 'none') return 'registered_tg_at IS NULL AND registered_wa_at IS NULL';
  if (f === 'telegram') return 'registered_tg_at IS NOT NULL';
  if (f === 'whatsapp') return 'registered_wa_at IS NOT NULL';
  return '1';
}

/** Where each of these ASN registered. */
export function registrationStates(app: App, nips: readonly string[]): Map<string, RegistrationState> {
  const out = new Map<string, RegistrationState>();
  const stmt = app.db.prepare(`SELECT registered_tg_at IS NOT NULL AS tg, registered_wa_at IS NOT NULL AS wa FROM asn WHERE nip = ?`);
  for (const nip of nips) {
    const r = stmt.get(nip) as { tg: number; wa: number } | undefined;
    if (r) out.set(nip, r.tg && r.wa ? 'both' : r.tg ? 'telegram' : r.wa ? 'whatsapp' : 'none');
  }
  return out;
}

/** One unit's coverage: ASN, registered on Telegram, on WhatsApp, on neither. */
export interface UnitCoverage {
  unit: string;
  total: number;
  telegram: number;
  whatsapp: number;
  none: number;
}

/** Coverage per unit (by name), and the sum over all units; only `unit` when given. */
export function registrationCoverage(app: App, unit?: string): { units: UnitCoverage[]; all: UnitCoverage } {
  const units = app.db
    .prepare(
      `SELECT unit, COUNT(*) AS total, SUM(registered_tg_at IS NOT NULL) AS telegram, SUM(registered_wa_at IS NOT NULL) AS whatsapp,
              SUM(registered_tg_at IS NULL AND registered_wa_at IS NULL) AS none
       FROM asn WHERE (@unit IS NULL OR unit = @unit COLLATE NOCASE) GROUP BY unit ORDER BY unit COLLATE NOCASE`,
    )
    .all({ unit: unit?.trim() || null }) as UnitCoverage[];
  const all = units.reduce((s, u) => ({ ...s, total: s.total + u.total, telegram: s.telegram + u.telegram, whatsapp: s.whatsapp + u.whatsapp, none: s.none + u.none }), {
    unit: '', total: 0, telegram: 0, whatsapp: 0, none: 0,
  });
  return { units, all };
}

/** The ASN registered on neither platform (of `unit` when given), by unit and name. */
export function unregisteredAsn(app: App, unit?: string): AsnRecord[] {
  const nips = app.db
    .prepare(`SELECT nip FROM asn WHERE ${registrationWhere('none')} AND (@unit IS NULL OR unit = @unit COLLATE NOCASE) ORDER BY unit COLLATE NOCASE, nama COLLATE NOCASE, nip`)
    .pluck()
    .all({ unit: unit?.trim() || null }) as string[];
  app.registry.syncIfChanged();
  return nips.map((n) => app.registry.byNip(n)).filter((r): r is AsnRecord => r !== undefined);
}

/**
 * The workbook of unregistered ASN: one row each with the Telegram registration link (known once the bot has
 * reached Telegram) and the WhatsApp message to send to the bot's number; a second sheet with the counts per unit.
 */
export async function unregisteredXlsx(app: App, lang: 'id' | 'en', unit?: string): Promise<Buffer> {
  const t = registrationTexts(lang);
  const h = t.xlsxHeader;
  const link = app.registrationLinks.telegram;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jaga Netral';
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow([h.nip, h.nama, h.unit, h.telepon, h.telegram, h.telegramLink, h.whatsappText]).font = { bold: true };
  for (const a of unregisteredAsn(app, unit)) {
    const row = ws.addRow([a.nip, a.nama, a.unit, a.phone, a.telegramUsername ? `@${a.telegramUsername}` : (a.telegramId ?? ''), '', t.whatsappText(a.nip)].map((c) => neutralizeCell(c)));
    const cell = row.getCell(6);
    cell.value = link ? { text: link, hyperlink: link } : t.telegramLinkUnknown;
  }
  [21, 26, 24, 16, 16, 40, 28].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
    ws.getColumn(i + 1).numFmt = '@';
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };
  const c = t.coverageHeader;
  const us = wb.addWorksheet(t.unitSheet);
  us.addRow([c.unit, c.total, c.telegram, c.whatsapp, c.none]).font = { bold: true };
  const cov = registrationCoverage(app, unit);
  for (const u of cov.units) us.addRow([neutralizeCell(u.unit), u.total, u.telegram, u.whatsapp, u.none]);
  us.addRow([t.totalRow, cov.all.total, cov.all.telegram, cov.all.whatsapp, cov.all.none]).font = { bold: true };
  us.getColumn(1).width = 36;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
