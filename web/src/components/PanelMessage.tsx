/**
 * The loading / empty / error line of a panel. Plain sentences, because "metrics
 * not available yet" helps and a blank box does not. Not role="alert": that role
 * is kept for the STALE banner so it stands out to assistive tech and tests.
 */
import type { ReactNode } from 'react';
import { errorDetail } from '../api/errors';
import { t } from '../i18n/t';

export type MessageKind = 'loading' | 'empty' | 'error' | 'info';

interface PanelMessageProps {
  kind: MessageKind;
  children: ReactNode;
  /** Secondary line: what to do about it. */
  hint?: ReactNode;
  /** The server's own (English) words behind a translated error, folded away. */
  detail?: string;
}

export function PanelMessage({ kind, children, hint, detail }: PanelMessageProps) {
  return (
    <div className={`panel-message panel-message-${kind}`} role="status">
      <p>
        {kind === 'error' && <strong>{t('common.errorPrefix')}</strong>}
        {children}
      </p>
      {hint && <p className="muted">{hint}</p>}
      {detail && (
        <details className="panel-message-detail">
          <summary>{t('banner.details')}</summary>
          <code translate="no">{detail}</code>
        </details>
      )}
    </div>
  );
}

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/**
 * The message for a query that has no data to show yet, or `null` once it has.
 * A failed refresh of data already on screen is not shown here (the data-age
 * caption and the status banner cover that).
 */
export function queryMessage(
  query: QueryLike & { data: unknown },
  describe: (error: unknown) => string,
  loadingText?: string,
): ReactNode {
  if (query.data !== undefined) return null;
  if (query.isError) {
    return (
      <PanelMessage kind="error" detail={errorDetail(query.error)}>
        {describe(query.error)}
      </PanelMessage>
    );
  }
  return <PanelMessage kind="loading">{loadingText ?? t('common.loading')}</PanelMessage>;
}
