import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { addComponentOfKind, addRegion, deleteSelection, moveComponents, setConnectionMode, setUsageInput, toggleComponentZone } from '../commands';
import { emptyDesign } from '../../model';
import {
  beginGesture,
  currentDocument,
  endGesture,
  foldPalette,
  foldSidePanel,
  history,
  initialFolds,
  redo,
  replaceDocument,
  revealSidePanel,
  setActivePanel,
  undo,
  useStore,
} from './store';

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

describe('the side panel and the palette', () => {
  it('start folded in windows too narrow for the request path beside them', () => {
    expect(initialFolds(1920)).toEqual({ sidePanel: 'open', palette: 'open' });
    expect(initialFolds(1440)).toEqual({ sidePanel: 'folded', palette: 'open' });
    expect(initialFolds(1280)).toEqual({ sidePanel: 'folded', palette: 'folded' });
  });

  it('open on a click when folded for room, and stay folded when the user folded them', () => {
    useStore.setState({ sidePanel: 'folded' });
    revealSidePanel();
    expect(useStore.getState().sidePanel).toBe('open');
    foldSidePanel();
    revealSidePanel();
    expect(useStore.getState().sidePanel).toBe('kept-folded');
    setActivePanel('cost');
    expect(useStore.getState()).toMatchObject({ sidePanel: 'open', activePanel: 'cost' });
  });

  it('opens the palette folded for room when a blank design opens, not one the user folded', () => {
    useStore.setState({ palette: 'folded' });
    replaceDocument('laid-out', template());
    expect(useStore.getState().palette).toBe('folded');
    replaceDocument('blank', emptyDesign());
    expect(useStore.getState().palette).toBe('open');
    foldPalette();
    replaceDocument('blank-again', emptyDesign());
    expect(useStore.getState().palette).toBe('kept-folded');
  });
});
