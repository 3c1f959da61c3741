import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign, syntheticDesign } from '../../../catalog';
import { analyzeChange, analyzeDesign, simulateScenario } from '../../../engine';
import type { Design } from '../../../model';
import { annotationEntries, annotationOf, NO_ANNOTATIONS } from '../../store';
import { annotationsFor, countAnnotations, recountAnnotations } from './analysis';

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
    const annotations = annotationsFor(analysis, whatIf, NO_ANNOTATIONS);
    expect(annotationOf(annotations, 'db')).toMatchObject({ findings: { severity: 'critical' }, down: true });
    expect(annotationOf(annotations, 'db')!.findings!.count).toBe(analysis.findings.filter((f) => f.components.includes('db')).length);
    expect(annotationOf(annotations, 'files')?.down).toBeUndefined();
    expect(annotationOf(annotations, 'users')).toBeUndefined();
  });

  it('keeps the previous annotation objects when nothing changed, so unchanged nodes do not re-render', () => {
    const model = design();
    const first = annotationsFor(analyzeDesign(model), null, NO_ANNOTATIONS);
    const second = annotationsFor(analyzeDesign({ ...model }), null, first);
    for (const [id, annotation] of annotationEntries(first)) expect(annotationOf(second, id)).toBe(annotation);
    const fixed = analyzeDesign({ ...model, suppressions: [{ rule: 'stateful-app-tier', component: 'web', reason: 'accepted' }] });
    const third = annotationsFor(fixed, null, first);
    expect(annotationOf(third, 'web')).not.toBe(annotationOf(first, 'web'));
    expect(annotationOf(third, 'db')).toBe(annotationOf(first, 'db'));
  });

  it('makes a new annotation for a component a what-if takes down or brings back, and keeps the others', () => {
    const model = design();
    const analysis = analyzeDesign(model);
    const whatIf = simulateScenario(model, { zones: ['primary/a'] });
    const calm = annotationsFor(analysis, null, NO_ANNOTATIONS);
    const failing = annotationsFor(analysis, whatIf, calm);
    const down = annotationEntries(failing)
      .filter(([, annotation]) => annotation.down)
      .map(([id]) => id);
    expect(down).toEqual(expect.arrayContaining(['db']));
    for (const id of down) expect(annotationOf(failing, id)).not.toBe(annotationOf(calm, id));
    for (const [id, annotation] of annotationEntries(calm).filter(([id]) => !down.includes(id))) expect(annotationOf(failing, id)).toBe(annotation);
    const back = annotationsFor(analysis, null, failing);
    expect(back).toEqual(calm);
    for (const id of down) expect(annotationOf(back, id)).not.toBe(annotationOf(failing, id));
  });

  it('counts an edit from the annotations before it: the same annotations as counting from nothing, new objects only where they changed', () => {
    let model: Design = syntheticDesign(300, 3);
    let analysis = analyzeDesign(model);
    let counted = countAnnotations(analysis, null, NO_ANNOTATIONS);
    const services = model.components.filter((c) => c.kind === 'app-service' && (c.zones?.length ?? 0) > 1).slice(0, 3);
    expect(services.length).toBe(3);
    const steps: { edit?: (design: Design) => Design; whatIf?: 'zone' | null }[] = [];
    for (const service of services) {
      steps.push({ edit: (d) => ({ ...d, components: d.components.map((c) => (c.id === service.id ? { ...c, zones: ['a'], replicas: 1 } : c)) }) });
    }
    steps.push({ whatIf: 'zone' }, { edit: (d) => ({ ...d, suppressions: [{ rule: 'single-zone', component: services[0]!.id, reason: 'accepted' }] }) }, { whatIf: null });
    for (const service of services) {
      steps.push({ edit: (d) => ({ ...d, components: d.components.map((c) => (c.id === service.id ? service : c)) }) });
    }
    let whatIf = null;
    let changed = 0;
    let downSeen = 0;
    for (const step of steps) {
      const before = counted.annotations;
      if (step.edit) {
        const next = step.edit(model);
        analysis = analyzeChange(model, analysis, next);
        model = next;
      }
      if (step.whatIf !== undefined) whatIf = step.whatIf === 'zone' ? simulateScenario(model, { zones: [`${model.regions[0]!.id}/a`] }) : null;
      counted = recountAnnotations(counted, analysis, whatIf);
      const fromNothing = annotationsFor(analysis, whatIf, NO_ANNOTATIONS);
      expect(counted.annotations).toEqual(fromNothing);
      const byId = (entries: [string, unknown][]) => entries.sort(([a], [b]) => a.localeCompare(b));
      expect(byId(annotationEntries(counted.annotations))).toEqual(byId(annotationEntries(fromNothing)));
      for (const [id, annotation] of annotationEntries(counted.annotations)) {
        const earlier = annotationOf(before, id);
        if (earlier && JSON.stringify(earlier) === JSON.stringify(annotation)) expect(annotation).toBe(earlier);
        else {
          expect(annotation).not.toBe(earlier);
          changed += 1;
        }
      }
      downSeen += annotationEntries(counted.annotations).filter(([, annotation]) => annotation.down).length;
    }
    // The steps did change badges and take components down: the comparison above was not of nothing.
    expect(changed).toBeGreaterThan(services.length);
    expect(downSeen).toBeGreaterThan(0);
  });

  it('counts an analysis worked out from nothing (every finding a new object) from the one before as counting from nothing does, keeping unchanged annotations', () => {
    const before = syntheticDesign(300, 3);
    // Every app service moved into one zone with one instance.
    const after = { ...before, components: before.components.map((c) => (c.kind === 'app-service' ? { ...c, zones: ['a'], replicas: 1 } : c)) };
    const counted = countAnnotations(analyzeDesign(before), null, NO_ANNOTATIONS);
    const fresh = analyzeDesign(after);
    const recounted = recountAnnotations(counted, fresh, null);
    const fromNothing = annotationsFor(fresh, null, NO_ANNOTATIONS);
    const byId = (entries: [string, unknown][]) => entries.sort(([a], [b]) => a.localeCompare(b));
    expect(byId(annotationEntries(recounted.annotations))).toEqual(byId(annotationEntries(fromNothing)));
    // The edit changed some badges: the comparison above was not of two equal countings.
    const differ = annotationEntries(recounted.annotations).filter(([id, annotation]) => JSON.stringify(annotation) !== JSON.stringify(annotationOf(counted.annotations, id)));
    expect(differ.length).toBeGreaterThan(0);
    // Components the edit did not reach keep their annotation objects.
    const kept = annotationEntries(recounted.annotations).filter(([id, annotation]) => annotation === annotationOf(counted.annotations, id));
    expect(kept.length).toBeGreaterThan(annotationEntries(recounted.annotations).length / 2);
  });
});
