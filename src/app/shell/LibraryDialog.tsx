import { useEffect, useState } from 'react';
import { notify, useStore } from '../store';
import { updateDesignFields } from '../commands';
import type { DamagedRecord, LibraryEntry, LibraryListing } from '../persistence/library';
import { downloadText } from '../persistence/file-io';
import { blankDesign } from './actions';
import { flushAutosave, getLibrary, libraryChanged, openAsNewDesign, openLibrary, openSavedDesign, useLibraryStatus } from '../persistence/session';
import { Dialog } from './Dialog';
import { closeDialog, openDialog } from './ui-state';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

function whenText(at: number, now: number): string {
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return relative.format(seconds, 'second');
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86400), 'day');
}

/** The library's designs and its damaged records; null while loading. A library that cannot be read at all shows as empty, with a notice. */
function useListing(): LibraryListing | null {
  const revision = useLibraryStatus((state) => state.revision);
  const [listing, setListing] = useState<LibraryListing | null>(null);
  useEffect(() => {
    let live = true;
    void openLibrary()
      .then((library) => library.listAll())
      .then(
        (list) => live && setListing(list),
        (error: unknown) => {
          if (!live) return;
          setListing({ entries: [], damaged: [] });
          notify('error', 'The library cannot be read', [error instanceof Error ? error.message : String(error)]);
        },
      );
    return () => {
      live = false;
    };
  }, [revision]);
  return listing;
}

async function run(what: string, action: () => Promise<void>) {
  try {
    await action();
  } catch (error) {
    notify('error', `Could not ${what}`, [error instanceof Error ? error.message : String(error)]);
  }
}

function EntryRow({ entry, open, now }: { entry: LibraryEntry; open: boolean; now: number }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(entry.name);
  const trimmed = name.trim();
  const nameError = trimmed === '' ? 'expected a name' : trimmed.length > 200 ? 'expected at most 200 characters' : null;

  const rename = () =>
    run('rename the design', async () => {
      if (nameError) return;
      if (open) {
        // The open design's name lives in the document: rename it there, undoably; autosave stores it.
        updateDesignFields({ name: trimmed });
        await flushAutosave();
      } else {
        await getLibrary().rename(entry.id, trimmed);
      }
      libraryChanged(entry.id);
      setRenaming(false);
    });

  const remove = () =>
    run('delete the design', async () => {
      const library = getLibrary();
      if (open) {
        // Leave the design first, so an autosave of it cannot bring it back.
        await flushAutosave();
        const next = (await library.list()).find((e) => e.deletedAt === undefined && e.id !== entry.id);
        await library.trash(entry.id);
        if (!next || !(await openSavedDesign(next.id))) await openAsNewDesign(blankDesign());
      } else {
        await library.trash(entry.id);
      }
      libraryChanged(entry.id);
      notify('info', `"${entry.name}" moved to the trash`, ['Restore it from the trash below the list; it is deleted for good after 30 days.']);
    });

  return (
    <li className={`library-entry${open ? ' is-open' : ''}`} data-testid="library-entry" data-name={entry.name} data-open={open || undefined}>
      <div className="library-entry-main">
        {renaming ? (
          <form
            className="library-rename"
            onSubmit={(event) => {
              event.preventDefault();
              void rename();
            }}
          >
            <input
              autoFocus
              aria-label="New name"
              data-testid="library-rename-input"
              value={name}
              aria-invalid={nameError !== null}
              onChange={(event) => setName(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  event.preventDefault();
                  setRenaming(false);
                  setName(entry.name);
                }
              }}
            />
            <button type="submit" className="ns-button" data-testid="library-rename-save" disabled={nameError !== null}>
              Save
            </button>
            {nameError && <span className="field-error">{nameError}</span>}
          </form>
        ) : (
          <span>
            <strong className="library-entry-name">{entry.name}</strong>
            {open && <span className="badge">open</span>}
          </span>
        )}
        <span className="muted">
          {entry.componentCount} component{entry.componentCount === 1 ? '' : 's'} · saved <time dateTime={new Date(entry.updatedAt).toISOString()} title={new Date(entry.updatedAt).toLocaleString()}>{whenText(entry.updatedAt, now)}</time>
        </span>
      </div>
      <div className="library-entry-actions">
        <button
          type="button"
          className="ns-button primary"
          data-testid="library-open"
          disabled={open}
          onClick={() =>
            void run('open the design', async () => {
              if (await openSavedDesign(entry.id)) closeDialog();
            })
          }
        >
          Open
        </button>
        <button type="button" className="ns-button" data-testid="library-rename" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button
          type="button"
          className="ns-button"
          data-testid="library-duplicate"
          onClick={() =>
            void run('duplicate the design', async () => {
              if (open) await flushAutosave();
              const id = await getLibrary().duplicate(entry.id);
              libraryChanged(id);
            })
          }
        >
          Duplicate
        </button>
        <button type="button" className="ns-button danger" data-testid="library-delete" onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </li>
  );
}

