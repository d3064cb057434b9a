import type { NodeOrderColumns } from '@kubeglance/shared/nodeColumns';
import { describe, expect, it } from 'vitest';
import { NodeOrder } from './nodeOrder.js';

const GI = 2 ** 30;
function order(names: string[], bytes = names.map(() => 8 * GI)): NodeOrderColumns {
  return { names, allocatableMillicores: names.map(() => 3920), allocatableBytes: bytes };
}

describe('NodeOrder', () => {
  it('sends the order only when it differs from the previous sample event', () => {
    const o = new NodeOrder();
    expect(o.forSample(order(['a', 'b']))).toEqual({ id: 1, withOrder: true });
    expect(o.forSample(order(['a', 'b']))).toEqual({ id: 1, withOrder: false });
    expect(o.forSample(order(['a', 'b', 'c']))).toEqual({ id: 2, withOrder: true });
    // Back to an earlier list: a new id, since clients may have forgotten the old order.
    expect(o.forSample(order(['a', 'b']))).toEqual({ id: 3, withOrder: true });
  });

  it('numbers a new allocatable with the same names anew (clients derive percentages from it)', () => {
    const o = new NodeOrder();
    expect(o.forSample(order(['a', 'b']))).toEqual({ id: 1, withOrder: true });
    expect(o.forSample(order(['a', 'b'], [8 * GI, 4 * GI]))).toEqual({ id: 2, withOrder: true });
  });

  it('numbers a snapshot with another order anew, so the next sample carries its order', () => {
    const o = new NodeOrder();
    expect(o.forSample(order(['a']))).toEqual({ id: 1, withOrder: true });
    // A client connects after a node appeared: its snapshot has the new order...
    expect(o.idOf(order(['a', 'b']))).toBe(2);
    // ...and the node is gone again by the next sample: same order as the last event, but
    // the snapshot's client holds order 2, so the event must carry the order.
    expect(o.forSample(order(['a']))).toEqual({ id: 3, withOrder: true });
    expect(o.idOf(order(['a']))).toBe(3);
    expect(o.forSample(order(['a']))).toEqual({ id: 3, withOrder: false });
  });
});
