import { Suspense, lazy, useRef, useState } from 'react';
import { redo, undo, useCanRedo, useCanUndo, useStore } from '../store';
import { DESIGN_FILE_ACCEPT } from '../persistence/design-file-accept';
import { useLibraryStatus } from '../persistence/session';
import { exportDesign, importFiles } from './actions';
import { pickedFiles } from './dropped-files';
import { openDialog } from './ui-state';

/** Loaded on demand: the comparison pulls in the engine's compare and cost code. */
const CompareButton = lazy(() => import('../compare/CompareButton'));
const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

function SaveStatus() {
  const { persistent, saving, pending, failed, lastSavedAt } = useLibraryStatus();
  const ephemeral = useStore((state) => !state.persist);
  let text = 'Saved locally';
  if (ephemeral) text = 'Not saved (generated design)';
  else if (!persistent) text = 'Not saved: storage unavailable';
  else if (failed) text = 'Not saved: see the notice';
  else if (saving || pending) text = 'Saving…';
  else if (lastSavedAt) text = 'Saved';
  return (
    <span className="save-status muted" data-testid="save-status" data-saved={!saving && !pending && !failed && persistent && !ephemeral}>
      {text}
    </span>
  );
}

function ExportMenu() {
  const [open, setOpen] = useState(false);
  return (
    <div className="menu" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}>
      <button type="button" className="ns-button" aria-haspopup="menu" aria-expanded={open} data-testid="toolbar-export" onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open && (
        <div className="menu-items" role="menu">
          <button
            type="button"
            role="menuitem"
            data-testid="export-yaml"
            onClick={() => {
              setOpen(false);
              void exportDesign('yaml');
            }}
          >
            Design file (YAML)
          </button>
          <button
            type="button"
            role="menuitem"
            data-testid="export-json"
            onClick={() => {
              setOpen(false);
              void exportDesign('json');
            }}
          >
            Design file (JSON)
          </button>
        </div>
      )}
    </div>
  );
}

export default function Toolbar() {
  const name = useStore((state) => state.model.name);
  const canUndo = useCanUndo();
  const canRedo = useCanRedo();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  return (
    <div className="toolbar" role="toolbar" aria-label="Design">
      <strong className="brand">Ninesmith</strong>
      <span className="design-name" data-testid="design-name" title={name}>
        {name}
      </span>
      <SaveStatus />
      <span className="toolbar-gap" />
      <button type="button" className="ns-button" data-testid="toolbar-new" onClick={() => openDialog('gallery')}>
        New
      </button>
      <button type="button" className="ns-button" data-testid="toolbar-library" onClick={() => openDialog('library')}>
        Library
      </button>
      <button type="button" className="ns-button" data-testid="toolbar-import" onClick={() => fileInput.current?.click()}>
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={`${DESIGN_FILE_ACCEPT},.tf,.tfvars`}
        multiple
        hidden
        data-testid="import-file-input"
        onChange={(event) => {
          const files = pickedFiles(event.currentTarget.files);
          event.currentTarget.value = '';
          void importFiles(files);
        }}
      />
      <button type="button" className="ns-button" data-testid="toolbar-import-folder" title="Import a Terraform folder: its .tf files and local modules" onClick={() => folderInput.current?.click()}>
        Import Terraform
      </button>
      <input
        ref={(input) => {
          folderInput.current = input;
          // Folder picking is a non-standard attribute React does not know.
          input?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        hidden
        data-testid="import-folder-input"
        onChange={(event) => {
          const files = pickedFiles(event.currentTarget.files);
          event.currentTarget.value = '';
          void importFiles(files);
        }}
      />
      <ExportMenu />
      <button type="button" className="ns-button" data-testid="toolbar-share" onClick={() => openDialog('share')}>
        Share link
      </button>
      <span className="toolbar-divider" />
      <button type="button" className="ns-button" data-testid="toolbar-undo" disabled={!canUndo} onClick={undo} title={`Undo (${mod}Z)`} aria-label="Undo">
        ↶ Undo
      </button>
      <button type="button" className="ns-button" data-testid="toolbar-redo" disabled={!canRedo} onClick={redo} title={`Redo (${isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z'})`} aria-label="Redo">
        ↷ Redo
      </button>
      <span className="toolbar-divider" />
      <Suspense fallback={null}>
        <CompareButton />
      </Suspense>
    </div>
  );
}
