/**
 * RBAC enforcement with the roles kubeglance ships (deploy/kubernetes), seen by the real
 * kubectl and raw HTTPS: allowed reads work, anything else is the apiserver's 403 Status.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { kubectlFor, raw } from './helpers.js';

const SA = 'system:serviceaccount:kubeglance:kubeglance';
const deploy = (p: string) =>
  fileURLToPath(new URL(`../../deploy/kubernetes/${p}`, import.meta.url));

let sim: RunningSim;
let kubectl: ReturnType<typeof kubectlFor>;

beforeAll(async () => {
  sim = await startSim({
    nodes: 3,
    pods: 20,
    resolutionMs: 1000,
    user: SA,
    rbac: [deploy('rbac.yaml'), deploy('diagnostics/role.yaml')],
  });
  kubectl = kubectlFor(sim);
});
afterAll(async () => {
  kubectl?.dispose();
  await sim?.stop();
});

describe('RBAC from the shipped roles', () => {
  it('lets kubectl read what the ClusterRole grants', async () => {
    const nodes = await kubectl.run(['get', 'nodes']);
    expect(nodes.code, nodes.stderr).toBe(0);
    const top = await kubectl.run(['top', 'pods', '-A']);
    expect(top.code, top.stderr).toBe(0);
  });

  it('answers anything else with the apiserver 403 naming the user', async () => {
    // (The simulator's discovery lists no secrets, so kubectl is given the path.)
    const res = await kubectl.run(['get', '--raw', '/api/v1/namespaces/kube-system/secrets']);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain(
      `Error from server (Forbidden): secrets is forbidden: User "${SA}" cannot list resource "secrets" in API group "" in the namespace "kube-system"`,
    );
    const del = await raw(sim, '/api/v1/namespaces/default/pods/x', { method: 'DELETE' });
    expect(del.status).toBe(403);
    expect(del.json()).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `pods "x" is forbidden: User "${SA}" cannot delete resource "pods" in API group "" in the namespace "default"`,
      reason: 'Forbidden',
      details: { name: 'x', group: '', kind: 'pods' },
      code: 403,
    });
  });

  it('limits the APIService rule to the metrics APIService', async () => {
    const one = await raw(
      sim,
      '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io',
    );
    expect(one.status).toBe(200);
    const all = await raw(sim, '/apis/apiregistration.k8s.io/v1/apiservices');
    expect(all.status).toBe(403);
    expect(all.json<{ message: string }>().message).toBe(
      `apiservices.apiregistration.k8s.io is forbidden: User "${SA}" cannot list resource "apiservices" in API group "apiregistration.k8s.io" at the cluster scope`,
    );
  });

  it('grants pod logs in kube-system only, through the optional Role', async () => {
    const elsewhere = await raw(sim, '/api/v1/namespaces/default/pods/p/log');
    expect(elsewhere.json<{ message: string }>().message).toBe(
      `pods "p" is forbidden: User "${SA}" cannot get resource "pods/log" in API group "" in the namespace "default"`,
    );
    const there = await raw(sim, '/api/v1/namespaces/kube-system/pods/p/log');
    expect(there.status).not.toBe(403);
  });

  it('answers SelfSubjectAccessReviews from the same rules', async () => {
    const review = async (resourceAttributes: object) =>
      (
        await raw(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
          method: 'POST',
          body: {
            apiVersion: 'authorization.k8s.io/v1',
            kind: 'SelfSubjectAccessReview',
            spec: { resourceAttributes },
          },
        })
      ).json<{ status: { allowed: boolean } }>().status.allowed;
    expect(await review({ verb: 'watch', resource: 'pods' })).toBe(true);
    expect(await review({ verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' })).toBe(true);
    expect(await review({ verb: 'get', resource: 'secrets', namespace: 'default' })).toBe(false);
    const canI = await kubectl.run(['auth', 'can-i', 'list', 'secrets']);
    expect(canI.stdout.trim()).toBe('no');
  });
});
