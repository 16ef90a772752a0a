// The Word briefing memo (export.memo) on a small project built through the
// API (test/helpers/memo-fixture.ts: six municipalities in three police
// districts, an organisation, a superseded response with a marked coding and
// a finding link). Each memo is read back — unzipped, its document.xml and
// footnotes.xml parsed — and every number in it is checked against the
// analysis methods the screens use, so a wrong count fails here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../../../src-shared/contract';
import type { ExportResult, MemoOptionsInput } from '../../../../../src-shared/export';
import { findingRelations } from '../../../../../src-shared/findings';
import { expectApiError, testApi } from '../../../../helpers/api';
import { tempDir, testCore } from '../../../../helpers/core';
import { fieldInstructions, plain, readBody, readFootnotes, type DocBody, type DocParagraph, type DocTable } from '../../../../helpers/docx-read';
import { unzipParts } from '../../../../helpers/zip-entries';
import { wordTwips } from '../../../../../src-main/core/export/memo/columns';
import { TEXT_WIDTH } from '../../../../../src-main/core/export/memo/blocks';
import { FILES, memoProject, METADATA, NEW_STEIGEN_Q2, OLD_STEIGEN_TEXT, type MemoProject } from '../../../../helpers/memo-fixture';

const ALL = ['summary', 'questions', 'findings', 'stations', 'charts', 'appendix'] as const;

interface Memo {
  result: ExportResult;
  bytes: Buffer;
  parts: Map<string, Buffer>;
  body: DocBody;
  footnotes: Map<string, string>;
}

let p: MemoProject;
/** quotesPerItem 1, every section: the marked quote must win the one place. */
let full: Memo;
/** The dialog's default sections (no appendix). */
let standard: Memo;
/** Only Nordland (police district p10). */
let nordland: Memo;
const progress: EventMap['progress'][] = [];

async function exportMemo(options: Partial<MemoOptionsInput>, target?: string): Promise<Memo> {
  const result = await p.api.export.memo({ options: { metadata: METADATA, sections: [...ALL], ...options }, target });
  const bytes = readFileSync(result.path);
  const parts = await unzipParts(bytes);
  return { result, bytes, parts, body: readBody(parts.get('word/document.xml')!), footnotes: readFootnotes(parts.get('word/footnotes.xml')!) };
}

const q = (n: number) => p.questions[n - 1];
const texts = (m: Memo, style: string) => m.body.paragraphs.filter((x) => x.style === style).map((x) => x.text);
/** The data table whose first header cell is `first` (the n-th such table). */
const tableStarting = (m: Memo, first: string, n = 0): DocTable => {
  const found = m.body.tables.filter((t) => t.rows[0]?.cells[0] === first);
  if (!found[n]) throw new Error(`no table starting with "${first}"`);
  return found[n];
};
const dataRows = (t: DocTable) => t.rows.filter((r) => !r.header).map((r) => r.cells.map(plain));
/** Body paragraphs from the heading `title` (the first after the heading `after`) up to the next heading of the same or a higher level. */
const under = (m: Memo, title: string, after?: string): DocParagraph[] => {
  const ps = m.body.paragraphs.filter((x) => !x.inTable);
  const from = after ? ps.findIndex((x) => /^Heading\d$/.test(x.style ?? '') && x.text === after) : 0;
  const start = ps.findIndex((x, i) => i >= from && /^Heading\d$/.test(x.style ?? '') && x.text === title);
  if (start < 0) throw new Error(`no heading "${title}"`);
  const level = Number(ps[start].style!.slice(-1));
  const end = ps.findIndex((x, i) => i > start && /^Heading\d$/.test(x.style ?? '') && Number(x.style!.slice(-1)) <= level);
  return ps.slice(start + 1, end < 0 ? undefined : end);
};
const quotes = (ps: DocParagraph[]) => ps.filter((x) => x.style === 'Sitat');
const pct = (count: number, base: number) => `${(base ? (count / base) * 100 : 0).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} %`;

beforeAll(async () => {
  p = await memoProject();
  p.api.on('progress', (e) => progress.push(e));
  full = await exportMemo({ quotesPerItem: 1 }, 'notat.docx');
  standard = await exportMemo({ sections: ['summary', 'questions', 'findings', 'stations', 'charts'] }, 'standard.docx');
  nordland = await exportMemo({ policeDistrictCodes: ['p10'] }, 'nordland.docx');
}, 120_000);
afterAll(async () => p?.cleanup());

