// Encrypted work and return packages through the API on real files: the
// round trip; a missing or wrong passphrase, a tampered byte (content, tag,
// header) and a truncated file each give their own clear error and leave the
// project (and the folder) as it was; the passphrase appears in no file the
// app wrote (project files, packages, backups, decompressed) and no log line.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../src-main/core/deps';
import { ENCRYPTED_MAGIC } from '../../../../src-main/core/team/encryption';
import { apiError } from '../../../helpers/api';
import { runCli } from '../../../helpers/cli';
import type { CodingProject } from '../../../helpers/coding';
import { laptop, masterProject, type Laptop } from '../../../helpers/team';

const PASSPHRASE = 'Blåbærsyltetøy-og-fjelltur 2026';

let master: CodingProject;
let kari: Laptop;
const logged: string[] = [];

beforeEach(async () => {
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(silentLogger, level).mockImplementation((message, fields) => void logged.push(message + JSON.stringify(fields ?? {})));
  }
  master = await masterProject();
  kari = laptop('Kari');
  const overview = await master.api.team.assignments();
  await master.api.team.assign({ assignee: 'Kari', respondentIds: overview.respondents.map((r) => r.respondentId) });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await kari.dispose();
  await master.cleanup();
});

/** Every row of the tables a merge could change, as one digest: "the master is unchanged" means this is equal. */
function masterDigest(): string {
  const sqlite = master.store().sqlite;
  const hash = createHash('sha256');
  for (const table of ['coding', 'code', 'variable_value', 'memo', 'response', 'event', 'package_merge', 'merge_conflict', 'merged_change']) {
    hash.update(JSON.stringify(sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));
  }
  return hash.digest('hex');
}

const filesOf = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

async function sealedPackage(): Promise<string> {
  const exported = await master.api.team.exportPackage({ assignee: 'Kari', target: path.join(master.dir, 'kari.innspillpakke'), passphrase: PASSPHRASE });
  expect(exported.encrypted).toBe(true);
  return exported.path;
}

async function sealedReturn(packagePath: string): Promise<string> {
  await kari.api.team.openPackage({ path: packagePath, target: 'kopi.innspill', passphrase: PASSPHRASE });
  const responses = await kari.api.responses.list({});
  const code = (await kari.api.codebook.create({ name: 'Fra Kari' })).id;
  const detail = await kari.api.responses.get({ id: responses[0].id });
  await kari.api.codings.create({ answerId: detail.answers[0].id, codeId: code });
  const back = await kari.api.team.exportReturn({ target: path.join(master.dir, 'kari.innspillretur'), passphrase: PASSPHRASE });
  expect(back.encrypted).toBe(true);
  return back.path;
}

