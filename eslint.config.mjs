// Lint: the nine architecture rules (README, "Architecture"; tested in
// test/unit/architecture.test.ts) and no import circles in the main process and
// the contract, then typescript-eslint's recommended rules.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Packages are matched by name (no-restricted-imports): a package or a Node
// built-in has no path in the tree for a zone to name.
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/electron and src-main/preload may import electron; keep logic in src-main/core.',
};
const noNodeInShared = {
  group: ['node:*', 'fs', 'path', 'os', 'better-sqlite3', 'kysely', 'react', 'react-dom'],
  message: 'src-shared is the contract: plain TypeScript, no Node, DOM framework or database imports.',
};

// Folders are matched by where an import resolves (import-x/no-restricted-paths),
// so a relative path of any depth is caught.
const zones = [
  {
    target: './src-main/core',
    from: ['./src-main/electron', './src-main/preload'],
    message: 'Core → Electron: the core is plain Node; only the Electron glue calls the core, never the other way.',
  },
  {
    target: './src-main/core',
    from: './src-main/host',
    message: 'Core → Host: the local host is a transport over the core; the core never imports it.',
  },
  {
    target: './src-main/core',
    from: './src-main/cli',
    message: 'Core → CLI: the innspill command is a transport over the core; the core never imports it.',
  },
  {
    target: './src-main',
    from: './src-renderer',
    message: 'Core → Renderer: the main process never imports UI code; the UI reaches the core only through the contract.',
  },
  {
    target: './src-shared',
    from: './src-main',
    message: 'Shared → Core: src-shared is the contract both sides import; it never imports main-process code.',
  },
  {
    target: './src-shared',
    from: './src-renderer',
    message: 'Shared → Renderer: src-shared is the contract both sides import; it never imports UI code.',
  },
  {
    target: './src-renderer',
    from: './src-main',
    message: 'Renderer → Main: the renderer reaches the core only through the typed API client (src-shared/client).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'test-results/', 'playwright-report/', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads the imported .ts files itself (for no-cycle) with the TypeScript parser.
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones }] },
  },
  {
    // Type-only imports are erased at build time, so the rule skips them.
    files: ['src-main/**/*.ts', 'src-shared/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/host/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    // No type assertions (`x as T`; `as const` stays allowed) in the core: rows
    // are read typed by the schema or by the statement's declared row type,
    // outside files and messages through guards or zod. The few that cannot
    // go (a library's types, Kysely's generic tables) carry an
    // eslint-disable-next-line with the reason; node scripts/count-casts.cjs
    // lists them.
    files: ['src-main/core/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNodeInShared] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
);
