/** A command or YAML to copy as is: monospace, never wrapped into something else. */
import { useState } from 'react';
import { t } from '../../../i18n/t';

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
      <pre translate="no">
        <code>{text}</code>
      </pre>
      <button type="button" className="diag-copy-button" onClick={copy}>
        {copied ? t('diagnostics.copied') : t('diagnostics.copy')}
      </button>
    </div>
  );
}
