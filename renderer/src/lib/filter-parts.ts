import type { EventFilter } from '../../../shared/domain/session-view';
import { formatOffset } from './format';
import { LEVEL_LABEL } from './levels';
import type { BinSelection } from './filter-events';

/** One active filter of the event list: what it is called, and the filter without it. */
export interface FilterPart {
  key: 'levels' | 'logGroups' | 'connections' | 'text' | 'fingerprint' | 'bin';
  label: string;
  /** The filter without this part, to count what it hides. */
  without: EventFilter;
  /** What setFilter takes to drop it. */
  patch: Partial<EventFilter>;
}

/** The time slice a timeline bin stands for, as offsets from the session start. */
export function binLabel({ domain, count, index }: BinSelection): string {
  const width = (domain.toMs - domain.fromMs) / count;
  const from = domain.fromMs + index * width;
  const precise = width < 2000;
  return `${formatOffset(from, precise)} – ${formatOffset(from + width, precise)}`;
}

/**
 * The filters in effect, one by one, so an empty list can say which of them leave nothing
 * (a group picked under a time slice it never occurred in) and offer to drop just that one.
 */
export function filterParts(filter: EventFilter, groupTitle: (fingerprint: string) => string | undefined): FilterPart[] {
  const parts: FilterPart[] = [];
  if (filter.fingerprint !== undefined) {
    const { fingerprint: _f, ...without } = filter;
    parts.push({
      key: 'fingerprint',
      label: `error group “${groupTitle(filter.fingerprint) ?? filter.fingerprint}”`,
      without,
      patch: { fingerprint: undefined },
    });
  }
  if (filter.bin) {
    const { bin: _b, ...without } = filter;
    parts.push({ key: 'bin', label: `time slice ${binLabel(filter.bin)}`, without, patch: { bin: undefined } });
  }
  if (filter.levels.length > 0)
    parts.push({
      key: 'levels',
      label: `level ${filter.levels.map((l) => (l === 'unknown' ? 'none' : LEVEL_LABEL[l])).join(' or ')}`,
      without: { ...filter, levels: [] },
      patch: { levels: [] },
    });
  if (filter.text.trim() !== '')
    parts.push({ key: 'text', label: `text “${filter.text.trim()}”`, without: { ...filter, text: '' }, patch: { text: '' } });
  if (filter.logGroups.length > 0)
    parts.push({
      key: 'logGroups',
      label: `log group ${filter.logGroups.join(', ')}`,
      without: { ...filter, logGroups: [] },
      patch: { logGroups: [] },
    });
  if (filter.connections.length > 0)
    parts.push({
      key: 'connections',
      label: `connection ${filter.connections.join(', ')}`,
      without: { ...filter, connections: [] },
      patch: { connections: [] },
    });
  return parts;
}
