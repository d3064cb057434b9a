/**
 * Diagnostics of one cluster's metrics chain (API server → RBAC → aggregation layer →
 * APIService → metrics-server → kubelets → freshness → pods): the link to fix first, then
 * every link with the evidence the server saw, verbatim, and fixes to copy.
 */
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DiagnosticsReport } from '@kubeglance/shared/api';
import { fetchDiagnostics, useDiagnostics } from '../../api/diagnostics';
import { describeError } from '../../api/errors';
import { queryKeys } from '../../api/keys';
import { useLiveStream } from '../../api/live';
import { Badge } from '../../components/Badge';
import { Panel } from '../../components/Panel';
import { queryMessage } from '../../components/PanelMessage';
import { useNow } from '../../hooks/useNow';
import { ChainSteps } from './components/ChainSteps';
import { CheckCard } from './components/CheckCard';
import { failingFirst } from './order';
import './diagnostics.css';
import { t } from '../../i18n/t';
import { formatAgo } from '../../i18n/format';

const VERDICT_TONE: Record<DiagnosticsReport['status'], 'ok' | 'warn' | 'bad'> = {
  ok: 'ok',
  degraded: 'warn',
  failing: 'bad',
};

export default function DiagnosticsPage({ cluster }: { cluster: string }) {
  const query = useDiagnostics(cluster);
  const client = useQueryClient();
  const now = useNow(1000);
  const [rerunning, setRerunning] = useState(false);
  // A run finished on the server (its summary arrives with the live status): fetch it.
  const liveCheckedAt = useLiveStream(null).clusters[cluster]?.status.diagnostics?.checkedAtMs;
  const shownCheckedAt = query.data?.checkedAtMs;
  useEffect(() => {
    if (liveCheckedAt != null && shownCheckedAt != null && liveCheckedAt > shownCheckedAt) {
      void client.invalidateQueries({ queryKey: queryKeys.diagnostics(cluster) });
    }
  }, [liveCheckedAt, shownCheckedAt, client, cluster]);

  const rerun = async () => {
    setRerunning(true);
    try {
      const report = await fetchDiagnostics(cluster, true);
      client.setQueryData(queryKeys.diagnostics(cluster), report);
    } finally {
      setRerunning(false);
    }
  };

  const report = query.data;
  const ordered = report ? failingFirst(report) : [];
  const [first, ...rest] = ordered;
  const primary = report?.failing ? first : undefined;
  return (
    <>
      <div className="page-head">
        <h1>{cluster}</h1>
        <span className="muted">{t('diagnostics.subtitle')}</span>
        {report && (
          <Badge tone={VERDICT_TONE[report.status]}>
            {t(`diagnostics.verdict.${report.status}`)}
          </Badge>
        )}
        {report && (
          <span className="muted diag-checked">
            {t('diagnostics.checked', { ago: formatAgo(Math.max(0, now - report.checkedAtMs)) })}
          </span>
        )}
        <button
          type="button"
          className="diag-rerun"
          onClick={() => void rerun()}
          disabled={rerunning}
        >
          {rerunning ? t('diagnostics.checking') : t('diagnostics.checkAgain')}
        </button>
      </div>
      {!report ? (
        <Panel title={t('diagnostics.pageTitle')}>
          {queryMessage(query, describeError, t('diagnostics.running'))}
        </Panel>
      ) : (
        <>
          <ChainSteps checks={report.checks} failing={report.failing} />
          {primary && (
            <section className="diag-first" aria-label={t('diagnostics.fixFirst')}>
              <h2 className="diag-first-head">{t('diagnostics.fixFirst')}</h2>
              <CheckCard check={primary} primary />
            </section>
          )}
          <section className="diag-all" aria-label={t('diagnostics.everyLink')}>
            {(primary ? rest : ordered).map((c) => (
              <CheckCard key={c.id} check={c} />
            ))}
          </section>
        </>
      )}
    </>
  );
}
