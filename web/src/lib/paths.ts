/** In-app URLs, escaped in one place. */
const seg = encodeURIComponent;

export function overviewPath(cluster: string): string {
  return `/clusters/${seg(cluster)}`;
}

export function nodePath(cluster: string, node: string): string {
  return `${overviewPath(cluster)}/nodes/${seg(node)}`;
}

export function namespacePath(cluster: string, namespace: string): string {
  return `${overviewPath(cluster)}/namespaces/${seg(namespace)}`;
}

export function podPath(cluster: string, namespace: string, pod: string): string {
  return `${namespacePath(cluster, namespace)}/pods/${seg(pod)}`;
}

/** The part of the query string that should follow the user to another screen. */
export function carriedSearch(search: URLSearchParams): string {
  const range = search.get('range');
  return range ? `?range=${seg(range)}` : '';
}
