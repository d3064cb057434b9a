/**
 * A value we do not have. Always says why in words ("no metrics", "warming up",
 * `<unknown>`), so it can never be mistaken for a zero.
 */
interface UnknownProps {
  text?: string;
  title?: string;
}

export function Unknown({ text = 'unknown', title }: UnknownProps) {
  return (
    <span className="unknown" title={title ?? text}>
      {text}
    </span>
  );
}

/** A request or limit that is not set: a dash for the eye, "not set" for screen readers. */
export function NotSet() {
  return (
    <span className="not-set" title="not set">
      <span aria-hidden="true">–</span>
      <span className="sr-only">not set</span>
    </span>
  );
}
