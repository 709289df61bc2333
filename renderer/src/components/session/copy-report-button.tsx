import { useCopy } from '../../hooks/use-copy';
import { call } from '../../lib/api';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';

/** The cached run as a Markdown report (main renders it), for a ticket or a chat. */
export function CopyReportButton({ sessionId }: { sessionId: string }) {
  const copy = useCopy();
  const reportError = useStore((s) => s.reportError);
  const run = async () => {
    const result = await call((api) => api.exportSession({ sessionId, format: 'md' }));
    if (result.ok) await copy(result.value.content, 'session report as Markdown');
    else reportError(result.error);
  };
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() => void run()}
      title="Copy the whole session as a Markdown report"
      data-testid="copy-report"
    >
      <Icon name="copy" size={14} /> Report
    </button>
  );
}
