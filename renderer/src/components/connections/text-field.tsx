import type { InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
}

export function TextField({ label, value, onChange, error, help, id, className, ...rest }: Props) {
  const fieldId = id ?? `field-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        className={`input ${className ?? ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || help ? `${fieldId}-note` : undefined}
        spellCheck={false}
        autoComplete="off"
        {...rest}
      />
      {error ? (
        <div id={`${fieldId}-note`} className="field-error">
          {error}
        </div>
      ) : help ? (
        <div id={`${fieldId}-note`} className="field-help">
          {help}
        </div>
      ) : null}
    </div>
  );
}
