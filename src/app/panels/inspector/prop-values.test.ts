import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../catalog';
import { checkPropValue, getIn, setIn } from './prop-values';

const db = KINDS['relational-db'];

describe('inspector values', () => {
  it('sets nested values without touching the original', () => {
    const props = { backup: { enabled: true } };
    const next = setIn(props, ['backup', 'retentionDays'], 14);
    expect(next).toEqual({ backup: { enabled: true, retentionDays: 14 } });
    expect(props).toEqual({ backup: { enabled: true } });
    expect(getIn(next, ['backup', 'retentionDays'])).toBe(14);
    expect(setIn(next, ['backup', 'retentionDays'], undefined)).toEqual({ backup: { enabled: true } });
  });

  it('refuses values outside the kind\'s range with the schema\'s message, for nested props too', () => {
    expect(checkPropValue(db, {}, ['backup', 'retentionDays'], 0)).toBe('expected at least 1');
    expect(checkPropValue(db, {}, ['backup', 'retentionDays'], 14)).toBeNull();
    expect(checkPropValue(db, {}, ['readReplicas'], 2.5)).toBe('expected a whole number');
    expect(checkPropValue(db, {}, ['readReplicas'], 99)).toBe('expected at most 15');
    expect(checkPropValue(db, {}, ['backup', 'restoreTestedDays'], null)).toBeNull();
  });
});
