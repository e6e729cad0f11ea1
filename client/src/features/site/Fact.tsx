import type { ReactNode } from 'react';

/** One label/value row of a definition list (site panel, exposé); `className` is the row's own style. */
export function Fact({
  label,
  testId,
  className,
  children,
}: {
  label: string;
  testId?: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
