// Mapping presets saved in the project, so the whole team maps the same
// export the same way; the CLI reads the same JSON from a file (--mapping).
import { readFileSync } from 'node:fs';
import { mappingPresetSchema, type MappingPreset, type SavedPreset } from '../../../src-shared/imports';
import { authoredColumns, recordEvent } from '../audit/record';
import type { CoreDeps } from '../deps';
import type { Store } from '../store/open';
import { ImportError } from '../input/errors';
import { messageOf } from '../caught';

export async function listPresets(store: Store): Promise<SavedPreset[]> {
  const rows = await store.db.selectFrom('mapping_preset').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, preset: mappingPresetSchema.parse(JSON.parse(r.preset)), updatedAt: r.updated_at }));
}

export async function savePreset(store: Store, deps: CoreDeps, name: string, preset: MappingPreset): Promise<SavedPreset> {
  const json = JSON.stringify({ ...preset, name });
  await store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('mapping_preset').selectAll().where('name', '=', name).executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('mapping_preset')
        .set({ preset: json, updated_at: deps.now().toISOString(), updated_by: deps.author() })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx.insertInto('mapping_preset').values({ ...authoredColumns(deps), name, preset: json }).execute();
    }
    await recordEvent(trx, deps, {
      action: 'mapping_preset.save',
      entityType: 'mapping_preset',
      entityId: existing?.id ?? null,
      before: existing ? JSON.parse(existing.preset) : undefined,
      after: JSON.parse(json),
    });
  });
  return (await listPresets(store)).find((p) => p.name === name)!;
}

/** Reads a preset file for `innspill import --mapping file.json`. */
export function readPresetFile(file: string): MappingPreset {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ImportError('BAD_MAPPING', `Cannot read the mapping file ${file}: ${messageOf(e)}`);
  }
  const parsed = mappingPresetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError('BAD_MAPPING', `The mapping file ${file} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
