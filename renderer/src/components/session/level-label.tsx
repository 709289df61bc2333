import type { Level } from '../../../../shared/domain/correlation';
import { LEVEL_LABEL } from '../../lib/levels';

/** What `—` means, said to screen readers and on hover: the line states no level orcw could read. */
export const UNKNOWN_LEVEL = 'No level: the line states none that orcw could read';

/** A level as the lists show it; the unknown level's dash explains itself. */
export function LevelLabel({ level, className = '' }: { level: Level; className?: string }) {
  if (level !== 'unknown') return <span className={`${className} level level-${level}`}>{LEVEL_LABEL[level]}</span>;
  return (
    <span className={`${className} level level-unknown`} title={UNKNOWN_LEVEL} data-testid="level-unknown">
      <span aria-hidden="true">{LEVEL_LABEL.unknown}</span>
      <span className="visually-hidden">{UNKNOWN_LEVEL}</span>
    </span>
  );
}
