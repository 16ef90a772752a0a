// Lint: the architecture rules first (the core, the shared contract and the UI
// never import electron; the UI never imports main-process code), then
// typescript-eslint's recommended rules.
import tseslint from 'typescript-eslint';

const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/electron and src-main/preload may import electron; keep logic in src-main/core.',
};
const noMainFromRenderer = {
  group: ['**/src-main/**', '@main/*'],
  message: 'The renderer reaches the core only through the typed API client (src-shared/client).',
};
const noNodeInShared = {
  group: ['node:*', 'fs', 'path', 'os', 'better-sqlite3', 'kysely', 'react', 'react-dom'],
  message: 'src-shared is the contract: plain TypeScript, no Node, DOM framework or database imports.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', 'test-results/', 'playwright-report/', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/host/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNodeInShared] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noMainFromRenderer] }] },
  },
);
