/** The node's conditions; a bad one says so in words, not only in colour. */
import type { NodeCondition } from '@kubeglance/shared/api';
import { Badge } from '../../../components/Badge';
import { t } from '../../../i18n/t';

/** Ready should be True; every other condition (pressure, unavailable network) False. */
function healthy(c: NodeCondition): boolean {
  return c.type === 'Ready' ? c.status === 'True' : c.status === 'False';
}

export function NodeConditions({ conditions }: { conditions: readonly NodeCondition[] }) {
  if (conditions.length === 0) {
    return <p className="muted panel-body">{t('node.noConditions')}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table" aria-label={t('node.conditions')}>
        <thead>
          <tr>
            <th scope="col">{t('node.condition.type')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('node.condition.reason')}</th>
            <th scope="col">{t('node.condition.message')}</th>
          </tr>
        </thead>
        {/* The API's words, verbatim: not for translation (`translate="no"`). */}
        <tbody translate="no">
          {conditions.map((c) => (
            <tr key={c.type}>
              <th scope="row">{c.type}</th>
              <td>
                <Badge tone={healthy(c) ? 'ok' : 'bad'}>
                  {c.status}
                  {/* The status is the API's; the warning is ours. */}
                  {!healthy(c) && <span translate="yes"> ({t('node.conditionProblem')})</span>}
                </Badge>
              </td>
              <td>{c.reason ?? <span className="muted">—</span>}</td>
              <td className="wrap">{c.message ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
