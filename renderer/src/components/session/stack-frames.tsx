import { useState } from 'react';
import type { StackFrame } from '../../lib/stack';

const COLLAPSED_EXTERNAL_RUN = 3;

/** Frames one per line; runs of library/runtime frames fold so the app's own frames stand out. */
export function StackFrames({ frames }: { frames: readonly StackFrame[] }) {
  const [showAll, setShowAll] = useState(false);
  const externalCount = frames.filter((f) => f.external).length;
  const foldable = !showAll && externalCount > COLLAPSED_EXTERNAL_RUN && externalCount < frames.length;
  const shown = foldable ? frames.filter((f, i) => !f.external || i === 0) : frames;
  return (
    <div className="stack" data-testid="stack-frames">
      <ol className="stack-frames mono">
        {shown.map((frame, i) => (
          <li key={i} className={frame.external ? 'is-external' : undefined}>
            {frame.location ? highlight(frame.text, frame.location) : frame.text}
          </li>
        ))}
      </ol>
      {foldable && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setShowAll(true)}>
          Show {externalCount} library frames
        </button>
      )}
    </div>
  );
}

function highlight(text: string, location: string) {
  const at = text.indexOf(location);
  if (at === -1) return text;
  return (
    <>
      {text.slice(0, at)}
      <span className="stack-location">{location}</span>
      {text.slice(at + location.length)}
    </>
  );
}