describe('export.memo writes the memo', () => {
  it('into the export folder, atomically, and reports what went in', async () => {
    const { result } = full;
    expect(result.path).toBe(path.join(p.dir, 'Eksport', 'notat.docx'));
    expect(result.fileName).toBe('notat.docx');
    expect(result.sizeBytes).toBe(statSync(result.path).size);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(readdirSync(path.join(p.dir, 'Eksport')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const media = [...full.parts.keys()].filter((k) => k.startsWith('word/media/'));
    expect(result.counts).toMatchObject({
      municipalitiesAnswered: 6,
      municipalitiesInScope: 356,
      otherRespondents: 1,
      questions: 5,
      findings: 1,
      stationCandidates: 2,
      appendixResponses: 7,
      images: media.length,
    });
    const refs = full.body.paragraphs.flatMap((x) => x.footnoteIds);
    expect(result.counts.footnotes).toBe(full.footnotes.size);
    expect(refs).toHaveLength(full.footnotes.size);
    expect(result.counts.quotes).toBe(quotes(full.body.paragraphs).length);
    expect(result.counts.quotes).toBe(full.footnotes.size);
    // The session may open what it exported.
    expect(await p.api.export.open({ path: result.path })).toEqual({ opened: true });
  });

  it('reports progress per section as task "export"', () => {
    const ours = progress.filter((e) => e.task === 'export');
    const total = ALL.length + 2;
    expect(ours.slice(0, total).map((e) => [e.done, e.total])).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
    expect(ours.slice(0, total).map((e) => e.message)).toEqual(['Data', 'Sammendrag', 'Spørsmål', 'Funn', 'Tjenestesteder', 'Figurer', 'Vedlegg', 'Dokument']);
  });

  it('under a dated default name when no target is given', async () => {
    const memo = await exportMemo({ sections: ['summary'] });
    expect(memo.result.fileName).toMatch(/ - notat \d{4}-\d{2}-\d{2}\.docx$/);
    expect(path.dirname(memo.result.path)).toBe(path.join(p.dir, 'Eksport'));
  });
});

describe('the memo is a Norwegian ministry notat', () => {
  it('has the title and the header block as a table, the date as dd.mm.åååå', () => {
    expect(full.body.blocks[0]).toMatchObject({ kind: 'p', p: { style: 'Title', text: 'Notat' } });
    const header = full.body.blocks[1];
    expect(header.kind).toBe('table');
    expect(header.kind === 'table' && header.table.rows.map((r) => r.cells)).toEqual([
      ['Til:', 'Statsråden'],
      ['Fra:', 'Politiavdelingen'],
      ['Dato:', '27.11.2026'],
      ['Saksnr.:', '22/535'],
      ['Emne:', 'Kommunenes innspill om lokale polititjenester'],
    ]);
  });

  it('has the chosen sections in the chosen order, with Word heading styles', async () => {
    expect(texts(full, 'Heading1')).toEqual([
      'Sammendrag',
      'Spørsmål 1: Utfordringer',
      'Spørsmål 2: Tilfredshet',
      'Spørsmål 3: Samarbeid og ressurser',
      'Spørsmål 4: Tilgjengelighet',
      'Spørsmål 5: Nytt tjenestested',
      'Funn fra DFØs evalueringer',
      'Kandidater for nye tjenestesteder',
      'Figurer',
      'Vedlegg: alle svar',
    ]);
    const reordered = await exportMemo({ sections: ['stations', 'summary'] }, 'omvendt.docx');
    expect(texts(reordered, 'Heading1')).toEqual(['Kandidater for nye tjenestesteder', 'Sammendrag']);
    // The heading styles exist in styles.xml, so Word's navigation pane lists them.
    const styles = full.parts.get('word/styles.xml')!.toString();
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Sitat', 'Caption']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('has a table of contents field that Word updates, page numbers in the footer, and nb-NO as its language', () => {
    expect(fieldInstructions(full.parts.get('word/document.xml')!).find((i) => i.startsWith('TOC'))).toMatch(/^TOC .*\\o "1-2"/);
    expect(full.parts.get('word/settings.xml')!.toString()).toContain('<w:updateFields');
    const footers = [...full.parts.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers.length).toBeGreaterThan(0);
    const instructions = footers.flatMap((f) => fieldInstructions(full.parts.get(f)!));
    expect(instructions).toContain('PAGE');
    expect(instructions).toContain('NUMPAGES');
    expect(full.parts.get('word/styles.xml')!.toString()).toMatch(/<w:lang w:val="nb-NO"/);
    expect(full.parts.get('docProps/core.xml')!.toString()).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-27T12:00:00Z</dcterms:created>');
  });

  it('gives every data table a header row that repeats on each page', () => {
    const data = full.body.tables.slice(1);
    expect(data.length).toBeGreaterThanOrEqual(9);
    for (const t of data) {
      expect(t.rows[0].header, t.rows[0].cells.join(' | ')).toBe(true);
      expect(t.rows.slice(1).every((r) => !r.header)).toBe(true);
    }
    expect(full.body.tables[0].rows.some((r) => r.header)).toBe(false);
  });

  it('gives every header word and every number a column wide enough not to break it («Nyansere / r» in Funn)', () => {
    const unbroken = (t: DocTable) => {
      const numeric = t.rows[0].cells.map((_, i) => t.rows.slice(1).every((r) => /^[\d\s ,%]*$/.test(plain(r.cells[i] ?? ''))));
      t.widths.forEach((width, i) => {
        const words = [...t.rows[0].cells[i].split(/\s+/), ...(numeric[i] ? t.rows.slice(1).map((r) => plain(r.cells[i])) : [])];
        for (const w of words) expect(wordTwips(w, 20) + 160, `${t.rows[0].cells.join(' | ')}: «${w}» in ${width} twips`).toBeLessThanOrEqual(width);
      });
    };
    for (const t of full.body.tables.slice(1)) unbroken(t);
    const funn = tableStarting(full, 'Funn');
    expect(funn.rows[0].cells).toEqual(['Funn', 'Støtter', 'Motsier', 'Nyanserer', 'Nytt forhold']);
    // «Nyanserer» in 10 pt bold Arial is about 980 twips; the columns stay within the page's text width.
    expect(funn.widths[3]).toBeGreaterThanOrEqual(980 + 160);
    expect(Math.abs(funn.widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH)).toBeLessThanOrEqual(funn.widths.length);
  });
});

describe('the summary', () => {
  it('counts the municipalities that answered, of 356, with the organisation apart', () => {
    const ps = under(full, 'Sammendrag').map((x) => plain(x.text));
    expect(ps).toContain('6 av 356 kommuner har svart (1,7 %); 350 kommuner har ikke svart. Tallene gjelder gjeldende svar per 27.11.2026; eldre versjoner av et svar er ikke med.');
    expect(ps.some((t) => t.startsWith('I tillegg har 1 annen innsender svart'))).toBe(true);
  });

  it('has tables by police district and by population band equal to analysis.matrix', async () => {
    for (const [groupBy, first] of [
      ['policeDistrict', 'Politidistrikt'],
      ['populationBand', 'Innbyggere'],
    ] as const) {
      const matrix = await p.api.analysis.matrix({ groupBy });
      const table = tableStarting(full, first);
      const rows = dataRows(table);
      expect(rows.slice(0, -1)).toEqual(
        matrix.groups.map((g) => [plain(g.name), String(g.municipalities), String(g.responded), pct(g.responded, g.municipalities), String(g.nonRespondents)]),
      );
      expect(rows.at(-1)).toEqual(['Sum', '356', '6', '1,7 %', '350']);
    }
    const nordlandRow = dataRows(tableStarting(full, 'Politidistrikt')).find((r) => r[0] === 'Nordland');
    expect(nordlandRow).toEqual(['Nordland', '41', '3', '7,3 %', '38']);
  });

  it('has the key figures of every closed variable, per option, equal to analysis.variables', async () => {
    const { variables } = await p.api.analysis.variables({});
    expect(variables.map((v) => v.key)).toEqual(['q2_satisfied', 'q4_channels', 'q5_wants_station', 'q5_offers_premises']);
    const ps = full.body.blocks;
    for (const v of variables) {
      const at = ps.findIndex((b) => b.kind === 'p' && b.p.text.startsWith(v.label));
      const table = ps.slice(at).find((b) => b.kind === 'table');
      expect(table?.kind === 'table' && dataRows(table.table)).toEqual(v.overall.rows.map((r) => [r.label, String(r.count), pct(r.count, r.kind === 'ikke_svart' ? 356 : 6)]));
    }
    const wants = variables.find((v) => v.key === 'q5_wants_station')!.overall.rows.find((r) => r.value === 'ja')!;
    expect(wants.count).toBe(2);
    expect(under(full, 'Nøkkeltall fra de lukkede variablene').map((x) => plain(x.text))).toContain(
      '2 kommuner (33,3 % av kommunene som har svart) ønsker et nytt tjenestested, og 1 kommune (16,7 %) tilbyr lokaler.',
    );
  });
});

describe('the question sections', () => {
  it('list the most frequent codes with the matrix counts of municipalities', async () => {
    const matrix = await p.api.analysis.matrix({ groupBy: 'policeDistrict', questionId: q(2) });
    const expected = matrix.rows
      .filter((r) => r.withDescendants.total > 0)
      .sort((a, b) => b.withDescendants.total - a.withDescendants.total)
      .map((r) => [r.path.join(' › '), String(r.withDescendants.total)]);
    expect(expected).toEqual([
      ['Bemanning', '4'],
      ['Bemanning › Lensmannskontor', '3'],
      ['Responstid', '2'],
    ]);
    const section = full.body.blocks;
    const start = section.findIndex((b) => b.kind === 'p' && b.p.text === 'Spørsmål 2: Tilfredshet');
    const table = section.slice(start).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && dataRows(table.table).map((r) => r.slice(0, 2))).toEqual(expected);
    expect(table?.kind === 'table' && dataRows(table.table).map((r) => r[2])).toEqual(['66,7 %', '50 %', '33,3 %']);
    // Samarbeid is never used; question 1 has no codings.
    expect(full.body.paragraphs.some((x) => x.text === 'Samarbeid')).toBe(false);
    expect(under(full, 'Spørsmål 1: Utfordringer').map((x) => x.text)).toContain('Ingen svar på dette spørsmålet er kodet ennå.');
    expect(under(full, 'Spørsmål 2: Tilfredshet').map((x) => x.text)).toContain('6 av 6 kommuner som har svart, har svart på dette spørsmålet.');
  });

  it('quote the coding marked for the memo before the others, attributed in the text and in a footnote', () => {
    // Bodø comes first by name, but Steigen's coding is marked "use in memo".
    const [steigen] = quotes(under(full, 'Bemanning › Lensmannskontor'));
    expect(quotes(under(full, 'Bemanning › Lensmannskontor'))).toHaveLength(1);
    // The coding is shorter than its sentence: the sentence is quoted, the coded words in bold.
    expect(steigen.text).toBe('«Vi ønsker lensmannskontoret i Leinesfjord tilbake; folk føler seg utrygge.» – Steigen kommune, svar på spørsmål 2');
    expect(steigen.bold).toEqual(['Vi ønsker lensmannskontoret i Leinesfjord tilbake']);
    expect(steigen.footnoteIds).toHaveLength(1);
    const note = full.footnotes.get(steigen.footnoteIds[0])!;
    const steigenId = p.responses.get('1848')!.id;
    expect(note).toBe(`Svar fra Steigen kommune, mottatt 15.06.2022 (svar-id ${steigenId}). Kilde: ${FILES.second}, rad 2.`);
    // Without a marked coding: the first by municipality name (Kåfjord before Tromsø).
    const [responstid] = quotes(under(full, 'Responstid'));
    expect(responstid.text).toBe('«Responstiden i Kåfjord er over en time.» – Kåfjord kommune, svar på spørsmål 2');
    // A coding of whole sentences is quoted as it is, nothing marked.
    expect(responstid.bold).toEqual([]);
    expect(full.footnotes.get(responstid.footnoteIds[0])).toBe(
      `Svar fra Kåfjord kommune, mottatt 31.05.2022 (svar-id ${p.responses.get('5426')!.id}). Kilde: ${FILES.first}, rad 7.`,
    );
  });

  it('give up to quotesPerItem quotes, one per respondent', () => {
    expect(quotes(under(standard, 'Bemanning › Lensmannskontor')).map((x) => x.text.split(' – ')[1])).toEqual([
      'Steigen kommune, svar på spørsmål 2',
      'Bodø kommune, svar på spørsmål 2',
    ]);
    for (const m of [full, standard, nordland]) {
      const byCode = new Map<string, string[]>();
      let code = '';
      for (const x of under(m, 'Spørsmål 2: Tilfredshet')) {
        if (x.style === 'Heading2') code = x.text;
        if (x.style === 'Sitat') byCode.set(code, [...(byCode.get(code) ?? []), x.text.split(' – ')[1]]);
      }
      expect(byCode.size).toBeGreaterThan(0);
      for (const who of byCode.values()) expect(new Set(who).size).toBe(who.length);
    }
  });

  it('never quote a superseded response', () => {
    for (const m of [full, standard, nordland]) {
      const xml = m.parts.get('word/document.xml')!.toString();
      expect(xml).not.toContain('GAMMEL VERSJON');
      expect(xml).not.toContain(OLD_STEIGEN_TEXT);
      expect([...m.footnotes.values()].some((n) => n.includes(p.responses.get('1848-old')!.id))).toBe(false);
    }
    expect(full.parts.get('word/document.xml')!.toString()).toContain(NEW_STEIGEN_Q2);
  });
});

describe('the findings section', () => {
  it('counts municipalities per relation as the findings view does, without superseded links, and leaves out unlinked findings', async () => {
    const view = await p.api.findings.view({ id: p.findings.linked });
    const sum = (r: (typeof findingRelations)[number]) => view.byPoliceDistrict.reduce((n, d) => n + d.counts[r], 0);
    expect(findingRelations.map(sum)).toEqual([2, 1, 0, 0]); // Steigen's superseded "motsier" is not counted
    const table = tableStarting(full, 'Funn');
    expect(table.rows[0].cells).toEqual(['Funn', 'Støtter', 'Motsier', 'Nyanserer', 'Nytt forhold']);
    expect(dataRows(table)).toEqual([[view.finding.statement, ...findingRelations.map((r) => String(sum(r)))]]);
    const unlinked = (await p.api.findings.list({})).find((f) => f.id === p.findings.unlinked)!;
    expect(full.body.paragraphs.some((x) => x.text.includes(unlinked.statement))).toBe(false);
    const ps = under(full, view.finding.statement);
    expect(ps.map((x) => x.text)).toContain('Kommuner som støtter: 2, motsier: 1, nyanserer: 0, nytt forhold: 0. I tillegg 1 kobling fra andre innsendere.');
    // The quote of the marked coding, with its relation, and a footnote.
    const [first] = quotes(ps);
    expect(first.text).toBe('«Vi ønsker lensmannskontoret i Leinesfjord tilbake; folk føler seg utrygge.» – Steigen kommune, svar på spørsmål 2 (støtter)');
    expect(first.bold).toEqual(['Vi ønsker lensmannskontoret i Leinesfjord tilbake']);
    expect(full.footnotes.get(first.footnoteIds[0])).toContain(`svar-id ${p.responses.get('1848')!.id}`);
  });
});

describe('the stations section', () => {
  it('is the station candidates table of the analysis', async () => {
    const analysis = await p.api.analysis.stationCandidates();
    const table = tableStarting(full, 'Kommune');
    expect(dataRows(table)).toEqual(
      analysis.candidates.map((c) => [
        `${c.municipality.name} (${c.municipality.number})`,
        c.municipality.policeDistrictName,
        c.offersPremises === 'ja' ? 'Ja' : 'Nei',
        c.premisesOffered ?? '',
        c.announcedStations.map((s) => `${s.station} (${s.announced})`).join('; ') || '–',
      ]),
    );
    expect(dataRows(table).map((r) => r.slice(0, 4))).toEqual([
      ['Bodø (1804)', 'Nordland', 'Ja', 'Lokaler i rådhuset'],
      ['Steigen (1848)', 'Nordland', 'Nei', ''],
    ]);
    expect(dataRows(tableStarting(full, 'Tjenestested'))).toHaveLength(analysis.announced.length);
  });
});

describe('the figures', () => {
  it('are PNG images in word/media, one per figure, referenced from the document', () => {
    const media = [...full.parts.keys()].filter((k) => k.startsWith('word/media/'));
    // Question 2's code frequencies, "wants a new station" per district, and two maps.
    expect(media).toHaveLength(4);
    const rels = full.parts.get('word/_rels/document.xml.rels')!.toString();
    for (const m of media) {
      const png = full.parts.get(m)!;
      expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), m).toBe(true);
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(1000); // drawn at twice the shown size
      expect(rels).toContain(m.slice('word/'.length));
    }
    expect(texts(full, 'Caption')).toEqual([
      'Figur 1: Spørsmål 2: kommuner per kode (de 3 hyppigste)',
      'Figur 2: Andel kommuner som ønsker nytt tjenestested, per politidistrikt',
      'Figur 3: Kommuner som har svart',
      'Figur 4: Ønsker nytt tjenestested: kommunenes svar',
    ]);
    expect(full.parts.get('[Content_Types].xml')!.toString()).toContain('Extension="png"');
  });
});

