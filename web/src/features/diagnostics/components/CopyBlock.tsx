/** A command or YAML to copy as is: monospace, never wrapped into something else. */
import { useState } from 'react';

interface CopyBlockProps {
  text: string;
  kind: 'command' | 'yaml';
}

export function CopyBlock({ text, kind }: CopyBlockProps) {
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className={`diag-copy diag-copy-${kind}`}>
      <pre>
        <code>{text}</code>
      </pre>
      <button type="button" className="diag-copy-button" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
