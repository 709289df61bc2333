import { useState, type FormEvent } from 'react';
import type { ConnectionView } from '../../../../shared/domain/connection';
import type { AppErrorValue } from '../../../../shared/errors';
import { call } from '../../lib/api';
import { initialValues, toDraft, toUpdate, type ConnectionFormValues, type FieldErrors } from '../../lib/connection-draft';
import { InlineError } from '../common/inline-error';
import { TextField } from './text-field';
import { useRegions } from './use-regions';

interface Props {
  existing?: ConnectionView;
  submitLabel?: string;
  onSaved(view: ConnectionView): void;
  onCancel?(): void;
}

/** Create or edit a connection. Secrets go to main once and are never shown again. */
export function ConnectionForm({ existing, submitLabel, onSaved, onCancel }: Props) {
  const [values, setValues] = useState<ConnectionFormValues>(() => initialValues(existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorValue | null>(null);
  const [saving, setSaving] = useState(false);
  const [advanced, setAdvanced] = useState(Boolean(existing?.endpoint || existing?.openReplay || existing?.sessionIdFields));
  const regions = useRegions();
  const set = (field: keyof ConnectionFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { draft, keepAuth, errors: found } = toDraft(values, existing !== undefined, existing?.accessKeyId);
    setErrors(found);
    setFailure(null);
    if (!draft) return;
    setSaving(true);
    const result = existing
      ? await call((api) => api.updateConnection(toUpdate(existing.id, draft, keepAuth)))
      : await call((api) => api.createConnection(draft));
    setSaving(false);
    if (result.ok) {
      setValues((v) => ({ ...v, secretAccessKey: '', sessionToken: '' }));
      onSaved(result.value);
    } else setFailure(result.error);
  };

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="connection-form" noValidate>
      <div className="form-row">
        <TextField
          label="Name"
          value={values.name}
          onChange={set('name')}
          error={errors.name}
          placeholder="production"
          autoFocus={!existing}
          data-testid="conn-name"
        />
        <div className="field">
          <label htmlFor="conn-region">Region</label>
          {regions.length > 0 ? (
            <select
              id="conn-region"
              className="select"
              value={values.region}
              onChange={(e) => set('region')(e.target.value)}
              data-testid="conn-region"
            >
              {!regions.includes(values.region) && <option value={values.region}>{values.region}</option>}
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="conn-region"
              className="input"
              value={values.region}
              onChange={(e) => set('region')(e.target.value)}
              data-testid="conn-region"
            />
          )}
          {errors.region && <div className="field-error">{errors.region}</div>}
        </div>
      </div>
      <div className="field">
        <span className="field-label">Credentials</span>
        <div className="segmented" role="group" aria-label="Credentials">
          <button type="button" aria-pressed={values.authKind === 'keys'} onClick={() => set('authKind')('keys')} data-testid="auth-keys">
            Access keys
          </button>
          <button
            type="button"
            aria-pressed={values.authKind === 'profile'}
            onClick={() => set('authKind')('profile')}
            data-testid="auth-profile"
          >
            AWS profile
          </button>
        </div>
      </div>
      {values.authKind === 'keys' ? (
        <div className="form-row">
          <TextField
            label="Access key ID"
            value={values.accessKeyId}
            onChange={set('accessKeyId')}
            error={errors.accessKeyId}
            className="mono"
            placeholder={
              existing?.accessKeyId
                ? `${existing.accessKeyId} (stored) — leave empty to keep`
                : existing?.hasSecret
                  ? 'Stored — leave empty to keep'
                  : 'AKIA…'
            }
            data-testid="conn-access-key"
          />
          <TextField
            label="Secret access key"
            type="password"
            value={values.secretAccessKey}
            onChange={set('secretAccessKey')}
            error={errors.secretAccessKey}
            className="mono"
            placeholder={existing?.hasSecret ? 'Stored — leave empty to keep' : ''}
            help="Kept in the OS keychain, never shown again."
            data-testid="conn-secret"
          />
        </div>
      ) : (
        <TextField
          label="Profile name"
          value={values.profile}
          onChange={set('profile')}
          error={errors.profile}
          placeholder="default"
          help="From ~/.aws/config or ~/.aws/credentials (SSO profiles work too)."
          data-testid="conn-profile"
        />
      )}
      <button
        type="button"
        className="btn btn-ghost btn-sm advanced-toggle"
        aria-expanded={advanced}
        onClick={() => setAdvanced(!advanced)}
        data-testid="conn-advanced"
      >
        {advanced ? '▾' : '▸'} Replay links, session ID fields and endpoint
      </button>
      {advanced && (
        <div className="form-grid">
          <div className="form-row">
            <TextField
              label="OpenReplay URL"
              value={values.openReplayBaseUrl}
              onChange={set('openReplayBaseUrl')}
              error={errors.openReplayBaseUrl}
              placeholder="https://app.openreplay.com"
              help="For replay links when you paste a token or ID."
              data-testid="conn-or-url"
            />
            <TextField
              label="OpenReplay project ID"
              value={values.openReplayProjectId}
              onChange={set('openReplayProjectId')}
              error={errors.openReplayProjectId}
              placeholder="42"
              data-testid="conn-or-project"
            />
          </div>
          <TextField
            label="Session ID fields"
            value={values.sessionIdFields}
            onChange={set('sessionIdFields')}
            error={errors.sessionIdFields}
            className="mono"
            placeholder="sessionId, or_session"
            help="Other field names your services log the OpenReplay session ID under (OpenReplay's own names and tokens are always found)."
            data-testid="conn-id-fields"
          />
          <TextField
            label="Custom endpoint"
            value={values.endpoint}
            onChange={set('endpoint')}
            error={errors.endpoint}
            placeholder="https://logs.us-east-1.amazonaws.com"
            help="Only for VPC endpoints, proxies or a local emulator."
            data-testid="conn-endpoint"
          />
        </div>
      )}
      {errors.form && <div className="field-error">{errors.form}</div>}
      {failure && <InlineError error={failure} testId="connection-save-error" />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving} data-testid="conn-save">
          {saving ? 'Saving…' : (submitLabel ?? (existing ? 'Save changes' : 'Add connection'))}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
