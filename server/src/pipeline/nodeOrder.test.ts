import { describe, expect, it } from 'vitest';
import { NodeOrder } from './nodeOrder.js';

describe('NodeOrder', () => {
  it('sends names only when the order differs from the previous sample event', () => {
    const o = new NodeOrder();
    expect(o.forSample(['a', 'b'])).toEqual({ id: 1, withNames: true });
    expect(o.forSample(['a', 'b'])).toEqual({ id: 1, withNames: false });
    expect(o.forSample(['a', 'b', 'c'])).toEqual({ id: 2, withNames: true });
    // Back to an earlier list: a new id, since clients may have forgotten the old names.
    expect(o.forSample(['a', 'b'])).toEqual({ id: 3, withNames: true });
  });

  it('numbers a snapshot with other names anew, so the next sample carries its names', () => {
    const o = new NodeOrder();
    expect(o.forSample(['a'])).toEqual({ id: 1, withNames: true });
    // A client connects after a node appeared: its snapshot has the new order...
    expect(o.idOf(['a', 'b'])).toBe(2);
    // ...and the node is gone again by the next sample: same names as the last event, but
    // the snapshot's client holds order 2, so the event must carry the names.
    expect(o.forSample(['a'])).toEqual({ id: 3, withNames: true });
    expect(o.idOf(['a'])).toBe(3);
    expect(o.forSample(['a'])).toEqual({ id: 3, withNames: false });
  });
});
