/**
 * Development aid: reads a `.cpuprofile` and prints the longest stretches of the main
 * thread without an idle sample (what `monitorEventLoopDelay` sees as blocks), each with
 * the functions that used most of its time (self time), plus self time over the whole run.
 * `tsx bench/profileStretches.ts FILE.cpuprofile [stretches] [functions]`
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, nStretch = '8', nFn = '12'] = process.argv.slice(2);
const prof = JSON.parse(readFileSync(file!, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: Node) =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(server|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
/** The outermost application frame of a sample (what started the stretch). */
function stack(id: number): string[] {
  const out: string[] = [];
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur))
    out.push(label(byId.get(cur)!));
  return out;
}
const idle = (id: number) => byId.get(id)!.callFrame.functionName === '(idle)';

interface Stretch {
  startUs: number;
  us: number;
  samples: number[];
}
const stretches: Stretch[] = [];
let t = prof.startTime;
let cur: Stretch | undefined;
const total = new Map<string, number>();
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i + 1] ?? 0; // time until the next sample is this sample's weight
  t += prof.timeDeltas[i]!;
  const id = prof.samples[i]!;
  const l = label(byId.get(id)!);
  const at = (t - prof.startTime) / 1e6;
  if (at >= Number(process.env.FROM ?? 0) && at <= Number(process.env.TO ?? Infinity))
    total.set(l, (total.get(l) ?? 0) + dt);
  if (idle(id)) {
    if (cur) stretches.push(cur);
    cur = undefined;
    continue;
  }
  const inWindow = at >= Number(process.env.FROM ?? 0) && at <= Number(process.env.TO ?? Infinity);
  if (!inWindow) continue;
  cur ??= { startUs: t, us: 0, samples: [] };
  cur.us += dt;
  cur.samples.push(i);
}
if (cur) stretches.push(cur);
const top = (m: Map<string, number>, n: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `    ${(v / 1000).toFixed(1).padStart(8)} ms  ${k}`);
stretches.sort((a, b) => b.us - a.us);
for (const s of stretches.slice(0, Number(nStretch))) {
  console.log(
    `stretch at +${((s.startUs - prof.startTime) / 1e6).toFixed(2)} s: ${(s.us / 1000).toFixed(1)} ms`,
  );
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const i of s.samples) {
    const dt = prof.timeDeltas[i + 1] ?? 0;
    const st = stack(prof.samples[i]!);
    self.set(st[0]!, (self.get(st[0]!) ?? 0) + dt);
    for (const f of new Set(st)) if (f.includes('server/src')) incl.set(f, (incl.get(f) ?? 0) + dt);
  }
  console.log('  self:');
  console.log(top(self, Number(nFn)).join('\n'));
  console.log('  inclusive (server/src):');
  console.log(top(incl, Number(nFn)).join('\n'));
}
console.log('self time over the run:');
console.log(top(total, Number(nFn) * 2).join('\n'));
if (process.env.INCLUSIVE) {
  const incl = new Map<string, number>();
  for (let i = 0; i < prof.samples.length; i++) {
    const dt = prof.timeDeltas[i + 1] ?? 0;
    for (const f of new Set(stack(prof.samples[i]!))) incl.set(f, (incl.get(f) ?? 0) + dt);
  }
  console.log('inclusive time over the run:');
  console.log(top(incl, Number(process.env.INCLUSIVE)).join('\n'));
}
