/**
 * Opening hours for live chat, in the service's own time zone. Pure (no Node APIs), so the widget
 * can use it to say "we're closed now" before trying, and the relay to refuse with `closed`.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** `"always"`, or per day a list of "HH:MM-HH:MM" ranges (a range ends the same day; split at midnight). */
export type WeeklyHours = 'always' | Partial<Record<Day, string[]>>;

export interface LiveChatHours {
  /** An IANA time zone, e.g. "Australia/Sydney". */
  timezone: string;
  hours: WeeklyHours;
}

export const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The weekday and minute of the day at `date` in `timezone`. */
export function localTime(timezone: string, date: Date): { day: Day; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = get('weekday').slice(0, 3).toLowerCase() as Day;
  return { day, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

export function isOpenAt(live: LiveChatHours, date: Date): boolean {
  if (live.hours === 'always') return true;
  const { day, minute } = localTime(live.timezone, date);
  return (live.hours[day] ?? []).some((range) => {
    const [from = '', to = ''] = range.split('-');
    return minute >= minutes(from) && minute < minutes(to);
  });
}

/** When live chat next opens after `date`, as the local day and time ("mon", "09:00"); null if never. */
export function nextOpening(live: LiveChatHours, date: Date): { day: Day; time: string } | null {
  if (live.hours === 'always') return null;
  const now = localTime(live.timezone, date);
  const today = DAYS.indexOf(now.day);
  for (let offset = 0; offset < 8; offset++) {
    const day = DAYS[(today + offset) % 7]!;
    const starts = (live.hours[day] ?? []).map((r) => r.split('-')[0] ?? '').sort();
    const next = starts.find((s) => offset > 0 || minutes(s) > now.minute);
    if (next) return { day, time: next };
  }
  return null;
}

/** Problems with a timetable, as sentences (empty when fine). */
export function checkHours(live: LiveChatHours): string[] {
  const problems: string[] = [];
  try {
    new Intl.DateTimeFormat('en', { timeZone: live.timezone });
  } catch {
    problems.push(`"${live.timezone}" is not a time zone; use a name such as "Australia/Sydney"`);
  }
  if (live.hours === 'always') return problems;
  for (const [day, ranges] of Object.entries(live.hours)) {
    if (!DAYS.includes(day as Day)) problems.push(`"${day}" is not a day; use mon, tue, wed, thu, fri, sat or sun`);
    for (const range of ranges ?? []) {
      const m = RANGE.exec(range);
      if (!m) problems.push(`${day}: "${range}" should look like "09:00-17:00"`);
      else if (minutes(range.slice(6)) <= minutes(range.slice(0, 5))) problems.push(`${day}: "${range}" ends before it starts; split ranges at midnight`);
    }
  }
  return problems;
}
