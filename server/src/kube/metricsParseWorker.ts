/**
 * Worker-thread entry: parses one metrics list (JSON, item by item → exact schema check of every
 * item → compact typed arrays) off the main thread, which only rebuilds the items from the arrays.
 * Bundled as its own file (`scripts/build.mjs` → `dist/metricsParseWorker.js`).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { encodeNodes, parsePodsCompact, transferables } from './compactMetrics.js';
import { parseNodeMetricsList } from './parseMetrics.js';
import type { ParseReply, ParseRequest } from './metricsParseProtocol.js';
import { ItemSyntaxError, splitList } from './splitList.js';

const decoder = new TextDecoder();

/**
 * A full collection once a list is answered: parsing a 56 MiB PodMetricsList grows this
 * isolate's heap by hundreds of MiB of garbage (the text, the object graph), which V8 would
 * otherwise keep mapped until the next parse. Collected right away, the pages go back to the
 * OS between polls. Only new contexts see `gc` after the flag is set, hence the vm context.
 */
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

function handle(req: ParseRequest): ParseReply {
  const wire = Buffer.concat(req.chunks);
  let body: Buffer;
  try {
    body = req.gzipped ? gunzipSync(wire) : wire;
  } catch (e) {
    return {
      id: req.id,
      error: { json: false, gzip: true, name: 'ZlibError', message: String(e) },
    };
  }
  let raw: unknown;
  try {
    // Item by item where the list's shape allows (see splitList.ts), else whole.
    raw = splitList(body) ?? JSON.parse(decoder.decode(body));
  } catch (e) {
    return { id: req.id, error: { json: true, name: 'SyntaxError', message: String(e) } };
  }
  try {
    const list =
      req.kind === 'nodes' ? encodeNodes(parseNodeMetricsList(raw)) : parsePodsCompact(raw);
    return { id: req.id, list };
  } catch (e) {
    if (e instanceof ItemSyntaxError) {
      return { id: req.id, error: { json: true, name: 'SyntaxError', message: String(e) } };
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return { id: req.id, error: { json: false, name: err.name, message: err.message } };
  }
}

parentPort!.on('message', (req: ParseRequest) => {
  const reply = handle(req);
  parentPort!.postMessage(reply, 'list' in reply ? transferables(reply.list) : []);
  collect();
});
