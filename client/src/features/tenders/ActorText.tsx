import type { Lang } from '@shared/i18n/Lang';
import { translate } from '../../app/i18n';

/** Who made a change: the public display name and the role (never an e-mail address; the API has none). */
export function ActorText({ actor, lang }: { actor: { name: string; role: 'planner' | 'admin' | null }; lang: Lang }) {
  return (
    <span className="muted">
      {actor.role === null
        ? translate(lang, 'timeline.by', { name: actor.name })
        : translate(lang, 'timeline.byRole', { name: actor.name, role: translate(lang, `role.${actor.role}`) })}
    </span>
  );
}
