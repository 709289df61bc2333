import { useMemo, useState, type FormEvent } from 'react';
import { parseSessionReference } from '../../../../shared/session/reference';
import { REFERENCE_INPUT_ID } from '../../hooks/use-shortcuts';
import { describeReference } from '../../lib/describe-reference';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';

/** The one field that takes any session reference; validated by the shared parser as you type. */
export function ReferenceInput() {
  const [text, setText] = useState('');
  const [focused, setFocused] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const openReference = useStore((s) => s.openReference);
  const running = useStore((s) => s.run !== null);
  const zone = useStore((s) => s.settings.timeZone);
  const parsed = useMemo(() => (text.trim() === '' ? null : parseSessionReference(text)), [text]);
  const invalid = parsed !== null && !parsed.ok;
  const showStatus = parsed !== null && (focused || (submitted && invalid));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed?.ok) return;
    void openReference(text.trim());
    (document.activeElement as HTMLElement | null)?.blur();
  };

  return (
    <form className="reference-form" onSubmit={submit} role="search" aria-label="Open a session">
      <div className={`reference-field${invalid ? ' is-invalid' : ''}${parsed?.ok ? ' is-valid' : ''}`}>
        <Icon name="session" />
        <input
          id={REFERENCE_INPUT_ID}
          className="reference-input mono"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setSubmitted(false);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          placeholder="Paste a session token, session ID, replay URL, [openReplaySessionToken=…] tag or orcw:// link"
          spellCheck={false}
          autoComplete="off"
          aria-label="Session reference"
          aria-invalid={invalid}
          aria-describedby="reference-status"
          data-testid="reference-input"
        />
        <kbd className="reference-kbd" aria-hidden="true">
          Ctrl L
        </kbd>
      </div>
      <button type="submit" className="btn btn-primary" disabled={!parsed?.ok} data-testid="reference-open">
        {running ? 'Open (cancels current)' : 'Open'}
      </button>
      <div
        id="reference-status"
        className={`reference-status${showStatus ? ' is-shown' : ''}`}
        data-testid="reference-status"
        role={invalid ? 'alert' : undefined}
      >
        {parsed?.ok && (
          <span className="ok">
            <Icon name="check" size={14} /> {describeReference(parsed.value, zone)}
          </span>
        )}
        {parsed && !parsed.ok && (
          <>
            <span className="bad">
              <Icon name="alert" size={14} /> {capitalise(parsed.error.message)}.
            </span>
            <span className="hint">{parsed.error.hint}</span>
          </>
        )}
      </div>
    </form>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
