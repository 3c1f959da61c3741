import { terminalText } from '../model';
import type { ImportReport } from './types';

/**
 * The import report as text for a terminal: guesses, what was not imported, variables without
 * values, notes. Addresses, descriptions and messages carry names from the user's .tf files, so
 * each line is escaped for the terminal (no control character or line of its own reaches a CI log).
 */
export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  const section = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}):`, ...items.map((item) => `  ${terminalText(item)}`), '');
  };
  lines.push(`Imported ${new Set(report.imported.map((entry) => entry.component)).size} components from ${report.imported.length} resources (${report.input}); ${report.read.length} read for placement and wiring.`, '');
  section(
    'Guesses to check',
    report.inferences.map((inference) => `${inference.address}${inference.component ? ` [${inference.component}]` : ''}: ${inference.message}`),
  );
  section(
    'Not imported',
    report.notImported.map((entry) => `${entry.address}: ${entry.reason}`),
  );
  section(
    'Variables without values',
    report.unsetVariables.map((variable) => `${variable.name}${variable.usedBy.length > 0 ? ` (read by ${variable.usedBy.join(', ')})` : ' (not read by any resource)'}${variable.description ? `: ${variable.description}` : ''}`),
  );
  section(
    'Notes',
    report.notes.map((note) => `${note.address}: ${note.message}`),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
