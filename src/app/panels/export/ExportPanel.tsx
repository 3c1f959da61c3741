import { useEffect, useMemo, useState } from 'react';
import type { Design } from '../../../model';
import { loadCatalog } from '../cost/catalogs';
import { currentPriceBooks } from '../cost/price-book';
import type { ExportTarget, GeneratedFile } from '../../../../generators';
// Only the targets' descriptions load with the panel; the generators load on the first export.
import { TARGETS as TARGET_INFO, unsupportedReason } from '../../../../generators/targets';
import { EXPORT_TARGETS } from '../../../../generators/types';
import { downloadBlob } from '../../persistence/file-io';
import { useModel, useStore } from '../../store';
import { DiagramExport } from './DiagramExport';
import { exportInBackground, zipInBackground } from './export-client';
import { ProposalExport } from './ProposalExport';
import { highlight, languageOf } from './highlight';
import { previewText } from './preview';
import './export.css';


interface ExportResult {
  /** The design the files were generated from: another design opened since means they are not offered. */
  designId: string;
  model: Design;
  files: GeneratedFile[];
  millis: number;
}

type Progress = { done: number; total: number; step: string } | null;

const TARGETS = EXPORT_TARGETS.map((id) => TARGET_INFO[id]);

function FilePreview({ file }: { file: GeneratedFile }) {
  const isHtml = file.path.endsWith('.html');
  // Read (and for a file kept as bytes, decoded) once per file shown; an HTML page is shown whole, rendered.
  const preview = useMemo(() => (isHtml ? null : previewText(file.contents)), [file, isHtml]);
  const [html, setHtml] = useState<{ path: string; html: string } | null>(null);
  useEffect(() => {
    if (!preview) return;
    let current = true;
    void highlight(file.path, preview.shown).then((result) => {
      if (current) setHtml({ path: file.path, html: result });
    });
    return () => {
      current = false;
    };
  }, [file, preview]);
  const language = languageOf(file.path);
  if (!preview) {
    return (
      <div className="export-preview" data-testid="export-preview">
        <div className="export-preview-title">
          <code>{file.path}</code> <span className="muted">rendered as a reader sees it</span>
        </div>
        {/* An empty sandbox: the page runs no script and reaches nothing outside itself. */}
        <iframe className="proposal-preview" sandbox="" srcDoc={file.contents} title={file.path} data-testid="export-html-preview" />
      </div>
    );
  }
  const cut = preview.shownLines < preview.lines || preview.shown.length < file.contents.length;
  return (
    <div className="export-preview" data-testid="export-preview">
      <div className="export-preview-title">
        <code>{file.path}</code>{' '}
        <span className="muted" data-testid="export-preview-lines">
          {cut
            ? `the first ${preview.shownLines.toLocaleString('en-US')} of ${preview.lines.toLocaleString('en-US')} lines: the zip holds the whole file`
            : `${preview.lines.toLocaleString('en-US')} lines`}
        </span>
      </div>
      {html && html.path === file.path ? (
        // Prism escapes the file's text; the only markup is its own token spans.
        <pre className={`language-${language}`}>
          <code className={`language-${language}`} data-testid="export-code" dangerouslySetInnerHTML={{ __html: html.html }} />
        </pre>
      ) : (
        <pre>
          <code data-testid="export-code">{preview.shown}</code>
        </pre>
      )}
    </div>
  );
}

