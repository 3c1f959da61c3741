import { useEffect, useRef } from 'react';
import { useStoreApi } from '@xyflow/react';
import { findKind, type Layer } from '../../catalog';
import type { Scene } from '../../diagram';

/**
 * The zoomed-out level of detail: with thousands of components on screen, the DOM nodes are
 * unmounted and this one `<canvas>` draws every component as a box coloured by layer and every
 * connection as a line (docs/performance.md: 35-58 fps at 5,000 instead of 6.5 with DOM nodes).
 * It redraws on viewport changes, coalesced to one draw per animation frame.
 */

export const LAYER_COLORS: Readonly<Record<Layer, string>> = {
  edge: '#2f6f9f',
  app: '#0f6bd0',
  async: '#b7791f',
  data: '#7b3fc4',
  storage: '#1e7f4f',
  security: '#b3261e',
  operations: '#5d6b7c',
  integration: '#8a5a00',
};

export function OverviewLayer({ scene }: { scene: Scene }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const flow = useStoreApi();
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    const byLayer = new Map<string, { x: number; y: number; width: number; height: number }[]>();
    let widest = 0;
    let tallest = 0;
    for (const node of scene.nodes) {
      const layer = findKind(node.component.kind)?.layer ?? 'app';
      const list = byLayer.get(layer);
      if (list) list.push(node);
      else byLayer.set(layer, [node]);
      widest = Math.max(widest, node.width);
      tallest = Math.max(tallest, node.height);
    }
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { transform, width, height } = flow.getState();
      const [tx, ty, zoom] = transform;
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.width = `${width}px`;
        canvas.style.height = `${height}px`;
      }
      context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
      context.clearRect(-tx / zoom, -ty / zoom, width / zoom, height / zoom);
      const minX = -tx / zoom - widest;
      const minY = -ty / zoom - tallest;
      const maxX = (width - tx) / zoom;
      const maxY = (height - ty) / zoom;
      context.beginPath();
      for (const edge of scene.edges) {
        const from = edge.points[0];
        const to = edge.points[edge.points.length - 1];
        if (!from || !to) continue;
        if ((from.x < minX && to.x < minX) || (from.x > maxX && to.x > maxX) || (from.y < minY && to.y < minY) || (from.y > maxY && to.y > maxY)) continue;
        context.moveTo(from.x, from.y);
        context.lineTo(to.x, to.y);
      }
      context.strokeStyle = 'rgba(80, 96, 116, 0.35)';
      context.lineWidth = 1 / zoom;
      context.stroke();
      for (const [layer, points] of byLayer) {
        context.fillStyle = LAYER_COLORS[layer as Layer] ?? '#0f6bd0';
        for (const box of points) {
          if (box.x < minX || box.x > maxX || box.y < minY || box.y > maxY) continue;
          context.fillRect(box.x, box.y, box.width, box.height);
        }
      }
    };
    draw();
    const unsubscribe = flow.subscribe((state, previous) => {
      if (state.transform === previous.transform && state.width === previous.width && state.height === previous.height) return;
      if (frame === 0) frame = requestAnimationFrame(draw);
    });
    return () => {
      unsubscribe();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [scene, flow]);
  return <canvas ref={canvasRef} className="ns-overview" data-testid="canvas-overview" aria-label="Overview of all components" />;
}
