import { deleteSelection, duplicateSelection, nudgeSelection, selectAll } from './commands';
import { redo, setSelection, undo, useStore } from './store';
import { canvasBridge } from './canvas/canvas-bridge';
import { canvasPainted } from './canvas-painted';
import type * as ClipboardModule from './canvas/clipboard';

/**
 * Keyboard shortcuts with the habits of draw.io and Figma: Delete/Backspace, Ctrl/Cmd+Z,
 * Shift+Ctrl/Cmd+Z and Ctrl+Y, Ctrl/Cmd+C/X/V/D/A, arrow keys to nudge (Shift: 10 times as far),
 * Shift+1 to fit the design in view (Figma), Escape to clear the selection. Nothing fires while
 * the user types in a field.
 *
 * Copy, cut and paste use the browser's clipboard events (no permission prompt; paste from
 * another tab works), with an in-memory copy as the fallback where no event arrives.
 */

type Clipboard = typeof ClipboardModule;
let clipboard: Clipboard | undefined;

/**
 * The clipboard's code (with zod, which checks what is pasted) loads once the canvas has painted,
 * not before it; from then on copy, cut and paste run synchronously, as the browser's clipboard
 * events need.
 */
async function loadClipboard(): Promise<Clipboard> {
  clipboard ??= await import('./canvas/clipboard');
  return clipboard;
}

/** Runs `run` with the clipboard's code: at once when it has loaded, else as soon as it has. */
function withClipboard(run: (loaded: Clipboard) => void): void {
  if (clipboard) run(clipboard);
  else void loadClipboard().then(run);
}

export const NUDGE_STEP = 1;
export const NUDGE_STEP_LARGE = 10;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'range', 'color', 'submit', 'reset'].includes(type);
}

/** The user has selected text on the page: copy then means the text, not the components. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}

const hasComponentSelection = () => useStore.getState().selection.components.length > 0;

export function handleShortcut(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || isTyping(event.target)) return false;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    switch (key) {
      case 'z':
        if (event.shiftKey) redo();
        else undo();
        return true;
      case 'y':
        redo();
        return true;
      case 'a':
        selectAll();
        return true;
      case 'd':
        duplicateSelection();
        return true;
      default:
        return false;
    }
  }
  if (event.altKey || mod) return false;
  if (event.shiftKey && event.code === 'Digit1') {
    canvasBridge()?.fitView();
    return true;
  }
  switch (key) {
    case 'Delete':
    case 'Backspace':
      deleteSelection();
      return true;
    case 'Escape':
      setSelection({ components: [], connections: [] });
      return false;
    case 'ArrowLeft':
    case 'ArrowRight':
    case 'ArrowUp':
    case 'ArrowDown': {
      if (!hasComponentSelection()) return false;
      const step = event.shiftKey ? NUDGE_STEP_LARGE : NUDGE_STEP;
      const dx = key === 'ArrowLeft' ? -step : key === 'ArrowRight' ? step : 0;
      const dy = key === 'ArrowUp' ? -step : key === 'ArrowDown' ? step : 0;
      nudgeSelection(dx, dy);
      return true;
    }
    default:
      return false;
  }
}

/** Installs the shortcuts on the window; returns the function that removes them. */
export function installKeyboardShortcuts(target: Window = window): () => void {
  let pasteEvents = 0;
  let cutEvents = 0;
  const onKeyDown = (event: KeyboardEvent) => {
    if (handleShortcut(event)) {
      event.preventDefault();
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    if (!mod || isTyping(event.target)) return;
    const key = event.key.toLowerCase();
    // Copy and cut fill the in-memory clipboard now; the browser's copy event (which follows
    // unless the page prevents it) puts the same JSON on the system clipboard.
    if (key === 'c' && !hasTextSelection()) withClipboard((loaded) => loaded.copyToMemory());
    else if (key === 'x' && !hasTextSelection()) {
      const before = cutEvents;
      window.setTimeout(() => {
        if (cutEvents === before) withClipboard((loaded) => loaded.cutToMemory());
      }, 60);
    } else if (key === 'v') {
      const before = pasteEvents;
      // Where no paste event follows (some embedded or headless browsers), paste from memory.
      window.setTimeout(() => {
        if (pasteEvents === before) withClipboard((loaded) => loaded.pasteFromMemory());
      }, 60);
    }
  };
  const onCopy = (event: ClipboardEvent) => {
    // Before the clipboard's code has loaded (just after start), the keydown's in-memory copy stands in.
    if (isTyping(event.target) || hasTextSelection() || !clipboard) return;
    const payload = clipboard.copyToMemory();
    if (!payload || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', clipboard.serializeClipboard(payload));
    event.preventDefault();
  };
  const onCut = (event: ClipboardEvent) => {
    if (isTyping(event.target) || hasTextSelection() || !clipboard) return;
    cutEvents += 1;
    const payload = clipboard.cutToMemory();
    if (!payload || !event.clipboardData) return;
    event.clipboardData.setData('text/plain', clipboard.serializeClipboard(payload));
    event.preventDefault();
  };
  const onPaste = (event: ClipboardEvent) => {
    if (isTyping(event.target)) return;
    pasteEvents += 1;
    const text = event.clipboardData?.getData('text/plain') ?? '';
    withClipboard((loaded) => {
      const pasted = text ? loaded.pasteFromText(text) : undefined;
      if (pasted === undefined) loaded.pasteFromMemory();
    });
    event.preventDefault();
  };
  void canvasPainted().then(loadClipboard);
  target.addEventListener('keydown', onKeyDown);
  target.document.addEventListener('copy', onCopy);
  target.document.addEventListener('cut', onCut);
  target.document.addEventListener('paste', onPaste);
  return () => {
    target.removeEventListener('keydown', onKeyDown);
    target.document.removeEventListener('copy', onCopy);
    target.document.removeEventListener('cut', onCut);
    target.document.removeEventListener('paste', onPaste);
  };
}
