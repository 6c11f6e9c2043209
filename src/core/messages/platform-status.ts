/**
 * The platform states the adapters record (`app.platformStatus`, English and
 * stable, as the health line logs them) put into words for /status and the
 * demo, in the office's language: a raw library message such as
 * "409: Conflict: terminated by other getUpdates request; ..." becomes what it
 * means and what to do, with the code kept for whoever looks further.
 */

type Lang = 'id' | 'en';

/** What a Telegram API code means for the bot's connection. */
function telegramCode(code: string, lang: Lang): string | undefined {
  const id = lang === 'id';
  if (code === '409') return id ? 'bot lain memakai token yang sama (dua proses berjalan?)' : 'another process uses the same token (running twice?)';
  if (code === '401' || code === '404') return id ? 'token bot ditolak Telegram; periksa TELEGRAM_BOT_TOKEN' : 'Telegram rejected the bot token; check TELEGRAM_BOT_TOKEN';
  if (code === '429') return id ? 'Telegram meminta menunggu' : 'Telegram asked to wait';
  if (/^5\d\d$/.test(code)) return id ? 'server Telegram sedang bermasalah' : 'Telegram servers are failing';
  return undefined;
}

/** Close codes WhatsApp gives (Baileys' DisconnectReason), in words. */
export function whatsappCloseText(code: string, lang: Lang): string {
  const id = lang === 'id';
  const words: Record<string, [string, string]> = {
    '408': ['waktu habis', 'timed out'],
    '428': ['koneksi terputus', 'connection closed'],
    '500': ['sesi rusak', 'bad session'],
    '503': ['layanan tidak tersedia', 'service unavailable'],
    '515': ['perlu mulai ulang', 'restart required'],
    closed: ['koneksi terputus', 'connection closed'],
  };
  const w = words[code];
  return w ? `${id ? w[0] : w[1]}${code === 'closed' ? '' : `, ${id ? 'kode' : 'code'} ${code}`}` : `${id ? 'kode' : 'code'} ${code}`;
}

/** One platform's recorded state in the office's language; an unknown state is shown as recorded. */
export function platformStatusText(platform: string, raw: string, lang: Lang): string {
  const id = lang === 'id';
  let m: RegExpExecArray | null;
  if (raw === 'connecting') return id ? 'menghubungkan' : 'connecting';
  if (raw === 'connected') return id ? 'terhubung' : 'connected';
  if (raw === 'stopped') return id ? 'berhenti' : 'stopped';
  if ((m = /^@(\S+) \((polling|webhook)\)$/.exec(raw))) return `@${m[1]} (${id ? 'terhubung' : 'connected'}, ${m[2]})`;
  if ((m = /^reconnecting \((\w+)\)$/.exec(raw))) return `${id ? 'menyambung ulang' : 'reconnecting'} (${whatsappCloseText(m[1]!, lang)})`;
  if ((m = /^unreachable: (?:network: )?(\d{3})?.*?(?: \((\d+)x, retry in (\d+)s\))?$/.exec(raw))) {
    const why = m[1] ? telegramCode(m[1], lang) : undefined;
    const retry = m[2] ? (id ? `; percobaan ke-${m[2]}, dicoba lagi dalam ${m[3]} detik` : `; attempt ${m[2]}, retrying in ${m[3]} s`) : '';
    return `${id ? 'tidak terjangkau' : 'unreachable'}${why ? `: ${why}` : m[1] ? ` (${m[1]})` : id ? ': jaringan tidak tersambung' : ': network down'}${retry}`;
  }
  if ((m = /^error: (\d{3})\b/.exec(raw))) {
    const why = platform === 'telegram' ? telegramCode(m[1]!, lang) : undefined;
    return `${id ? 'galat' : 'error'}: ${why ? `${why} (${m[1]})` : `${id ? 'kode' : 'code'} ${m[1]}`}`;
  }
  if (raw.startsWith('not linked')) return id ? 'belum ditautkan: jalankan `npx jaga-netral wa-login` dahulu' : raw;
  if ((m = /^stopped: .*\((\d{3})\)/.exec(raw)) || raw.startsWith('stopped: logged out')) {
    const code = m?.[1];
    const words: Record<string, [string, string]> = {
      '403': ['berhenti: nomor diblokir atau ditolak (403); periksa ponsel, atau tautkan nomor lain dengan `npx jaga-netral wa-login`', raw],
      '440': ['berhenti: sesi lain mengambil alih (440); hentikan proses yang lain, lalu mulai ulang', raw],
      '405': ['berhenti: versi WhatsApp Web ditolak (405); kosongkan atau perbarui WA_VERSION, lalu mulai ulang', raw],
      '411': ['berhenti: perangkat tidak cocok (411); tautkan ulang dengan `npx jaga-netral wa-login`', raw],
    };
    if (!code) return id ? 'berhenti: keluar dari WhatsApp; tautkan ulang dengan `npx jaga-netral wa-login`' : raw;
    const w = words[code];
    if (w) return id ? w[0] : w[1];
  }
  // Any other error: the word in the office's language, the detail as recorded (Telegram's own text, or ours).
  if ((m = /^error: ([\s\S]+)$/.exec(raw))) return `${id ? 'galat' : 'error'}: ${m[1]}`;
  return raw;
}
