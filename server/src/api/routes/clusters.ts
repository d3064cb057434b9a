import { Router, type Request } from 'express';
import type { ListResponse, ClusterInfo } from '@kubeglance/shared/api';
import { ClusterView } from '../../pipeline/clusterView.js';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { HttpError, methodNotAllowed, notFound } from '../errors.js';
import { listBuffersOf } from '../listBuffers.js';
import {
  clusterParams,
  historyQuery,
  namespaceParams,
  nodeParams,
  noQuery,
  parse,
  topPodsQuery,
} from '../params.js';

/** `/api/v1/clusters` and everything under `/api/v1/clusters/:cluster/`. */
export function clustersRouter(registry: ClusterRegistry): Router {
  const router = Router();

  const entryFor = (req: Request) => {
    const { cluster } = parse(clusterParams, req.params, 'path');
    const entry = registry.get(cluster);
    if (!entry)
      throw new HttpError(404, 'unknown-cluster', `cluster "${cluster}" is not configured`, {
        cluster,
      });
    return entry;
  };
  const viewFor = (req: Request) => entryFor(req).view;
  /** Lists are answered from bytes built ahead after each sample (see `listBuffers.ts`). */
  const buffersFor = (req: Request) => listBuffersOf(entryFor(req).pipeline);

  router.get('/', (req, res) => {
    parse(noQuery, req.query, 'query');
    const body: ListResponse<ClusterInfo> = {
      items: registry.pipelines().map((p) => p.info()),
    };
    res.json(body);
  });

  router.get('/:cluster/summary', (req, res) => {
    parse(noQuery, req.query, 'query');
    res.json(viewFor(req).summary());
  });

  router.get('/:cluster/nodes', (req, res) => {
    parse(noQuery, req.query, 'query');
    const view = viewFor(req);
    buffersFor(req).send(req, res, 'nodes', () => view.nodes());
  });

  router.get('/:cluster/nodes/:node', (req, res) => {
    parse(noQuery, req.query, 'query');
    const view = viewFor(req);
    const { node } = parse(nodeParams, req.params, 'path');
    const detail = view.node(node);
    if (!detail) throw notFound(`node "${node}"`);
    res.json(detail);
  });

  router.get('/:cluster/namespaces', (req, res) => {
    parse(noQuery, req.query, 'query');
    const view = viewFor(req);
    buffersFor(req).send(req, res, 'namespaces', () => view.namespaces());
  });

  router.get('/:cluster/namespaces/:namespace/pods', (req, res) => {
    parse(noQuery, req.query, 'query');
    const view = viewFor(req);
    const { namespace } = parse(namespaceParams, req.params, 'path');
    const make = () => view.namespacePods(namespace);
    if (!buffersFor(req).send(req, res, `pods/${namespace}`, make))
      throw notFound(`namespace "${namespace}"`);
  });

  router.get('/:cluster/pods', (req, res) => {
    const view = viewFor(req);
    const q = parse(topPodsQuery, req.query, 'query');
    if (q.namespace !== undefined && !view.hasNamespace(q.namespace)) {
      throw notFound(`namespace "${q.namespace}"`);
    }
    const key = `top/${q.sort}/${q.limit}/${q.namespace ?? ''}`;
    buffersFor(req).send(req, res, key, () => view.topPods(q.sort, q.limit, q.namespace));
  });

  router.get('/:cluster/history', async (req, res) => {
    const view = viewFor(req);
    const q = parse(historyQuery, req.query, 'query');
    if (ClusterView.isLong(q.range)) {
      if (!view.hasPrometheus) {
        throw new HttpError(
          400,
          'prometheus-not-configured',
          `range=${q.range} needs a Prometheus: kubeglance keeps only the last hour in memory; start it with --prometheus URL`,
          { range: q.range },
        );
      }
      const long = await view.longHistory(q);
      if (!long) throw notFound(`${q.scope} series`);
      res.json(long);
      return;
    }
    const history = view.history(q);
    if (!history) throw notFound(`${q.scope} series`);
    res.json(history);
  });

  router.all(
    [
      '/',
      '/:cluster/summary',
      '/:cluster/nodes',
      '/:cluster/namespaces',
      '/:cluster/namespaces/:namespace/pods',
      '/:cluster/pods',
      '/:cluster/history',
    ],
    methodNotAllowed(['GET', 'HEAD']),
  );
  return router;
}
