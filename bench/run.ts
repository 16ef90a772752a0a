// `npm run bench`: runs each benchmark in its own process (so peak memory is
// its own) and prints the figures. Targets are printed next to the results;
// nothing here fails a build — timing belongs in benchmarks, not in tests.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const benches = [
  { name: 'cli', file: 'cli.ts' },
  { name: 'import', file: 'import.ts' },
  { name: 'coding', file: 'coding.ts' },
  { name: 'shared-text', file: 'shared-text.ts' },
  { name: 'search', file: 'search.ts' },
  { name: 'suggest', file: 'suggest.ts' },
  { name: 'export-memo', file: 'export-memo.ts' },
  { name: 'export-workbook', file: 'export-workbook.ts' },
  { name: 'team', file: 'team.ts' },
  { name: 'refi', file: 'refi.ts' },
  { name: 'letters', file: 'letters.ts' },
  { name: 'personal-data', file: 'personal-data.ts' },
  { name: 'ocr', file: 'ocr.ts' },
  // 100,000 responses: many minutes, so only when asked (`npm run bench -- scale [count]`).
  { name: 'scale', file: 'scale.ts', onlyWhenAsked: true },
];
const only = process.argv[2];
const tsx = path.join(__dirname, '..', 'node_modules', '.bin', 'tsx');

for (const bench of benches) {
  if (only ? bench.name !== only : 'onlyWhenAsked' in bench) continue;
  console.log(`\n=== ${bench.name} ===`);
  // Options after the bench's name go to it (`npm run bench ocr -- --letters 5`).
  const result = spawnSync(tsx, [path.join(__dirname, bench.file), ...(only ? process.argv.slice(3) : [])], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = 1;
}
