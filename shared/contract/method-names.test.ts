import { describe, expect, it } from 'vitest';
import { apiContract } from './index';
import { API_METHOD_NAMES } from './method-names';

describe('method name list', () => {
  it('lists exactly the contract methods, once each', () => {
    expect([...API_METHOD_NAMES].sort()).toEqual(Object.keys(apiContract).sort());
    expect(new Set(API_METHOD_NAMES).size).toBe(API_METHOD_NAMES.length);
  });
});
