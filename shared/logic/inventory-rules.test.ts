import { describe, expect, it } from 'vitest';
import { inventoryStateSchema } from '../domain/enums';
import { isMissing, missingCount } from './inventory-rules';

describe('missing inventory', () => {
  it('is an expected (not surplus) item that has not arrived, whatever its state is called', () => {
    const missing = inventoryStateSchema.options.filter((state) => isMissing({ isSurplus: false, state }));
    expect(missing).toEqual(['expected', 'missing', 'returned']);
    expect(inventoryStateSchema.options.some((state) => isMissing({ isSurplus: true, state }))).toBe(false);
  });

  it('counts expected minus arrived, never below zero', () => {
    expect(missingCount({ expected: 41, received: 7 })).toBe(34);
    expect(missingCount({ expected: 0, received: 0 })).toBe(0);
  });
});