function TrashRow({ entry, now }: { entry: LibraryEntry; now: number }) {
  return (
    <li className="library-entry is-trashed" data-testid="trash-entry" data-name={entry.name}>
      <div className="library-entry-main">
        <strong className="library-entry-name">{entry.name}</strong>
        <span className="muted">deleted {whenText(entry.deletedAt ?? now, now)}</span>
      </div>
      <div className="library-entry-actions">
        <button
          type="button"
          className="ns-button"
          data-testid="library-restore"
          onClick={() =>
            void run('restore the design', async () => {
              await getLibrary().restore(entry.id);
              libraryChanged(entry.id);
            })
          }
        >
          Restore
        </button>
        <button
          type="button"
          className="ns-button danger"
          data-testid="library-purge"
          onClick={() =>
            void run('delete the design', async () => {
              if (!window.confirm(`Delete "${entry.name}" for good? This cannot be undone.`)) return;
              await getLibrary().purge(entry.id);
              libraryChanged(entry.id);
            })
          }
        >
          Delete for good
        </button>
      </div>
    </li>
  );
}

/** A stored record the library cannot read: rebuild it from its document when that is intact, keep its raw JSON, or delete it. */
function DamagedRow({ record }: { record: DamagedRecord }) {
  return (
    <li className="library-entry is-damaged" data-testid="damaged-entry" data-key={record.label}>
      <div className="library-entry-main">
        <strong className="library-entry-name">Damaged record “{record.label}”</strong>
        <span className="muted">{record.problem}</span>
      </div>
      <div className="library-entry-actions">
        {record.recoverable && typeof record.key === 'string' && (
          <button
            type="button"
            className="ns-button primary"
            data-testid="damaged-recover"
            onClick={() =>
              void run('recover the design', async () => {
                await getLibrary().recover(record.key as string);
                libraryChanged(record.label);
              })
            }
          >
            Recover
          </button>
        )}
        <button
          type="button"
          className="ns-button"
          data-testid="damaged-download"
          onClick={() =>
            void run('download the record', async () => {
              const name = record.label.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 60) || 'record';
              downloadText(`ninesmith-damaged-${name}.json`, await getLibrary().rawJson(record.key), 'application/json');
            })
          }
        >
          Download raw JSON
        </button>
        <button
          type="button"
          className="ns-button danger"
          data-testid="damaged-purge"
          onClick={() =>
            void run('delete the record', async () => {
              if (!window.confirm(`Delete the damaged record "${record.label}" for good? Download its raw JSON first to keep what it holds.`)) return;
              await getLibrary().purge(record.key);
              libraryChanged(record.label);
            })
          }
        >
          Delete for good
        </button>
      </div>
    </li>
  );
}

/** The saved designs: open, rename, duplicate, delete to the trash and restore from it; damaged records set aside. */
export default function LibraryDialog() {
  const listing = useListing();
  const entries = listing?.entries ?? null;
  const damaged = listing?.damaged ?? [];
  const openId = useStore((state) => state.designId);
  const persistent = useLibraryStatus((state) => state.persistent);
  const [now] = useState(() => Date.now());
  const active = entries?.filter((e) => e.deletedAt === undefined) ?? [];
  const trashed = entries?.filter((e) => e.deletedAt !== undefined) ?? [];
  return (
    <Dialog title="Library" testId="library-dialog" onClose={closeDialog} wide>
      <p className="muted">
        {persistent
          ? 'Every design is saved in this browser as you edit. Several tabs can be open: each saves its own edits, and for one design the last save wins.'
          : 'This browser does not let Ninesmith save designs: they last only while this tab is open. Export to keep them.'}
      </p>
      <div className="ns-dialog-actions start">
        <button type="button" className="ns-button" data-testid="library-new" onClick={() => openDialog('gallery')}>
          New design…
        </button>
      </div>
      {entries === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <ul className="library-list" data-testid="library-list">
          {active.map((entry) => (
            <EntryRow key={entry.id} entry={entry} open={entry.id === openId} now={now} />
          ))}
        </ul>
      )}
      {damaged.length > 0 && (
        <section className="library-damaged" data-testid="library-damaged">
          <h3>Damaged records</h3>
          <p className="muted">
            {damaged.length === 1 ? 'This saved record cannot be read' : `These ${damaged.length} saved records cannot be read`}; every other design is unaffected. Download the raw JSON to keep
            what a record holds before deleting it.
          </p>
          <ul className="library-list">
            {damaged.map((record) => (
              <DamagedRow key={record.label} record={record} />
            ))}
          </ul>
        </section>
      )}
      {trashed.length > 0 && (
        <section className="library-trash" data-testid="library-trash">
          <h3>Trash</h3>
          <ul className="library-list">
            {trashed.map((entry) => (
              <TrashRow key={entry.id} entry={entry} now={now} />
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
