import { describe, expect, it } from 'vitest';
import { translateEvent, type MatchMemory } from './watchFilter.js';

describe('translateEvent', () => {
  it('passes matching events through', () => {
    const memory: MatchMemory = new Map();
    expect(translateEvent(memory, 'k', 'ADDED', true)).toBe('ADDED');
    expect(translateEvent(memory, 'k', 'MODIFIED', true)).toBe('MODIFIED');
    expect(translateEvent(memory, 'k', 'DELETED', true)).toBe('DELETED');
    expect(memory.size).toBe(0);
  });

  it('turns entering the filter into ADDED and leaving it into DELETED', () => {
    const memory: MatchMemory = new Map();
    expect(translateEvent(memory, 'k', 'ADDED', false)).toBeUndefined(); // pending, no node yet
    expect(translateEvent(memory, 'k', 'MODIFIED', true)).toBe('ADDED'); // scheduled onto ours
    expect(translateEvent(memory, 'k', 'MODIFIED', false)).toBe('DELETED'); // moved away
    expect(translateEvent(memory, 'k', 'DELETED', false)).toBeUndefined();
  });

  it('reports the deletion of an object that left by its final state', () => {
    const memory: MatchMemory = new Map([['k', true]]);
    expect(translateEvent(memory, 'k', 'DELETED', false)).toBe('DELETED');
  });

  it('drops changes of objects it never saw matching', () => {
    const memory: MatchMemory = new Map();
    expect(translateEvent(memory, 'k', 'MODIFIED', false)).toBeUndefined();
    expect(translateEvent(memory, 'k', 'DELETED', false)).toBeUndefined();
  });
});
