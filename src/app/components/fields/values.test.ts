import { describe, expect, it } from 'vitest';
import { componentSchema, pricingSettingsSchema } from '../../../model';
import { checkField, parseNumberText, readNumber } from './values';

describe('field values', () => {
  it('reads typed numbers, and empty as null only where null means something', () => {
    expect(parseNumberText(' 1,000 ', { type: 'integer' })).toEqual({ ok: true, value: 1000 });
    expect(parseNumberText('', { type: 'integer', nullable: true })).toEqual({ ok: true, value: null });
    expect(parseNumberText('', { type: 'integer' })).toEqual({ ok: false, message: 'expected a number' });
    expect(parseNumberText('12abc', { type: 'integer' })).toEqual({ ok: false, message: 'expected a whole number' });
  });

  it('checks component fields with the format\'s schema', () => {
    expect(checkField(componentSchema.shape.replicas, 0)).toBe('expected at least 1 instance');
    expect(checkField(componentSchema.shape.replicas, 3)).toBeNull();
    expect(checkField(componentSchema.shape.name, 'x'.repeat(201))).toBe('expected at most 200 characters');
  });

  it('reads a number and checks it in one reading, with the first message that applies', () => {
    const usage = pricingSettingsSchema.shape.usage.unwrap().valueType.valueType;
    expect(readNumber('1,000', { type: 'number' }, usage)).toEqual({ ok: true, value: 1000 });
    expect(readNumber('lots', { type: 'number' }, usage)).toEqual({ ok: false, message: 'expected a number' });
    expect(readNumber('-5', { type: 'number' }, usage)).toEqual({ ok: false, message: 'expected a usage of 0 or more' });
  });
});
