/** Time-zone arithmetic for the emulator: serial dates, wall clocks, Java-style date patterns. */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export function wallClock(date: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(date)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: date.getTime() % 1000 < 0 ? 0 : date.getTime() % 1000,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given fields. */
export function fromWallClock(c: Omit<WallClock, 'weekday'>, timeZone: string): Date {
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  let guess = asUtc;
  // Two passes settle the offset, including across a DST change.
  for (let i = 0; i < 2; i++) {
    const seen = wallClock(new Date(guess), timeZone);
    const seenUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, c.millisecond);
    guess += asUtc - seenUtc;
  }
  return new Date(guess);
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Sheets serial number (days since 1899-12-30 in the spreadsheet's zone). */
export function toSerial(date: Date, timeZone: string): number {
  const c = wallClock(date, timeZone);
  const local = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  return (local - SERIAL_EPOCH) / DAY_MS;
}

export function fromSerial(serial: number, timeZone: string): Date {
  const local = new Date(Math.round(SERIAL_EPOCH + serial * DAY_MS));
  return fromWallClock(
    {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond: local.getUTCMilliseconds(),
    },
    timeZone,
  );
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Utilities.formatDate: the subset of java.text.SimpleDateFormat patterns scripts use. */
export function formatDatePattern(date: Date, timeZone: string, pattern: string): string {
  const c = wallClock(date, timeZone);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end < 0 ? pattern.slice(i + 1) : pattern.slice(i + 1, end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(c.year % 100, 2) : pad(c.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS_EN[c.month - 1] : n === 3 ? MONTHS_EN[c.month - 1].slice(0, 3) : pad(c.month, n);
        break;
      case 'd':
        out += pad(c.day, n);
        break;
      case 'H':
        out += pad(c.hour, n);
        break;
      case 'h':
        out += pad(c.hour % 12 || 12, n);
        break;
      case 'm':
        out += pad(c.minute, n);
        break;
      case 's':
        out += pad(c.second, n);
        break;
      case 'S':
        out += pad(c.millisecond, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS_EN[c.weekday] : DAYS_EN[c.weekday].slice(0, 3);
        break;
      case 'a':
        out += c.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetString(date, timeZone, false);
        break;
      case 'X':
        out += offsetString(date, timeZone, true);
        break;
      case 'z':
        out += timeZone;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

function offsetString(date: Date, timeZone: string, iso: boolean): string {
  const c = wallClock(date, timeZone);
  const local = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  const minutes = Math.round((local - date.getTime()) / 60000);
  if (iso && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${iso ? ':' : ''}${String(abs % 60).padStart(2, '0')}`;
}
