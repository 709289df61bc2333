/** Where a qualified name's last part starts: after its last `.`, `::`, `/` or `\`. */
function lastPartAt(name: string): number {
  const match = /(?:\.|::|\/|\\)(?=[^.:/\\]+$)/.exec(name);
  return match ? match.index + match[0].length : 0;
}

/**
 * A qualified name (`botocore.exceptions.ClientError`, `java.lang.IllegalStateException`) that
 * does not fit is cut in the middle, never at its end: the package shrinks first, the class name
 * last. The whole name stays in the text, so screen readers and copies get all of it.
 */
export function DottedName({ name, className = '', testId }: { name: string; className?: string; testId?: string }) {
  const at = lastPartAt(name);
  return (
    <span className={`dotted-name ${className}`} data-testid={testId}>
      {at > 0 && <span className="dotted-head">{name.slice(0, at)}</span>}
      <span className="dotted-tail">{name.slice(at)}</span>
    </span>
  );
}
