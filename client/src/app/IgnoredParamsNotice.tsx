import { useShallow } from 'zustand/react/shallow';
import type { MessageKey } from '@shared/i18n/da';
import { useAppStore } from '../store/useAppStore';
import type { UrlParam } from './urlState';
import { useT } from './useT';

/**
 * Says that some of the link's parameters could not be read and were ignored (as the finder does for its filters);
 * shows only when one of `params` was. OK dismisses every such notice.
 */
export function IgnoredParamsNotice({
  params,
  message,
  testId,
}: {
  params: readonly UrlParam[];
  message: MessageKey;
  testId: string;
}) {
  const t = useT();
  const { ignored, dismiss } = useAppStore(
    useShallow((state) => ({
      ignored: state.ignoredParams.some((param) => params.includes(param)),
      dismiss: state.dismissIgnoredParams,
    })),
  );
  if (!ignored) return null;
  return (
    <div className="warning warning--mild finder-notice" role="note" data-testid={testId}>
      <p>{t(message)}</p>
      <button type="button" className="button button--small button--ghost" onClick={dismiss}>
        {t('finder.ignoredDismiss')}
      </button>
    </div>
  );
}
