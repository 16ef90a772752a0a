// A small horizontal bar chart as data: where each bar, label and value goes.
// The screen renders this layout as JSX (src-renderer's BarChart) and the
// memo as an SVG string (barChartSvg) rasterised to PNG, so both draw the
// same chart from the same numbers.
import { escapeXml } from './svg';

export interface BarDatum {
  label: string;
  value: number;
  /** Shown at the end of the bar; defaults to the value. */
  valueLabel?: string;
  /** Muted bars for "ikke besvart" and similar rows. */
  muted?: boolean;
  /** Optional stable key, exposed as data-key on the bar (for tests). */
  key?: string;
}

export interface BarChartOptions {
  /** The largest value of the scale; defaults to the largest datum. */
  max?: number;
  width?: number;
  barHeight?: number;
  labelWidth?: number;
}

export interface BarLayout {
  key?: string;
  /** The label as drawn (long labels are cut with an ellipsis). */
  label: string;
  valueLabel: string;
  /** Top of the bar. */
  y: number;
  /** Vertical centre of the bar, where its texts sit. */
  middle: number;
  /** The bar's drawn width (at least 1 for a non-zero value). */
  barWidth: number;
  /** Where the value label starts. */
  valueX: number;
  fill: string;
}

export interface BarChartLayout {
  width: number;
  height: number;
  barHeight: number;
  labelWidth: number;
  bars: BarLayout[];
}

export const BAR_CHART_STYLE = {
  fontFamily: 'Inter, sans-serif',
  fontSize: 12,
  text: '#1e2b3c',
  bar: '#0062ba',
  mutedBar: '#b8c0cc',
} as const;

const GAP = 6;
const VALUE_WIDTH = 70;
const MAX_LABEL = 26;

export function layoutBarChart(data: readonly BarDatum[], { max, width = 480, barHeight = 18, labelWidth = 160 }: BarChartOptions = {}): BarChartLayout {
  const scaleMax = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const plot = Math.max(10, width - labelWidth - VALUE_WIDTH);
  const height = data.length * (barHeight + GAP) + GAP;
  const bars = data.map((d, i) => {
    const y = GAP + i * (barHeight + GAP);
    const w = (d.value / scaleMax) * plot;
    return {
      key: d.key,
      label: d.label.length > MAX_LABEL ? `${d.label.slice(0, MAX_LABEL - 1)}…` : d.label,
      valueLabel: d.valueLabel ?? String(d.value),
      y,
      middle: y + barHeight / 2,
      barWidth: Math.max(w, d.value > 0 ? 1 : 0),
      valueX: labelWidth + w + 4,
      fill: d.muted ? BAR_CHART_STYLE.mutedBar : BAR_CHART_STYLE.bar,
    };
  });
  return { width, height, barHeight, labelWidth, bars };
}

/** The chart as a standalone SVG document (white background, for rasterising). */
export function barChartSvg(layout: BarChartLayout, title?: string): string {
  const s = BAR_CHART_STYLE;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="${s.fontFamily}" font-size="${s.fontSize}">`,
    title ? `<title>${escapeXml(title)}</title>` : '',
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  for (const b of layout.bars) {
    parts.push(
      `<g>`,
      `<text x="${layout.labelWidth - 6}" y="${b.middle}" text-anchor="end" dominant-baseline="middle" fill="${s.text}">${escapeXml(b.label)}</text>`,
      `<rect x="${layout.labelWidth}" y="${b.y}" width="${b.barWidth}" height="${layout.barHeight}" rx="2" fill="${b.fill}"/>`,
      `<text x="${b.valueX}" y="${b.middle}" dominant-baseline="middle" fill="${s.text}">${escapeXml(b.valueLabel)}</text>`,
      `</g>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
