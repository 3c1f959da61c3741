import { describe, expect, it } from 'vitest';
import { codeCounts, codeCountsOfUtf8 } from './code-counts';

const encoder = new TextEncoder();

/** `text`'s UTF-8 bytes cut at `cuts` (byte offsets, ascending). */
function splitAt(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = encoder.encode(text);
  const edges = [0, ...cuts, bytes.length];
  return edges.slice(1).map((end, i) => bytes.subarray(edges[i]!, end));
}

describe('the code counts of a file', () => {
  const terraform = [
    'resource "aws_vpc" "primary" {',
    '  cidr_block = "10.0.0.0/16" # réseau, 東京',
    '}',
    '',
    '  resource "indented" is not a block',
    'resource "aws_subnet" "a" {}',
    'resources "aws_plural" {}',
    'resource "aws_subnet" "b" {}',
    '',
  ].join('\n');

  it('count lines and resource blocks in text', () => {
    expect(codeCounts(terraform)).toEqual({ lines: 9, resources: 3 });
    expect(codeCounts('')).toEqual({ lines: 1, resources: 0 });
    expect(codeCounts('resource "x"')).toEqual({ lines: 1, resources: 1 });
  });

  it('give the same counts from UTF-8 bytes cut anywhere, also inside a character or a resource line', () => {
    const length = encoder.encode(terraform).length;
    for (let cut = 0; cut <= length; cut += 1) expect(codeCountsOfUtf8(splitAt(terraform, [cut]))).toEqual(codeCounts(terraform));
    const everyByte = Array.from({ length: length - 1 }, (_, i) => i + 1);
    expect(codeCountsOfUtf8(splitAt(terraform, everyByte))).toEqual(codeCounts(terraform));
    expect(codeCountsOfUtf8([])).toEqual(codeCounts(''));
    expect(codeCountsOfUtf8(splitAt('resource "', [3, 3, 9]))).toEqual({ lines: 1, resources: 1 });
    expect(codeCountsOfUtf8(splitAt('resource ', []))).toEqual({ lines: 1, resources: 0 });
  });

  it('give the same counts from long files read a word at a time, at any alignment', () => {
    const long = Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? `resource "aws_x" "n${i}" {` : i % 5 === 0 ? `rescue ${'é'.repeat(i % 4)}` : `  name = "${'x'.repeat(i % 13)}"`)).join('\n');
    const length = encoder.encode(long).length;
    for (const cuts of [[], [1], [2, 3], [5, 1001, 1003], [length - 1], [7, 13, 4099, length - 2]]) expect(codeCountsOfUtf8(splitAt(long, cuts)), String(cuts)).toEqual(codeCounts(long));
  });
});
