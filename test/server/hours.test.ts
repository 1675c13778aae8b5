import { describe, expect, it } from 'vitest';
import { checkHours, isOpenAt, nextOpening, type LiveChatHours } from '../../server/hours.js';
import { parseServiceConfig, ConfigError } from '../../server/config.js';

const SYDNEY: LiveChatHours = { timezone: 'Australia/Sydney', hours: { mon: ['09:00-20:00'], fri: ['09:00-12:00', '13:00-17:00'] } };

describe('opening hours', () => {
  it('is open inside a range in the service’s own time zone, not the server’s', () => {
    // Monday 26 Oct 2026, 10:00 in Sydney (AEDT, UTC+11) is Sunday 23:00 UTC.
    expect(isOpenAt(SYDNEY, new Date('2026-10-25T23:00:00Z'))).toBe(true);
    // Monday 08:59 in Sydney.
    expect(isOpenAt(SYDNEY, new Date('2026-10-25T21:59:00Z'))).toBe(false);
    // Monday 20:00 in Sydney: the range has ended.
    expect(isOpenAt(SYDNEY, new Date('2026-10-26T09:00:00Z'))).toBe(false);
  });

  it('handles a lunch break and days with no hours', () => {
    expect(isOpenAt(SYDNEY, new Date('2026-10-30T01:30:00Z'))).toBe(false); // Fri 12:30
    expect(isOpenAt(SYDNEY, new Date('2026-10-30T02:30:00Z'))).toBe(true); // Fri 13:30
    expect(isOpenAt(SYDNEY, new Date('2026-10-27T00:00:00Z'))).toBe(false); // Tue 11:00, no hours
  });

  it('says when it next opens', () => {
    expect(nextOpening(SYDNEY, new Date('2026-10-26T09:30:00Z'))).toEqual({ day: 'fri', time: '09:00' }); // Mon 20:30
    expect(nextOpening(SYDNEY, new Date('2026-10-30T01:30:00Z'))).toEqual({ day: 'fri', time: '13:00' });
    expect(nextOpening({ timezone: 'UTC', hours: 'always' }, new Date())).toBeNull();
  });

  it('reports a bad time zone, day or range', () => {
    expect(checkHours({ timezone: 'Mars/Olympus', hours: 'always' })[0]).toContain('not a time zone');
    expect(checkHours({ timezone: 'UTC', hours: { mon: ['9-5'] } })[0]).toContain('should look like "09:00-17:00"');
    expect(checkHours({ timezone: 'UTC', hours: { mon: ['22:00-02:00'] } })[0]).toContain('split ranges at midnight');
    expect(checkHours({ timezone: 'UTC', hours: { funday: ['09:00-10:00'] } as never })[0]).toContain('is not a day');
  });

  it('the service configuration refuses bad hours with a sentence', () => {
    const base = { serviceName: 'S', country: 'AU', safeExitUrl: 'https://example.org/', flows: ['default'] };
    expect(parseServiceConfig(base).liveChat.hours).toBe('always');
    expect(() => parseServiceConfig({ ...base, liveChat: { timezone: 'UTC', hours: { mon: ['25:00-26:00'] } } })).toThrow(ConfigError);
  });
});
