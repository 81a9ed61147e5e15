import { describe, expect, it } from 'vitest';
import { fromLocalDateTimeInput, startOfVietnamDay, toLocalDateTimeInput, vietnamDay } from '@/lib/time';

describe('time in Asia/Ho_Chi_Minh', () => {
  it('reads and writes datetime-local values as Vietnamese wall-clock time', () => {
    const instant = new Date('2018-08-07T00:37:00Z');
    expect(toLocalDateTimeInput(instant)).toBe('2018-08-07T07:37');
    expect(fromLocalDateTimeInput('2018-08-07T07:37')?.toISOString()).toBe(instant.toISOString());
    expect(fromLocalDateTimeInput(' 2018-08-07T07:37:59 ')?.toISOString()).toBe(instant.toISOString());
    expect(toLocalDateTimeInput(null)).toBe('');
    for (const bad of ['', '07/08/2018 07:37', '2018-13-40T25:99', '2018-08-07']) expect(fromLocalDateTimeInput(bad), bad).toBeNull();
  });

  it('starts the day at midnight in Vietnam, not in UTC', () => {
    expect(vietnamDay(Date.parse('2024-03-01T16:59:59Z'))).toBe('2024-03-01');
    expect(vietnamDay(Date.parse('2024-03-01T17:00:00Z'))).toBe('2024-03-02');
    expect(startOfVietnamDay(Date.parse('2024-03-02T05:00:00Z')).toISOString()).toBe('2024-03-01T17:00:00.000Z');
  });
});