describe('the appendix', () => {
  it('is there only when listed', () => {
    expect(texts(standard, 'Heading1')).not.toContain('Vedlegg: alle svar');
    expect(standard.result.counts.appendixResponses).toBe(0);
    expect(standard.parts.get('word/document.xml')!.toString()).not.toContain('Fiskerikriminalitet.');
  });

  it('has every current response in full, by police district and municipality (Norwegian order), others last', () => {
    const ps = under(full, 'Vedlegg: alle svar');
    const headings = ps.filter((x) => x.style === 'Heading2' || x.style === 'Heading3').map((x) => `${x.style === 'Heading2' ? '#' : ''}${x.text}`);
    expect(headings).toEqual([
      '#Oslo politidistrikt',
      'Oslo kommune',
      '#Nordland politidistrikt',
      'Bodø kommune',
      'Steigen kommune',
      'Øksnes kommune',
      '#Troms politidistrikt',
      'Kåfjord kommune',
      'Tromsø kommune',
      '#Andre innsendere',
      'Politiets Fellesforbund',
      // Shared passages close the appendix (none in this fixture: it says so).
      '#Felles avsnitt',
    ]);
    expect(under(full, 'Felles avsnitt').map((x) => x.text)).toContain('Ingen avsnitt på 20 ord eller mer finnes hos flere innsendere.');
    const steigen = under(full, 'Steigen kommune', 'Vedlegg: alle svar').map((x) => x.text);
    expect(steigen.slice(1)).toEqual([
      'Spørsmål 1: Utfordringer',
      'Lange avstander og vær.',
      'Spørsmål 2: Tilfredshet',
      NEW_STEIGEN_Q2,
      'Spørsmål 3: Samarbeid og ressurser',
      'Godt samarbeid med Bodø.',
      'Spørsmål 4: Tilgjengelighet',
      'Via fysisk oppmøte.',
      'Spørsmål 5: Nytt tjenestested',
      'Ja, og vi tilbyr lokaler på kommunehuset.',
    ]);
    expect(steigen[0]).toContain('Mottatt 15.06.2022');
    expect(steigen[0]).toContain(`Kilde: ${FILES.second}, rad 2`);
  });
});

