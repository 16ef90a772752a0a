// Code groups from and to REFI-QDA <Sets>: a set's member codes become a named
// group of codes (by the codes' guids); members that are sources or notes are
// not imported and are counted with the reason. Exported back as <Sets> with
// <MemberCode targetGUID>, in a project (.qdpx) and a codebook (.qdc).
import type { Kysely, Transaction } from 'kysely';
import type { CodeGroup } from '../../../src-shared/coding';
import { bareGuid } from './guid';
import { isXmlNode, xmlNodes, type XmlNode } from './xmlNodes';
import type { CoreDeps } from '../deps';
import type { DB } from '../store/schema';

const list = xmlNodes;

/** A <Set> as the file wrote it: member codes by bare guid, and how many members are not codes. */
export interface ParsedSet {
  guid: string;
  name: string;
  description: string;
  codeGuids: string[];
  sources: number;
  notes: number;
}

/** The <Set>s of a <Sets> element. MemberCode names its code by targetGUID (the standard) or guid (ATLAS.ti's .qdc). */
export function parseSets(sets: unknown, text: (value: unknown) => string): ParsedSet[] {
  return list(isXmlNode(sets) ? sets.Set : undefined).map((s) => ({
    guid: bareGuid(s['@_guid']),
    name: String(s['@_name'] ?? '').trim(),
    description: text(s.Description).trim(),
    codeGuids: [...new Set(list(s.MemberCode).map((m) => bareGuid(m['@_targetGUID'] ?? m['@_guid'])).filter(Boolean))],
    sources: list(s.MemberSource).length,
    notes: list(s.MemberNote).length,
  }));
}

export interface CodeGroupImport {
  /** Groups created or updated (by the set's guid). */
  groups: number;
  /** Member codes put in a group. */
  members: number;
  /** Member codes the file's codebook does not have (not imported). */
  unknownCodes: number;
  /** Sets with no member codes (only sources or notes): not made groups. */
  withoutCodes: number;
}

/**
 * Makes each set with member codes a code group (id = the set's guid; a
 * group already there gets the file's name, description and members).
 * `codeFor` maps a code guid of the file to our code id.
 */
export async function importCodeGroupsIn(
  trx: Transaction<DB>,
  deps: Pick<CoreDeps, 'now' | 'author'>,
  sets: ParsedSet[],
  codeFor: (guid: string) => string | undefined,
): Promise<CodeGroupImport> {
  const result: CodeGroupImport = { groups: 0, members: 0, unknownCodes: 0, withoutCodes: 0 };
  for (const set of sets) {
    const codeIds = [...new Set(set.codeGuids.flatMap((g) => codeFor(g) ?? (result.unknownCodes++, [])))];
    if (!codeIds.length || !set.guid || !set.name) {
      result.withoutCodes++;
      continue;
    }
    await trx
      .insertInto('code_group')
      .values({ id: set.guid, name: set.name, description: set.description, created_at: deps.now().toISOString(), created_by: deps.author() })
      .onConflict((oc) => oc.column('id').doUpdateSet({ name: set.name, description: set.description }))
      .execute();
    await trx.deleteFrom('code_group_member').where('group_id', '=', set.guid).execute();
    await trx
      .insertInto('code_group_member')
      .values(codeIds.map((code_id) => ({ group_id: set.guid, code_id })))
      .execute();
    result.groups++;
    result.members += codeIds.length;
  }
  return result;
}

/** The project's code groups in Norwegian order of name, each with its codes' ids. */
export async function listCodeGroups(db: Kysely<DB>): Promise<CodeGroup[]> {
  const groups = await db.selectFrom('code_group').select(['id', 'name', 'description']).execute();
  const members = await db.selectFrom('code_group_member').select(['group_id', 'code_id']).orderBy('code_id').execute();
  const collator = new Intl.Collator('nb');
  return groups
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1))
    .map((g) => ({ id: g.id, name: g.name, description: g.description, codeIds: members.filter((m) => m.group_id === g.id).map((m) => m.code_id) }));
}

/** The groups as a <Sets> element's content (none: undefined, so no empty <Sets/> is written). */
export function setsToXml(groups: CodeGroup[], clean: (text: string) => string = (t) => t): XmlNode | undefined {
  const written = groups.filter((g) => g.codeIds.length);
  if (!written.length) return undefined;
  return {
    Set: written.map((g) => ({
      '@_guid': g.id,
      '@_name': clean(g.name),
      ...(g.description ? { Description: clean(g.description) } : {}),
      MemberCode: g.codeIds.map((id) => ({ '@_targetGUID': id })),
    })),
  };
}
