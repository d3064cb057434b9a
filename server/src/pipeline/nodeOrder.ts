import { sameNodeOrder, type NodeOrderColumns } from '@kubeglance/shared/nodeColumns';

/**
 * Numbers each distinct node order (names and allocatable, see `NodeColumns.orderId`) a
 * cluster's screens are sent: the same id always means the same order, so a sample event can
 * leave the order out when it is the previous event's.
 */
export class NodeOrder {
  private order: NodeOrderColumns = { names: [], allocatableMillicores: [], allocatableBytes: [] };
  private id = 0;
  /** The order of the last sample event; -1 before the first. */
  private lastSentId = -1;

  /** The id of this order, new if it differs from the last one registered. */
  idOf(order: NodeOrderColumns): number {
    if (!sameNodeOrder(order, this.order)) {
      this.order = order;
      this.id++;
    }
    return this.id;
  }

  /**
   * The id for a sample event with this order, and whether the event must carry it: yes
   * unless the previous sample event had the same id. Every client holds the order of that
   * id, from that event or from a snapshot taken since (a snapshot with another order would
   * have registered a new id).
   */
  forSample(order: NodeOrderColumns): { id: number; withOrder: boolean } {
    const id = this.idOf(order);
    const withOrder = id !== this.lastSentId;
    this.lastSentId = id;
    return { id, withOrder };
  }
}
