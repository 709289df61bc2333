import { useCopy } from '../../hooks/use-copy';
import { Icon } from './icons';

export function CopyButton({
  text,
  label,
  what,
  testId,
  compact,
}: {
  text: () => string;
  label: string;
  what: string;
  testId?: string;
  compact?: boolean;
}) {
  const copy = useCopy();
  return (
    <button
      type="button"
      className={`btn ${compact ? 'btn-sm btn-ghost' : 'btn-sm'}`}
      onClick={() => void copy(text(), what)}
      data-testid={testId}
    >
      <Icon name="copy" size={14} />
      {label}
    </button>
  );
}
