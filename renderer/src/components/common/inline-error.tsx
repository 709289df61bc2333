import type { ReactNode } from 'react';
import type { AppErrorValue } from '../../../../shared/errors';
import { Icon } from './icons';

/** Every failure is shown where it happened, with the hint that says what to do. */
export function InlineError({
  error,
  tone = 'error',
  action,
  testId = 'inline-error',
}: {
  error: Pick<AppErrorValue, 'message' | 'hint'> & { code?: string };
  tone?: 'error' | 'warn';
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <div className={`inline-error tone-${tone}`} role="alert" data-testid={testId} data-code={error.code}>
      <Icon name="alert" />
      <div className="message">{error.message}</div>
      <div>{action}</div>
      {error.hint && <div className="hint">{error.hint}</div>}
    </div>
  );
}
