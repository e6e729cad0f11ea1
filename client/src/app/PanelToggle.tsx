import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/useAppStore';
import { useT } from './useT';

/** Folds the side panel away and back (tablets and desktops, issue #20); the phone's sheet has its handle instead. */
export function PanelToggle() {
  const t = useT();
  const { collapsed, setCollapsed } = useAppStore(
    useShallow((state) => ({ collapsed: state.panelCollapsed, setCollapsed: state.setPanelCollapsed })),
  );
  return (
    <button
      type="button"
      className="panel-toggle"
      data-testid="panel-toggle"
      aria-expanded={!collapsed}
      aria-label={t(collapsed ? 'layout.expand' : 'layout.collapse')}
      title={t(collapsed ? 'layout.expand' : 'layout.collapse')}
      onClick={() => setCollapsed(!collapsed)}
    >
      <span aria-hidden="true">{collapsed ? '›' : '‹'}</span>
    </button>
  );
}