describe('options', () => {
  it('policeDistrictCodes limit counts, quotes, stations and the appendix to those districts, and say so', async () => {
    const ps = under(nordland, 'Sammendrag').map((x) => plain(x.text));
    expect(ps[0]).toBe('Utvalg: Notatet gjelder bare kommunene i Nordland politidistrikt. Tall og sitater er begrenset til disse kommunene; andre innsendere er ikke med.');
    expect(ps[1]).toBe('3 av 41 kommuner i utvalget har svart (7,3 %). Registeret har 356 kommuner i alt.');
    expect(dataRows(tableStarting(nordland, 'Politidistrikt'))).toEqual([
      ['Nordland', '41', '3', '7,3 %', '38'],
      ['Sum', '41', '3', '7,3 %', '38'],
    ]);
    const matrix = await p.api.analysis.matrix({ groupBy: 'policeDistrict', questionId: q(2) });
    const expected = matrix.rows
      .filter((r) => r.withDescendants.byGroup.p10 > 0)
      .sort((a, b) => b.withDescendants.byGroup.p10 - a.withDescendants.byGroup.p10)
      .map((r) => [r.path.join(' › '), String(r.withDescendants.byGroup.p10)]);
    expect(expected).toEqual([
      ['Bemanning', '2'],
      ['Bemanning › Lensmannskontor', '2'],
    ]);
    const start = nordland.body.blocks.findIndex((b) => b.kind === 'p' && b.p.text === 'Spørsmål 2: Tilfredshet');
    const table = nordland.body.blocks.slice(start).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && dataRows(table.table).map((r) => r.slice(0, 2))).toEqual(expected);
    const who = new Set(quotes(nordland.body.paragraphs).map((x) => x.text.split(' – ')[1].replace(/,.*$/, '')));
    expect([...who].sort()).toEqual(['Bodø kommune', 'Steigen kommune']);
    expect(dataRows(tableStarting(nordland, 'Funn'))[0].slice(1)).toEqual(['2', '0', '0', '0']);
    expect(dataRows(tableStarting(nordland, 'Kommune')).map((r) => r[0])).toEqual(['Bodø (1804)', 'Steigen (1848)']);
    expect(under(nordland, 'Vedlegg: alle svar').filter((x) => x.style === 'Heading3').map((x) => x.text)).toEqual(['Bodø kommune', 'Steigen kommune', 'Øksnes kommune']);
    expect(nordland.result.counts).toMatchObject({ municipalitiesAnswered: 3, municipalitiesInScope: 41, appendixResponses: 3 });
  });

  it('questionIds and codeIds limit the questions and the codes', async () => {
    const memo = await exportMemo({ sections: ['questions', 'charts'], questionIds: [q(2)], codeIds: [p.codes.B] }, 'utvalg.docx');
    expect(texts(memo, 'Heading1')).toEqual(['Spørsmål 2: Tilfredshet', 'Figurer']);
    const table = memo.body.tables[1];
    expect(dataRows(table)).toEqual([['Responstid', '2', '33,3 %']]);
    expect(texts(memo, 'Caption')[0]).toBe('Figur 1: Spørsmål 2: kommuner per kode');
  });

  it('topCodes limits the codes listed per question', async () => {
    const memo = await exportMemo({ sections: ['questions'], questionIds: [q(2)], topCodes: 1 }, 'topp.docx');
    expect(dataRows(memo.body.tables[1])).toEqual([['Bemanning', '4', '66,7 %']]);
  });
});

