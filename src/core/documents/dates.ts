const MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The requisite «дата»: 05.06.2025 (ГОСТ Р 7.0.97). */
export const numericDate = (d: CalendarDate) => `${two(d.day)}.${two(d.month)}.${d.year}`;
/** In running text: «5 июня 2025 г.» */
export const wordDate = (d: CalendarDate) => `${d.day} ${MONTHS[d.month - 1]} ${d.year} г.`;

/** The last day of the programme year from «2026/2027»: 31 May of the second year. */
export function yearEnd(academicYear: string, fallback: CalendarDate): CalendarDate {
  const m = /(\d{4})\s*[/\-–]\s*(\d{4})/.exec(academicYear);
  if (m) return { year: Number(m[2]), month: 5, day: 31 };
  return { year: fallback.month >= 9 ? fallback.year + 1 : fallback.year, month: 5, day: 31 };
}
