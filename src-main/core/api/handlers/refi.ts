// REFI-QDA project exchange: the project written as a .qdpx file (into the
// export folder or where the user says, like every export) and a .qdpx (or
// .qde) read back in, from a path or as uploaded bytes.
import { readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '../../../../src-shared/errors';
import type { ExportResult } from '../../../../src-shared/export';
import { importLimits } from '../../input/limits';
import { refreshPersonalData } from '../../personal/scan';
import { buildRefiProject, qdpxBytes } from '../../refi/export';
import { importRefiProject, readRefiProjectFile } from '../../refi/import';
import { version } from '../../version';
import type { Session } from '../session';
import { writeExport } from './export';
import type { DomainHandlers } from './types';

export function refiHandlers(session: Session): DomainHandlers<'refi'> {
  const { deps } = session;

  return {
    'refi.exportProject': async ({ target, positions, maskPersonal, namePrivatePersons, taskId }): Promise<ExportResult> =>
      // The same default names export.defaults suggests, so the dialog shows the name the file gets.
      writeExport(session, positions === 'utf16' ? 'prosjekt-nvivo' : 'prosjekt', 'qdpx', target, taskId, async (temp, { turn, progress }) => {
        const store = session.requireStore();
        progress(0, 2, 'Prosjekt');
        if (maskPersonal) refreshPersonalData(store.sqlite);
        await turn();
        const project = await buildRefiProject(store.db, `Innspill ${version}`, positions, { maskPersonal, namePrivatePersons }, turn);
        progress(1, 2, 'Arkiv');
        await turn();
        const bytes = await qdpxBytes(project);
        await turn();
        await writeFile(temp, bytes, { flag: 'wx' });
        progress(2, 2, 'Arkiv');
        return { ...project.counts };
      }),

    'refi.importProject': async (input) => {
      const store = session.requireStore();
      let fileName: string;
      let bytes: Buffer;
      if ('path' in input) {
        const full = path.resolve(deps.paths.workspaceDir, input.path);
        let size: number;
        try {
          size = statSync(full).size;
        } catch {
          throw new ApiError('NOT_FOUND', `File not found: ${input.path}`);
        }
        if (size > importLimits.maxArchiveBytes) throw new ApiError('INVALID_INPUT', `The file is over ${importLimits.maxArchiveBytes / 1048576} MB`);
        fileName = path.basename(full);
        bytes = readFileSync(full);
      } else {
        fileName = input.fileName;
        bytes = Buffer.from(input.base64, 'base64');
      }
      const parsed = await readRefiProjectFile(fileName, bytes);
      const report = await importRefiProject(store.db, deps, parsed, fileName, {
        positions: input.positions,
        ...(input.sourcesAsResponses ? { sourcesAsResponses: { bytes } } : {}),
      });
      return report;
    },
  };
}