describe('determinism', () => {
  it('gives identical files and identical parts for the same data and options', async () => {
    const a = await exportMemo({}, 'a.docx');
    const b = await exportMemo({}, 'b.docx');
    expect([...b.parts.keys()]).toEqual([...a.parts.keys()]);
    for (const [name, data] of a.parts) expect(b.parts.get(name)!.equals(data), name).toBe(true);
    expect(b.bytes.equals(a.bytes)).toBe(true);
    // …and the same as the first memo made in this process (docx's own counters moved on since).
    expect(a.parts.get('word/document.xml')!.equals(full.parts.get('word/document.xml')!)).toBe(false); // different options (quotesPerItem)
    const again = await exportMemo({ quotesPerItem: 1 }, 'c.docx');
    expect(again.bytes.equals(full.bytes)).toBe(true);
  });
});

describe('errors', () => {
  it('NO_PROJECT without an open project', async () => {
    const { dir, cleanup } = tempDir('innspill-memo-none-');
    const core = testCore(dir);
    try {
      await expectApiError(testApi(core).export.memo({ options: { metadata: METADATA, sections: ['summary'] } }), 'NO_PROJECT');
    } finally {
      await core.dispose();
      cleanup();
    }
  });

  it('refuses a target that is not .docx, and unknown districts, questions and codes, writing nothing', async () => {
    const options = { metadata: METADATA, sections: ['summary' as const] };
    expect(await expectApiError(p.api.export.memo({ options, target: 'notat.pdf' }), 'INVALID_INPUT')).toContain('.docx');
    expect(existsSync(path.join(p.dir, 'Eksport', 'notat.pdf'))).toBe(false);
    await expectApiError(p.api.export.memo({ options: { ...options, policeDistrictCodes: ['p13'] }, target: 'feil.docx' }), 'NOT_FOUND');
    await expectApiError(p.api.export.memo({ options: { ...options, questionIds: ['ingen'] }, target: 'feil.docx' }), 'NOT_FOUND');
    await expectApiError(p.api.export.memo({ options: { ...options, codeIds: ['ingen'] }, target: 'feil.docx' }), 'NOT_FOUND');
    await expectApiError(p.api.export.memo({ options: { ...options, sections: [] }, target: 'feil.docx' }), 'INVALID_INPUT');
    expect(existsSync(path.join(p.dir, 'Eksport', 'feil.docx'))).toBe(false);
  });
});
