import { z } from 'zod';
import { findKind } from '../../catalog';
import { componentSchema, connectionSchema, layoutPointSchema } from '../../model';
import { copySelection, deleteSelection, paste, type ClipboardPayload } from '../commands';
import { notify } from '../store';

/**
 * Copy and paste of components. The system clipboard carries the selection as JSON text, so a
 * paste works in another design and in another tab; an in-memory copy is the fallback where the
 * browser gives no clipboard event (and the source of repeated pastes).
 */

const payloadSchema = z.object({
  ninesmithClipboard: z.literal(1),
  components: z.array(componentSchema),
  connections: z.array(connectionSchema),
  layout: z.record(z.string(), layoutPointSchema),
});

let memory: ClipboardPayload | null = null;
let pasteCount = 0;

/** Reads clipboard text: our JSON payload, or undefined for anything else (plain text, a design). */
export function parseClipboardText(text: string): ClipboardPayload | undefined {
  if (!text.includes('ninesmithClipboard')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = payloadSchema.safeParse(json);
  if (!result.success) return undefined;
  const unknownKinds = result.data.components.filter((c) => !findKind(c.kind)).map((c) => c.kind);
  if (unknownKinds.length > 0) {
    notify('error', 'The clipboard holds components of kinds this version does not know', unknownKinds);
    return undefined;
  }
  return result.data as ClipboardPayload;
}

export function serializeClipboard(payload: ClipboardPayload): string {
  return JSON.stringify(payload);
}

/** Copies the selection into memory; returns the payload to put on the system clipboard too. */
export function copyToMemory(): ClipboardPayload | undefined {
  const payload = copySelection();
  if (payload) {
    memory = payload;
    pasteCount = 0;
  }
  return payload;
}

export function cutToMemory(): ClipboardPayload | undefined {
  const payload = copyToMemory();
  if (payload) deleteSelection();
  return payload;
}

/** Pastes a payload; each further paste of the same copy lands a step further down and right. */
export function pastePayload(payload: ClipboardPayload): string[] {
  if (payload !== memory) {
    memory = payload;
    pasteCount = 0;
  }
  pasteCount += 1;
  return paste(payload, { x: 40 * pasteCount, y: 40 * pasteCount });
}

export function pasteFromMemory(): string[] {
  return memory ? pastePayload(memory) : [];
}

/** The same JSON as a payload equal to the one in memory, so pasting it offsets like the rest. */
export function pasteFromText(text: string): string[] | undefined {
  const payload = parseClipboardText(text);
  if (!payload) return undefined;
  if (memory && serializeClipboard(memory) === text) return pastePayload(memory);
  return pastePayload(payload);
}
