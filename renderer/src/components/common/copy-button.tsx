import { useCopy } from '../../hooks/use-copy';
import { Icon } from './icons';

export function CopyButton({ text, label, testId, compact }: { text: () => string; label: string; testId?: string; compact?: boolean }) {
  const copy = useCopy();
  return (
    <button type="button" className={`btn ${compact ? 'btn-sm btn-ghost' : 'btn-sm'}`} onClick={() => void copy(text(), label)} data-testid={testId}>
      <Icon name="copy" size={14} />
      {label}
    </button>
  );
}
