/**
 * The shipped deployment files as the tools render them: `kubectl kustomize` for the
 * manifests (security settings and RBAC rules checked exactly) and `docker-compose config`
 * for the compose file (the k3s profile, which needs a registry to run, checked by structure).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadAll, load } from 'js-yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

type Obj = {
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
} & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function kustomize(dir: string): Promise<Obj[]> {
  const { stdout } = await exec('/usr/bin/kubectl', ['kustomize', `${root}/${dir}`]);
  return loadAll(stdout) as Obj[];
}
const find = (objs: Obj[], kind: string, name = 'kubeglance') =>
  objs.find((o) => o.kind === kind && o.metadata.name === name)!;

describe('kubectl kustomize deploy/kubernetes', () => {
  let objs: Obj[];
  beforeAll(async () => {
    objs = await kustomize('deploy/kubernetes');
  });

  it('renders exactly the expected objects', () => {
    expect(
      objs.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`).sort(),
    ).toEqual([
      'ClusterRole//kubeglance',
      'ClusterRoleBinding//kubeglance',
      'Deployment/kubeglance/kubeglance',
      'Namespace//kubeglance',
      'Service/kubeglance/kubeglance',
      'ServiceAccount/kubeglance/kubeglance',
    ]);
    expect(find(objs, 'Service').spec.type).toBe('ClusterIP');
  });

  it('grants the ClusterRole the least kubeglance needs, to its ServiceAccount only', () => {
    expect(find(objs, 'ClusterRole').rules).toEqual([
      {
        apiGroups: [''],
        resources: ['nodes', 'pods', 'namespaces'],
        verbs: ['get', 'list', 'watch'],
      },
      { apiGroups: ['metrics.k8s.io'], resources: ['nodes', 'pods'], verbs: ['get', 'list'] },
      {
        apiGroups: ['apiregistration.k8s.io'],
        resources: ['apiservices'],
        resourceNames: ['v1beta1.metrics.k8s.io'],
        verbs: ['get'],
      },
      {
        apiGroups: ['authorization.k8s.io'],
        resources: ['selfsubjectaccessreviews'],
        verbs: ['create'],
      },
    ]);
    const binding = find(objs, 'ClusterRoleBinding');
    expect(binding.roleRef).toEqual({
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: 'kubeglance',
    });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'kubeglance', namespace: 'kubeglance' },
    ]);
  });

  it('runs the pod locked down, with probes, sized resources, token auth and a state volume', () => {
    const deployment = find(objs, 'Deployment');
    expect(deployment.spec.replicas).toBe(1);
    const pod = deployment.spec.template.spec;
    expect(pod.serviceAccountName).toBe('kubeglance');
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true,
      runAsUser: 1000,
      runAsGroup: 1000,
      fsGroup: 1000,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.containers).toHaveLength(1);
    const c = pod.containers[0];
    expect(c.securityContext).toEqual({
      runAsNonRoot: true,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.resources).toEqual({
      requests: { cpu: '100m', memory: '768Mi' },
      limits: { cpu: '1', memory: '1Gi' },
    });
    expect(c.args).toEqual([
      '--host=0.0.0.0',
      '--port=8080',
      '--auth=token',
      '--auth-token-file=/etc/kubeglance/tokens/tokens',
      '--state-dir=/var/lib/kubeglance',
    ]);
    const volumes = Object.fromEntries(pod.volumes.map((v: Obj) => [v.name, v]));
    expect(volumes['viewer-tokens'].secret.secretName).toBe('kubeglance-viewer-tokens');
    expect(volumes.state.emptyDir).toBeDefined();
    const mounts = Object.fromEntries(c.volumeMounts.map((m: Obj) => [m.mountPath, m]));
    expect(mounts['/etc/kubeglance/tokens']).toMatchObject({
      name: 'viewer-tokens',
      readOnly: true,
    });
    expect(mounts['/var/lib/kubeglance'].name).toBe('state');
    // No Secret is read through the API: nothing in the rules names secrets.
    expect(JSON.stringify(find(objs, 'ClusterRole').rules)).not.toContain('secrets');
  });

  it('puts the namespace under the restricted Pod Security Standard', () => {
    expect(find(objs, 'Namespace').metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
  });
});

describe('kubectl kustomize deploy/kubernetes/diagnostics', () => {
  it('is a kube-system Role with exactly the diagnostics reads', async () => {
    const objs = await kustomize('deploy/kubernetes/diagnostics');
    const role = find(objs, 'Role', 'kubeglance-diagnostics');
    expect(role.metadata.namespace).toBe('kube-system');
    expect(role.rules).toEqual([
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['extension-apiserver-authentication'],
        verbs: ['get'],
      },
      {
        apiGroups: ['apps'],
        resources: ['deployments'],
        resourceNames: ['metrics-server'],
        verbs: ['get'],
      },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ]);
    const binding = find(objs, 'RoleBinding', 'kubeglance-diagnostics');
    expect(binding.metadata.namespace).toBe('kube-system');
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'kubeglance', namespace: 'kubeglance' },
    ]);
  });
});

describe('kubectl kustomize deploy/oauth2-proxy', () => {
  it('puts oauth2-proxy in front with --auth proxy trusting only the pod itself', async () => {
    const objs = await kustomize('deploy/oauth2-proxy');
    const pod = find(objs, 'Deployment').spec.template.spec;
    const byName = Object.fromEntries(pod.containers.map((c: Obj) => [c.name, c]));
    expect(byName.kubeglance.args).toEqual(
      expect.arrayContaining([
        '--auth=proxy',
        '--auth-proxy-from=127.0.0.1',
        '--auth-proxy-header=X-Forwarded-Email',
      ]),
    );
    expect(byName.kubeglance.args.join(' ')).not.toContain('--auth-token-file');
    expect(byName['oauth2-proxy'].args).toContain('--upstream=http://127.0.0.1:8080/');
    for (const c of pod.containers) {
      expect(c.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
    }
    expect(find(objs, 'Service').spec.ports[0].targetPort).toBe('oauth2-proxy');
    const ingress = find(objs, 'Ingress');
    expect(ingress.metadata.namespace).toBe('kubeglance');
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe('kubeglance');
  });
});

describe('docker-compose.yml', () => {
  /** The services `docker-compose [--profile P] up` starts (1.29 prints every profile's). */
  async function services(profile?: string): Promise<Record<string, Obj>> {
    const { stdout } = await exec('docker-compose', ['config'], {
      cwd: root,
      env: { ...process.env, KUBECONFIG_PATH: '/tmp/kubeconfig-for-config-test' },
    });
    const all = (load(stdout) as Obj).services as Record<string, Obj>;
    return Object.fromEntries(
      Object.entries(all).filter(([, s]) => !s.profiles || s.profiles.includes(profile)),
    );
  }
  const localOnly = (ports: string[]) => ports.every((p) => p.startsWith('127.0.0.1:'));

  it('runs kubeglance from the image on 127.0.0.1 with a read-only kubeconfig and --auth none said', async () => {
    const all = await services();
    expect(Object.keys(all)).toEqual(['kubeglance']);
    const kg = all.kubeglance!;
    expect(kg.build.context).toBe(root.replace(/\/$/, ''));
    expect(kg.ports).toEqual(['127.0.0.1:8080:8080/tcp']);
    expect(kg.command).toContain('--auth=none');
    expect(kg.read_only).toBe(true);
    expect(kg.cap_drop).toEqual(['ALL']);
    expect(kg.privileged).toBeUndefined();
    expect(kg.volumes).toContain('/tmp/kubeconfig-for-config-test:/kube/config:ro');
    expect(kg.volumes).toContain('kubeglance-state:/var/lib/kubeglance:rw');
    expect(kg.command).toContain('--state-dir=/var/lib/kubeglance');
    expect(kg.healthcheck.test.join(' ')).toContain('/healthz');
  });

  it('has a k3s profile: k3s with metrics-server, kubeconfig shared through a volume', async () => {
    const all = await services('k3s');
    expect(Object.keys(all).sort()).toEqual(['k3s', 'kubeglance', 'kubeglance-k3s']);
    const k3s = all.k3s!;
    expect(k3s.image).toMatch(/^docker\.io\/rancher\/k3s:v1\.\d+\.\d+-k3s\d+$/);
    expect(k3s.command[0]).toBe('server');
    expect(k3s.command.join(' ')).not.toContain('metrics-server'); // bundled, left enabled
    expect(k3s.environment.K3S_KUBECONFIG_OUTPUT).toBe('/output/kubeconfig.yaml');
    expect(k3s.volumes).toContain('k3s-kubeconfig:/output:rw');
    expect(localOnly(k3s.ports)).toBe(true);
    const kg = all['kubeglance-k3s']!;
    expect(kg.network_mode).toBe('service:k3s');
    expect(kg.depends_on).toEqual({ k3s: { condition: 'service_healthy' } });
    expect(kg.volumes).toContain('k3s-kubeconfig:/k3s:ro');
    expect(kg.command).toContain('--kubeconfig=/k3s/kubeconfig.yaml');
    expect(kg.command).toContain('--auth=none');
    for (const [name, s] of Object.entries(all)) {
      expect(s.healthcheck?.test, `${name} healthcheck`).toBeDefined();
      if (name !== 'k3s') expect(s.privileged, `${name} privileged`).toBeUndefined();
    }
  });

  it('has a demo profile on the embedded simulated clusters', async () => {
    const demo = (await services('demo'))['kubeglance-demo']!;
    expect(demo.command).toEqual(['--host=0.0.0.0', '--port=8080', '--auth=none', '--demo']);
    expect(localOnly(demo.ports)).toBe(true);
    expect(demo.read_only).toBe(true);
    expect(demo.healthcheck.test.join(' ')).toContain('/healthz');
  });
});
