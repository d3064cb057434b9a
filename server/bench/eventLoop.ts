import { round } from './stats.js';

/**
 * The server's main-thread stalls across metrics polls, as its own `monitorEventLoopDelay`
 * histogram saw them (prom-client's `nodejs_eventloop_lag_*` gauges, 10 ms resolution, reset
 * at every scrape): one scrape before a poll and one once the poll's sample is served give the
 * longest block and the p99 delay of a window holding exactly that poll.
 */
export async function eventLoopPerPoll(serverUrl: string, cluster: string, polls: number) {
  const perPoll: { maxMs: number; p99Ms: number }[] = [];
  let last = await sampleTime(serverUrl, cluster);
  for (let i = 0; i < polls; i++) {
    await lag(serverUrl); // resets the histogram
    let now = last;
    while (now === last) {
      await new Promise((r) => setTimeout(r, 250));
      now = await sampleTime(serverUrl, cluster);
    }
    // The rows and SSE frames are built right after the sample is stored: let them finish.
    await new Promise((r) => setTimeout(r, 2000));
    perPoll.push(await lag(serverUrl));
    last = now;
  }
  return {
    polls: perPoll.length,
    perPoll,
    worstMaxMs: Math.max(...perPoll.map((p) => p.maxMs)),
    worstP99Ms: Math.max(...perPoll.map((p) => p.p99Ms)),
  };
}

async function sampleTime(url: string, cluster: string): Promise<number | null> {
  const r = await fetch(`${url}/api/v1/clusters/${cluster}/summary`);
  return ((await r.json()) as { timestampMs: number | null }).timestampMs;
}

async function lag(url: string): Promise<{ maxMs: number; p99Ms: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const gauge = (name: string) =>
    Number(
      new RegExp(`^kubeglance_process_nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm').exec(
        text,
      )?.[1],
    );
  return { maxMs: round(gauge('max') * 1000), p99Ms: round(gauge('p99') * 1000) };
}
