import { useState } from 'react';
import { renderDiagramDrawio, renderDiagramSvg } from '../../../diagram';
import { downloadBlob } from '../../persistence/file-io';
import { currentDocument, useSelection, useStore } from '../../store';

type DiagramFormat = 'svg' | 'png' | 'drawio';

const FORMATS: readonly { id: DiagramFormat; label: string; help: string }[] = [
  { id: 'svg', label: 'SVG', help: 'a picture that scales, for documents and slides' },
  { id: 'png', label: 'PNG', help: 'the same picture at twice its size' },
  { id: 'drawio', label: 'draw.io', help: 'to edit in draw.io or diagrams.net' },
];

/** Browsers refuse canvases much above 16,384 px a side or about 268 million pixels; this stays under both. */
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** The scale a PNG of an SVG of `width` x `height` is drawn at: `wanted`, or less for a picture too large to draw. */
export function pngScale(width: number, height: number, wanted = 2): number {
  return Math.min(wanted, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_PIXELS / (width * height)));
}

/** Rasterizes an SVG document in the browser, at `scale` times its size: drawn as an image onto a white canvas. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const drawn = pngScale(image.naturalWidth, image.naturalHeight, scale);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * drawn));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * drawn));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw a picture of this size');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('this browser could not encode the PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The diagram to take away: the whole design or the selected components, as SVG or PNG (light,
 * print-ready) or as a draw.io file to edit. The same renderer as `npx ninesmith diagram`, over
 * the document as it is now (its layout included), so the file shows what the canvas shows.
 */
export function DiagramExport() {
  const selection = useSelection();
  const designName = useStore((state) => state.model.name);
  const selected = selection.components.length;
  const [onlySelected, setOnlySelected] = useState(false);
  const [busy, setBusy] = useState<DiagramFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scopeSelected = onlySelected && selected > 0;

  const save = async (format: DiagramFormat) => {
    setBusy(format);
    setError(null);
    try {
      const design = currentDocument();
      const scope = scopeSelected ? { selection: useStore.getState().selection.components } : {};
      const { slugOf } = await import('../../../../generators');
      const stem = `${slugOf(design.name, 40)}-diagram${scopeSelected ? '-selection' : ''}`;
      if (format === 'drawio') downloadBlob(`${stem}.drawio`, new Blob([renderDiagramDrawio(design, scope)], { type: 'application/xml;charset=utf-8' }));
      else {
        const svg = renderDiagramSvg(design, scope);
        if (format === 'svg') downloadBlob(`${stem}.svg`, new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
        else downloadBlob(`${stem}.png`, await svgToPng(svg));
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  return (
    <fieldset className="export-targets export-diagram" data-testid="diagram-export">
      <legend>Diagram</legend>
      <span className="muted">The architecture diagram of {designName}, as drawn on the canvas.</span>
      <label>
        <input type="radio" name="diagram-scope" checked={!scopeSelected} onChange={() => setOnlySelected(false)} data-testid="diagram-scope-all" /> The whole design
      </label>
      <label>
        <input type="radio" name="diagram-scope" checked={scopeSelected} disabled={selected === 0} onChange={() => setOnlySelected(true)} data-testid="diagram-scope-selection" /> The{' '}
        {selected === 0 ? 'selected components (select some on the canvas)' : `${selected} selected component${selected === 1 ? '' : 's'}`}
      </label>
      <div className="export-actions">
        {FORMATS.map((format) => (
          <button key={format.id} type="button" className="ns-button" title={format.help} disabled={busy !== null} onClick={() => void save(format.id)} data-testid={`diagram-download-${format.id}`}>
            {busy === format.id ? 'Drawing…' : format.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="export-error" role="alert">
          The diagram could not be drawn: {error}
        </p>
      )}
    </fieldset>
  );
}
