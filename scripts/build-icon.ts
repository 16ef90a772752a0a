// Rasterises resources/icon.svg to the 1024×1024 resources/icon.png that
// electron-builder turns into .ico/.icns and the Linux window icon uses.
// Run: npx tsx scripts/build-icon.ts
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const dir = path.resolve(import.meta.dirname, '..', 'resources');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
writeFileSync(path.join(dir, 'icon.png'), png);
console.log(`resources/icon.png: ${png.length} bytes`);
