// Checks an OLE compound file (the container of an Outlook .msg) before
// msgreader reads it. msgreader follows sector chains and the directory tree
// without bounds: a chain that loops back on itself, or a directory entry
// that is its own sibling, keeps it reading forever, and a stream that claims
// gigabytes makes it allocate them. Here every chain must end within the file
// without visiting a sector twice, the directory must be a tree, and each
// stream's chain must hold its stated size. Only the structure is checked;
// the content is msgreader's to read.
import { ImportError } from '../../input/errors';

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;

function broken(detail: string): ImportError {
  return new ImportError('BAD_EMAIL', `Outlook-meldingen er skadet: ${detail}`, 'sammensatt fil (.msg)');
}

/** Follows a chain from `start` in `table`: its sector numbers, refused if it loops, leaves the table or passes `limit`. */
function chain(table: Uint32Array, start: number, limit: number, what: string): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  let at = start;
  while (at !== END_OF_CHAIN) {
    if (at >= table.length || at === FREE) throw broken(`${what} peker utenfor filen`);
    if (seen.has(at)) throw broken(`${what} går i ring`);
    if (out.length >= limit) throw broken(`${what} er lengre enn filen`);
    seen.add(at);
    out.push(at);
    at = table[at];
  }
  return out;
}

export function checkCompoundFile(bytes: Buffer): void {
  if (bytes.length < 512 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw broken('den starter ikke som en sammensatt OLE-fil');
  if (bytes.readUInt16LE(28) !== 0xfffe) throw broken('ugyldig byte-rekkefølge i hodet');
  const shift = bytes.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) throw broken(`ugyldig sektorstørrelse (2^${shift})`);
  if (bytes.readUInt16LE(32) !== 6) throw broken('ugyldig mini-sektorstørrelse');
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size) + ((bytes.length - size) % size > 0 ? 1 : 0);
  const sectorAt = (n: number) => size + n * size;
  const fatCount = bytes.readUInt32LE(44);
  const dirStart = bytes.readUInt32LE(48);
  const miniFatStart = bytes.readUInt32LE(60);
  const miniFatCount = bytes.readUInt32LE(64);
  let difatNext = bytes.readUInt32LE(68);
  const difatCount = bytes.readUInt32LE(72);
  if (fatCount > sectors || difatCount > sectors || miniFatCount > sectors) throw broken('hodet oppgir flere sektorer enn filen har');

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(76 + i * 4));
  const perSector = size / 4;
  const difatSeen = new Set<number>();
  for (let d = 0; d < difatCount && fatSectors.length < fatCount; d++) {
    if (difatNext >= sectors || difatSeen.has(difatNext)) throw broken('DIFAT-kjeden er ugyldig');
    difatSeen.add(difatNext);
    const at = sectorAt(difatNext);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++) fatSectors.push(bytes.readUInt32LE(at + i * 4));
    difatNext = bytes.readUInt32LE(at + size - 4);
  }
  if (fatSectors.length < fatCount) throw broken('FAT-tabellen mangler sektorer');
  const fat = new Uint32Array(fatCount * perSector);
  fatSectors.forEach((s, k) => {
    if (s >= sectors) throw broken('FAT-sektor utenfor filen');
    const at = sectorAt(s);
    for (let i = 0; i < perSector; i++) fat[k * perSector + i] = at + i * 4 + 4 <= bytes.length ? bytes.readUInt32LE(at + i * 4) : FREE;
  });
  const within = (list: number[], what: string) => {
    for (const s of list) if (s >= sectors) throw broken(`${what} peker utenfor filen`);
    return list;
  };

  const dirSectors = within(chain(fat, dirStart, sectors, 'katalogkjeden'), 'katalogkjeden');
  const entries = dirSectors.length * (size / 128);
  const entry = (i: number) => sectorAt(dirSectors[Math.floor(i / (size / 128))]) + (i % (size / 128)) * 128;
  const miniFatSectors = miniFatStart === END_OF_CHAIN ? [] : within(chain(fat, miniFatStart, sectors, 'mini-FAT-kjeden'), 'mini-FAT-kjeden');
  const miniFat = new Uint32Array(miniFatSectors.length * perSector);
  miniFatSectors.forEach((s, k) => {
    for (let i = 0; i < perSector; i++) miniFat[k * perSector + i] = bytes.readUInt32LE(sectorAt(s) + i * 4);
  });

  // The directory is a tree from the root entry: every entry reached once.
  const rootAt = entry(0);
  if (bytes[rootAt + 66] !== 5) throw broken('rotkatalogen mangler');
  const rootChain = within(chain(fat, bytes.readUInt32LE(rootAt + 116), sectors, 'ministrømmen'), 'ministrømmen');
  const miniSectors = (rootChain.length * size) / MINI_SECTOR;
  const visited = new Set<number>([0]);
  const stack = [bytes.readUInt32LE(rootAt + 76)];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i === NO_STREAM) continue;
    if (i >= entries) throw broken('katalogen peker utenfor seg selv');
    if (visited.has(i)) throw broken('katalogen går i ring');
    visited.add(i);
    const at = entry(i);
    const type = bytes[at + 66];
    if (type !== 1 && type !== 2) throw broken(`ukjent katalogoppføring (type ${type})`);
    stack.push(bytes.readUInt32LE(at + 68), bytes.readUInt32LE(at + 72));
    if (type === 1) stack.push(bytes.readUInt32LE(at + 76));
    else {
      const length = bytes.readUInt32LE(at + 120);
      const start = bytes.readUInt32LE(at + 116);
      if (length === 0) continue;
      const [table, unit, limit, what] = length < MINI_CUTOFF ? [miniFat, MINI_SECTOR, miniSectors, 'en liten strøm'] : [fat, size, sectors, 'en strøm'];
      const held = chain(table, start, limit, what);
      if (length < MINI_CUTOFF) for (const s of held) if (s >= miniSectors) throw broken(`${what} peker utenfor ministrømmen`);
      if (length >= MINI_CUTOFF) within(held, what);
      if (held.length * unit < length) throw broken(`${what} er kortere enn oppgitt`);
    }
  }
}
