import { describe, expect, it } from 'vitest';
import { edits, readDesignText as parseDesign, serializeDesign } from './index';

const base = 'ninesmith: 1\nname: Cover\n';
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('the proposal section', () => {
  it('reads and writes the cover of the proposal', () => {
    const result = parseDesign(`${base}proposal:\n  client: Acme Ltd\n  consultant: Jo\n  date: 2026-11-30\n  version: "1.2"\n  logo: ${PNG}\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.design.proposal).toEqual({ client: 'Acme Ltd', consultant: 'Jo', date: '2026-11-30', version: '1.2', logo: PNG });
    const again = parseDesign(serializeDesign(result.design));
    expect(again.ok && again.design.proposal).toEqual(result.design.proposal);
  });

  it.each([
    ['date: 2026-02-30', 'expected a real calendar date'],
    ['date: 30/11/2026', 'expected a date such as 2026-11-30'],
    ['logo: https://example.com/logo.png', 'expected a PNG or JPEG data URL'],
    ['logo: "data:image/svg+xml;base64,PHN2Zy8+"', 'expected a PNG or JPEG data URL'],
    ['colour: red', 'colour'],
  ])('refuses %s, saying why', (line, message) => {
    const result = parseDesign(`${base}proposal:\n  ${line}\n`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('is set field by field, and goes when nothing is left in it', () => {
    const parsed = parseDesign(base);
    if (!parsed.ok) throw new Error('the base design does not parse');
    const withClient = edits.setProposalSettings(parsed.design, { client: 'Acme Ltd', version: '' });
    expect(withClient.proposal).toEqual({ client: 'Acme Ltd' });
    expect(edits.setProposalSettings(withClient, { client: '  ' }).proposal).toBeUndefined();
  });
});
