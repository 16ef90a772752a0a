// Helpers for tests of REFI-QDA files from other programs: a response whose
// one answer is a given text (what a source from NVivo becomes when its text
// is imported), the real files in ../shared/external/refi (read there, never
// copied: some have no licence), and small .qdpx files written for one case.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeWithMap } from '../../src-main/core/refi/positions';
import type { CodingProject } from './coding';
import { repoRoot } from './core';
import { insertAnswers, insertBatch, insertRespondent, insertResponse } from './fixtures';
import { zipFile } from './import-fixtures';

export const EXTERNAL_REFI = path.resolve(repoRoot, '..', 'shared', 'external', 'refi');

/** A real file from another program (see ../shared/external/PROVENANCE.md). */
export function externalFile(name: string): Buffer {
  const file = path.join(EXTERNAL_REFI, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: the real REFI-QDA files live in ../shared/external/refi`);
  return readFileSync(file);
}

/** A current response of `respondent` whose one (unassigned) answer is `text` as Innspill stores text (no BOM, \n, NFC). */
export async function addTextResponse(p: CodingProject, respondent: string, text: string): Promise<{ responseId: string; answerText: string }> {
  const db = p.store().db;
  const batch = await insertBatch(db);
  const who = await insertRespondent(db, respondent, 'unmatched');
  const responseId = await insertResponse(db, who, batch);
  const answerText = normalizeWithMap(text).text;
  await insertAnswers(db, responseId, [[null, answerText]]);
  return { responseId, answerText };
}

/** A .qdpx of a project.qde and its sources' text files (sources/<name>). */
export function qdpx(qde: string, sources: Record<string, string | Buffer>): Promise<Buffer> {
  return zipFile([{ name: 'project.qde', data: qde }, ...Object.entries(sources).map(([name, data]) => ({ name: `sources/${name}`, data }))]);
}

/** A minimal project.qde: users, a flat codebook, text sources with selections (positions as given). */
export function qde(options: {
  origin: string;
  users?: { guid: string; name: string }[];
  codes: { guid: string; name: string; extra?: string }[];
  sources: { guid: string; name: string; selections: { start: number; end: number; code: string; user?: string; at?: string }[] }[];
  extra?: string;
}): string {
  const users = options.users?.length ? `<Users>${options.users.map((u) => `<User guid="${u.guid}" name="${u.name}"/>`).join('')}</Users>` : '';
  const codes = `<CodeBook><Codes>${options.codes.map((c) => `<Code guid="${c.guid}" name="${c.name}" isCodable="true"${c.extra ?? '/>'}`).join('')}</Codes></CodeBook>`;
  let n = 0;
  const guid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const sources = options.sources
    .map(
      (s) =>
        `<TextSource guid="${s.guid}" name="${s.name}" plainTextPath="internal://${s.guid}.txt">${s.selections
          .map(
            (x) =>
              `<PlainTextSelection guid="${guid()}" name="" startPosition="${x.start}" endPosition="${x.end}"${x.user ? ` creatingUser="${x.user}"` : ''}${x.at ? ` creationDateTime="${x.at}"` : ''}><Coding guid="${guid()}"${x.user ? ` creatingUser="${x.user}"` : ''}><CodeRef targetGUID="${x.code}"/></Coding></PlainTextSelection>`,
          )
          .join('')}</TextSource>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="Test" origin="${options.origin}">${users}${codes}<Sources>${sources}</Sources>${options.extra ?? ''}</Project>`;
}
