// One small, dependency-free horizontal bar chart as plain SVG: data in, an
// <svg> out. Renders the same on screen and through renderToStaticMarkup,
// so it can be reused for exports.
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

interface Props {
  data: readonly BarDatum[];
  /** The largest value of the scale; defaults to the largest datum. */
  max?: number;
  width?: number;
  barHeight?: number;
  labelWidth?: number;
  title?: string;
  'data-testid'?: string;
}

export function BarChart({ data, max, width = 480, barHeight = 18, labelWidth = 160, title, 'data-testid': testId = 'bar-chart' }: Props) {
  const gap = 6;
  const valueWidth = 70;
  const scaleMax = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const plot = Math.max(10, width - labelWidth - valueWidth);
  const height = data.length * (barHeight + gap) + gap;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
      fontFamily="Inter, sans-serif"
      fontSize={12}
    >
      {title && <title>{title}</title>}
      {data.map((d, i) => {
        const y = gap + i * (barHeight + gap);
        const w = (d.value / scaleMax) * plot;
        return (
          <g key={`${d.label}-${i}`} data-testid="bar" data-key={d.key}>
            <text x={labelWidth - 6} y={y + barHeight / 2} textAnchor="end" dominantBaseline="middle" fill="#1e2b3c">
              {d.label.length > 26 ? `${d.label.slice(0, 25)}…` : d.label}
            </text>
            <rect x={labelWidth} y={y} width={Math.max(w, d.value > 0 ? 1 : 0)} height={barHeight} rx={2} fill={d.muted ? '#b8c0cc' : '#0062ba'} />
            <text x={labelWidth + w + 4} y={y + barHeight / 2} dominantBaseline="middle" fill="#1e2b3c">
              {d.valueLabel ?? String(d.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
