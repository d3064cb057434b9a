// @vitest-environment happy-dom
/** The node's conditions keep the API's words and say kubeglance's own in the language on screen. */
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../i18n/i18n';
import { NodeConditions } from './NodeConditions';

afterEach(() => {
  cleanup();
  setLanguage('en', false);
});

describe('NodeConditions', () => {
  it('says that none were reported, and which are a problem, in Japanese', () => {
    setLanguage('ja', false);
    expect(render(<NodeConditions conditions={[]} />).container.textContent).toBe(
      '報告された Condition はありません。',
    );
    cleanup();
    const { container } = render(
      <NodeConditions
        conditions={[
          {
            type: 'MemoryPressure',
            status: 'True',
            reason: 'KubeletHasInsufficientMemory',
            message: null,
            lastTransitionMs: null,
          },
        ]}
      />,
    );
    expect(container.querySelector('tbody')?.textContent).toContain('True (異常)');
    expect(container.textContent).not.toMatch(/problem|No conditions/);
  });
});
