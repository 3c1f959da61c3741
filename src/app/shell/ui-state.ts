import { create } from 'zustand';
import { formatProblem, type DesignProblem } from '../../model';

/** The shell's own session state: which dialog is open, and the problems a refused file had. */
export type DialogId = 'gallery' | 'library' | 'share' | 'problems';

export interface ProblemReport {
  title: string;
  /** One sentence on what was refused and that the open design is untouched. */
  summary: string;
  /** Every problem, formatted with its path (`components[3].zones[1]: ...`). */
  lines: string[];
}

interface ShellState {
  dialog: DialogId | null;
  problems: ProblemReport | null;
}

export const useShell = create<ShellState>()(() => ({ dialog: null, problems: null }));

export function openDialog(dialog: DialogId): void {
  useShell.setState({ dialog });
}

export function closeDialog(): void {
  useShell.setState({ dialog: null });
}

export function showProblems(title: string, summary: string, problems: readonly DesignProblem[]): void {
  useShell.setState({ dialog: 'problems', problems: { title, summary, lines: problems.map(formatProblem) } });
}
