import { useEffect, useState } from 'react';
import { notify } from '../store';
import { blankDesign, startFrom } from './actions';
import { Dialog } from './Dialog';
import { DesignPreviewSvg } from './DesignPreviewSvg';
import { loadTemplates, type Template } from './templates';
import { closeDialog } from './ui-state';

/** New design: a blank page or one of the reference templates, each with a preview and when to use it. */
export default function TemplateGallery() {
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void loadTemplates().then((loaded) => live && setTemplates(loaded));
    return () => {
      live = false;
    };
  }, []);

  const start = async (template: Template | null) => {
    if (busy) return;
    setBusy(true);
    try {
      await startFrom(template ? structuredClone(template.design) : blankDesign());
    } catch (error) {
      notify('error', 'The design could not be created', [error instanceof Error ? error.message : String(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="New design" testId="template-gallery" onClose={closeDialog} wide>
      <p className="muted">Start from a blank page or from a reference design. Your current design stays in the library.</p>
      <ul className="template-grid">
        <li>
          <button type="button" className="template-card" data-testid="template-blank" disabled={busy} onClick={() => void start(null)}>
            <div className="template-blank-preview" aria-hidden>
              +
            </div>
            <strong>Blank design</strong>
            <span>One region with three zones and nothing in it. Use it when none of the templates is close to what you run.</span>
          </button>
        </li>
        {templates === null && <li className="muted">Loading templates…</li>}
        {templates?.map((template) => (
          <li key={template.id}>
            <button type="button" className="template-card" data-testid={`template-${template.id}`} disabled={busy} onClick={() => void start(template)}>
              <DesignPreviewSvg design={template.design} />
              <strong>{template.design.name}</strong>
              <span>{template.whenToUse}</span>
              <small className="muted">
                {template.design.components.length} components · {template.design.regions.length} region{template.design.regions.length === 1 ? '' : 's'} · {template.design.tier}
              </small>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
