// The map of Norway's municipalities as SVG paths: one projection of the
// shipped topology (resources/data/municipalities.topojson, © Kartverket),
// the coast outline and the borders between police districts. The analysis
// screen draws these paths interactively; the memo writes them into an SVG
// document (mapSvg) with a legend and rasterises it.
import { geoPath, geoTransverseMercator, type GeoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { escapeXml } from './svg';

export interface MunicipalityProperties {
  kommunenummer: number;
  navn: string;
}

export type MunicipalityTopology = Topology<{ Kommuner: GeometryCollection<MunicipalityProperties> }>;

export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 760;

/** Category colours: the screen's legend and the memo's figures use the same. */
export const MAP_COLOURS = {
  palette: ['#1f6fb2', '#d9822b', '#3c9a5f', '#a23b72', '#7a5cc2', '#c7a008', '#2a9d9f', '#8c564b'],
  none: '#e4e6ea',
  muted: '#b4b8bf',
  answered: '#1f6fb2',
  /** Municipalities outside a chosen set of police districts (the memo's filter). */
  outside: '#f4f5f6',
} as const;

/** Strokes as in the screen's stylesheet (analysis.css), for drawing outside the browser. */
export const MAP_STYLE = {
  background: '#f4f5f6',
  shapeStroke: '#ffffff',
  shapeStrokeWidth: 0.3,
  outlineStroke: '#6b7079',
  outlineStrokeWidth: 0.4,
  districtStroke: '#1e2b3c',
  districtStrokeWidth: 1.4,
} as const;

export interface MunicipalityShape {
  /** Four digits. */
  number: string;
  name: string;
  d: string;
}

export interface MapGeometry {
  width: number;
  height: number;
  shapes: MunicipalityShape[];
  /** The outer coast and borders (arcs used by one municipality only). */
  outline: string;
  /** Arcs between municipalities of different police districts. */
  districtBorders(districtOf: (municipalityNumber: string) => string): string;
}

const numberOf = (p: MunicipalityProperties | null | undefined) => String(p?.kommunenummer ?? 0).padStart(4, '0');

export function parseMunicipalityTopology(json: string): MunicipalityTopology {
  return JSON.parse(json) as MunicipalityTopology;
}

/** `digits`: decimals in the path data (d3's default 3 on screen; an image needs fewer). */
export function mapGeometry(topology: MunicipalityTopology, width = MAP_WIDTH, height = MAP_HEIGHT, digits?: number): MapGeometry {
  const features = (feature(topology, topology.objects.Kommuner) as FeatureCollection<Geometry, MunicipalityProperties>).features;
  const projection = geoTransverseMercator()
    .rotate([-15, 0])
    .fitSize([width, height], { type: 'FeatureCollection', features } as FeatureCollection);
  const pathOf: GeoPath = digits === undefined ? geoPath(projection) : geoPath(projection).digits(digits);
  const shapes = features.map((f: Feature<Geometry, MunicipalityProperties>) => ({ number: numberOf(f.properties), name: f.properties.navn, d: pathOf(f) ?? '' }));
  return {
    width,
    height,
    shapes,
    outline: pathOf(mesh(topology, topology.objects.Kommuner, (a, b) => a === b)) ?? '',
    districtBorders(districtOf) {
      const of = (g: { properties?: MunicipalityProperties | null }) => districtOf(numberOf(g.properties));
      return pathOf(mesh(topology, topology.objects.Kommuner, (a, b) => a !== b && of(a as never) !== of(b as never))) ?? '';
    },
  };
}

export interface MapCategory {
  key: string;
  label: string;
  colour: string;
  count: number;
}

export interface MapSvgInput {
  geometry: MapGeometry;
  /** Municipality number → category key (municipalities without one are drawn in `MAP_COLOURS.none`). */
  valueOf: ReadonlyMap<string, string>;
  categories: readonly MapCategory[];
  districtBorders: string;
  title?: string;
  /** Legend line for the police district borders. */
  bordersLabel: string;
  attribution: string;
}

const LEGEND_WIDTH = 280;

/** A standalone SVG document: the map, and a legend with counts to its right. */
export function mapSvg(input: MapSvgInput): string {
  const { geometry: g } = input;
  const s = MAP_STYLE;
  const colourOf = new Map(input.categories.map((c) => [c.key, c.colour]));
  const width = g.width + LEGEND_WIDTH;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${g.height}" viewBox="0 0 ${width} ${g.height}" font-family="Inter, sans-serif" font-size="14">`,
    input.title ? `<title>${escapeXml(input.title)}</title>` : '',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect width="${g.width}" height="${g.height}" rx="4" fill="${s.background}"/>`,
    `<g stroke="${s.shapeStroke}" stroke-width="${s.shapeStrokeWidth}">`,
  ];
  for (const shape of g.shapes) {
    out.push(`<path d="${shape.d}" fill="${colourOf.get(input.valueOf.get(shape.number) ?? '') ?? MAP_COLOURS.none}"/>`);
  }
  out.push(
    `</g>`,
    `<path d="${input.geometry.outline}" fill="none" stroke="${s.outlineStroke}" stroke-width="${s.outlineStrokeWidth}"/>`,
    `<path d="${input.districtBorders}" fill="none" stroke="${s.districtStroke}" stroke-width="${s.districtStrokeWidth}" stroke-linejoin="round"/>`,
    `<text x="${g.width - 8}" y="${g.height - 8}" text-anchor="end" font-size="11" fill="#4b5563">${escapeXml(input.attribution)}</text>`,
  );
  const x = g.width + 20;
  let y = 30;
  for (const c of input.categories) {
    out.push(
      `<rect x="${x}" y="${y - 12}" width="16" height="16" fill="${c.colour}" stroke="#9ca3af" stroke-width="1"/>`,
      `<text x="${x + 26}" y="${y + 1}" fill="#1e2b3c">${escapeXml(`${c.label}: ${c.count}`)}</text>`,
    );
    y += 28;
  }
  out.push(
    `<line x1="${x}" y1="${y - 4}" x2="${x + 16}" y2="${y - 4}" stroke="${s.districtStroke}" stroke-width="2"/>`,
    `<text x="${x + 26}" y="${y + 1}" fill="#1e2b3c">${escapeXml(input.bordersLabel)}</text>`,
    `</svg>`,
  );
  return out.join('');
}