// scrypt costs about half a second per derivation by design (more on a loaded machine); each case derives a few times.
describe('encrypted packages', { timeout: 180_000 }, () => {
  it('round trip: package out, working copy, return, merge; nothing readable without the passphrase', async () => {
    const pack = await sealedPackage();
    const bytes = readFileSync(pack);
    expect(bytes.subarray(0, ENCRYPTED_MAGIC.length).toString('ascii')).toBe('INNSPILL ENCRYPTED PACKAGE\n');
    const header = JSON.parse(bytes.subarray(ENCRYPTED_MAGIC.length + 4, ENCRYPTED_MAGIC.length + 4 + bytes.readUInt32BE(ENCRYPTED_MAGIC.length)).toString());
    expect(header).toMatchObject({ format: 1, kind: 'work', cipher: 'aes-256-gcm', kdf: 'scrypt', N: 131072, r: 8, p: 1 });
    // No SQLite page, no answer text, no respondent name in the clear.
    const answer = master.response('1804').q(1).text.slice(0, 30);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(answer))).toBe(false);
    expect(bytes.includes(Buffer.from('Bodø'))).toBe(false);

    const back = await sealedReturn(pack);
    expect(readFileSync(back).subarray(0, ENCRYPTED_MAGIC.length)).toEqual(ENCRYPTED_MAGIC);
    const report = await master.api.team.mergeReturn({ path: back, passphrase: PASSPHRASE });
    expect(report.applied).toMatchObject({ coding: 1, code: 1 });
    expect((await master.api.codebook.list()).some((c) => c.name === 'Fra Kari')).toBe(true);
  });

  it('a missing or wrong passphrase: a clear error, no working copy, the master unchanged', async () => {
    const pack = await sealedPackage();
    const before = readdirSync(kari.dir).sort();
    expect((await apiError(kari.api.team.openPackage({ path: pack, target: 'kopi.innspill' }))).code).toBe('PASSPHRASE_REQUIRED');
    const wrong = await apiError(kari.api.team.openPackage({ path: pack, target: 'kopi.innspill', passphrase: 'Blåbærsyltetøy-og-fjelltur 2025' }));
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).toMatch(/^Feil passord/);
    expect(readdirSync(kari.dir).sort()).toEqual(before);

    const back = await sealedReturn(pack);
    const digest = masterDigest();
    expect((await apiError(master.api.team.mergeReturn({ path: back }))).code).toBe('PASSPHRASE_REQUIRED');
    expect((await apiError(master.api.team.mergeReturn({ path: back, passphrase: 'feil passord' }))).code).toBe('WRONG_PASSPHRASE');
    expect(masterDigest()).toBe(digest);
    // A work package is not a return package, encrypted or not.
    expect((await apiError(master.api.team.mergeReturn({ path: pack, passphrase: PASSPHRASE }))).code).toBe('NOT_A_PACKAGE');
    expect(masterDigest()).toBe(digest);
  });

  it('a tampered byte anywhere or a truncated file is refused and changes nothing', async () => {
    const pack = await sealedPackage();
    const back = await sealedReturn(pack);
    const original = readFileSync(back);
    const digest = masterDigest();
    const headerEnd = ENCRYPTED_MAGIC.length + 4 + original.readUInt32BE(ENCRYPTED_MAGIC.length);
    const cases: [string, Buffer][] = [
      ['a byte of the content', flip(original, headerEnd + Math.floor((original.length - headerEnd) / 2))],
      ['the first byte of the content', flip(original, headerEnd)],
      ['a byte of the tag', flip(original, original.length - 3)],
      ['the size in the header', Buffer.from(original.toString('latin1').replace(/"plainBytes":(\d)/, (_, d) => `"plainBytes":${(Number(d) + 1) % 10}`), 'latin1')],
      ['cut short', original.subarray(0, original.length - 1000)],
      ['the last byte cut', original.subarray(0, original.length - 1)],
      ['a byte added', Buffer.concat([original, Buffer.from([0])])],
      ['only the header', original.subarray(0, headerEnd)],
      ['half the header', original.subarray(0, 40)],
    ];
    for (const [what, bytes] of cases) {
      writeFileSync(back, bytes);
      const error = await apiError(master.api.team.mergeReturn({ path: back, passphrase: PASSPHRASE }));
      expect(error.code, what).toBe('PACKAGE_TAMPERED');
      expect(error.message, what).toMatch(/^Den krypterte pakken er (avkortet|skadet eller endret)/);
      expect(masterDigest(), what).toBe(digest);
    }
    writeFileSync(back, original);
    await master.api.team.mergeReturn({ path: back, passphrase: PASSPHRASE });
    expect(masterDigest()).not.toBe(digest);

    // The same for a work package: no working copy appears.
    const before = readdirSync(kari.dir).sort();
    writeFileSync(pack, flip(readFileSync(pack), 5000));
    expect((await apiError(kari.api.team.openPackage({ path: pack, target: 'kopi2.innspill', passphrase: PASSPHRASE }))).code).toBe('PACKAGE_TAMPERED');
    expect(readdirSync(kari.dir).sort()).toEqual(before);
  });

  it('the passphrase is in no file the app wrote and in no log line', async () => {
    const back = await sealedReturn(await sealedPackage());
    await apiError(master.api.team.mergeReturn({ path: back, passphrase: PASSPHRASE.slice(0, -1) }));
    await master.api.team.mergeReturn({ path: back, passphrase: PASSPHRASE });
    await master.api.backup.create();
    const needles = [Buffer.from(PASSPHRASE, 'utf8'), Buffer.from(PASSPHRASE, 'utf16le'), Buffer.from(PASSPHRASE.slice(0, -1), 'utf8')];
    const files = [...filesOf(master.dir), ...filesOf(kari.dir)];
    expect(files.some((f) => f.endsWith('.innspill.gz'))).toBe(true);
    for (const file of files) {
      const raw = readFileSync(file);
      const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
      for (const needle of needles) expect(bytes.includes(needle), file).toBe(false);
    }
    expect(logged.some((l) => l.includes(PASSPHRASE.slice(0, 12)))).toBe(false);
  });

  it('on the command line: --passphrase-file, and a wrong one exits 1 with a Norwegian message', async () => {
    writeFileSync(path.join(master.dir, 'pass.txt'), PASSPHRASE + '\n');
    writeFileSync(path.join(master.dir, 'feil.txt'), 'ikke dette passordet\n');
    await master.api.project.close();
    process.env.INNSPILL_CONFIG_DIR = path.join(master.dir, 'cli-config');
    try {
      const file = path.basename(master.file);
      const out = await runCli(master.dir, ['package', 'export', file, '--assignee', 'Kari', '--out', 'k.innspillpakke', '--passphrase-file', 'pass.txt']);
      expect(out.code).toBe(0);
      expect(out.out).toContain('encrypted work package for Kari');
      const wrong = await runCli(master.dir, ['package', 'open', 'k.innspillpakke', '--out', 'k.innspill', '--passphrase-file', 'feil.txt']);
      expect(wrong.code).toBe(1);
      expect(wrong.err).toMatch(/^innspill package: Feil passord/);
      expect((await runCli(master.dir, ['package', 'open', 'k.innspillpakke', '--out', 'k.innspill'])).err).toMatch(/kryptert/);
      expect((await runCli(master.dir, ['package', 'open', 'k.innspillpakke', '--out', 'k.innspill', '--passphrase-file', 'pass.txt'])).code).toBe(0);
      // There is no option that takes the passphrase itself.
      expect((await runCli(master.dir, ['package', 'open', 'k.innspillpakke', '--out', 'k2.innspill', '--passphrase', PASSPHRASE])).code).toBe(2);
    } finally {
      delete process.env.INNSPILL_CONFIG_DIR;
    }
  });
});

function flip(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x01;
  return copy;
}
