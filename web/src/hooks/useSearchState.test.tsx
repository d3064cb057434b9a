// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigationType } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useSearchState, useUrlSort, useUrlText } from './useSearchState';

/** Renders `hook` under a router at `url`, exposing the hook and where the router is. */
function renderAt<T>(url: string, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ value: hook(), search: useLocation().search, navigation: useNavigationType() }),
    { wrapper },
  );
}

const KEYS = ['name', 'cpu', 'memory'] as const;
const FALLBACK = { key: 'cpu', dir: 'desc' } as const;

describe('useSearchState', () => {
  it('merges updates into the query string, drops defaults and nulls, and pushes', () => {
    const r = renderAt('/ns?q=web&range=1h', () => useSearchState());
    expect(r.result.current.value[0].get('q')).toBe('web');
    act(() =>
      r.result.current.value[1](
        { range: '15m', q: null, sort: 'cpu' },
        { defaults: { range: '15m' } },
      ),
    );
    expect(r.result.current.search).toBe('?sort=cpu');
    expect(r.result.current.navigation).toBe('PUSH');
  });
});

describe('useUrlSort', () => {
  it('reads the fallback, then a clicked column descending, then ascending, and back to no param', () => {
    const r = renderAt('/nodes', () => useUrlSort('sort', KEYS, FALLBACK, ['name']));
    expect(r.result.current.value[0]).toEqual(FALLBACK);
    act(() => r.result.current.value[1]('memory'));
    expect(r.result.current.value[0]).toEqual({ key: 'memory', dir: 'desc' });
    expect(r.result.current.search).toBe('?sort=-memory');
    act(() => r.result.current.value[1]('memory'));
    expect(r.result.current.search).toBe('?sort=memory');
    // Text columns start ascending.
    act(() => r.result.current.value[1]('name'));
    expect(r.result.current.value[0]).toEqual({ key: 'name', dir: 'asc' });
    // Clicking back to the default order leaves a clean URL.
    act(() => r.result.current.value[1]('cpu'));
    expect(r.result.current.value[0]).toEqual(FALLBACK);
    expect(r.result.current.search).toBe('');
  });

  it('ignores an unknown key in the URL', () => {
    const r = renderAt('/nodes?sort=-disk', () => useUrlSort('sort', KEYS, FALLBACK));
    expect(r.result.current.value[0]).toEqual(FALLBACK);
  });
});

describe('useUrlText', () => {
  it('reads and writes the filter, replacing the history entry while typing', () => {
    const r = renderAt('/ns?filter=we', () => useUrlText('filter'));
    expect(r.result.current.value[0]).toBe('we');
    act(() => r.result.current.value[1]('web'));
    expect(r.result.current.value[0]).toBe('web');
    expect(r.result.current.search).toBe('?filter=web');
    expect(r.result.current.navigation).toBe('REPLACE');
  });
});
