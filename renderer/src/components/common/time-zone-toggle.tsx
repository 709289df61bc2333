import type { TimeZoneChoice } from '../../../../shared/time/format-time';
import { localZoneName } from '../../../../shared/time/format-time';
import { useStore } from '../../store/store';

const CHOICES: readonly { zone: TimeZoneChoice; label: string }[] = [
  { zone: 'local', label: 'Local' },
  { zone: 'utc', label: 'UTC' },
];

/** The quick switch for absolute times; it saves the same setting as the settings page. */
export function TimeZoneToggle() {
  const zone = useStore((s) => s.settings.timeZone);
  const saveSettings = useStore((s) => s.saveSettings);
  const reportError = useStore((s) => s.reportError);
  const local = localZoneName();
  const choose = async (next: TimeZoneChoice) => {
    if (next === zone) return;
    const result = await saveSettings({ timeZone: next });
    if (!result.ok) reportError(result.error);
  };
  return (
    <div className="segmented segmented-sm" role="group" aria-label="Show times in" data-testid="time-zone-toggle">
      {CHOICES.map((choice) => (
        <button
          key={choice.zone}
          type="button"
          aria-pressed={zone === choice.zone}
          title={
            choice.zone === 'local'
              ? `This computer's time zone${local ? ` (${local})` : ''}`
              : 'Coordinated Universal Time, as CloudWatch stores it'
          }
          onClick={() => void choose(choice.zone)}
          data-testid={`time-zone-${choice.zone}`}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
