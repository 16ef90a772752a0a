// "Figurer": the charts of the analysis screens as images, drawn by the same
// code (src-shared/charts) and rasterised: code frequency per question (the
// question sections' counts), the share of municipalities per police
// district that want a new station, and maps of the municipalities by
// response and by that wish, with police district borders.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ImageRun, LineRuleType, Paragraph, TextRun } from 'docx';
import { barChartSvg, layoutBarChart, type BarDatum } from '../../../../src-shared/charts/bar-chart';
import { MAP_COLOURS, mapGeometry, mapSvg, parseMunicipalityTopology, type MapCategory, type MapGeometry } from '../../../../src-shared/charts/map';
import { municipalityKey } from '../../analysis/units';
import { STATION_VARIABLES } from '../../analysis/stations';
import { currentValues } from '../../analysis/variables';
import { heading, para, type Block } from './blocks';
import { addCount, type MemoContext } from './context';
import { formatPercent } from './format';
import { questionCounts } from './questions';
import { districtVariables } from './summary';
import { rasteriseAsync } from './raster';

/** The widest an image is shown (the text width of an A4 page with 2.5 cm margins, in px at 96 dpi). */
const MAX_WIDTH = 600;

const geometries = new Map<string, MapGeometry>();
/** District borders by the register's municipality → district assignment (the same for every memo of a project). */
const borderCache = new Map<string, string>();

function districtBorders(geometry: MapGeometry, districtOf: Map<string, string>): string {
  const key = [...districtOf].map(([n, d]) => `${n}${d}`).join(',');
  let d = borderCache.get(key);
  if (d === undefined) {
    d = geometry.districtBorders((n) => districtOf.get(n) ?? '');
    if (borderCache.size > 8) borderCache.clear();
    borderCache.set(key, d);
  }
  return d;
}

function geometryFor(resourcesDir: string): MapGeometry {
  let g = geometries.get(resourcesDir);
  if (!g) {
    g = mapGeometry(parseMunicipalityTopology(readFileSync(path.join(resourcesDir, 'data', 'municipalities.topojson'), 'utf8')), undefined, undefined, 1);
    geometries.set(resourcesDir, g);
  }
  return g;
}

/**
 * An image and its caption, rendering in the background: figures are
 * numbered (and given their drawing ids) in the order they are asked for,
 * and rendered several at a time. `scale` is the bitmap's size over the
 * SVG's; the shown size is at most the text width.
 */
function figure(ctx: MemoContext, svg: string, title: string, scale = 2): Promise<Block[]> {
  const n = ctx.nextImageId();
  addCount(ctx, 'images');
  const rendering = rasteriseAsync(svg, ctx.fontsDir, scale).then((png) => {
    const shown = Math.min(1, MAX_WIDTH / png.width);
    return [
      new Paragraph({
        keepNext: true,
        // Single line spacing: an exact or multiple line height would clip the picture in some readers.
        spacing: { before: 120, after: 60, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: 'png',
            data: png.data,
            transformation: { width: Math.round(png.width * shown), height: Math.round(png.height * shown) },
            altText: { id: String(n), name: `Figur ${n}`, title, description: title },
          }),
        ],
      }),
      new Paragraph({ style: 'Caption', children: [new TextRun(`Figur ${n}: ${title}`)] }),
    ];
  });
  // Awaited with the others at the end; a failure before then must not go unhandled.
  rendering.catch(() => undefined);
  return rendering;
}

function barFigure(ctx: MemoContext, data: BarDatum[], title: string, max?: number): Promise<Block[]> {
  const layout = layoutBarChart(data, { width: MAX_WIDTH, labelWidth: 220, max });
  return figure(ctx, barChartSvg(layout, title), title);
}

