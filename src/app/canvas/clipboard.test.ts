import { describe, expect, it } from 'vitest';
import { parseClipboardText, serializeClipboard } from './clipboard';
import type { ClipboardPayload } from '../commands';

const payload: ClipboardPayload = {
  ninesmithClipboard: 1,
  components: [{ id: 'web', kind: 'app-service', region: 'primary', zones: ['a'] }],
  connections: [],
  layout: { web: { x: 10, y: 20 } },
};

describe('the clipboard format', () => {
  it('reads back what it writes', () => {
    expect(parseClipboardText(serializeClipboard(payload))).toEqual(payload);
  });

  it('ignores text that is not a copy of components', () => {
    expect(parseClipboardText('hello')).toBeUndefined();
    expect(parseClipboardText('{"ninesmithClipboard": 1, "components": "nope"}')).toBeUndefined();
    expect(parseClipboardText('ninesmithClipboard {')).toBeUndefined();
  });

  it('refuses components of kinds the catalog does not know', () => {
    const unknown = { ...payload, components: [{ id: 'x', kind: 'mainframe' }] };
    expect(parseClipboardText(JSON.stringify(unknown))).toBeUndefined();
  });
});
