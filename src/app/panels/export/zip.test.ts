import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Utf8File } from '../../../../generators/types';
import { zipExport } from './zip';

describe('zipExport', () => {
  it('puts every file under one folder and gives the same bytes for the same export', () => {
    const files = [
      { path: 'terraform/versions.tf', contents: 'terraform {}\n' },
      { path: 'runbooks/README.md', contents: '# Runbooks\n' },
    ];
    const zipped = zipExport('portal-export', files);
    const entries = unzipSync(zipped);
    expect(Object.keys(entries).sort()).toEqual(['portal-export/runbooks/README.md', 'portal-export/terraform/versions.tf']);
    expect(strFromU8(entries['portal-export/terraform/versions.tf']!)).toBe('terraform {}\n');
    expect(zipExport('portal-export', files)).toEqual(zipped);
  });

  it('zips a file generated as UTF-8 bytes as those bytes, the same as its text would be', () => {
    const text = 'resource "aws_vpc" "primary" {\n  # réseau 東京\n}\n';
    const bytes = new TextEncoder().encode(text);
    const chunks = [bytes.subarray(0, 33), bytes.subarray(33, 34), bytes.subarray(34)];
    const fromBytes = zipExport('x', [new Utf8File('terraform/network.tf', chunks)]);
    expect(strFromU8(unzipSync(fromBytes)['x/terraform/network.tf']!)).toBe(text);
    expect(fromBytes).toEqual(zipExport('x', [{ path: 'terraform/network.tf', contents: text }]));
  });
});
