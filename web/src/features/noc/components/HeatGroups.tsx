/**
 * The heat-map of a cluster too big to name every node: one block per node group (pool,
 * instance type, zone or role), with how many nodes sit at each heat level and, named,
 * as many of its hottest nodes as fit.
 */
import type { NodeRow } from '@kubeglance/shared/api';
import { rowsNeeded, type HeatPlan } from '../../../lib/heatPlan';
import { heatLevel, HEAT_LABELS, type HeatLevel } from '../../../lib/thresholds';
import { hottest } from '../nocAlerts';
import { HeatTile } from './HeatTile';
import { t } from '../../../i18n/t';
import { currentLanguage } from '../../../i18n/i18n';

export interface NodeGroup {
  name: string;
  /** Indexes into the cluster's node list, hottest first. */
  members: number[];
}

const NO_GROUP = 'other';

const nodeCount = (n: number) => t(n === 1 ? 'noc.groupNodeOne' : 'noc.groupNodes', { n });

/** Nodes by their API `group`, control plane first, then by name; hottest first inside. */
export function groupNodes(nodes: readonly NodeRow[]): NodeGroup[] {
  const byName = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    const key = n.group ?? NO_GROUP;
    const members = byName.get(key);
    if (members) members.push(i);
    else byName.set(key, [i]);
  });
  // Each node's heat once, not once per comparison (5,000 nodes: ~120,000 comparisons).
  const heat = nodes.map((n) => hottest(n)?.percent ?? -1);
  return [...byName]
    .map(([name, members]) => ({ name, members: members.sort((a, b) => heat[b]! - heat[a]!) }))
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}

function rank(name: string): number {
  return name === 'control-plane' ? 0 : name === NO_GROUP ? 2 : 1;
}

interface HeatGroupsProps {
  nodes: readonly NodeRow[];
  labels: readonly string[];
  groups: readonly NodeGroup[];
  plan: Extract<HeatPlan, { kind: 'grouped' }>;
}

export function HeatGroups({ nodes, labels, groups: all, plan }: HeatGroupsProps) {
  const { shown, rest } = groupsThatFit(all, nodes, plan.groupsShown);
  return (
    <div className="noc-heat-groups" style={{ fontSize: plan.font }}>
      {shown.map((g) => {
        const named =
          plan.rowsPerGroup > 0 ? hottestThatFit(g.members, plan) : g.members.slice(0, 1);
        const inline = plan.rowsPerGroup === 0;
        const tiles = (
          <ul
            className="noc-heat-grid"
            aria-label={t('noc.hottestOf', { group: g.name })}
            style={{
              gridTemplateColumns: inline
                ? `minmax(${plan.cellW}px, max-content)`
                : `repeat(${plan.cols}, ${plan.cellW}px)`,
              gridAutoRows: `${plan.cellH}px`,
            }}
          >
            {named.map((i) => (
              <HeatTile
                key={nodes[i]!.name}
                node={nodes[i]!}
                label={labels[i]!}
                span={inline ? 1 : plan.spans[i]!}
                language={currentLanguage()}
              />
            ))}
          </ul>
        );
        if (inline) {
          return (
            <section
              key={g.name}
              className="noc-heat-group inline"
              aria-label={t('noc.nodeGroup', { group: g.name })}
              style={{ height: plan.headerH }}
            >
              {tiles}
              <div className="noc-heat-group-text">
                <h3 className="noc-heat-group-name">{g.name}</h3>
                <p>
                  <span className="noc-subtle">{nodeCount(g.members.length)}</span>
                  <LevelCounts nodes={nodes} members={g.members} />
                </p>
              </div>
            </section>
          );
        }
        return (
          <section
            key={g.name}
            className="noc-heat-group"
            aria-label={t('noc.nodeGroup', { group: g.name })}
          >
            <h3 style={{ height: plan.headerH }}>
              <span className="noc-heat-group-name">{g.name}</span>
              <span className="noc-subtle">
                {' '}
                · {nodeCount(g.members.length)}
                {named.length < g.members.length && t('noc.hottestNamed', { n: named.length })}
              </span>
              <LevelCounts nodes={nodes} members={g.members} />
            </h3>
            {named.length > 0 && tiles}
          </section>
        );
      })}
      {rest.length > 0 && <MoreGroups nodes={nodes} groups={rest} height={plan.headerH} />}
    </div>
  );
}

/**
 * The `count` groups with the hottest nodes, in their usual order, and the rest: a wall
 * screen that cannot show every group shows where the heat is.
 */
export function groupsThatFit(
  groups: readonly NodeGroup[],
  nodes: readonly NodeRow[],
  count: number,
) {
  if (count >= groups.length) return { shown: groups, rest: [] };
  const heat = (g: NodeGroup) => hottest(nodes[g.members[0]!]!)?.percent ?? -1;
  const keep = new Set([...groups].sort((a, b) => heat(b) - heat(a)).slice(0, count));
  return { shown: groups.filter((g) => keep.has(g)), rest: groups.filter((g) => !keep.has(g)) };
}

/** "+3 more groups · 120 nodes ■ 2": the groups without a row, counted together. */
function MoreGroups(props: { nodes: readonly NodeRow[]; groups: NodeGroup[]; height: number }) {
  const members = props.groups.flatMap((g) => g.members);
  return (
    <section
      className="noc-heat-group inline noc-heat-more"
      aria-label={t('noc.moreGroupsLabel')}
      style={{ height: props.height }}
      title={props.groups.map((g) => g.name).join(', ')}
    >
      <div className="noc-heat-group-text">
        <h3>{t('noc.moreGroups', { n: props.groups.length })}</h3>
        <p>
          <span className="noc-subtle">{nodeCount(members.length)}</span>
          <LevelCounts nodes={props.nodes} members={members} />
        </p>
      </div>
    </section>
  );
}

/** The group's hottest nodes, as many as its rows hold. */
function hottestThatFit(members: readonly number[], plan: HeatPlan & { rowsPerGroup: number }) {
  const named: number[] = [];
  for (const i of members) {
    const spans = [...named, i].map((j) => plan.spans[j] ?? 1);
    if (rowsNeeded(spans, plan.cols) > plan.rowsPerGroup) break;
    named.push(i);
  }
  return named;
}

/**
 * Levels counted beside a group, hottest first. Below 50 % is left out: it is the group's
 * node count minus the others, and with all five a group's line did not fit beside its tile
 * at 1080p (CI hit "8 nodes ■1 ■1 ■6" cut by 64 px).
 */
const LEVELS: (HeatLevel | null)[] = [3, 2, 1, null];

/** "■ 2 ■ 5": nodes per heat level at 50 % and above (and without metrics), in words too. */
function LevelCounts({ nodes, members }: { nodes: readonly NodeRow[]; members: number[] }) {
  const count = new Map<HeatLevel | null, number>();
  for (const i of members) {
    const level = heatLevel(hottest(nodes[i]!)?.percent ?? null);
    count.set(level, (count.get(level) ?? 0) + 1);
  }
  return (
    <span className="noc-heat-counts">
      {LEVELS.filter((l) => count.has(l)).map((l) => (
        <span key={String(l)} title={l == null ? t('common.noMetrics') : HEAT_LABELS[l]}>
          <span className={`swatch heat-${l ?? 'unknown'}`} aria-hidden="true" />
          <span className="sr-only">{l == null ? t('common.noMetrics') : HEAT_LABELS[l]}: </span>
          {count.get(l)}
        </span>
      ))}
    </span>
  );
}
