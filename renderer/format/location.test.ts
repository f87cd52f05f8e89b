import { describe, expect, it } from 'vitest';
import { formatLocation } from './location';

describe('formatLocation', () => {
  it('prefixes bare rack units and keeps named positions as written', () => {
    expect(formatLocation({ room: 'Server room', rack: 'R1', unit: '7' })).toBe('Server room / R1 / U7');
    expect(formatLocation({ room: 'Server room', rack: 'R1', unit: 'U7' })).toBe('Server room / R1 / U7');
    expect(formatLocation({ room: 'Sales floor', rack: '', unit: 'Till 2' })).toBe('Sales floor / Till 2');
    expect(formatLocation({ room: '', rack: '', unit: '' })).toBe('');
  });
});
