/** What `jaga-netral start` says when it refuses to run, per language (Indonesian first). */

/** The texts of start refusals. */
export interface StartTexts {
  noPlatform: string;
  couldNotStart(why: string): string;
  alreadyRunning(dbPath: string, pid: number | undefined, since: string | undefined): string;
  portInUse(setting: string, port: number | string): string;
}

const ID: StartTexts = {
  noPlatform: 'Tidak ada platform yang aktif: isi TELEGRAM_BOT_TOKEN dan/atau WHATSAPP_ENABLED=true di .env (lihat .env.example).',
  couldNotStart: (why) => `Jaga Netral tidak dapat dimulai: ${why}`,
  alreadyRunning: (db, pid, since) =>
    `Jaga Netral sudah berjalan dengan basis data ${db}${pid ? ` (proses ${pid}${since ? `, sejak ${since}` : ''})` : ''}. ` +
    'Dua proses pada satu basis data akan mengirim pengingat dan pesan dua kali. Hentikan proses itu dahulu, atau pakai DATABASE_PATH lain.',
  portInUse: (s, p) => `port ${p} sudah dipakai program lain; ubah ${s} di .env atau hentikan program yang memakainya.`,
};

const EN: StartTexts = {
  noPlatform: 'No platform is enabled: set TELEGRAM_BOT_TOKEN and/or WHATSAPP_ENABLED=true in .env (see .env.example).',
  couldNotStart: (why) => `Jaga Netral could not start: ${why}`,
  alreadyRunning: (db, pid, since) =>
    `Jaga Netral is already running on the database ${db}${pid ? ` (process ${pid}${since ? `, since ${since}` : ''})` : ''}. ` +
    'Two processes on one database would send reminders and messages twice. Stop that process first, or use another DATABASE_PATH.',
  portInUse: (s, p) => `port ${p} is already in use by another program; change ${s} in .env or stop the program using it.`,
};

/** Start texts for `lang`. */
export const startTexts = (lang: 'id' | 'en'): StartTexts => (lang === 'en' ? EN : ID);
