/**
 * What `jaga-netral report` says about its own command line, per language
 * (Indonesian first): bad arguments, an --out whose extension contradicts
 * --format, an ambiguous --unit, a file that cannot be written.
 */

/** Why the report command line was refused, as data; rendered by reportCliProblemText. */
export type ReportCliProblem =
  | { code: 'unknown_argument'; arg: string }
  | { code: 'needs_value'; option: string }
  | { code: 'bad_date'; option: string; value: string }
  | { code: 'bad_format'; value: string }
  | { code: 'bad_separator'; value: string }
  | { code: 'from_after_to'; from: string; to: string }
  | { code: 'out_extension'; out: string; format: string; suggested: string };

/** The refusal in words. */
export function reportCliProblemText(p: ReportCliProblem, lang: 'id' | 'en'): string {
  const id = lang === 'id';
  switch (p.code) {
    case 'unknown_argument':
      return id ? `argumen "${p.arg}" tidak dikenal` : `unknown argument "${p.arg}"`;
    case 'needs_value':
      return id ? `--${p.option} perlu nilai` : `--${p.option} needs a value`;
    case 'bad_date':
      return id
        ? `--${p.option} harus tanggal YYYY-MM-DD atau DD/MM/YYYY (mis. 2024-11-27 atau 27/11/2024), bukan "${p.value}"`
        : `--${p.option} must be a date YYYY-MM-DD or DD/MM/YYYY (e.g. 2024-11-27 or 27/11/2024), got "${p.value}"`;
    case 'bad_format':
      return id ? `--format harus text, csv, xlsx atau png, bukan "${p.value}"` : `--format must be text, csv, xlsx or png, got "${p.value}"`;
    case 'bad_separator':
      return id ? `--separator harus ";" atau ",", bukan "${p.value}"` : `--separator must be ";" or ",", got "${p.value}"`;
    case 'from_after_to':
      return id ? `--from ${p.from} jatuh sesudah --to ${p.to}` : `--from ${p.from} is after --to ${p.to}`;
    case 'out_extension':
      return id
        ? `--out ${p.out} tidak cocok dengan --format ${p.format}: berkas itu akan berisi ${p.format.toUpperCase()} dengan nama yang menyesatkan; pakai mis. --out ${p.suggested}`
        : `--out ${p.out} does not match --format ${p.format}: the file would hold ${p.format.toUpperCase()} under a misleading name; use e.g. --out ${p.suggested}`;
  }
}

/** Other texts of the report command line. */
export const reportCliTexts = (lang: 'id' | 'en') =>
  lang === 'id'
    ? {
        ambiguousUnit: (s: string, matches: string[]) => `"${s}" cocok dengan ${matches.length} unit kerja: ${matches.slice(0, 20).join(', ')}. Unit yang mana yang dimaksud? Tulis namanya lebih lengkap.`,
        cannotWrite: (what: string | undefined, why: string) => `tidak dapat menulis ${what ?? 'laporan'}: ${why}`,
      }
    : {
        ambiguousUnit: (s: string, matches: string[]) => `"${s}" matches ${matches.length} units: ${matches.slice(0, 20).join(', ')}. Which one do you mean? Write more of its name.`,
        cannotWrite: (what: string | undefined, why: string) => `cannot write ${what ?? 'the report'}: ${why}`,
      };
