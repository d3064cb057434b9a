import {
  nodeProfile,
  parseContainers,
  podProfile,
  type NodeProfile,
  type ParsedContainer,
  type PodProfile,
  type ProfileContext,
} from './profiles.js';
import { hashString, unit } from './random.js';
import type { Scenario } from './scenario.js';
import type { KubeObject } from './types.js';
import { WaveGroup, type Rhythm } from './usage.js';

interface PodEntry {
  readonly source: KubeObject;
  readonly profile: PodProfile | undefined;
  /** The scrape that last saw this pod. */
  seen: number;
}

/** Node profiles in list order with a name → index map. */
export interface NodeTable {
  readonly list: readonly KubeObject[];
  readonly nodes: readonly NodeProfile[];
  readonly index: ReadonlyMap<string, number>;
}

/**
 * Usage profiles survive between scrapes: deriving one parses quantities and timestamps and
 * hashes the uid, too slow to redo for 150 000 pods every 15 s. Profiles are keyed by uid and
 * remember the object they came from (a changed pod is a new object, so it is re-derived).
 * A Map rather than a WeakMap: 150 000 ephemerons make every GC noticeably slower.
 */
export class ProfileCache {
  private readonly pods = new Map<string, PodEntry>();
  private scrape = 0;
  private nodeCache: NodeTable | undefined;
  private readonly parsed = new WeakMap<readonly object[], readonly ParsedContainer[]>();
  private readonly groups = new Map<string, WaveGroup>();
  private readonly context: ProfileContext;

  constructor(
    private readonly seedKey: number,
    private readonly scenario: Scenario,
    rhythm: Rhythm,
  ) {
    this.context = {
      seedKey,
      scenario,
      parsed: (containers) => {
        let parsed = this.parsed.get(containers);
        if (parsed === undefined) {
          parsed = parseContainers(containers);
          this.parsed.set(containers, parsed);
        }
        return parsed;
      },
      group: (namespace) => {
        let group = this.groups.get(namespace);
        if (group === undefined) {
          group = new WaveGroup(2 * Math.PI * unit(hashString(namespace, seedKey)), rhythm);
          this.groups.set(namespace, group);
        }
        return group;
      },
    };
  }

  /** Starts a new scrape: pods not looked up during it count as gone at `prune`. */
  beginScrape(): void {
    this.scrape++;
  }

  /** The profile of a pod (undefined when it is not running on a node). */
  pod(pod: KubeObject): PodProfile | undefined {
    let entry = this.pods.get(pod.metadata.uid);
    if (entry === undefined || entry.source !== pod) {
      entry = { source: pod, profile: podProfile(pod, this.context), seen: 0 };
      this.pods.set(pod.metadata.uid, entry);
    }
    entry.seen = this.scrape;
    return entry.profile;
  }

  /** Forgets pods not seen in the current scrape, once there are enough of them to matter. */
  prune(live: number): void {
    if (this.pods.size <= live * 1.25 + 1000) return;
    for (const [uid, entry] of this.pods) {
      if (entry.seen !== this.scrape) this.pods.delete(uid);
    }
  }

  /** Node profiles for a node list; rebuilt only when the list changes. */
  nodes(list: readonly KubeObject[]): NodeTable {
    if (this.nodeCache?.list !== list) {
      const nodes = list.map((node) => nodeProfile(node, this.seedKey, this.scenario));
      const index = new Map(nodes.map((n, i) => [n.name, i] as const));
      this.nodeCache = { list, nodes, index };
    }
    return this.nodeCache;
  }
}
