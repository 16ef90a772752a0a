// Lint enforces the nine architecture rules and "no import circles": each
// forbidden import, linted as a file inside its floor, gets its rule's error;
// the imports each floor is meant to make get none.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

interface Finding {
  rule: string | null;
  message: string;
}

async function lintAs(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

/** One module importing `source` and using what it imports, so only the import itself can be wrong. */
function importing(source: string): string {
  return `import * as imported from '${source}';\nexport const used = imported;\n`;
}

describe('the nine architecture rules', () => {
  it.each([
    // [rule, file linted, import, rule id, words the message must contain]
    ['Core → Electron (package)', 'src-main/core/store/x.ts', 'electron', 'no-restricted-imports', 'Only src-main/electron'],
    ['Core → Electron (glue)', 'src-main/core/store/x.ts', '../../electron/channels', 'import-x/no-restricted-paths', 'Core → Electron'],
    ['Core → Host', 'src-main/core/api/x.ts', '../../host/server', 'import-x/no-restricted-paths', 'Core → Host'],
    ['Core → CLI', 'src-main/core/x.ts', '../cli/errors', 'import-x/no-restricted-paths', 'Core → CLI'],
    ['Core → Renderer', 'src-main/core/x.ts', '../../src-renderer/src/lib/format', 'import-x/no-restricted-paths', 'Core → Renderer'],
    ['Shared → Electron', 'src-shared/x.ts', 'electron', 'no-restricted-imports', 'Only src-main/electron'],
    ['Shared → Node', 'src-shared/x.ts', 'node:fs', 'no-restricted-imports', 'src-shared is the contract'],
    ['Shared → Core', 'src-shared/charts/x.ts', '../../src-main/core/version', 'import-x/no-restricted-paths', 'Shared → Core'],
    ['Shared → Renderer', 'src-shared/x.ts', '../src-renderer/src/lib/format', 'import-x/no-restricted-paths', 'Shared → Renderer'],
    ['Renderer → Electron', 'src-renderer/src/x.tsx', 'electron', 'no-restricted-imports', 'Only src-main/electron'],
    ['Renderer → Main', 'src-renderer/src/lib/x.ts', '../../../src-main/core', 'import-x/no-restricted-paths', 'Renderer → Main'],
  ])('%s: %s importing %s is an error', async (_rule, file, source, ruleId, words) => {
    const findings = await lintAs(file, importing(source));
    expect(findings.filter((f) => f.rule === ruleId).map((f) => f.message)).toEqual([
      expect.stringContaining(words),
    ]);
  });

  it.each([
    ['the core imports the contract', 'src-main/core/x.ts', '../../src-shared/contract'],
    ['the host imports the core', 'src-main/host/x.ts', '../core/version'],
    ['the CLI imports the core', 'src-main/cli/x.ts', '../core/version'],
    ['the Electron glue imports the core', 'src-main/electron/x.ts', '../core/version'],
    ['the Electron glue imports electron', 'src-main/electron/x.ts', 'electron'],
    ['the preload imports electron', 'src-main/preload/x.ts', 'electron'],
    ['the renderer imports the contract', 'src-renderer/src/lib/x.ts', '../../../src-shared/contract'],
    ['the contract imports itself', 'src-shared/charts/x.ts', '../norwegian'],
  ])('allowed: %s (%s importing %s)', async (_what, file, source) => {
    expect(await lintAs(file, importing(source))).toEqual([]);
  });
});

describe('no import circles', () => {
  it('rejects an import that closes a circle in the core', async () => {
    // core/index.ts imports deps.ts for its values, so deps.ts importing index.ts closes a circle.
    const findings = await lintAs('src-main/core/deps.ts', importing('./index'));
    expect(findings.map((f) => f.rule)).toContain('import-x/no-cycle');
  });

  it('rejects an import that closes a circle in the contract', async () => {
    // contract.ts imports search.ts for its schema, so search.ts importing contract.ts closes a circle.
    const findings = await lintAs('src-shared/search.ts', importing('./contract'));
    expect(findings.map((f) => f.rule)).toContain('import-x/no-cycle');
  });

  it('ignores a type-only import back (it is erased at build time)', async () => {
    const findings = await lintAs('src-main/core/deps.ts', "import type { Core } from './index';\nexport type Used = Core;\n");
    expect(findings).toEqual([]);
  });
});

describe('no type assertions in the typed core', () => {
  it('rejects a cast in a core file, in the core itself and in every one of its folders', async () => {
    const folders = readdirSync(path.join(repoRoot, 'src-main/core'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src-main/core/${e.name}`);
    expect(folders).toEqual(expect.arrayContaining(['src-main/core/audit', 'src-main/core/export', 'src-main/core/import', 'src-main/core/process']));
    for (const folder of ['src-main/core', ...folders]) {
      const findings = await lintAs(`${folder}/x.ts`, 'export const n = JSON.parse("1") as number;\n');
      expect(findings.map((f) => f.rule), folder).toEqual(['@typescript-eslint/consistent-type-assertions']);
    }
  });

  it('allows a const assertion', async () => {
    expect(await lintAs('src-main/core/store/x.ts', "export const names = ['a', 'b'] as const;\n")).toEqual([]);
  });
});
