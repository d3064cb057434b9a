/** The cluster the current URL is about, shared by the header and the routes. */
import { useEffect } from 'react';
import { useParams } from 'react-router';
import { useClusters } from '../api/clusters';
import { chooseCluster } from '../lib/clusterChoice';

const STORAGE_KEY = 'kubeglance.cluster';

/** The cluster last opened by URL (for `/`), or null. */
export function rememberedCluster(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function useCurrentCluster() {
  const { cluster: fromUrl } = useParams();
  const clusters = useClusters();
  const items = clusters.data?.items;
  const choice = chooseCluster(
    items?.map((c) => c.name),
    fromUrl,
    rememberedCluster(),
  );
  const name = choice.kind === 'ok' ? choice.name : null;
  // Remember an explicit choice so /namespaces/:ns and / open the same cluster next time.
  useEffect(() => {
    if (fromUrl && name === fromUrl) {
      try {
        localStorage.setItem(STORAGE_KEY, fromUrl);
      } catch {
        // Not remembered; the URL still works.
      }
    }
  }, [fromUrl, name]);
  return { choice, info: items?.find((c) => c.name === name), clusters };
}
