import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { addComponentOfKind, addRegion, deleteSelection, moveComponents, setConnectionMode, setUsageInput, toggleComponentZone } from '../commands';
import { beginGesture, currentDocument, endGesture, history, redo, replaceDocument, undo, useStore } from './store';

function template(): Design {
  const result = loadDesign(readFileSync(new URL('../../../templates/single-region-multi-az.yaml', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('template does not load');
  return result.design;
}

describe('the document store', () => {
  beforeEach(() => replaceDocument('test', template()));

  it('keeps the model identity when only positions change', () => {
    const model = useStore.getState().model;
    moveComponents({ web: { x: 10, y: 20 } });
    expect(useStore.getState().model).toBe(model);
    expect(useStore.getState().layout.web).toEqual({ x: 10, y: 20 });
  });

  it('records a drag of many frames as one undo step', () => {
    const before = history().pastStates.length;
    // Templates ship with their layout: the drag starts from where it puts the component.
    const start = useStore.getState().layout.web;
    expect(start).toBeDefined();
    beginGesture();
    for (let frame = 0; frame < 30; frame += 1) moveComponents({ web: { x: frame, y: frame } });
    endGesture();
    expect(history().pastStates.length).toBe(before + 1);
    expect(useStore.getState().layout.web).toEqual({ x: 29, y: 29 });
    undo();
    expect(useStore.getState().layout.web).toEqual(start);
    redo();
    expect(useStore.getState().layout.web).toEqual({ x: 29, y: 29 });
  });

  it('undoes and redoes adding and deleting components, with their connections', () => {
    const id = addComponentOfKind('cache', { region: 'primary', zones: ['a', 'b'] }, { x: 0, y: 0 });
    expect(id).toBe('cache');
    expect(currentDocument().components.find((c) => c.id === 'cache')?.zones).toEqual(['a', 'b']);
    useStore.setState({ selection: { components: ['web'], connections: [] } });
    deleteSelection();
    expect(currentDocument().connections.some((c) => c.from === 'web' || c.to === 'web')).toBe(false);
    expect(currentDocument().journeys.every((j) => !j.needs.includes('web'))).toBe(true);
    undo();
    expect(currentDocument().components.some((c) => c.id === 'web')).toBe(true);
    undo();
    expect(currentDocument().components.some((c) => c.id === 'cache')).toBe(false);
  });

  it('starts a fresh history when another design is opened', () => {
    moveComponents({ web: { x: 1, y: 1 } });
    replaceDocument('other', template());
    expect(history().pastStates.length).toBe(0);
  });

  it('marks a design opened with persist: false as one the library never saves, and others as saved', () => {
    expect(useStore.getState().persist).toBe(true);
    replaceDocument('synthetic-10-1', template(), { persist: false });
    expect(useStore.getState().persist).toBe(false);
    replaceDocument('saved', template());
    expect(useStore.getState().persist).toBe(true);
  });
});

describe('commands', () => {
  beforeEach(() => replaceDocument('test', template()));

  it('each enter the history as one step', () => {
    const before = history().pastStates.length;
    setUsageInput('alb', 'internetEgressGbPerMonth', 1000);
    const region = addRegion();
    toggleComponentZone('web', 'c');
    expect(history().pastStates.length).toBe(before + 3);
    expect(currentDocument().regions.find((r) => r.id === region)).toMatchObject({ location: 'us-west-2', role: 'secondary' });
    undo();
    undo();
    undo();
    expect(currentDocument().pricing).toBeUndefined();
  });

  it('select the connection under its new id when its mode changes', () => {
    const [connection] = currentDocument().connections.filter((c) => c.mode === 'sync');
    setConnectionMode(`${connection!.from}->${connection!.to}:sync`, 'async');
    expect(useStore.getState().selection).toEqual({ components: [], connections: [`${connection!.from}->${connection!.to}:async`] });
  });
});
