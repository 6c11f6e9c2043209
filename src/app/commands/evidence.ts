/**
 * `/bukti <case> [telepon]`: a Humas admin gets the case's dossier PDF (app/evidence/dossier.ts) as a
 * document in private chat. The runner checks admin + private chat and audits the call; the dossier
 * itself is audited again with the PDF's SHA-256. The file is written under the reports folder, owner-only.
 */
import { join } from 'node:path';
import { buktiTexts } from '../../core/messages/evidence.js';
import { ensurePrivateDir, writePrivateFile } from '../../store/private-files.js';
import type { AppCore } from '../context.js';
import { makeDossier } from '../evidence/dossier.js';
import { reportsDir } from '../reports/command.js';
import { caseArg } from './cases.js';
import type { CommandSpec } from './types.js';

/** The `/bukti` command spec (register with `app.commands.add(buktiCommand(app))`). */
export function buktiCommand(app: AppCore): CommandSpec {
  return {
    name: 'bukti',
    aliases: ['dossier'],
    usage: buktiTexts('id').usage,
    description: { id: buktiTexts('id').description, en: buktiTexts('en').description },
    who: 'admin',
    where: 'private',
    run: async (ctx) => {
      const t = buktiTexts(ctx.lang);
      const ref = caseArg(ctx, '/bukti');
      if (ref && 'reply' in ref) return { text: ref.reply };
      const phoneWord = ref?.rest.toLowerCase() || undefined;
      if (!ref || (phoneWord !== undefined && !['telepon', 'phone', 'hp'].includes(phoneWord))) {
        return { text: t.notFound(ctx.args[0] ?? '') };
      }
      const id = ref.id;
      const actor = `${ctx.req.platform === 'telegram' ? 'tg' : 'wa'}:${ctx.req.fromId}`;
      const r = await makeDossier(app, { kind: 'case', id }, { actor, includePhone: phoneWord !== undefined });
      if (!r.ok) return { text: t.notFound(`#${id}`) };
      const dir = reportsDir(app);
      ensurePrivateDir(dir);
      const path = join(dir, `${r.fileName.replace(/\.pdf$/, '')}-${r.sha256.slice(0, 12)}.pdf`);
      writePrivateFile(path, r.pdf);
      return { text: t.attached(id, r.sha256, phoneWord !== undefined), files: [{ path, filename: r.fileName, caption: t.caption(id) }] };
    },
  };
}
