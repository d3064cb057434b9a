/**
 * Routes. Every screen is its own lazily loaded chunk; the wall screen has no
 * header (it is a full-screen page for a TV).
 */
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation, useParams } from 'react-router';
import { ClusterScope } from './ClusterScope';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';

const loadOverview = () => import('../features/overview/OverviewPage');
const loadNamespace = () => import('../features/namespace/NamespacePage');
const OverviewPage = lazy(loadOverview);
const NamespacePage = lazy(loadNamespace);
const PodPage = lazy(() => import('../features/pod/PodPage'));
const NodePage = lazy(() => import('../features/node/NodePage'));
const NocPage = lazy(() => import('../features/noc/NocPage'));
const DiagnosticsPage = lazy(() => import('../features/diagnostics/DiagnosticsPage'));

/**
 * Starts loading the code of the screen at `pathname` now, beside its data (prefetch.ts),
 * instead of after the cluster list has arrived.
 */
export function preloadScreen(pathname: string): void {
  if (/^\/clusters\/[^/]+\/namespaces\//.test(pathname)) void loadNamespace();
  else if (pathname === '/' || /^\/clusters\/[^/]+\/?$/.test(pathname)) void loadOverview();
}

/** `/namespaces/:ns` → the same namespace in the current cluster, canonical URL. */
function NamespaceRedirect({ cluster }: { cluster: string }) {
  const { ns = '' } = useParams();
  const { search } = useLocation();
  const to = `/clusters/${encodeURIComponent(cluster)}/namespaces/${encodeURIComponent(ns)}`;
  return <Navigate replace to={{ pathname: to, search }} />;
}

const overview = <ClusterScope render={(c) => <OverviewPage key={c} cluster={c} />} />;

export const router = createBrowserRouter([
  {
    path: '/noc',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={null}>
        <NocPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: overview },
      { path: 'clusters/:cluster', element: overview },
      {
        path: 'clusters/:cluster/namespaces/:ns',
        element: <ClusterScope render={(c) => <NamespacePage cluster={c} />} />,
      },
      {
        path: 'clusters/:cluster/nodes/:node',
        element: <ClusterScope render={(c) => <NodePage key={c} cluster={c} />} />,
      },
      {
        path: 'namespaces/:ns',
        element: <ClusterScope render={(c) => <NamespaceRedirect cluster={c} />} />,
      },
      {
        path: 'clusters/:cluster/diagnostics',
        element: <ClusterScope render={(c) => <DiagnosticsPage key={c} cluster={c} />} />,
      },
      {
        path: 'clusters/:cluster/namespaces/:ns/pods/:pod',
        element: <ClusterScope render={(c) => <PodPage cluster={c} />} />,
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