export async function chartsSection(ctx: MemoContext, resourcesDir: string): Promise<Block[]> {
  /** Blocks in order; figures are filled in once rendered. */
  const out: (Block | Promise<Block[]>)[] = [heading('Figurer', 1)];
  if (ctx.scope.label) out.push(para(`Figurene gjelder kommunene i ${ctx.scope.label}.`));

  out.push(heading('Hyppigste koder per spørsmål', 2));
  for (const question of ctx.questions) {
    const counts = await questionCounts(ctx, question);
    const title = `Spørsmål ${question.ordinal}: kommuner per kode${counts.top.length > 1 ? ` (de ${counts.top.length} hyppigste)` : ''}`;
    if (counts.top.length === 0) {
      out.push(para(`Spørsmål ${question.ordinal}: ingen kodede svar ennå.`));
      continue;
    }
    out.push(barFigure(ctx, counts.top.map((t) => ({ label: t.row.name, value: t.count, key: t.row.codeId })), title));
  }

  const variables = await districtVariables(ctx);
  const wants = variables.find((v) => v.key === STATION_VARIABLES.wants);
  if (wants) {
    const groups = wants.groups.filter((g) => ctx.scope.includesDistrict(g.key));
    const title = 'Andel kommuner som ønsker nytt tjenestested, per politidistrikt';
    out.push(heading('Ønsker nytt tjenestested', 2));
    out.push(
      barFigure(
        ctx,
        groups.map((g) => {
          const count = g.rows.find((r) => r.kind === 'option' && r.value === 'ja')?.count ?? 0;
          const share = g.responded > 0 ? count / g.responded : 0;
          return { label: g.name, value: share, valueLabel: `${formatPercent(share)} (${count}/${g.responded})`, key: g.key };
        }),
        title,
        1,
      ),
    );
  }

  out.push(heading('Kart', 2));
  const geometry = geometryFor(resourcesDir);
  const districtOf = new Map(ctx.units.register.map((m) => [m.number, m.policeDistrictCode]));
  const borders = districtBorders(geometry, districtOf);
  const outside = (n: string) => ctx.scope.districts !== null && !ctx.scope.includesDistrict(districtOf.get(n) ?? '');
  const answeredOf = (n: string) => ctx.units.units.has(municipalityKey(n));
  const drawMap = (title: string, valueOf: Map<string, string>, categories: Omit<MapCategory, 'count'>[]) => {
    const counts = new Map<string, number>();
    for (const shape of geometry.shapes) {
      const k = valueOf.get(shape.number);
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const svg = mapSvg({
      geometry,
      valueOf,
      categories: categories.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 })),
      districtBorders: borders,
      title,
      bordersLabel: 'Grense mellom politidistrikter',
      attribution: '© Kartverket',
    });
    // Maps are drawn at 1.5×: sharp enough in print (about 200 dpi as shown), and a third of the pixels of 2×.
    out.push(figure(ctx, svg, title, 1.5));
  };
  const outsideCategory = ctx.scope.districts ? [{ key: 'utenfor', label: 'Utenfor utvalget', colour: MAP_COLOURS.outside }] : [];

  const answered = new Map<string, string>();
  for (const shape of geometry.shapes) answered.set(shape.number, outside(shape.number) ? 'utenfor' : answeredOf(shape.number) ? 'svart' : 'ikke_svart');
  drawMap('Kommuner som har svart', answered, [
    { key: 'svart', label: 'Har svart', colour: MAP_COLOURS.answered },
    { key: 'ikke_svart', label: 'Har ikke svart', colour: MAP_COLOURS.none },
    ...outsideCategory,
  ]);

  if (wants) {
    const values = (await currentValues(ctx.db, ctx.units.unitOfResponse)).get(wants.variableId) ?? new Map<string, Set<string>>();
    const options = wants.overall.rows.filter((r) => r.kind === 'option');
    const valueOf = new Map<string, string>();
    for (const shape of geometry.shapes) {
      const n = shape.number;
      if (outside(n)) valueOf.set(n, 'utenfor');
      else if (!answeredOf(n)) valueOf.set(n, 'ikke_svart');
      else valueOf.set(n, [...(values.get(municipalityKey(n)) ?? [])][0] ?? 'ikke_kodet');
    }
    drawMap(`${wants.label}: kommunenes svar`, valueOf, [
      ...options.map((o, i) => ({ key: o.value, label: o.label, colour: MAP_COLOURS.palette[i % MAP_COLOURS.palette.length] })),
      { key: 'ikke_kodet', label: 'Ikke kodet', colour: MAP_COLOURS.muted },
      { key: 'ikke_svart', label: 'Har ikke svart', colour: MAP_COLOURS.none },
      ...outsideCategory,
    ]);
  }
  return (await Promise.all(out.map((b) => (b instanceof Promise ? b : [b])))).flat();
}
