import { useState } from 'react';
import type { ConnectionView } from '../../../shared/domain/connection';
import { ConnectionForm } from '../components/connections/connection-form';
import { ConnectionTest } from '../components/connections/connection-test';
import { IamSteps } from '../components/connections/iam-steps';
import { LogGroupPicker } from '../components/connections/log-group-picker';
import { useStore } from '../store/store';

type Step = 'details' | 'test' | 'groups';
const STEPS: { id: Step; label: string }[] = [
  { id: 'details', label: 'Account' },
  { id: 'test', label: 'Test' },
  { id: 'groups', label: 'Log groups' },
];

/** First run: connect one AWS account in three steps, with the IAM instructions alongside. */
export function SetupView() {
  const [step, setStep] = useState<Step>('details');
  const [connection, setConnection] = useState<ConnectionView | undefined>();
  const [tested, setTested] = useState(false);
  const navigate = useStore((s) => s.navigate);
  const loadConnections = useStore((s) => s.loadConnections);
  const pushNotice = useStore((s) => s.pushNotice);
  const current = STEPS.findIndex((s) => s.id === step);

  return (
    <div className="page">
      <div className="page-inner setup">
        <div className="page-header">
          <div>
            <h1>Connect CloudWatch Logs</h1>
            <p>orcw reads the log groups your backend writes to. Nothing is sent anywhere else.</p>
          </div>
          <button type="button" className="btn btn-ghost" onClick={() => navigate('home')} data-testid="setup-skip">
            Skip — browse cached sessions
          </button>
        </div>
        <div className="setup-grid">
          <section className="card">
            <ol className="stepper" aria-label="Setup steps">
              {STEPS.map((s, i) => (
                <li key={s.id} aria-current={s.id === step ? 'step' : undefined} className={i < current ? 'is-done' : undefined}>
                  <span className="step-number">{i + 1}</span> {s.label}
                </li>
              ))}
            </ol>
            <div className="card-body">
              {step === 'details' && (
                <ConnectionForm
                  {...(connection && { existing: connection })}
                  submitLabel="Save and test"
                  onSaved={(view) => {
                    setConnection(view);
                    setTested(false);
                    setStep('test');
                    void loadConnections();
                  }}
                />
              )}
              {step === 'test' && connection && (
                <div className="form-grid">
                  <p>
                    Testing <strong>{connection.name}</strong> in <code>{connection.region}</code>…
                  </p>
                  <ConnectionTest id={connection.id} auto onResult={setTested} />
                  <div className="form-actions">
                    <button type="button" className="btn" onClick={() => setStep('details')} data-testid="setup-back">
                      Change credentials
                    </button>
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={!tested}
                      onClick={() => setStep('groups')}
                      data-testid="setup-next"
                    >
                      Choose log groups
                    </button>
                  </div>
                </div>
              )}
              {step === 'groups' && connection && (
                <LogGroupPicker
                  connection={connection}
                  saveLabel="Finish setup"
                  onSaved={(view) => {
                    setConnection(view);
                    void loadConnections();
                    pushNotice({ tone: 'info', message: `${view.name} is ready. Paste a session to query it.` });
                    navigate('home');
                  }}
                />
              )}
            </div>
          </section>
          <IamSteps />
        </div>
      </div>
    </div>
  );
}
