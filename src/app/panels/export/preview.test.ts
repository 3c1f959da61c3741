import { describe, expect, it } from 'vitest';
import { previewText } from './preview';

describe('previewText', () => {
  it('shows a file within the limit whole and counts its lines as its newlines', () => {
    expect(previewText('a\nb\n', 10)).toEqual({ shown: 'a\nb\n', lines: 2, shownLines: 2 });
    expect(previewText('no newline', 10)).toEqual({ shown: 'no newline', lines: 0, shownLines: 0 });
    expect(previewText('', 10)).toEqual({ shown: '', lines: 0, shownLines: 0 });
  });

  it('cuts a longer file after its last whole line that fits, and says how many lines it shows of how many', () => {
    const file = Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const preview = previewText(file, 100);
    expect(preview.shown.length).toBeLessThanOrEqual(100);
    expect(preview.shown.endsWith('\n')).toBe(true);
    expect(file.startsWith(preview.shown)).toBe(true);
    expect(preview.lines).toBe(1000);
    expect(preview.shownLines).toBe(preview.shown.split('\n').length - 1);
    expect(preview.shownLines).toBeLessThan(1000);
    // The next line would not have fitted.
    expect(file.indexOf('\n', preview.shown.length) + 1).toBeGreaterThan(100);
  });

  it('cuts inside a first line longer than the limit rather than showing nothing', () => {
    const preview = previewText('x'.repeat(500) + '\nrest\n', 100);
    expect(preview.shown).toBe('x'.repeat(100));
    expect(preview.lines).toBe(2);
    expect(preview.shownLines).toBe(0);
  });
});
