import { useStore, selectComponents, setActivePanel, useModel } from '../../store';
import type { Inference } from '../../../import';
import { loadImportReport, setConfirmed, useImportReports } from './report-store';
import './import.css';

const TOPIC_LABELS: Record<Inference['topic'], string> = {
  kind: 'what it is',
  region: 'region',
  zones: 'zones',
  replicas: 'instances',
  props: 'settings',
  connection: 'connection',
  backup: 'backups',
  component: 'component',
};

/** Opens a component in the designer: selected, zoomed to, and shown in the Inspector to fix. */
function showComponent(id: string): void {
  selectComponents([id], true);
  setActivePanel('inspector');
}

/**
 * The guesses an import from Terraform made for the open design, each with the resource address
 * it came from and a link to the component it is about. The user confirms a guess (kept with the
 * design's report) or opens the component to fix it; resources not imported and variables without
 * values are listed below.
 */
export default function ImportPanel() {
  const designId = useStore((state) => state.designId);
  useImportReports((state) => state.reports[designId]);
  const stored = loadImportReport(designId);
  const model = useModel();
  const ids = new Set(model.components.map((c) => c.id));
  if (!stored) {
    return (
      <div className="ns-import-panel" data-testid="import-empty">
        <p className="muted">
          This design was not imported from Terraform. Import a Terraform folder, several .tf files or the JSON of <code>terraform show -json</code> with
          the Import button (or drop them on the page): the guesses the importer makes appear here to confirm or fix.
        </p>
      </div>
    );
  }
  const { report, confirmed } = stored;
  const open = report.inferences.length - confirmed.length;
  return (
    <div className="ns-import-panel" data-testid="import-report">
      <p className="muted">
        Imported from Terraform ({report.input}): {new Set(report.imported.map((entry) => entry.component)).size} components from {report.imported.length} resources.{' '}
        {open > 0 ? `${open} guess${open === 1 ? '' : 'es'} to check.` : 'Every guess is confirmed.'}
      </p>
      <section>
        <h3>Guesses to check</h3>
        <ul className="ns-import-list" data-testid="import-guesses">
          {report.inferences.map((inference, index) => {
            const done = confirmed.includes(index);
            const component = inference.component && ids.has(inference.component) ? inference.component : undefined;
            return (
              <li key={index} className={done ? 'ns-import-guess is-confirmed' : 'ns-import-guess'} data-testid="import-guess" data-component={component ?? ''}>
                <div className="ns-import-guess-head">
                  <span className="ns-import-topic">{TOPIC_LABELS[inference.topic]}</span>
                  {component && (
                    <button type="button" className="ns-link" data-testid="import-guess-show" onClick={() => showComponent(component)}>
                      {component}
                    </button>
                  )}
                </div>
                <p className="ns-import-message">{inference.message}</p>
                <p className="ns-import-address">
                  from <code>{inference.address}</code>
                </p>
                <label className="ns-import-confirm">
                  <input type="checkbox" checked={done} data-testid="import-guess-confirm" onChange={(event) => setConfirmed(designId, index, event.currentTarget.checked)} /> Confirmed
                </label>
              </li>
            );
          })}
        </ul>
      </section>
      {report.notImported.length > 0 && (
        <section>
          <h3>Not imported ({report.notImported.length})</h3>
          <ul className="ns-import-list" data-testid="import-not-imported">
            {report.notImported.map((entry) => (
              <li key={entry.address}>
                <code>{entry.address}</code>: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.unsetVariables.length > 0 && (
        <section>
          <h3>Variables without values ({report.unsetVariables.length})</h3>
          <p className="muted">Nothing was guessed for them: what they set is left out or listed as a guess.</p>
          <ul className="ns-import-list" data-testid="import-unset-variables">
            {report.unsetVariables.map((variable) => (
              <li key={variable.name}>
                <code>{variable.name}</code>
                {variable.description ? `: ${variable.description}` : ''}
                {variable.usedBy.length > 0 && <span className="muted"> (read by {variable.usedBy.join(', ')})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {report.notes.length > 0 && (
        <section>
          <h3>Notes</h3>
          <ul className="ns-import-list">
            {report.notes.map((note, index) => (
              <li key={index}>
                <code>{note.address}</code>: {note.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
