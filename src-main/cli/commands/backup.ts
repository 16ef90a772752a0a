// innspill backup list|create|verify|restore: the automatic snapshots of a project file
// (src-main/core/backup; synopses and options: ../help.ts).
// A restore writes a new project file beside the original and never touches
// the original, so it works on a project that no longer opens.
import type { BackupSnapshot, BackupVerifyResult } from '../../../src-shared/backup';
import { UsageError } from '../errors';
import { usage } from '../help';
import { parser, type Command } from './parser';

const USAGE = usage('backup');

const REASONS: Record<BackupSnapshot['reason'], string> = {
  manual: 'by hand',
  import: 'before import',
  merge: 'before merging a return package',
  codebookMerge: 'before merging codes',
  codebookDelete: 'before deleting a code',
  codeGroup: 'before coding a group',
  restore: 'before a restore',
  coding: 'while coding',
};

/** "2026-12-07 14:30" in local time. */
function when(iso: string): string {
  const t = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

export function describeSnapshot(s: BackupSnapshot): string {
  return `${s.id}  ${when(s.takenAt)}  ${REASONS[s.reason]}  ${s.counts.responses} responses, ${s.counts.codings} codings  (${s.compressedBytes} bytes)`;
}

const verdict = (v: BackupVerifyResult) => `${v.id}  ${v.ok ? 'ok' : `DAMAGED (${v.checksumOk ? 'checksum ok' : 'checksum wrong'}; integrity: ${v.integrity})`}`;

export const backupCommand: Command = {
  parse: parser({ json: { type: 'boolean', default: false } }, { min: 2, max: 3, usage: USAGE }),
  async run({ positionals, values }, ctx) {
    const [action, file, id] = positionals;
    const json = values.json === true;
    const print = (data: unknown, text: string) => ctx.io.out(json ? JSON.stringify(data, null, 2) + '\n' : text + '\n');
    const projectPath = ctx.projectPath(file);
    const noId = () => {
      if (id !== undefined) throw new UsageError(`backup ${action} takes no id. Usage: ${usage('backup', action)}`);
    };
    switch (action) {
      case 'list': {
        noId();
        const list = await ctx.call('backup.list', { projectPath });
        const lines = [`${list.folder}`, ...(list.snapshots.length ? list.snapshots.map(describeSnapshot) : ['no backups'])];
        print(list, lines.join('\n'));
        return 0;
      }
      case 'create': {
        noId();
        await ctx.call('project.open', { path: projectPath });
        const snapshot = await ctx.call('backup.create', {});
        print(snapshot, `${snapshot.file}\n${describeSnapshot(snapshot)}`);
        return 0;
      }
      case 'verify': {
        const ids = id !== undefined ? [id] : (await ctx.call('backup.list', { projectPath })).snapshots.map((s) => s.id);
        const results: BackupVerifyResult[] = [];
        for (const one of ids) results.push(await ctx.call('backup.verify', { projectPath, id: one }));
        print(results, results.length ? results.map(verdict).join('\n') : 'no backups');
        return results.every((r) => r.ok) ? 0 : 1;
      }
      case 'restore': {
        let chosen = id;
        if (chosen === undefined) {
          const good = await ctx.call('backup.newestGood', { projectPath });
          if (!good) {
            ctx.io.err(`innspill backup restore: no backup of ${projectPath} verifies\n`);
            return 1;
          }
          chosen = good.id;
        }
        const result = await ctx.call('backup.restore', { projectPath, id: chosen });
        print(result, `${result.path}\nrestored from ${describeSnapshot(result.snapshot)}; the original file is untouched`);
        return 0;
      }
      default:
        throw new UsageError(`unknown backup action "${action}". Usage: ${USAGE}`);
    }
  },
};
