// resources/ (the reference data the app ships) must match the shared data
// folder it is generated from; scripts/build-resources.ts --check compares
// them. Without the shared folder, resources/ must still hold the complete
// reference data.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src-main/core/reference/load';
import { repoRoot, resourcesDir, tempDir } from '../../helpers/core';
import { fileBytes } from '../../helpers/files';
import {
  DISTRICT_COUNTS,
  MUNICIPALITY_COUNT,
  POPULATION_2022,
  readResourceJson,
  sharedDataDir,
  shippedLetter,
  shippedRegister,
} from '../../helpers/reference';

const script = path.join(repoRoot, 'scripts', 'build-resources.ts');
const tsxCli = createRequire(__filename).resolve('tsx/cli');

/** `tsx scripts/build-resources.ts --check`, against `sharedData`. */
function runCheck(sharedData: string) {
  return spawnSync(process.execPath, [tsxCli, script, '--check'], {
    cwd: repoRoot,
    env: { ...process.env, INNSPILL_SHARED_DATA: sharedData },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('resources/ and the shared data', () => {
  if (sharedDataDir) {
    const shared = sharedDataDir;

    it('build-resources --check finds resources/ up to date', () => {
      const run = runCheck(shared);
      expect(run.stderr).not.toContain('stale:');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('resources/ is up to date');
    });

    it('build-resources --check notices a change in the shared data, without writing', () => {
      const { dir, cleanup } = tempDir('innspill-shared-');
      try {
        cpSync(shared, dir, { recursive: true });
        const metaFile = path.join(dir, 'brev_kommunene_2022_metadata.json');
        const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
        writeFileSync(metaFile, JSON.stringify({ ...meta, hoeringsfrist: '2022-06-15' }));
        const before = fileBytes(path.join(resourcesDir, 'data', 'letter-2022.json'));

        const run = runCheck(dir);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('stale: resources/data/letter-2022.json');
        expect(run.stderr).not.toContain('register-2022.json');
        expect(fileBytes(path.join(resourcesDir, 'data', 'letter-2022.json')).equals(before)).toBe(true);
      } finally {
        cleanup();
      }
    });
  } else {
    it('shared data folder absent: resources/ still holds the whole register and letter', () => {
      expect(shippedRegister().municipalities).toHaveLength(MUNICIPALITY_COUNT);
      expect(shippedRegister().policeDistricts).toHaveLength(12);
      expect(shippedLetter().questions).toHaveLength(5);
    });
  }
});

describe('the shipped reference data', () => {
  it('passes the validation the app runs on start', () => {
    const ref = loadReferenceData(resourcesDir);
    expect(ref.register.municipalities).toHaveLength(MUNICIPALITY_COUNT);
    expect(ref.letter2022.questions).toHaveLength(5);
    expect(ref.attributions.length).toBeGreaterThan(0);
  });

  it('holds the 356 municipalities with four-digit numbers and the 2022 population', () => {
    const { municipalities } = shippedRegister();
    expect(municipalities).toHaveLength(MUNICIPALITY_COUNT);
    expect(new Set(municipalities.map((m) => m.number)).size).toBe(MUNICIPALITY_COUNT);
    for (const m of municipalities) expect(m.number).toMatch(/^\d{4}$/);
    expect(municipalities.find((m) => m.number === '0301')?.name).toBe('Oslo');
    expect(municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(POPULATION_2022);
  });

  it('holds the 12 police districts with their municipality counts', () => {
    const { municipalities, policeDistricts } = shippedRegister();
    expect(policeDistricts.map((d) => d.name).sort()).toEqual(Object.keys(DISTRICT_COUNTS).sort());
    const counts: Record<string, number> = {};
    for (const m of municipalities) counts[m.policeDistrictName] = (counts[m.policeDistrictName] ?? 0) + 1;
    expect(counts).toEqual(DISTRICT_COUNTS);
    const codes = new Map(policeDistricts.map((d) => [d.code, d.name]));
    for (const m of municipalities) expect(codes.get(m.policeDistrictCode), m.number).toBe(m.policeDistrictName);
  });

  it('holds the 2022 letter: 22/535, deadline 2022-06-01, five questions, five channels in question 4', () => {
    const letter = shippedLetter();
    expect(letter).toMatchObject({ caseNumber: '22/535', deadline: '2022-06-01' });
    expect(letter.questions.map((q) => q.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(letter.questions.map((q) => q.options.length)).toEqual([0, 0, 0, 5, 0]);
  });

  it('ships the map geometry for all 356 municipalities and 11 counties', () => {
    const municipalities = readResourceJson<{ objects: { Kommuner: { geometries: unknown[] } } }>('municipalities.topojson');
    const counties = readResourceJson<{ objects: { Fylker: { geometries: unknown[] } } }>('counties.topojson');
    expect(municipalities.objects.Kommuner.geometries).toHaveLength(MUNICIPALITY_COUNT);
    expect(counties.objects.Fylker.geometries).toHaveLength(11);
  });
});
