/**
 * Resolves the route's cluster (or the default one) before a screen renders, so
 * screens always receive a cluster that exists.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { describeError, errorDetail } from '../api/errors';
import { PanelMessage } from '../components/PanelMessage';
import { useCurrentCluster } from './currentCluster';
import { t } from '../i18n/t';

export function ClusterScope({ render }: { render: (cluster: string) => ReactNode }) {
  const { choice, clusters } = useCurrentCluster();
  switch (choice.kind) {
    case 'ok':
      return render(choice.name);
    case 'loading':
      return clusters.isError ? (
        <PanelMessage kind="error" detail={errorDetail(clusters.error)}>
          {describeError(clusters.error)}
        </PanelMessage>
      ) : (
        <PanelMessage kind="loading">{t('app.loadingClusters')}</PanelMessage>
      );
    case 'none':
      return (
        <PanelMessage kind="empty" hint={t('app.noClustersHint')}>
          {t('app.noClusters')}
        </PanelMessage>
      );
    case 'unknown':
      return (
        <PanelMessage kind="error" hint={<Link to="/">{t('app.openDefaultCluster')}</Link>}>
          {t('app.unknownCluster', { name: choice.name })}
        </PanelMessage>
      );
  }
}