export default function ExportPanel() {
  const model = useModel();
  const designId = useStore((state) => state.designId);
  const [targets, setTargets] = useState<ReadonlySet<ExportTarget>>(new Set(TARGETS.map((t) => t.id)));
  const [generated, setResult] = useState<ExportResult | null>(null);
  // Files of a design that is no longer open are never shown nor downloaded (a changed design is
  // only flagged stale: its files are still the same design's).
  const result = generated !== null && generated.designId === designId ? generated : null;
  const [progress, setProgress] = useState<Progress>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zipping, setZipping] = useState(false);

  const chosen = TARGETS.filter((t) => targets.has(t.id) && unsupportedReason(t.id, model) === undefined).map((t) => t.id);
  const stale = result !== null && result.model !== model;
  const file = useMemo(() => result?.files.find((f) => f.path === selected) ?? result?.files[0], [result, selected]);

  const toggle = (id: ExportTarget) =>
    setTargets((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const generate = async () => {
    setError(null);
    const started = performance.now();
    const snapshot = model;
    const snapshotId = designId;
    setProgress({ done: 0, total: chosen.length + 1, step: 'Loading the generators' });
    try {
      // Targets that price the design read the cost panel's cached catalog (offline copy included) and your price book.
      const priced = chosen.some((target) => TARGET_INFO[target].needs.catalogs);
      const catalogs = priced ? { [snapshot.provider]: (await loadCatalog(snapshot.provider)).catalog } : undefined;
      const imported = priced ? [...(await currentPriceBooks())] : [];
      // Made in a worker, every target from one context: the page stays live, and the proposal's
      // appendices are the Terraform and runbooks this export makes, not made a second time.
      const files = await exportInBackground({ design: snapshot, targets: chosen, estimate: { imported }, ...(catalogs ? { catalogs } : {}) }, (target) =>
        setProgress({ done: chosen.indexOf(target) + 1, total: chosen.length + 1, step: `Generating ${TARGET_INFO[target].label}` }),
      );
      setResult({ designId: snapshotId, model: snapshot, files, millis: Math.round(performance.now() - started) });
      setSelected(files[0]?.path ?? null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setProgress(null);
    }
  };

  const download = async () => {
    if (!result) return;
    setError(null);
    setZipping(true);
    try {
      const { folder, bytes } = await zipInBackground(result.model.name, result.files);
      downloadBlob(`${folder}.zip`, new Blob([bytes as BlobPart], { type: 'application/zip' }));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setZipping(false);
    }
  };

  return (
    <div className="export-panel">
      <DiagramExport />
      <ProposalExport />
      <fieldset className="export-targets">
        <legend>Export</legend>
        {TARGETS.map((target) => {
          const unsupported = unsupportedReason(target.id, model);
          return (
            <label key={target.id}>
              <input
                type="checkbox"
                checked={targets.has(target.id) && unsupported === undefined}
                disabled={unsupported !== undefined}
                onChange={() => toggle(target.id)}
                data-testid={`export-target-${target.id}`}
              />{' '}
              <strong>{target.label}</strong> <span className="muted">{target.help}</span>
              {unsupported && (
                <span className="export-unsupported" data-testid={`export-unsupported-${target.id}`}>
                  {' '}
                  {unsupported}
                </span>
              )}
            </label>
          );
        })}
      </fieldset>
      <div className="export-actions">
        <button type="button" className="ns-button" onClick={() => void generate()} disabled={chosen.length === 0 || progress !== null} data-testid="export-generate">
          {result ? 'Regenerate' : 'Generate'}
        </button>
        <button type="button" className="ns-button" onClick={() => void download()} disabled={!result || progress !== null || zipping} data-testid="export-download">
          {zipping ? 'Zipping…' : 'Download zip'}
        </button>
      </div>
      {progress && (
        <div className="export-progress" data-testid="export-progress">
          <progress value={progress.done} max={progress.total} /> {progress.step}…
        </div>
      )}
      {error && (
        <p className="export-error" role="alert">
          Export failed: {error}
        </p>
      )}
      {result && (
        <>
          <p className="muted" data-testid="export-summary">
            {result.files.length} files in {result.millis} ms{stale ? ' · the design changed since: regenerate' : ''}
          </p>
          <ul className="export-files" data-testid="export-files">
            {result.files.map((f) => (
              <li key={f.path}>
                <button type="button" aria-current={f.path === file?.path} onClick={() => setSelected(f.path)} data-testid="export-file">
                  {f.path}
                </button>
              </li>
            ))}
          </ul>
          {file && <FilePreview file={file} />}
        </>
      )}
    </div>
  );
}
