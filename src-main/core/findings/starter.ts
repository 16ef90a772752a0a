// The 2022 letter's starter findings register: DFØ's (and earlier Difi's)
// evaluation reports of the police reform with their main findings, from the
// shared reference data. Reports whose identity was inferred stay unverified,
// and so do their findings; the source is kept in the report's notes.
import type { Transaction } from 'kysely';
import { authoredColumns } from '../audit/record';
import type { CoreDeps } from '../deps';
import type { DfoReports } from '../reference/load';
import type { DB } from '../store/schema';

function publisher(key: string): string {
  return key.startsWith('Difi')
    ? 'Direktoratet for forvaltning og IKT (Difi)'
    : 'Direktoratet for forvaltning og økonomistyring (DFØ)';
}

function firstUrl(source: string | undefined): string | null {
  return source?.split(/\s*;\s*/).find((s) => /^https?:\/\//.test(s)) ?? null;
}

export async function seedDfoRegister(trx: Transaction<DB>, deps: Pick<CoreDeps, 'now' | 'newId' | 'author'>, reports: DfoReports): Promise<void> {
  for (const r of reports) {
    const notes = [
      r.covers ? `Omfatter: ${r.covers}` : '',
      r.focus ? `Særlig: ${r.focus}` : '',
      r.source ? `Kilde: ${r.source}` : '',
      r.verified_title ? '' : 'Tittel og innhold er utledet, ikke bekreftet.',
    ]
      .filter(Boolean)
      .join('\n');
    const report = {
      ...authoredColumns(deps),
      report_key: r.id,
      title: r.title ?? r.covers ?? r.id,
      publisher: publisher(r.id),
      published: r.published ?? null,
      url: firstUrl(r.source),
      verified: r.verified_title ? 1 : 0,
      notes,
    };
    await trx.insertInto('finding_report').values(report).execute();
    for (const statement of r.findings) {
      await trx
        .insertInto('finding')
        .values({ ...authoredColumns(deps), report_id: report.id, statement, reference: null, theme: null, verified: r.verified_title ? 1 : 0 })
        .execute();
    }
  }
}
