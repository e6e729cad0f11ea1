import type { CoveringPlan } from '@shared/schemas/site';
import { useT } from '../../app/useT';

/**
 * The official plans (imported from Plandata.dk) that cover the site, lokalplan first: number, name, status,
 * general use and a link to the plan document. Nothing when no plan is imported or none covers the site.
 */
export function CoveringPlansSection({ plans }: { plans: CoveringPlan[] }) {
  const t = useT();
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="site-plans-heading">
      <h3 id="site-plans-heading" className="site-panel__subheading">
        {t('site.plans')}
      </h3>
      <ul className="linked-actions" data-testid="site-plans">
        {plans.map((plan) => (
          <li key={plan.id} className="linked-action">
            <p className="linked-action__text">
              <strong className="linked-action__number">
                {t(`site.planKind.${plan.kind}`)} {plan.plannr}
              </strong>{' '}
              <span lang="da">{plan.plannavn}</span>
            </p>
            <p className="linked-action__meta">
              {t(`site.planStatus.${plan.status}`)} · {t(`plandataUse.${plan.anvgen}`)}
              {plan.doklink && (
                <>
                  {' · '}
                  <a href={plan.doklink} target="_blank" rel="noopener noreferrer">
                    {t('site.planDocument')}
                  </a>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
