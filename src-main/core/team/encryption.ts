// Encrypted work and return packages: the package file (a SQLite database,
// see files.ts) sealed with a passphrase, using only Node's own crypto —
// AES-256-GCM (authenticated encryption) under a key from scrypt, a
// memory-hard derivation: N = 2^17, r = 8, p = 1 (128 MiB and about half a
// second per try on a laptop), a fresh 16-byte salt and 12-byte IV per file.
//
// The file: the line "INNSPILL ENCRYPTED PACKAGE\n" (so anyone who looks
// sees what it is), a 4-byte big-endian length, a JSON header (format
// version, package kind, cipher and scrypt parameters, salt, IV, the size of
// the plain file, and a passphrase check), the ciphertext, and GCM's 16-byte
// tag. Everything before the ciphertext is authenticated as GCM's additional
// data, so a changed header is found like a changed byte of the content.
// The passphrase check is an HMAC under a second key from the same scrypt
// output: it tells a wrong passphrase from a damaged file without weakening
// anything (a guess must still pay for scrypt). Decryption writes to a
// scratch file that is used only after the tag checked out, and is removed.
// The passphrase is never written, logged or recorded anywhere.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, existsSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ApiError } from '../../../src-shared/errors';
import { messageOf } from '../caught';

export const ENCRYPTED_MAGIC = Buffer.from('INNSPILL ENCRYPTED PACKAGE\n', 'ascii');
export const ENCRYPTION_FORMAT_VERSION = 1;
export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const TAG_BYTES = 16;
const MAX_HEADER = 4096;
const CHECK_LABEL = 'innspill-passphrase-check';

export type PackageKind = 'work' | 'return';

const headerSchema = z
  .object({
    format: z.number().int().min(1),
    kind: z.enum(['work', 'return']),
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('scrypt'),
    // Bounds so a crafted header cannot make the reader spend gigabytes of memory.
    N: z.number().int().refine((n) => n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0, 'N must be a power of two'),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
    iv: z.string().regex(/^[A-Za-z0-9+/]{16}$/),
    check: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    plainBytes: z.number().int().min(1),
  })
  .strict();
type Header = z.infer<typeof headerSchema>;

const KIND_WORDS: Record<PackageKind, string> = { work: 'arbeidspakke (work package)', return: 'returpakke (return package)' };

/** Whether a file starts with the encrypted-package line. */
export function isEncryptedPackage(file: string): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(ENCRYPTED_MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(ENCRYPTED_MAGIC);
  } finally {
    closeSync(fd);
  }
}

function deriveKeys(passphrase: string, salt: Buffer, h: Pick<Header, 'N' | 'r' | 'p'>): Promise<{ key: Buffer; check: Buffer }> {
  return new Promise((resolve, reject) => {
    // NFC: the same passphrase typed on another keyboard or system gives the same bytes.
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r + 1024 * 1024 }, (error, derived) => {
      if (error) return reject(error);
      resolve({ key: derived.subarray(0, 32), check: createHmac('sha256', derived.subarray(32)).update(CHECK_LABEL).digest() });
    });
  });
}

function encodeHeader(header: Header): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([ENCRYPTED_MAGIC, length, json]);
}

/** A scratch file in the system's temp folder (on the laptop's own disk), removed by the caller. */
export function scratchPackagePath(): string {
  return path.join(os.tmpdir(), `innspill-package-${process.pid}-${randomBytes(6).toString('hex')}.sqlite`);
}

/** Encrypts the package file `plain` into `out` (a new file). */
export async function encryptPackageFile(plain: string, out: string, passphrase: string, kind: PackageKind): Promise<void> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, SCRYPT_PARAMS);
  const header = encodeHeader({
    format: ENCRYPTION_FORMAT_VERSION,
    kind,
    cipher: 'aes-256-gcm',
    kdf: 'scrypt',
    ...SCRYPT_PARAMS,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    check: check.toString('base64'),
    plainBytes: statSync(plain).size,
  });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const fd = openSync(out, 'wx');
  try {
    writeSync(fd, header);
  } finally {
    closeSync(fd);
  }
  await pipeline(createReadStream(plain), cipher, createWriteStream(out, { flags: 'a' }));
  const tagFd = openSync(out, 'a');
  try {
    writeSync(tagFd, cipher.getAuthTag());
  } finally {
    closeSync(tagFd);
  }
}

function damaged(file: string, what: string): ApiError {
  return new ApiError('PACKAGE_TAMPERED', `Den krypterte pakken er ${what} og kan ikke brukes; ingenting er endret (the encrypted package is ${what === 'avkortet' ? 'truncated' : 'damaged or altered'}): ${file}`);
}

