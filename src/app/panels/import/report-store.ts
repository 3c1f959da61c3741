import { z } from 'zod';
import { create } from 'zustand';
import type { ImportReport } from '../../../import';

/**
 * The report of each design imported from Terraform, with the guesses the user has confirmed.
 * Kept in local storage beside the design's library id, so the panel survives a reload.
 */

export interface StoredReport {
  readonly report: ImportReport;
  /** Indexes of confirmed inferences. */
  readonly confirmed: readonly number[];
}

const KEY = (designId: string) => `ninesmith:import-report:${designId}`;

const addressed = { address: z.string() };
/** What a stored report must be before the panel reads it: local storage can hold anything. */
const storedReportSchema = z.object({
  report: z.object({
    input: z.enum(['configuration', 'plan', 'state']),
    inferences: z.array(z.object({ ...addressed, component: z.string().optional(), topic: z.enum(['kind', 'region', 'zones', 'replicas', 'props', 'connection', 'backup', 'component']), message: z.string() })),
    imported: z.array(z.object({ ...addressed, component: z.string() })),
    read: z.array(z.object({ ...addressed, purpose: z.string() })),
    notImported: z.array(z.object({ ...addressed, type: z.string(), reason: z.string() })),
    unsetVariables: z.array(z.object({ name: z.string(), description: z.string().optional(), usedBy: z.array(z.string()) })),
    notes: z.array(z.object({ ...addressed, message: z.string() })),
  }),
  confirmed: z.array(z.number().int().nonnegative()),
}) satisfies z.ZodType<StoredReport>;

interface ReportState {
  reports: Record<string, StoredReport>;
}

export const useImportReports = create<ReportState>()(() => ({ reports: {} }));

function persist(designId: string, stored: StoredReport): void {
  useImportReports.setState((state) => ({ reports: { ...state.reports, [designId]: stored } }));
  try {
    localStorage.setItem(KEY(designId), JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: the report stays for this session.
  }
}

export function saveImportReport(designId: string, report: ImportReport): void {
  persist(designId, { report, confirmed: [] });
}

/** The stored report of a design, loading it from local storage on first use; a damaged record reads as none. */
export function loadImportReport(designId: string): StoredReport | undefined {
  const known = useImportReports.getState().reports[designId];
  if (known) return known;
  try {
    const text = localStorage.getItem(KEY(designId));
    if (!text) return undefined;
    const checked = storedReportSchema.safeParse(JSON.parse(text));
    if (!checked.success) return undefined;
    const stored: StoredReport = checked.data;
    useImportReports.setState((state) => ({ reports: { ...state.reports, [designId]: stored } }));
    return stored;
  } catch {
    return undefined;
  }
}

export function setConfirmed(designId: string, index: number, confirmed: boolean): void {
  const stored = loadImportReport(designId);
  if (!stored) return;
  const set = new Set(stored.confirmed);
  if (confirmed) set.add(index);
  else set.delete(index);
  persist(designId, { ...stored, confirmed: [...set].sort((a, b) => a - b) });
}
