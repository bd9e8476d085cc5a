import { datesAgree, datesComparable, datesOf, formatDate } from './dates.js';
import { weekdayMask, weekdayNames } from './weekdays.js';

const formatted = (text: string): string[] => datesOf(text).map(formatDate);

describe('datesOf', () => {
  it('reads the common formats as the same day', () => {
    expect(formatted('Jan 5, 2025')).toEqual(['2025-01-05']);
    expect(formatted('2025-01-05')).toEqual(['2025-01-05']);
    expect(formatted('5 January 2025')).toEqual(['2025-01-05']);
    expect(formatted('the 5th of January, 2025')).toEqual(['2025-01-05']);
    expect(formatted('01/05/2025')).toEqual(['2025-01-05']);
    expect(formatted('25/12/2024')).toEqual(['2024-12-25']);
  });

  it('keeps partial dates partial and leaves counts and the modal "may" alone', () => {
    expect(formatted('from May 1 to September 30')).toEqual(['05-01', '09-30']);
    expect(formatted('due in March 2025, rates from 2024')).toEqual(['2025-03', '2024']);
    expect(formatted('You may cancel; 2000 users signed up; it costs $2025.')).toEqual([]);
  });

  it('compares only the parts both dates state', () => {
    const [full, dayMonth, otherDay, year] = datesOf('5 January 2025; January 5; January 6; in 2024');
    if (!full || !dayMonth || !otherDay || !year) throw new Error('expected four dates');
    expect(datesComparable(full, dayMonth) && datesAgree(full, dayMonth)).toBe(true);
    expect(datesComparable(dayMonth, otherDay) && datesAgree(dayMonth, otherDay)).toBe(false);
    expect(datesComparable(full, year) && datesAgree(full, year)).toBe(false);
  });
});

describe('weekdayMask', () => {
  it('spells out ranges and weekdays/weekends', () => {
    expect(weekdayMask('Monday to Friday')).toBe(weekdayMask('on weekdays'));
    expect(weekdayNames(weekdayMask('Mon–Wed and Sundays'))).toBe('Monday, Tuesday, Wednesday, Sunday');
    expect(weekdayMask('open at weekends')).toBe(weekdayMask('Saturday and Sunday'));
    expect(weekdayMask('a monthly fee')).toBe(0);
  });
});
