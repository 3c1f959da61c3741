import { LAYER_TITLES, type Layer } from '../../../catalog';
import { formatMoney } from '../../../engine/format';

/** Monthly cost per layer as horizontal bars: plain SVG, no chart library. */
export function LayerChart({ byLayer, currency }: { byLayer: Readonly<Record<string, number>>; currency: string }) {
  const entries = Object.entries(byLayer);
  const max = Math.max(1, ...entries.map(([, amount]) => amount));
  const rowHeight = 22;
  const labelWidth = 132;
  const barWidth = 150;
  return (
    <svg className="cost-chart" role="img" aria-label="Monthly cost per layer" width="100%" viewBox={`0 0 ${labelWidth + barWidth + 90} ${entries.length * rowHeight}`} data-testid="cost-layer-chart">
      {entries.map(([layer, amount], i) => {
        const y = i * rowHeight;
        const width = (amount / max) * barWidth;
        return (
          <g key={layer} data-testid={`cost-layer-${layer}`}>
            <text x={0} y={y + 15} className="cost-chart-label">{LAYER_TITLES[layer as Layer] ?? layer}</text>
            <rect x={labelWidth} y={y + 4} width={Math.max(width, amount > 0 ? 1 : 0)} height={rowHeight - 8} rx={2} className="cost-chart-bar" />
            <text x={labelWidth + width + 6} y={y + 15} className="cost-chart-value">{formatMoney(amount, currency)}</text>
          </g>
        );
      })}
    </svg>
  );
}
