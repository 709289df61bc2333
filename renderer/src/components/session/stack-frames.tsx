import { useState } from 'react';
import type { StackFrame } from '../../../../shared/domain/log-parts';

const COLLAPSED_LIBRARY_RUN = 3;

/** `file:line:col` of a frame, when it names a file. */
function location(frame: StackFrame): string | undefined {
  if (frame.file === undefined) return undefined;
  return [frame.file, frame.line, frame.column].filter((part) => part !== undefined).join(':');
}

/**
 * Frames one per line, innermost first: function, then file:line:col; library and runtime frames
 * dimmed, and folded when there are many, so the app's own frames stand out.
 */
export function StackFrames({ frames }: { frames: readonly StackFrame[] }) {
  const [showAll, setShowAll] = useState(false);
  const libraryCount = frames.filter((f) => !f.app).length;
  const foldable = !showAll && libraryCount > COLLAPSED_LIBRARY_RUN && libraryCount < frames.length;
  const shown = foldable ? frames.filter((f, i) => f.app || i === 0) : frames;
  return (
    <div className="stack" data-testid="stack-frames">
      <ol className="stack-frames mono">
        {shown.map((frame, i) => {
          const where = location(frame);
          return (
            <li key={i} className={frame.app ? undefined : 'is-external'} data-testid="stack-frame" data-app={frame.app}>
              {frame.function !== undefined || where !== undefined ? (
                <>
                  {frame.function !== undefined && <span className="stack-function">{frame.function}</span>}
                  {where !== undefined && <span className="stack-location">{where}</span>}
                </>
              ) : (
                frame.raw
              )}
              {frame.code !== undefined && <span className="stack-code">{frame.code}</span>}
            </li>
          );
        })}
      </ol>
      {foldable && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShowAll(true)}>
          Show {libraryCount} library frames
        </button>
      )}
    </div>
  );
}
