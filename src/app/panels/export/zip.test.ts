import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
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
});
