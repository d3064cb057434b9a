/**
 * In-page instrumentation for the browser bench, installed with `addInitScript` before the app
 * loads. Everything is timed on the page's own clock (`performance.now()`):
 *
 * - React commits, through the DevTools global hook that React DOM calls after every commit,
 *   also in production builds (`onCommitFiberRoot`); each commit is then timed to the end of
 *   the frame that paints it (`requestAnimationFrame`, then a MessageChannel task: it runs
 *   once that frame's style, layout and paint are done);
 * - `sample` events of the SSE stream, timed when their last byte reaches the page (the
 *   stream's `fetch` response is passed through a TransformStream that only watches the SSE
 *   framing; the app reads the same bytes a moment later);
 * - long tasks (PerformanceObserver `longtask`) and click events (capture listener).
 *
 * A tick is the work one `sample` event causes: from its arrival to the painted end of the
 * last React commit before the main thread next goes idle (`requestIdleCallback`).
 */

/** One React commit: when it happened, when its frame was painted, and what the pod table showed. */
export interface CommitRecord {
  t: number;
  paintedAt: number | null;
  /** `aria-rowcount` of the virtualised table, or null when there is none. */
  rowCount: number | null;
  /** `Label:aria-sort` of the sorted column header, or null. */
  sort: string | null;
  /** `<tr>` elements inside the table at this commit. */
  domRows: number;
}

/** One `sample` event and the work it caused. */
export interface TickRecord {
  arrivedAt: number;
  commits: number;
  /** Painted end of the last commit before idle; null when nothing was committed. */
  paintedAt: number | null;
  /** Longest long task that started between arrival and paint. */
  longestTaskMs: number;
}

export interface ProbeData {
  /** The newest 500 commits. */
  commits: CommitRecord[];
  ticks: TickRecord[];
  clicks: number[];
  longTasks: [start: number, duration: number][];
  maxDomRows: number;
  /** With `autoClick`: when the table first showed every row, and when the click was sent. */
  tableShownAt: number | null;
  autoClickAt: number | null;
}

export interface ProbeOptions {
  /**
   * Once a commit shows the table with this `aria-rowcount`, click the header button labelled
   * `label` in a new task (`element.click()`): it runs as soon as the main thread is free.
   */
  autoClick?: { rowCount: number; label: string } | null;
}

/** Runs in the page (serialised by Playwright): no imports, no closures over Node values. */
export function installProbe(options: ProbeOptions = {}): void {
  const data: ProbeData = {
    commits: [],
    ticks: [],
    clicks: [],
    longTasks: [],
    maxDomRows: 0,
    tableShownAt: null,
    autoClickAt: null,
  };
  (window as unknown as { __bench: ProbeData }).__bench = data;

  const afterPaint = (done: (t: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });

  let tick: TickRecord | null = null;
  let tickCommits: CommitRecord[] = [];

  const settle = (record: TickRecord, deadline: number) =>
    requestIdleCallback(
      () => {
        if (tick !== record) return;
        // Idle with a commit not yet painted: wait for its frame. Idle with no commit at all:
        // the sample changed nothing on screen (recorded with paintedAt null).
        const pending = tickCommits.some((c) => c.paintedAt === null);
        if (pending && performance.now() < deadline) {
          settle(record, deadline);
          return;
        }
        record.commits = tickCommits.length;
        record.paintedAt = tickCommits.at(-1)?.paintedAt ?? null;
        const end = record.paintedAt ?? performance.now();
        for (const [start, duration] of data.longTasks) {
          if (start >= record.arrivedAt && start <= end)
            record.longestTaskMs = Math.max(record.longestTaskMs, duration);
        }
        data.ticks.push(record);
        tick = null;
      },
      { timeout: 1000 },
    );

  const onSample = () => {
    const record: TickRecord = {
      arrivedAt: performance.now(),
      commits: 0,
      paintedAt: null,
      longestTaskMs: 0,
    };
    tick = record;
    tickCommits = [];
    settle(record, record.arrivedAt + 10_000);
  };

  const onCommit = () => {
    const table = document.querySelector('table[aria-rowcount]') as HTMLTableElement | null;
    const sorted = table?.querySelector('th[aria-sort]');
    const label = sorted?.querySelector('button')?.firstChild?.textContent ?? '';
    const record: CommitRecord = {
      t: performance.now(),
      paintedAt: null,
      rowCount: table ? Number(table.getAttribute('aria-rowcount')) : null,
      sort: sorted ? `${label}:${sorted.getAttribute('aria-sort')}` : null,
      domRows: table?.rows.length ?? 0,
    };
    data.maxDomRows = Math.max(data.maxDomRows, record.domRows);
    data.commits.push(record);
    // Bounded, so the probe's own records hardly weigh in the tab-memory figure.
    if (data.commits.length > 500) data.commits.shift();
    if (tick) tickCommits.push(record);
    const auto = options.autoClick;
    if (auto && data.tableShownAt === null && record.rowCount === auto.rowCount) {
      data.tableShownAt = record.t;
      setTimeout(() => {
        const buttons = Array.from(table?.querySelectorAll('th button') ?? []);
        const button = buttons.find((b) => b.firstChild?.textContent === auto.label);
        data.autoClickAt = performance.now();
        (button as HTMLButtonElement | undefined)?.click();
      });
    }
    afterPaint((t) => (record.paintedAt = t));
  };

  // React DOM looks for this hook when it loads and calls it after every commit.
  (window as unknown as Record<string, unknown>).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    renderers: new Map(),
    supportsFiber: true,
    inject: () => 1,
    onScheduleFiberRoot: () => {},
    onCommitFiberRoot: onCommit,
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };

  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) data.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('click', (e) => data.clicks.push(e.timeStamp), { capture: true });

  // SSE framing only: an event ends at a blank line; its name is on an `event:` line.
  const watchSse = () => {
    const decoder = new TextDecoder();
    let name = '';
    let partial = '';
    return new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const lines = decoder.decode(chunk, { stream: true }).split('\n');
        lines[0] = partial + lines[0];
        // Only a line's start matters (`event:` or empty): keep a short prefix of the last one.
        partial = (lines.pop() ?? '').slice(0, 32);
        for (const line of lines) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line === '' || line === '\r') {
            if (name === 'sample') onSample();
            name = '';
          }
        }
        controller.enqueue(chunk);
      },
    });
  };
  const fetchOriginal = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const res = await fetchOriginal(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/v1/stream') || !res.body) return res;
    return new Response(res.body.pipeThrough(watchSse()), {
      status: res.status,
      statusText: res.statusText,
      headers: res.headers,
    });
  };
}
