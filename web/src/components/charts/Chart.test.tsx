// @vitest-environment happy-dom
import { render, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimeSeriesChart } from './Chart';
import type { TimeSeriesChartProps } from './types';

const props: TimeSeriesChartProps = {
  title: 'CPU by pod',
  rows: [
    { t: 1_000, a: 1, b: 2 },
    { t: 2_000, a: 2, b: 1 },
  ],
  series: [
    { key: 'a', label: 'pod-a', color: '#123456' },
    { key: 'b', label: 'pod-b', color: '#654321' },
  ],
  unit: 'cores',
  fromMs: 0,
  toMs: 2_000,
  height: 123,
  formatValue: String,
};

const placeholderOf = (el: Element | null | undefined) =>
  el?.querySelector<HTMLElement>('.chart-placeholder') ?? null;

describe('TimeSeriesChart drawLater', () => {
  it('keeps the frame and a same-height placeholder while a chart beside it is drawn', async () => {
    const { container, rerender } = render(
      <>
        <div id="later">
          <TimeSeriesChart {...props} drawLater />
        </div>
        <div id="now">
          <TimeSeriesChart {...props} />
        </div>
      </>,
    );
    const later = () => container.querySelector('#later');
    const now = () => container.querySelector('#now');
    // The drawing's code loads lazily (Suspense shows the placeholder until it has).
    await waitFor(() => expect(placeholderOf(now())).toBeNull(), { timeout: 15_000 });
    expect(placeholderOf(later())?.style.height).toBe('123px');
    expect(later()?.querySelector('figure')?.getAttribute('aria-busy')).toBe('true');
    expect(later()?.querySelector('figcaption')?.textContent).toBe('CPU by pod');
    const legend = [...(later()?.querySelectorAll('.chart-legend li') ?? [])];
    expect(legend.map((li) => li.textContent)).toEqual(['pod-a', 'pod-b']);

    rerender(
      <>
        <div id="later">
          <TimeSeriesChart {...props} />
        </div>
        <div id="now">
          <TimeSeriesChart {...props} />
        </div>
      </>,
    );
    await waitFor(() => expect(placeholderOf(later())).toBeNull(), { timeout: 15_000 });
  }, 30_000);
});
