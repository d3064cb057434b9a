/**
 * Numbers each distinct list of node names a cluster's screens are sent (see
 * `NodeColumns.orderId`): the same id always means the same names in the same order, so a
 * sample event can leave the names out when its order is the previous event's.
 */
export class NodeOrder {
  private names: readonly string[] = [];
  private id = 0;
  /** The order of the last sample event; -1 before the first. */
  private lastSentId = -1;

  /** The id of this list of names, new if it differs from the last one registered. */
  idOf(names: readonly string[]): number {
    if (!sameNames(names, this.names)) {
      this.names = names;
      this.id++;
    }
    return this.id;
  }

  /**
   * The id for a sample event with these names, and whether the event must carry them: yes
   * unless the previous sample event had the same id. Every client has the names of that id,
   * from that event or from a snapshot taken since (a snapshot with other names would have
   * registered a new id).
   */
  forSample(names: readonly string[]): { id: number; withNames: boolean } {
    const id = this.idOf(names);
    const withNames = id !== this.lastSentId;
    this.lastSentId = id;
    return { id, withNames };
  }
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
