import { useEffect, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  labelledBy: string;
  describedBy?: string;
  /** Esc, or the dialog closing any other way than through its buttons. */
  onCancel(): void;
  children: ReactNode;
  testId: string;
}

/**
 * A native modal <dialog>: focus stays inside, the page behind is inert, Esc cancels. Esc is
 * kept from the app-wide shortcuts (which would also cancel a running query or clear a filter).
 * The child marked `data-autofocus` gets the focus (the button Enter presses).
 */
export function ModalDialog({ labelledBy, describedBy, onCancel, children, testId }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first focusable element; the dialog names the one Enter should press.
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="modal card"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.stopPropagation();
      }}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
