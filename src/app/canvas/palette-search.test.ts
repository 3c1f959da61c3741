import { describe, expect, it } from 'vitest';
import { findKind } from '../../catalog';
import { paletteGroups, serviceName } from './palette-search';

const found = (query: string) => paletteGroups(query).flatMap((g) => g.kinds.map((k) => k.id));

describe('palette search', () => {
  it('finds kinds by any provider\'s service name', () => {
    expect(found('Lambda')).toEqual(['serverless-function']);
    expect(found('cosmos')).toEqual(['key-value-db']);
    expect(found('Kafka')).toContain('event-stream');
    expect(found('EKS')).toContain('kubernetes-cluster');
    expect(found('expressroute')).toEqual(['private-connectivity']);
  });

  it('matches every word, across title, description and service names', () => {
    expect(found('stream kinesis')).toEqual(['event-stream']);
    expect(found('nothing-is-called-this')).toEqual([]);
  });

  it('groups by layer in the palette\'s order', () => {
    const groups = paletteGroups('');
    expect(groups.map((g) => g.layer)).toEqual(['edge', 'app', 'async', 'data', 'storage', 'security', 'operations', 'integration']);
    expect(groups.flatMap((g) => g.kinds)).toHaveLength(35);
  });

  it('names the kind as the design\'s provider does', () => {
    const fn = findKind('serverless-function')!;
    expect(serviceName(fn, 'aws')).toBe('AWS Lambda');
    expect(serviceName(fn, 'azure')).toBe('Azure Functions');
    expect(serviceName(findKind('email-delivery')!, 'gcp')).toBeUndefined();
  });
});
