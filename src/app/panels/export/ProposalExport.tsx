import { useState } from 'react';
import { edits, MAX_LOGO_CHARACTERS, type ProposalSettings } from '../../../model';
import { applyPatch } from '../../commands';
import { downloadBlob } from '../../persistence/file-io';
import { currentDocument, useModel } from '../../store';
import { loadCatalog } from '../cost/catalogs';
import { currentPriceBooks } from '../cost/price-book';
import type { ProposalFormat } from './proposal-render';

const FORMATS: readonly { id: ProposalFormat; label: string }[] = [
  { id: 'html', label: 'HTML' },
  { id: 'pdf', label: 'PDF' },
  { id: 'docx', label: 'Word' },
  { id: 'md', label: 'Markdown' },
];

const FIELDS: readonly { id: Exclude<keyof ProposalSettings, 'logo'>; label: string; placeholder: string; type?: string }[] = [
  { id: 'client', label: 'Client', placeholder: 'Acme Ltd' },
  { id: 'consultant', label: 'Prepared by', placeholder: 'Your name or firm' },
  { id: 'date', label: 'Date', placeholder: 'YYYY-MM-DD', type: 'date' },
  { id: 'version', label: 'Version', placeholder: '1.0' },
];

/** Reads a PNG or JPEG the user picked as a data URL, refusing what the design format would refuse. */
function readLogo(file: File): Promise<string> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return Promise.reject(new Error('the logo must be a PNG or JPEG picture'));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      if (url.length > MAX_LOGO_CHARACTERS) reject(new Error(`the logo is too large (at most about ${Math.floor((MAX_LOGO_CHARACTERS * 3) / 4 / 1000)} kB)`));
      else resolve(url);
    };
    reader.onerror = () => reject(new Error('the logo could not be read'));
    reader.readAsDataURL(file);
  });
}

/**
 * The client proposal: its cover (client, author, date, version, logo, kept in the design's
 * `proposal` section), a preview of the HTML as the client will see it (in a sandboxed frame: no
 * script, no request), and a download of each format. The generators and the PDF and Word
 * libraries load only when asked for.
 */
export function ProposalExport() {
  const model = useModel();
  const settings = model.proposal ?? {};
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ html: string; model: unknown } | null>(null);

  const setField = (field: keyof ProposalSettings, value: string | undefined) => applyPatch((design) => edits.setProposalSettings(design, { [field]: value }));

  const make = async () => {
    const design = currentDocument();
    const [render, catalog, imported] = await Promise.all([import('./proposal-render'), loadCatalog(design.provider), currentPriceBooks()]);
    return { render, document: await render.designProposal(design, { [design.provider]: catalog.catalog }, { imported: [...imported] }), design };
  };

  const run = async (what: string, task: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await task();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(null);
    }
  };

  const showPreview = () =>
    run('preview', async () => {
      const { render, document } = await make();
      setPreview({ html: await (await render.renderProposal(document, 'html')).text(), model });
    });

  const download = (format: ProposalFormat) =>
    run(format, async () => {
      const [{ render, document, design }, { slugOf }] = await Promise.all([make(), import('../../../../generators')]);
      downloadBlob(`${slugOf(design.name, 40)}-proposal.${format}`, await render.renderProposal(document, format));
    });

  return (
    <fieldset className="export-targets export-proposal" data-testid="proposal-export">
      <legend>Client proposal</legend>
      <span className="muted">The cover of the proposal, kept in the design; then a preview and each format to download.</span>
      <div className="proposal-cover-form">
        {FIELDS.map((field) => (
          <label key={field.id}>
            {field.label}
            <input
              type={field.type ?? 'text'}
              value={settings[field.id] ?? ''}
              placeholder={field.placeholder}
              maxLength={field.id === 'version' ? 40 : 200}
              onChange={(e) => setField(field.id, e.target.value)}
              data-testid={`proposal-${field.id}`}
            />
          </label>
        ))}
        <label>
          Logo
          <input
            type="file"
            accept="image/png,image/jpeg"
            data-testid="proposal-logo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void run('logo', async () => setField('logo', await readLogo(file)));
            }}
          />
        </label>
        {settings.logo && (
          <span className="proposal-logo">
            <img src={settings.logo} alt="Logo on the cover" />
            <button type="button" className="ns-button" onClick={() => setField('logo', undefined)} data-testid="proposal-logo-remove">
              Remove logo
            </button>
          </span>
        )}
      </div>
      <div className="export-actions">
        <button type="button" className="ns-button" onClick={() => void showPreview()} disabled={busy !== null} data-testid="proposal-preview-button">
          {preview ? 'Refresh preview' : 'Preview'}
        </button>
        {FORMATS.map((format) => (
          <button key={format.id} type="button" className="ns-button" onClick={() => void download(format.id)} disabled={busy !== null} data-testid={`proposal-download-${format.id}`}>
            {busy === format.id ? `Making ${format.label}…` : format.label}
          </button>
        ))}
      </div>
      {error && (
        <p className="export-error" role="alert">
          Proposal failed: {error}
        </p>
      )}
      {preview && (
        <>
          {preview.model !== model && <p className="muted">The design changed since this preview: refresh it.</p>}
          {/* An empty sandbox: the page runs no script and reaches nothing outside itself. */}
          <iframe className="proposal-preview" sandbox="" srcDoc={preview.html} title="Proposal preview" data-testid="proposal-preview" />
        </>
      )}
    </fieldset>
  );
}
