import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../../import';
import { loadImportReport, saveImportReport, setConfirmed, useImportReports } from './report-store';

const report: ImportReport = {
  input: 'configuration',
  inferences: [{ address: 'aws_db_instance.main', component: 'db', topic: 'zones', message: 'Multi-AZ: two zones assumed' }],
  imported: [{ address: 'aws_db_instance.main', component: 'db' }],
  read: [],
  notImported: [{ address: 'aws_iam_role.x', type: 'aws_iam_role', reason: 'IAM is not modelled' }],
  unsetVariables: [{ name: 'var.image', usedBy: ['aws_ecs_task_definition.web'] }],
  notes: [],
};

describe('stored import reports', () => {
  let storage: Map<string, string>;
  beforeEach(() => {
    storage = new Map();
    vi.stubGlobal('localStorage', { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) });
    useImportReports.setState({ reports: {} });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a report and the guesses confirmed, across a reload', () => {
    saveImportReport('d1', report);
    setConfirmed('d1', 0, true);
    useImportReports.setState({ reports: {} });
    expect(loadImportReport('d1')).toEqual({ report, confirmed: [0] });
  });

  it('reads a damaged record as no report, so the panel never renders it', () => {
    for (const damaged of ['{', 'null', '{"report":{"input":"configuration"},"confirmed":[]}', JSON.stringify({ report: { ...report, inferences: [{ address: 1 }] }, confirmed: [] }), JSON.stringify({ report, confirmed: ['x'] })]) {
      storage.set('ninesmith:import-report:d2', damaged);
      useImportReports.setState({ reports: {} });
      expect(loadImportReport('d2'), damaged).toBeUndefined();
    }
  });
});
