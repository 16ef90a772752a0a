// One small, dependency-free horizontal bar chart as plain SVG: data in, an
// <svg> out. The layout (where each bar and text goes) is shared with the
// Word memo (src-shared/charts/bar-chart.ts), which draws the same chart as
// an image.
import { BAR_CHART_STYLE, layoutBarChart, type BarDatum } from '../../../../src-shared/charts/bar-chart';

export type { BarDatum };

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

export function BarChart({ data, max, width, barHeight, labelWidth, title, 'data-testid': testId = 'bar-chart' }: Props) {
  const layout = layoutBarChart(data, { max, width, barHeight, labelWidth });
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={title}
      data-testid={testId}
      fontFamily={BAR_CHART_STYLE.fontFamily}
      fontSize={BAR_CHART_STYLE.fontSize}
    >
      {title && <title>{title}</title>}
      {layout.bars.map((b, i) => (
        <g key={`${data[i].label}-${i}`} data-testid="bar" data-key={b.key}>
          <text x={layout.labelWidth - 6} y={b.middle} textAnchor="end" dominantBaseline="middle" fill={BAR_CHART_STYLE.text}>
            {b.label}
          </text>
          <rect x={layout.labelWidth} y={b.y} width={b.barWidth} height={layout.barHeight} rx={2} fill={b.fill} />
          <text x={b.valueX} y={b.middle} dominantBaseline="middle" fill={BAR_CHART_STYLE.text}>
            {b.valueLabel}
          </text>
        </g>
      ))}
    </svg>
  );
}
