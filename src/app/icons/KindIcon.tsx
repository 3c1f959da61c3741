import { createElement } from 'react';
import { iconOf } from '../../diagram';

/**
 * The symbol drawn for each component kind, in the palette, on canvas nodes and in panels: the
 * diagram's own set (src/diagram/kinds.ts), so the canvas, the exports and the panels show the same
 * symbol. SVG rather than the catalog's emoji, which many machines (headless Linux among them) cannot draw.
 */
export function KindIcon({ kind, size = 16, className }: { kind: string; size?: number; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      aria-hidden
      focusable={false}
    >
      {iconOf(kind).map(([tag, attributes], index) => createElement(tag, { key: index, ...attributes }))}
    </svg>
  );
}
