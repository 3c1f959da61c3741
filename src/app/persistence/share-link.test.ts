import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { serializeDesign, type Design } from '../../model';
import { SHARE_LIMITS, decodeShareFragment, encodeShareFragment, isShareFragment, shareLink } from './share-link';

function template(name: string): Design {
  const result = loadDesign(readFileSync(new URL(`../../../templates/${name}.yaml`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name} does not load`);
  return result.design;
}

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('share links', () => {
  it('round-trips every template to the same canonical document', () => {
    for (const name of ['single-region-multi-az', 'multi-region-active-active', 'erp-on-kubernetes']) {
      const design = template(name);
      const encoded = encodeShareFragment(design);
      if (!encoded.ok) throw new Error(encoded.message);
      expect(isShareFragment(encoded.fragment)).toBe(true);
      const decoded = decodeShareFragment(encoded.fragment);
      if (!decoded.ok) throw new Error(decoded.problems.map((p) => p.message).join('\n'));
      expect(serializeDesign(decoded.design)).toBe(serializeDesign(design));
    }
  });

  it('keeps a template link short enough to paste into chat', () => {
    const encoded = encodeShareFragment(template('single-region-multi-az'));
    expect(encoded.ok && encoded.fragment.length).toBeLessThan(8000);
  });

  it('builds the link on the page address without its query or old fragment', () => {
    const link = shareLink('http://127.0.0.1:5173/?synthetic=10#design=old', template('single-region-multi-az'));
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:5173\/#design=[A-Za-z0-9_-]+$/);
  });

  it('refuses a damaged link with a message', () => {
    const encoded = encodeShareFragment(template('single-region-multi-az'));
    if (!encoded.ok) throw new Error(encoded.message);
    const cut = decodeShareFragment(encoded.fragment.slice(0, encoded.fragment.length / 2));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.problems[0]!.message).toMatch(/damaged|expected/);
    const garbage = decodeShareFragment('#design=@@@not-base64@@@');
    expect(!garbage.ok && garbage.problems[0]!.message).toMatch(/not valid base64url/);
  });

  it('lists every problem of an invalid design in a link, by path', () => {
    const bad = { ninesmith: 1, name: 'Bad', regions: [], components: [{ id: 'web', kind: 'app-service' }, { id: 'x', kind: 'nope' }] };
    const decoded = decodeShareFragment(`#design=${base64url(deflateSync(new TextEncoder().encode(JSON.stringify(bad))))}`);
    expect(decoded.ok).toBe(false);
    const paths = !decoded.ok ? decoded.problems.map((p) => p.path.join('.')) : [];
    expect(paths).toEqual(expect.arrayContaining(['components.0.region', 'components.1.kind']));
  });

  it('refuses a link that inflates past the limit without inflating it all', () => {
    const bomb = new Uint8Array(SHARE_LIMITS.maxInflatedBytes + 1024 * 1024).fill(0x20);
    const decoded = decodeShareFragment(`#design=${base64url(deflateSync(bomb, { level: 9 }))}`);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problems[0]!.code).toBe('too-large');
  });

  it('stops inflating once past the limit: what follows in the link is never read', () => {
    // A bomb of 16 MB, with bytes after it that would fail to inflate: reading on would say "damaged".
    const bomb = deflateSync(new Uint8Array(2 * SHARE_LIMITS.maxInflatedBytes).fill(0x20), { level: 9 });
    const tail = new Uint8Array(4096).fill(0xff);
    const decoded = decodeShareFragment(`#design=${base64url(new Uint8Array([...bomb.subarray(0, bomb.length - 16), ...tail]))}`);
    expect(!decoded.ok && decoded.problems[0]!.code).toBe('too-large');
  });

  it('refuses a link whose compressed stream ends early as damaged', () => {
    const whole = deflateSync(new TextEncoder().encode(serializeDesign(template('single-region-multi-az'), 'json')));
    const decoded = decodeShareFragment(`#design=${base64url(whole.subarray(0, whole.length - 8))}`);
    expect(!decoded.ok && decoded.problems[0]!.code).toBe('syntax');
  });

  it('refuses an oversized link before decoding it', () => {
    const decoded = decodeShareFragment(`#design=${'A'.repeat(SHARE_LIMITS.maxFragmentCharacters)}`);
    expect(!decoded.ok && decoded.problems[0]!.code).toBe('too-large');
  });
});
