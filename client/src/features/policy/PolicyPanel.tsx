import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PolicyAction } from '@shared/schemas/policy';
import { useAppStore } from '../../store/useAppStore';
import { canEditWorkflow } from '../auth';
import { useT } from '../../app/useT';

/** Recording progress is for planners: the editor's code loads when one is logged in. */
const ActionProgressEditor = lazy(() =>
  import('./ActionProgressEditor').then((module) => ({ default: module.ActionProgressEditor })),
);

/** The business policy's initiatives and actions; choosing an action highlights and frames its sites. */
export function PolicyPanel() {
  const t = useT();
  const editor = useAppStore((state) => canEditWorkflow(state.user));
  const { policy, policyStatus, selectedAction, selectAction } = useAppStore(
    useShallow((state) => ({
      policy: state.policy,
      policyStatus: state.policyStatus,
      selectedAction: state.selectedAction,
      selectAction: state.selectAction,
    })),
  );
  return (
    <section className="panel" data-testid="policy-panel" aria-labelledby="policy-panel-heading">
      <h2 id="policy-panel-heading" className="panel__heading">
        {t('policy.heading')}
      </h2>
      <p className="panel__muted">{t('policy.intro')}</p>
      {selectedAction !== null && (
        <button type="button" className="button button--small" onClick={() => selectAction(null)}>
          {t('policy.clear')}
        </button>
      )}
      {policyStatus === 'loading' && (
        <p className="panel__muted" role="status">
          {t('loading.policy')}
        </p>
      )}
      {policy?.initiatives.map((initiative) => (
        <section key={initiative.number} className="initiative" aria-labelledby={`initiative-${initiative.number}`}>
          <h3 id={`initiative-${initiative.number}`} className="initiative__heading">
            <span className="initiative__number">{t('policy.initiative', { number: initiative.number })}</span>
            <span lang="da">{initiative.title}</span>
          </h3>
          <p className="initiative__goal">
            <strong>{t('policy.goal')}: </strong>
            <span lang="da">{initiative.goal}</span>
          </p>
          <ul className="action-list">
            {initiative.actions.map((action) => (
              <li key={action.number}>
                <ActionButton
                  action={action}
                  selected={action.number === selectedAction}
                  onSelect={() => selectAction(action.number === selectedAction ? null : action.number)}
                />
                {editor && (
                  <Suspense fallback={null}>
                    <ActionProgressEditor actionNumber={action.number} />
                  </Suspense>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function ActionButton({ action, selected, onSelect }: { action: PolicyAction; selected: boolean; onSelect(): void }) {
  const t = useT();
  const count = action.sites.length;
  const countText =
    count === 0 ? t('policy.noSites') : count === 1 ? t('policy.siteCountOne') : t('policy.siteCountOther', { count });
  return (
    <button
      type="button"
      className={`action${selected ? ' action--selected' : ''}${count === 0 ? ' action--no-sites' : ''}`}
      data-testid={`policy-action-${action.number}`}
      aria-pressed={selected}
      onClick={onSelect}
    >
      <span className="action__number">{action.number}</span>
      <span className="action__text" lang="da">
        {action.text}
      </span>
      <span className="action__count">{countText}</span>
    </button>
  );
}