/** Reads and checks the header: what kind of package, which parameters. */
function readHeader(file: string, expected: PackageKind): { header: Header; headerBytes: Buffer } {
  const size = statSync(file).size;
  const fd = openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(Math.min(size, ENCRYPTED_MAGIC.length + 4 + MAX_HEADER));
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.length < ENCRYPTED_MAGIC.length + 4) throw damaged(file, 'avkortet');
  const length = head.readUInt32BE(ENCRYPTED_MAGIC.length);
  const end = ENCRYPTED_MAGIC.length + 4 + length;
  if (length > MAX_HEADER) throw damaged(file, 'skadet eller endret');
  if (end > head.length) throw damaged(file, 'avkortet');
  let parsed: unknown;
  try {
    parsed = JSON.parse(head.subarray(ENCRYPTED_MAGIC.length + 4, end).toString('utf8'));
  } catch {
    throw damaged(file, 'skadet eller endret');
  }
  const format = typeof parsed === 'object' && parsed !== null && 'format' in parsed ? parsed.format : undefined;
  if (typeof format === 'number' && format > ENCRYPTION_FORMAT_VERSION) {
    throw new ApiError('NEWER_VERSION', `Pakken er kryptert med en nyere versjon av Innspill (format ${format}; denne versjonen kjenner ${ENCRYPTION_FORMAT_VERSION}). Oppdater Innspill (encrypted with a newer Innspill): ${file}`);
  }
  const header = headerSchema.safeParse(parsed);
  if (!header.success) throw damaged(file, 'skadet eller endret');
  if (header.data.kind !== expected) {
    throw new ApiError('NOT_A_PACKAGE', `Filen er en kryptert ${KIND_WORDS[header.data.kind]}, ikke en ${KIND_WORDS[expected]}: ${file}`);
  }
  return { header: header.data, headerBytes: head.subarray(0, end) };
}

/**
 * Decrypts an encrypted package into `out` (a new file) after checking the
 * passphrase, the length and GCM's tag; throws a clear error otherwise and
 * leaves no partial `out` behind.
 */
export async function decryptPackageFile(file: string, out: string, passphrase: string | undefined, expected: PackageKind): Promise<void> {
  const { header, headerBytes } = readHeader(file, expected);
  if (!passphrase) {
    throw new ApiError('PASSPHRASE_REQUIRED', `Pakken er kryptert; oppgi passordet den ble laget med (the package is encrypted; give its passphrase): ${file}`);
  }
  const { key, check } = await deriveKeys(passphrase, Buffer.from(header.salt, 'base64'), header);
  const expectedCheck = Buffer.from(header.check, 'base64');
  if (expectedCheck.length !== check.length || !timingSafeEqual(expectedCheck, check)) {
    throw new ApiError('WRONG_PASSPHRASE', `Feil passord: pakken kan ikke åpnes med dette passordet; ingenting er endret (wrong passphrase): ${file}`);
  }
  const size = statSync(file).size;
  const expectedSize = headerBytes.length + header.plainBytes + TAG_BYTES;
  if (size < expectedSize) throw damaged(file, 'avkortet');
  if (size > expectedSize) throw damaged(file, 'skadet eller endret');
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(headerBytes);
  decipher.setAuthTag(tag);
  try {
    const body = createReadStream(file, { start: headerBytes.length, end: headerBytes.length + header.plainBytes - 1 });
    await pipeline(body, decipher, createWriteStream(out, { flags: 'wx' }));
  } catch (e) {
    rmSync(out, { force: true });
    if (e instanceof ApiError) throw e;
    // GCM's final check failed: some byte of the content (or the header) is not what was sealed.
    if (/auth/i.test(messageOf(e))) throw damaged(file, 'skadet eller endret');
    throw e;
  }
}

/**
 * Runs `use` on the plain package file: the file itself when it is not
 * encrypted, else a decrypted scratch copy that is removed afterwards.
 */
export async function withPlainPackage<T>(file: string, kind: PackageKind, passphrase: string | undefined, use: (plain: string) => Promise<T> | T): Promise<T> {
  if (!isEncryptedPackage(file)) return use(file);
  const scratch = scratchPackagePath();
  try {
    await decryptPackageFile(file, scratch, passphrase, kind);
    try {
      return await use(scratch);
    } catch (e) {
      // Errors about the decrypted copy name the file the user chose.
      if (e instanceof ApiError) throw new ApiError(e.code, e.message.split(scratch).join(file));
      throw e;
    }
  } finally {
    rmSync(scratch, { force: true });
  }
}

/**
 * Writes a package to `out` through `write`: directly without a passphrase,
 * else to a scratch file on the laptop's disk that is encrypted into `out`
 * and removed (the plain package never reaches the target's folder or stick).
 */
export async function sealedIf(passphrase: string | undefined, kind: PackageKind, out: string, write: (file: string) => Promise<void> | void): Promise<void> {
  if (!passphrase) {
    await write(out);
    return;
  }
  const scratch = scratchPackagePath();
  try {
    await write(scratch);
    await encryptPackageFile(scratch, out, passphrase, kind);
  } finally {
    rmSync(scratch, { force: true });
    rmSync(scratch + '-journal', { force: true });
  }
}
