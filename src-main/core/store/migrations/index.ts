// Migrations are code: an ordered, static list. Names sort in order, and a
// file whose trail names a migration this list lacks was written by a newer
// version of Innspill and is refused.
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_coding_workspace';
import * as m0003 from './0003_findings_register';
import * as m0004 from './0004_search';
import * as m0005 from './0005_assignments';
import * as m0006 from './0006_team_work';
import * as m0007 from './0007_agreement';
import * as m0008 from './0008_refi_exchange';
import * as m0009 from './0009_county_council';
import * as m0010 from './0010_code_groups';
import * as m0011 from './0011_personal_data';
import * as m0012 from './0012_erasure';
import * as m0013 from './0013_email_provenance';
import * as m0014 from './0014_ocr_reading';

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001_initial', m0001],
  ['0002_coding_workspace', m0002],
  ['0003_findings_register', m0003],
  ['0004_search', m0004],
  ['0005_assignments', m0005],
  ['0006_team_work', m0006],
  ['0007_agreement', m0007],
  ['0008_refi_exchange', m0008],
  ['0009_county_council', m0009],
  ['0010_code_groups', m0010],
  ['0011_personal_data', m0011],
  ['0012_erasure', m0012],
  ['0013_email_provenance', m0013],
  ['0014_ocr_reading', m0014],
];

export const latestSchemaVersion = migrations[migrations.length - 1][0];

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return Object.fromEntries(migrations);
  },
};

export type AnyDb = Kysely<unknown>;
