import { memo, useMemo } from 'react';
import type { Design } from '../../model';
import { LAYER_COLORS, designPreview } from './preview';

/** A small SVG thumbnail of a design: regions, zones and components by layer. */
export const DesignPreviewSvg = memo(function DesignPreviewSvg({ design }: { design: Design }) {
  const preview = useMemo(() => designPreview(design), [design]);
  return (
    <svg className="design-preview" viewBox={`0 0 ${preview.width} ${preview.height}`} role="img" aria-label={`Preview of ${design.name}`}>
      {preview.regions.map((region) => (
        <g key={`${region.x}`}>
          <rect x={region.x} y={region.y} width={region.width} height={region.height} rx={4} className="preview-region" />
          <text x={region.x + 4} y={region.y + 10} className="preview-label">
            {region.label}
          </text>
          {region.zones.map((zone) => (
            <rect key={zone.label} x={zone.x} y={zone.y} width={zone.width} height={zone.height} rx={3} className="preview-zone" />
          ))}
        </g>
      ))}
      {preview.dots.map((dot, index) => (
        <circle key={index} cx={dot.x} cy={dot.y} r={2.6} fill={LAYER_COLORS[dot.layer]} />
      ))}
    </svg>
  );
});
