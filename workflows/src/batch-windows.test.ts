import { windowState } from './batch-windows.js';

const at = (iso: string) => Date.parse(iso);

describe('windowState', () => {
  it('is always open without windows', () => {
    expect(windowState(at('2026-11-27T12:00:00Z'), [])).toEqual({ openNow: true, closesAt: undefined });
  });

  it('knows a window that spans midnight, from either side', () => {
    const windows = [{ start: '22:00', end: '06:00' }];
    expect(windowState(at('2026-11-27T23:30:00Z'), windows)).toEqual({ openNow: true, closesAt: at('2026-11-28T06:00:00Z') });
    expect(windowState(at('2026-11-27T05:00:00Z'), windows)).toEqual({ openNow: true, closesAt: at('2026-11-27T06:00:00Z') });
    expect(windowState(at('2026-11-27T12:00:00Z'), windows)).toEqual({ openNow: false, opensAt: at('2026-11-27T22:00:00Z') });
  });

  it('picks the next of several windows', () => {
    const windows = [{ start: '01:00', end: '02:00' }, { start: '13:00', end: '14:30' }];
    expect(windowState(at('2026-11-27T02:00:00Z'), windows)).toEqual({ openNow: false, opensAt: at('2026-11-27T13:00:00Z') });
    expect(windowState(at('2026-11-27T15:00:00Z'), windows)).toEqual({ openNow: false, opensAt: at('2026-11-28T01:00:00Z') });
    expect(windowState(at('2026-11-27T13:10:00Z'), windows)).toEqual({ openNow: true, closesAt: at('2026-11-27T14:30:00Z') });
  });
});
