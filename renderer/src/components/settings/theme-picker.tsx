import type { Settings } from '../../../../shared/domain/settings';
import { useStore } from '../../store/store';

const THEMES: { id: Settings['theme']; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function ThemePicker() {
  const theme = useStore((s) => s.settings.theme);
  const saveSettings = useStore((s) => s.saveSettings);
  const reportError = useStore((s) => s.reportError);
  return (
    <div className="segmented" role="group" aria-label="Theme">
      {THEMES.map((t) => (
        <button
          key={t.id}
          type="button"
          aria-pressed={theme === t.id}
          onClick={() =>
            void saveSettings({ theme: t.id }).then((result) => {
              if (!result.ok) reportError(result.error);
            })
          }
          data-testid={`theme-${t.id}`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
