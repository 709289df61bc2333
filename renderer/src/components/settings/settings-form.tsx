import { useEffect, useState, type FormEvent } from 'react';
import { settingsSchema, type Settings } from '../../../../shared/domain/settings';
import type { AppErrorValue } from '../../../../shared/errors';
import { useStore } from '../../store/store';
import { InlineError } from '../common/inline-error';
import { TextField } from '../connections/text-field';

const MB = 1024 * 1024;

interface Draft {
  marginMinutes: string;
  cacheCapMb: string;
  pricePerGb: string;
  contextEvents: string;
  linkAutoRunMaxUsd: string;
}

function toDraft(s: Settings): Draft {
  return {
    marginMinutes: String(s.marginMinutes),
    cacheCapMb: String(Math.round(s.cacheCapBytes / MB)),
    pricePerGb: String(s.pricePerGb),
    contextEvents: String(s.contextEvents),
    linkAutoRunMaxUsd: String(s.linkAutoRunMaxUsd),
  };
}

export function SettingsForm() {
  const settings = useStore((s) => s.settings);
  const saveSettings = useStore((s) => s.saveSettings);
  const pushNotice = useStore((s) => s.pushNotice);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorValue | null>(null);
  useEffect(() => setDraft(toDraft(settings)), [settings]);
  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = {
      ...settings,
      marginMinutes: Number(draft.marginMinutes),
      cacheCapBytes: Math.round(Number(draft.cacheCapMb) * MB),
      pricePerGb: Number(draft.pricePerGb),
      contextEvents: Number(draft.contextEvents),
      linkAutoRunMaxUsd: Number(draft.linkAutoRunMaxUsd),
    };
    const parsed = settingsSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(`${String(issue?.path[0] ?? 'value')}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setProblem(null);
    const result = await saveSettings(parsed.data);
    if (result.ok) {
      setFailure(null);
      pushNotice({ tone: 'info', message: 'Settings saved.' });
    } else setFailure(result.error);
  };

  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} data-testid="settings-form" noValidate>
      <div className="form-row">
        <TextField
          label="Window margin (minutes)"
          type="number"
          min={0}
          value={draft.marginMinutes}
          onChange={set('marginMinutes')}
          help="Added before the session start and after its end; more margin scans more bytes."
          data-testid="setting-margin"
        />
        <TextField
          label="Price per GB scanned (USD)"
          type="number"
          step="0.001"
          min={0}
          value={draft.pricePerGb}
          onChange={set('pricePerGb')}
          help="Logs Insights: $0.005 in us-east-1."
          data-testid="setting-price"
        />
      </div>
      <div className="form-row">
        <TextField
          label="Cache size limit (MB)"
          type="number"
          min={16}
          value={draft.cacheCapMb}
          onChange={set('cacheCapMb')}
          help="Oldest viewed sessions are dropped beyond this."
          data-testid="setting-cache-cap"
        />
        <TextField
          label="Context lines per error"
          type="number"
          min={0}
          max={200}
          value={draft.contextEvents}
          onChange={set('contextEvents')}
          help="Lines fetched around each error group's first occurrence."
        />
      </div>
      <div className="form-row">
        <TextField
          label="Cost ceiling for links (USD)"
          type="number"
          step="0.001"
          min={0}
          value={draft.linkAutoRunMaxUsd}
          onChange={set('linkAutoRunMaxUsd')}
          help="An orcw:// link that needs CloudWatch runs without asking only when its estimate is at most this; 0 always asks."
          data-testid="setting-link-ceiling"
        />
      </div>
      {problem && <div className="field-error">{problem}</div>}
      {failure && <InlineError error={failure} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" data-testid="settings-save">
          Save
        </button>
      </div>
    </form>
  );
}
