import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SavedFile } from '../../../../shared/domain/session-file';
import type { Result } from '../../../../shared/ipc/result';
import { call } from '../../lib/api';
import { formatBytes } from '../../lib/format';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';

/**
 * "Save…": the report (Markdown) or the session (lossless, re-importable), each to a file the
 * user picks in main's save dialog. A disclosure, not a menu: two buttons, Tab-reachable.
 */
export function SaveMenu({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const pushNotice = useStore((s) => s.pushNotice);
  const reportError = useStore((s) => s.reportError);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const save = async (what: string, run: () => Promise<Result<SavedFile | null>>) => {
    setOpen(false);
    const result = await run();
    if (!result.ok) reportError(result.error);
    else if (result.value)
      pushNotice({ tone: 'info', message: `Saved the ${what} to ${result.value.path} (${formatBytes(result.value.bytes)}).` });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // Closing the panel is all Escape does here (not clearing the filters behind it).
    event.stopPropagation();
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className="save-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        type="button"
        className="btn btn-sm"
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        title="Save the report or the whole session to a file"
        data-testid="save-menu"
      >
        <Icon name="download" size={14} /> Save… <Icon name="chevronDown" size={12} />
      </button>
      <div id={panelId} className="save-panel" hidden={!open} data-testid="save-panel">
        <button
          type="button"
          className="btn btn-ghost btn-sm save-choice"
          onClick={() => void save('report', () => call((api) => api.saveReport({ sessionId })))}
          data-testid="save-report"
        >
          Report (Markdown)
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-sm save-choice"
          onClick={() => void save('session', () => call((api) => api.saveSessionFile({ sessionId })))}
          data-testid="save-session"
        >
          Session file (.orcw, re-importable)
        </button>
      </div>
    </div>
  );
}
