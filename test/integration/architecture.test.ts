// The architecture rules hold: the core, the contract and the UI never import
// electron, and the UI never imports main-process code. Checked two ways: the
// lint rule rejects a violation, and no file in the tree commits one.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/core';

const eslint = new ESLint({ cwd: repoRoot });

async function lintAs(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('architecture rules', () => {
  it.each([
    ['src-main/core/store/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['src-shared/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['src-renderer/src/x.tsx', "import { shell } from 'electron';\nexport const a = shell;\n"],
    ['src-renderer/src/x.ts', "import { createCore } from '../../src-main/core';\nexport const a = createCore;\n"],
    ['src-shared/y.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
  ])('the lint rule rejects a forbidden import in %s', async (file, code) => {
    const messages = await lintAs(file, code);
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('allows electron in the Electron glue', async () => {
    const messages = await lintAs('src-main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n");
    expect(messages.filter((m) => m.startsWith('no-restricted-imports'))).toEqual([]);
  });

  it('no file under src-main/core, src-shared or src-renderer imports electron', () => {
    const offenders = ['src-main/core', 'src-shared', 'src-renderer']
      .flatMap(sourceFiles)
      .filter((f) => /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('no file under src-renderer imports src-main', () => {
    const offenders = sourceFiles('src-renderer').filter((f) => /from\s+['"][^'"]*src-main/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
