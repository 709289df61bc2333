import { memo, useEffect, useRef } from 'react';
import type { ErrorGroup } from '../../../../shared/domain/correlation';
import { useListSelection } from '../../hooks/use-list-selection';
import { useTimeFormat } from '../../hooks/use-time-format';
import type { Domain } from '../../lib/binning';
import { formatCount, formatOffset } from '../../lib/format';
import { useStore } from '../../store/store';
import { DottedName } from '../common/dotted-name';
import { ERROR_GROUPS_ID } from '../shell/skip-links';
import { RelatedBadge } from './related-sessions';
import { Sparkline } from './sparkline';

/** Error groups, most frequent first. Enter/click filters the event list to the group. */
export const ErrorGroups = memo(function ErrorGroups({
  groups,
  domain,
  sessionId,
  sessionStart,
}: {
  groups: readonly ErrorGroup[];
  domain: Domain;
  sessionId: string;
  sessionStart: number;
}) {
  const time = useTimeFormat();
  const loadRelated = useStore((s) => s.loadRelated);
  // The same errors in other cached sessions: one indexed query per opened session.
  useEffect(
    () =>
      void loadRelated(
        sessionId,
        groups.map((g) => g.fingerprint),
      ),
    [loadRelated, sessionId, groups],
  );
  const selectedGroup = useStore((s) => s.selectedGroup);
  const toggleGroup = useStore((s) => s.toggleGroup);
  const listRef = useRef<HTMLOListElement>(null);
  const open = (index: number) => {
    const group = groups[index];
    if (group) toggleGroup(group.fingerprint);
  };
  const { active, setActive, onKeyDown } = useListSelection(groups.length, open);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <section className="groups-pane" aria-labelledby="groups-heading">
      <div className="pane-header">
        <h2 id="groups-heading" className="pane-title">
          Error groups
        </h2>
        <span className="faint num" data-testid="group-count">
          {groups.length}
        </span>
      </div>
      {groups.length === 0 ? (
        <div className="empty small" data-testid="groups-empty">
          <strong>No errors</strong>
          Nothing at error or fatal level was logged for this session.
        </div>
      ) : (
        <ol
          id={ERROR_GROUPS_ID}
          className="group-list keynav-list"
          role="listbox"
          aria-labelledby="groups-heading"
          tabIndex={0}
          data-keynav
          onKeyDown={onKeyDown}
          ref={listRef}
          data-testid="error-groups"
        >
          {groups.map((group, index) => (
            <li
              key={group.fingerprint}
              role="option"
              data-index={index}
              aria-selected={group.fingerprint === selectedGroup}
              className={`group-row${index === active ? ' is-active' : ''}`}
              onClick={() => {
                setActive(index);
                open(index);
              }}
              data-testid="error-group"
              data-fingerprint={group.fingerprint}
              data-count={group.count}
              data-type={group.type}
            >
              <div className="group-top">
                <span className={`group-count level-${group.level}`} title={`${group.count} occurrences`}>
                  {formatCount(group.count)}×
                </span>
                <span className="group-title ellipsis" title={group.title} data-testid="group-title">
                  {group.title}
                </span>
                <RelatedBadge fingerprint={group.fingerprint} />
              </div>
              <div className="group-bottom">
                <span className="group-type mono" title={`${group.type} · ${group.logGroup}`}>
                  <DottedName name={group.type} testId="group-type" />
                </span>
                <span className="group-first num" title="First occurrence: offset from the session start and clock time">
                  {formatOffset(group.firstOffsetMs)} {time.clockFrom(group.firstSeen, sessionStart)}
                </span>
                <Sparkline offsetsMs={group.offsetsMs} domain={domain} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
