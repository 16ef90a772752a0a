// The memo's building blocks that need no project: Norwegian formats, the
// deterministic .docx package (its parts from docx's compiler and from its
// public zip are the same; bookmark ids renumbered; our zip reads back with
// yauzl, CRCs checked), the shared bar chart layout, and chart rasterising
// with the shipped font only.
import path from 'node:path';
import { Document, HeadingLevel, Paragraph, TableOfContents, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { barChartSvg, layoutBarChart } from '../../../../../src-shared/charts/bar-chart';
import { attribution, formatPercent, respondentLabel } from '../../../../../src-main/core/export/memo/format';
import { quoteText } from '../../../../../src-shared/sentences';
import { documentParts, normaliseParts, partsViaZip, renumberBookmarks, zipParts } from '../../../../../src-main/core/export/memo/docx-packing';
import { fontFiles, rasteriseAsync } from '../../../../../src-main/core/export/memo/raster';
import { resourcesDir } from '../../../../helpers/paths';
import { unzipParts } from '../../../../helpers/zip-entries';

const core = { title: 'T', subject: 'S', creator: 'C', description: 'D', date: new Date('2026-11-27T12:00:00Z'), language: 'nb-NO' };

function sampleDocument(): Document {
  return new Document({
    features: { updateFields: true },
    sections: [
      {
        children: [
          new TableOfContents('Innhold', { hyperlink: true, headingStyleRange: '1-2' }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Sammendrag')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Svar per politidistrikt')] }),
          new Paragraph({ children: [new TextRun('Tekst med æ, ø og å.')] }),
        ],
      },
    ],
  });
}

describe('Norwegian formats', () => {
  it('writes shares with a decimal comma and a no-break space before %', () => {
    expect(formatPercent(0.125)).toBe('12,5\u00a0%');
    expect(formatPercent(1 / 3)).toBe('33,3\u00a0%');
    expect(formatPercent(0)).toBe('0\u00a0%');
    expect(formatPercent(1)).toBe('100\u00a0%');
  });

  it('attributes quotes to the municipality, or to the respondent as named', () => {
    expect(attribution(respondentLabel({ name: 'Steigen' }, 'Steigen kommune v/ rådmannen'), 2)).toBe('Steigen kommune, svar på spørsmål 2');
    expect(attribution(respondentLabel(null, 'Politiets Fellesforbund'), null)).toBe('Politiets Fellesforbund, svar (ikke fordelt på spørsmål)');
  });

  it('cuts very long quotes at a word', () => {
    const long = 'ord '.repeat(400);
    const cut = quoteText(long);
    expect(cut.length).toBeLessThanOrEqual(805);
    expect(cut.endsWith(' […]')).toBe(true);
    expect(quoteText('  Kort\n sitat. ')).toBe('Kort sitat.');
  });
});

describe('the .docx package', () => {
  it("has the same parts from docx's compiler as from its public zip", async () => {
    const fast = normaliseParts(await documentParts(sampleDocument()), core);
    const slow = normaliseParts(await partsViaZip(sampleDocument()), core);
    expect([...fast.keys()].sort()).toEqual([...slow.keys()].sort());
    const text = (v: string | Uint8Array) => (typeof v === 'string' ? v : Buffer.from(v).toString('utf8'));
    for (const [name, value] of fast) expect(text(slow.get(name)!), name).toBe(text(value));
  });

  it('numbers bookmarks from 1 whatever docx counted before, and fixes the dates', async () => {
    // docx numbers heading bookmarks from a counter shared by every document of the process.
    const first = normaliseParts(await documentParts(sampleDocument()), core);
    const second = normaliseParts(await documentParts(sampleDocument()), core);
    expect(second.get('word/document.xml')).toBe(first.get('word/document.xml'));
    expect(first.get('word/document.xml')).toContain('w:name="_Toc1" w:id="1"');
    expect(first.get('docProps/core.xml')).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-27T12:00:00Z</dcterms:modified>');
    expect(renumberBookmarks('<w:bookmarkStart w:name="_Toc17" w:id="17"/><w:bookmarkEnd w:id="17"/><w:instrText>PAGEREF _Toc17 \\h</w:instrText>')).toBe(
      '<w:bookmarkStart w:name="_Toc1" w:id="1"/><w:bookmarkEnd w:id="1"/><w:instrText>PAGEREF _Toc1 \\h</w:instrText>',
    );
  });

  it('zips the parts in order with a fixed time, readable with CRCs checked', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const parts = new Map<string, string | Uint8Array>([
      ['[Content_Types].xml', '<Types/>'],
      ['word/document.xml', '<w:document>æøå</w:document>'.repeat(100)],
      ['word/media/a.png', png],
    ]);
    const a = await zipParts(parts, core.date);
    expect((await zipParts(parts, core.date)).equals(a)).toBe(true);
    const back = await unzipParts(a);
    expect([...back.keys()]).toEqual([...parts.keys()]);
    expect(back.get('word/document.xml')!.toString()).toBe(parts.get('word/document.xml'));
    expect(back.get('word/media/a.png')!.equals(Buffer.from(png))).toBe(true);
  });
});

describe('charts', () => {
  it('lays out bars as the analysis screen always did', () => {
    const layout = layoutBarChart([
      { label: 'Ja', value: 3 },
      { label: 'Et svært langt svaralternativ som må kuttes', value: 0, muted: true, valueLabel: '0 (0 %)' },
    ]);
    expect(layout).toMatchObject({ width: 480, height: 54, labelWidth: 160 });
    expect(layout.bars[0]).toMatchObject({ y: 6, middle: 15, barWidth: 250, valueX: 414, fill: '#0062ba', valueLabel: '3' });
    expect(layout.bars[1]).toMatchObject({ label: 'Et svært langt svaraltern…', barWidth: 0, valueX: 164, fill: '#b8c0cc', valueLabel: '0 (0 %)' });
    expect(barChartSvg(layout, 'A & B')).toContain('<title>A &amp; B</title>');
  });

  it('draws text with the shipped font only, the same every time', async () => {
    expect(fontFiles(path.join(resourcesDir, 'fonts')).map((f) => path.basename(f))).toEqual(['Inter-Regular.ttf']);
    const svg = barChartSvg(layoutBarChart([{ label: 'Ønsker tjenestested', value: 2 }]), 'Test');
    const a = await rasteriseAsync(svg, path.join(resourcesDir, 'fonts'));
    const b = await rasteriseAsync(svg, path.join(resourcesDir, 'fonts'));
    expect(a.data.equals(b.data)).toBe(true);
    expect([a.width, a.height]).toEqual([480, 30]);
    expect(a.data.readUInt32BE(16)).toBe(960);
    // Text is drawn: the label area is not blank.
    const blank = await rasteriseAsync(barChartSvg(layoutBarChart([{ label: '', value: 2 }]), 'Test'), path.join(resourcesDir, 'fonts'));
    expect(a.data.equals(blank.data)).toBe(false);
  });
});
