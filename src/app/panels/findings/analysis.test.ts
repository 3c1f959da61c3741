import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../catalog';
import { analyzeDesign, simulateScenario } from '../../../engine';
import { annotationsFor } from './analysis';

const design = () => {
  const result = loadDesign(readFileSync(join(import.meta.dirname, '../../../../templates/first-launch-common-mistakes.yaml'), 'utf8'));
  if (!result.ok) throw new Error('template does not load');
  return result.design;
};

describe('node annotations from the analysis', () => {
  it('counts unsuppressed findings per component with the worst severity, and marks what a what-if takes down', () => {
    const model = design();
    const analysis = analyzeDesign(model);
    const whatIf = simulateScenario(model, { zones: ['primary/a'] });
    const annotations = annotationsFor(analysis, whatIf, {});
    expect(annotations.db).toMatchObject({ findings: { severity: 'critical' }, down: true });
    expect(annotations.db!.findings!.count).toBe(analysis.findings.filter((f) => f.components.includes('db')).length);
    expect(annotations.files?.down).toBeUndefined();
    expect(annotations.users).toBeUndefined();
  });

  it('keeps the previous annotation objects when nothing changed, so unchanged nodes do not re-render', () => {
    const model = design();
    const first = annotationsFor(analyzeDesign(model), null, {});
    const second = annotationsFor(analyzeDesign({ ...model }), null, first);
    for (const id of Object.keys(first)) expect(second[id]).toBe(first[id]);
    const fixed = analyzeDesign({ ...model, suppressions: [{ rule: 'stateful-app-tier', component: 'web', reason: 'accepted' }] });
    const third = annotationsFor(fixed, null, first);
    expect(third.web).not.toBe(first.web);
    expect(third.db).toBe(first.db);
  });

  it('makes a new annotation for a component a what-if takes down or brings back, and keeps the others', () => {
    const model = design();
    const analysis = analyzeDesign(model);
    const whatIf = simulateScenario(model, { zones: ['primary/a'] });
    const calm = annotationsFor(analysis, null, {});
    const failing = annotationsFor(analysis, whatIf, calm);
    const down = Object.keys(failing).filter((id) => failing[id]!.down);
    expect(down).toEqual(expect.arrayContaining(['db']));
    for (const id of down) expect(failing[id]).not.toBe(calm[id]);
    for (const id of Object.keys(calm).filter((id) => !down.includes(id))) expect(failing[id]).toBe(calm[id]);
    const back = annotationsFor(analysis, null, failing);
    expect(back).toEqual(calm);
    for (const id of down) expect(back[id]).not.toBe(failing[id]);
  });
});
