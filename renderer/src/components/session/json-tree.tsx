import { useState } from 'react';
import { parseJsonObject } from '../../../../shared/format/json-object';
import { sessionTagSpans } from '../../../../shared/session/session-tags';
import { TaggedText } from '../common/tagged-text';

const AUTO_OPEN_DEPTH = 2;
const MAX_INLINE = 60;

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).length}}`;
  return '';
}

function Scalar({ value }: { value: unknown }) {
  if (value === null) return <span className="json-null">null</span>;
  if (typeof value === 'string') {
    const multi = value.includes('\n');
    return (
      <span className={`json-string${multi ? ' is-multiline' : ''}`}>
        <TaggedText text={multi ? value : JSON.stringify(value)} />
      </span>
    );
  }
  if (typeof value === 'number') return <span className="json-number">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="json-boolean">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

/** A member that is the session's tag (`"openReplaySessionToken": "…"`): dimmed like a tag in text. */
function isTagMember(name: string, value: unknown): boolean {
  const member = `"${name}": ${JSON.stringify(value)}`;
  return sessionTagSpans(member).some(([start, end]) => start === 0 && end === member.length);
}

function Node({ name, value: given, depth }: { name: string | null; value: unknown; depth: number }) {
  // A shipper's envelope carries the record as JSON text (`"log": "{\"level\":…}"`): shown as the object it is.
  const value = typeof given === 'string' ? (parseJsonObject(given) ?? given) : given;
  const branch = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < AUTO_OPEN_DEPTH || JSON.stringify(value ?? null).length <= MAX_INLINE);
  const label = name === null ? null : <span className="json-key">{name}</span>;
  if (!branch) {
    return (
      <div className={`json-line${name !== null && isTagMember(name, value) ? ' is-session-tag' : ''}`}>
        {label}
        {label && <span className="json-punct">: </span>}
        <Scalar value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  return (
    <div className="json-branch">
      <button type="button" className="json-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="json-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        {label}
        {label && <span className="json-punct">: </span>}
        <span className="json-preview">{preview(value)}</span>
      </button>
      {open && (
        <div className="json-children">
          {entries.map(([key, child]) => (
            <Node key={key} name={key} value={child} depth={depth + 1} />
          ))}
        </div>
      )}
    </div>
  );
}

/** Pretty-printed, foldable JSON; long or deep branches start folded. */
export function JsonTree({ value }: { value: Record<string, unknown> }) {
  return (
    <div className="json-tree mono" data-testid="json-tree">
      {Object.entries(value).map(([key, child]) => (
        <Node key={key} name={key} value={child} depth={0} />
      ))}
    </div>
  );
}
