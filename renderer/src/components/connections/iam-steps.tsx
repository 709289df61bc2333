/** The AWS side of the setup, from OpenReplay's own CloudWatch guide: a read-only IAM user. */
export function IamSteps() {
  return (
    <aside className="iam-steps card" aria-labelledby="iam-heading" data-testid="iam-steps">
      <div className="card-body">
        <h2 id="iam-heading">Create read-only AWS credentials</h2>
        <p className="muted">orcw only reads logs. Give it a user that can do nothing else.</p>
        <ol className="steps">
          <li>
            Sign in to the AWS console and open <strong>IAM</strong> → <strong>Users</strong>.
          </li>
          <li>
            <strong>Create user</strong>, name it e.g. <code>orcw-readonly</code>. No console access is needed.
          </li>
          <li>
            Permissions: <strong>Attach policies directly</strong> → <code>CloudWatchReadOnlyAccess</code>.
          </li>
          <li>
            Create the user, open it, <strong>Security credentials</strong> → <strong>Create access key</strong> (use case: “Application
            running outside AWS”).
          </li>
          <li>
            Copy the <strong>Access key ID</strong> and <strong>Secret access key</strong> into the form. The secret goes to your OS
            keychain.
          </li>
        </ol>
        <p className="faint small-print">
          Already use the AWS CLI or SSO? Choose <strong>AWS profile</strong> instead and enter the profile name. Queries cost about $0.005
          per GB scanned; orcw limits each query to the session’s time window.
        </p>
      </div>
    </aside>
  );
}
