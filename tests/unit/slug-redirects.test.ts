import { describe, expect, it, vi } from 'vitest';
import { createSlugRedirects } from '@/server/slug-redirects';

describe('the map of old article addresses', () => {
  it('answers from memory and reloads in the background once stale', async () => {
    const clock = { now: 0 };
    const maps = [new Map([['cu', 'moi']]), new Map([['cu', 'moi-hon']])];
    const load = vi.fn(async () => maps[Math.min(load.mock.calls.length - 1, 1)]!);
    const redirects = createSlugRedirects({ load, now: () => clock.now, reloadAfterMs: 5000 });
    await redirects.reload();
    expect(redirects.lookup('cu')).toBe('moi');
    expect(redirects.lookup('khac')).toBeUndefined();
    clock.now = 4000;
    redirects.lookup('cu');
    expect(load).toHaveBeenCalledTimes(1);
    // Stale: this answer is still the old one, the next one is fresh.
    clock.now = 5001;
    expect(redirects.lookup('cu')).toBe('moi');
    await vi.waitFor(() => expect(redirects.lookup('cu')).toBe('moi-hon'));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('a reload asked for during a load runs once more afterwards, so no change is missed', async () => {
    let release!: () => void;
    let calls = 0;
    const load = vi.fn(async () => {
      calls += 1;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      return new Map([['cu', `lan-${calls}`]]);
    });
    const redirects = createSlugRedirects({ load });
    const first = redirects.reload();
    const second = redirects.reload();
    const third = redirects.reload();
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await Promise.all([first, second, third]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(redirects.lookup('cu')).toBe('lan-2');
  });

  it('keeps the last map when the database fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let fail = false;
    const redirects = createSlugRedirects({
      load: async () => {
        if (fail) throw new Error('mất kết nối');
        return new Map([['cu', 'moi']]);
      },
    });
    await redirects.reload();
    fail = true;
    await redirects.reload();
    expect(redirects.lookup('cu')).toBe('moi');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
