import { Component, type ErrorInfo, type ReactNode } from 'react';
import { InlineError } from './inline-error';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. on navigation) gives the view a fresh start after a crash. */
  resetKey?: unknown;
  area: string;
}

interface State {
  failed: boolean;
  resetKey: unknown;
}

/** A render bug in one view shows an inline message there; the rest of the app keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Developer console only: the user sees the inline message, never a stack.
    console.error(`[orcw] ${this.props.area} crashed`, error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="boundary" data-testid="error-boundary">
        <InlineError
          error={{
            code: 'INTERNAL',
            message: `The ${this.props.area} could not be shown.`,
            hint: 'Try again; if it keeps happening, reload the window (Ctrl+R) — your data is safe in the cache.',
          }}
          action={
            <button type="button" className="btn btn-sm" onClick={() => this.setState({ failed: false })}>
              Try again
            </button>
          }
        />
      </div>
    );
  }
}
