// export.memo: the Word briefing memo, written through writeExport into the
// export folder (or the path the user chose), with progress events per section.
import { writeFile } from 'node:fs/promises';
import { buildMemo } from '../../export/memo';
import { refreshPersonalData } from '../../personal/scan';
import type { Session } from '../session';
import { writeExport } from './export';
import type { DomainHandlers } from './types';

export function exportMemoHandlers(session: Session): Pick<DomainHandlers<'export'>, 'export.memo'> {
  const { deps } = session;
  return {
    'export.memo': async ({ options, target, taskId }) =>
      writeExport(session, 'notat', 'docx', target, taskId, async (temp, { project, turn, progress }) => {
        // «Skjul personopplysninger» reads the findings cache; answers not yet scanned are scanned first.
        if (options.maskPersonal) refreshPersonalData(session.requireStore().sqlite);
        const memo = await buildMemo({
          db: session.requireStore().db,
          project,
          ref: session.ref,
          resourcesDir: deps.paths.resourcesDir,
          options,
          turn,
          onProgress: progress,
        });
        await writeFile(temp, memo.bytes, { flag: 'wx' });
        return memo.counts;
      }),
  };
}
