/**
 * Reading a kubeconfig list (`KUBECONFIG=a:b`) the way kubectl does (client-go's loading rules):
 * files that do not exist are skipped; clusters, users and contexts are maps by name where the
 * first file to define a name wins (later definitions are ignored, never merged field by field);
 * `current-context` comes from the first file that sets one. client-node's `loadFromDefault()`
 * merges the same files but throws on a duplicate name and lets the last current-context win;
 * kubectl is what users compare against, so we follow kubectl.
 */
import { existsSync } from 'node:fs';
import { KubeConfig, type Cluster, type Context, type User } from '@kubernetes/client-node';

/** The merged content of several kubeconfig files. */
export interface MergedKubeconfig {
  clusters: Cluster[];
  users: User[];
  contexts: Context[];
  /** Empty when no file sets one. */
  currentContext: string;
  /** The file that defined each context (the one kubectl uses). */
  contextFiles: ReadonlyMap<string, string>;
  /** Files read, in order. */
  files: string[];
  /** Listed files that do not exist (skipped, as kubectl does). */
  missing: string[];
}

/** Why a kubeconfig list cannot be read (no file exists, or one is not a kubeconfig). */
export class KubeconfigReadError extends Error {
  override readonly name = 'KubeconfigReadError';
}

/** Loads one file; relative certificate paths become absolute against its folder. */
function loadFile(file: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    kc.loadFromFile(file);
  } catch (e) {
    throw new KubeconfigReadError(`cannot read kubeconfig ${file}: ${(e as Error).message}`, {
      cause: e,
    });
  }
  return kc;
}

function firstWins<T extends { name: string }>(into: Map<string, T>, items: readonly T[]): T[] {
  const added: T[] = [];
  for (const item of items) {
    if (into.has(item.name)) continue;
    into.set(item.name, item);
    added.push(item);
  }
  return added;
}

/** Reads and merges `files` in order (see the module comment for the rules). */
export function mergeKubeconfigFiles(files: readonly string[]): MergedKubeconfig {
  const present = files.filter((f) => existsSync(f));
  const missing = files.filter((f) => !existsSync(f));
  if (present.length === 0) {
    throw new KubeconfigReadError(
      files.length === 1
        ? `kubeconfig not found: ${files[0]}`
        : `no kubeconfig found in ${files.join(', ')}`,
    );
  }
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  const contextFiles = new Map<string, string>();
  let currentContext = '';
  for (const file of present) {
    const kc = loadFile(file);
    firstWins(clusters, kc.getClusters());
    firstWins(users, kc.getUsers());
    for (const ctx of firstWins(contexts, kc.getContexts())) contextFiles.set(ctx.name, file);
    currentContext ||= kc.getCurrentContext() ?? '';
  }
  return {
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
    contextFiles,
    files: present,
    missing,
  };
}

/** A KubeConfig of its own (no shared mutable state) holding the merge, set to `context`. */
export function kubeConfigFor(merged: MergedKubeconfig, context: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions(
    structuredClone({
      clusters: merged.clusters,
      users: merged.users,
      contexts: merged.contexts,
      currentContext: context,
    }),
  );
  return kc;
}
