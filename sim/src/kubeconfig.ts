/**
 * The kubeconfig that points kubectl, client-node and the kubeglance server at a running
 * simulator: one cluster (CA pinned via `certificate-authority-data`), one token user and one
 * context named after the cluster, which is also the current context.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface KubeconfigParams {
  /** Cluster, context and (suffixed) user name. */
  name: string;
  /** `https://127.0.0.1:PORT`. */
  server: string;
  caPem: string;
  token: string;
}

// JSON strings are valid YAML double-quoted scalars, which sidesteps every quoting rule.
const q = (value: string): string => JSON.stringify(value);

/** Render the kubeconfig as YAML. */
export function renderKubeconfig({ name, server, caPem, token }: KubeconfigParams): string {
  const user = `${name}-admin`;
  const caData = Buffer.from(caPem, 'utf8').toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: ' + q(name),
    '    cluster:',
    '      server: ' + q(server),
    '      certificate-authority-data: ' + q(caData),
    'users:',
    '  - name: ' + q(user),
    '    user:',
    '      token: ' + q(token),
    'contexts:',
    '  - name: ' + q(name),
    '    context:',
    '      cluster: ' + q(name),
    '      user: ' + q(user),
    '      namespace: default',
    'current-context: ' + q(name),
    'preferences: {}',
    '',
  ].join('\n');
}

/** Write a kubeconfig (owner-only permissions: it holds a bearer token). */
export async function writeKubeconfig(path: string, yaml: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, yaml, { mode: 0o600 });
}
