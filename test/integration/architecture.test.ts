// The architecture rules hold in the tree: the core, the contract and the UI
// never import electron, and the UI never imports main-process code (that lint
// rejects each violation is tested in test/unit/lint/architecture-rules.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/core';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('architecture rules', () => {
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
