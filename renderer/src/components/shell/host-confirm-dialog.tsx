import { useStore } from '../../store/store';
import { ModalDialog } from '../common/modal-dialog';

/** Before a replay link opens a host that is not OpenReplay or a connection's OpenReplay: say which host, ask. */
export function HostConfirmDialog() {
  const pending = useStore((s) => s.hostConfirm);
  const confirm = useStore((s) => s.confirmHost);
  const dismiss = useStore((s) => s.dismissHostConfirm);
  if (!pending) return null;
  return (
    <ModalDialog labelledBy="host-confirm-title" describedBy="host-confirm-body" onCancel={dismiss} testId="host-confirm">
      <h2 id="host-confirm-title" className="modal-title">
        Open a page on {pending.host}?
      </h2>
      <div id="host-confirm-body" className="modal-body">
        <p>
          This replay link leads to <strong data-testid="host-confirm-host">{pending.host}</strong>, which is not OpenReplay
          (app.openreplay.com) or the OpenReplay base URL of one of your connections. Links can come from anywhere; open it only if you know
          this host.
        </p>
        <p className="mono modal-url">{pending.url}</p>
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={dismiss} data-autofocus data-testid="host-confirm-cancel">
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void confirm()} data-testid="host-confirm-open">
          Open {pending.host}
        </button>
      </div>
    </ModalDialog>
  );
}
