import { Dialog } from './Dialog';
import { closeDialog, useShell } from './ui-state';

/** Every problem of a refused file or link, each with its path, so it can be fixed in one pass. */
export default function ProblemsDialog() {
  const report = useShell((state) => state.problems);
  if (!report) return null;
  return (
    <Dialog title={report.title} testId="problems-dialog" onClose={closeDialog} wide>
      <p data-testid="problems-summary">{report.summary}</p>
      <ol className="problem-list" data-testid="problems-list">
        {report.lines.map((line, index) => (
          <li key={index} data-testid="problem">
            <code>{line}</code>
          </li>
        ))}
      </ol>
      <div className="ns-dialog-actions">
        <button type="button" className="ns-button primary" onClick={closeDialog}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
