/**
 * «Банк кейсов» (7.6): the pairs and groups the curator marked «Кейс» on «Пары и группы», each a
 * card built from the bases, «Встречи», «Диагностика», «Обратная связь» and the pair's ИПР. The
 * workbook is read once per run; each marked case costs one Docs API read (its ИПР), so the calls
 * grow with the cases the curator marks, never with the pairs.
 */
import { CalendarDate } from '../core/documents/dates';
import { isDateCell, readCalendarDate } from '../core/documents/cell-date';
import { CASES_FIELDS, CaseInput, CasePerson, CasePlan, casesData, casesTemplate, planSections } from '../core/documents/report-cases';
import { BaseTable, normalizeName } from '../core/intake/table';
import { pairUnits } from '../core/intake/meetings';
import { type CellValue, compareDates } from '../core/monitoring';
import { yearText } from '../core/reports/registry';
import { REPORT_TEXT } from '../core/reports/texts';
import { plural } from '../core/language';
import { isNotFound } from './drive';
import { orderDayOf, signedDays } from './import';
import { loadNameOverrides } from './settings';
import { loadTable } from './tables';
import { ensureSheet } from './setup';
import { sheetDef } from '../core/workbook/sheets';
import { Built, ReportContext, text } from './report-context';
import { TemplateKind } from './templates';

export const CASES_REPORT: TemplateKind = { key: 'report-cases', spec: casesTemplate, fields: CASES_FIELDS };

/** Pairs that worked: a proposed or declined pair marked as a case has nothing to tell yet. */
const WORKED = ['утверждена', 'активна', 'завершена'];

const marked = (v: unknown) =>
  v === true ||
  ['да', 'true', '1', 'x', '✓'].includes(
    String(v ?? '')
      .trim()
      .toLowerCase(),
  );
const numberOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : /^\d+([.,]\d+)?$/.test(String(v ?? '').trim()) ? Number(String(v).trim().replace(',', '.')) : null);
const listOf = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What the curator reads after the bank is made. */
export const CASES_TEXT = {
  none: 'Пары и группы для банка кейсов не отмечены: банк сформирован с пояснением, как их отметить — флажок «Кейс» на листе «Пары и группы» (для группы — в любой её строке), затем сформируйте банк снова.',
  noneOfYear: 'Ни одна из отмеченных пар и групп не вошла в банк этого учебного года: банк сформирован с пояснением.',
  made: (n: number) => `В банк включены ${plural(n, ['кейс', 'кейса', 'кейсов'])}, каждый на отдельной странице.`,
  notWorked: (ids: string[]) => `Отмечены, но не утверждены приказом и в банк не включены: ${ids.join(', ')}.`,
  otherYear: (ids: string[]) => `Отмечены, но работали в другом учебном году и в этот банк не включены: ${ids.join(', ')}.`,
  missingPlans: (ids: string[]) => `ИПР удалён или недоступен — в карточке это сказано: ${ids.join(', ')}; восстановите документ из корзины или сформируйте план заново («Планы развития пар (ИПР)»).`,
  masked: (n: number) => `В свободном тексте (запросы, ИПР, отзывы) скрыто ${plural(n, ['упоминание', 'упоминания', 'упоминаний'])} имён людей без согласия на публикацию.`,
} as const;

function person(t: BaseTable, i: number): CasePerson {
  return {
    id: text(t, i, 'id'),
    name: text(t, i, 'name'),
    category: text(t, i, 'category'),
    grade: text(t, i, 'grade'),
    age: numberOf(t.get(i, 'age')),
    experience: numberOf(t.get(i, 'experience')),
    position: text(t, i, 'position'),
    association: text(t, i, 'association'),
    consent: text(t, i, 'consent'),
    topics: listOf(text(t, i, 'topics')),
    request: text(t, i, 'request'),
  };
}

/** The top-level paragraphs of a Doc as the Docs API returns it. */
function paragraphsOf(doc: GoogleAppsScript.Docs.Schema.Document): string[] {
  return (doc.body?.content ?? [])
    .filter((e) => e.paragraph)
    .map((e) =>
      (e.paragraph!.elements ?? [])
        .map((x) => x.textRun?.content ?? '')
        .join('')
        .replace(/\n$/, ''),
    );
}

/** The ИПР of a case, with ONE Docs API read; a deleted or unreachable Doc is said, not fatal. */
function readPlan(url: string): CasePlan {
  if (!url) return { state: 'absent' };
  const id = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(url)?.[1];
  if (!id) return { state: 'missing', url };
  if (typeof Docs === 'undefined' || !Docs) throw new Error('Расширенная служба Docs не подключена (appsscript.json → enabledAdvancedServices).');
  try {
    return { state: 'read', url, ...planSections(paragraphsOf(Docs.Documents!.get(id))) };
  } catch (error) {
    if (isNotFound(error)) return { state: 'missing', url };
    throw error;
  }
}

export function buildCases(ctx: ReportContext): Built {
  const year = ctx.period.academicYear;
  const yearStart: CalendarDate = { year, month: 9, day: 1 };
  const yearEnd = ctx.period.date;
  const today = ctx.dayOf(new Date());
  const dayOfCell = (v: unknown) => {
    const d = readCalendarDate(v, ctx.dayOf);
    return d && d !== 'invalid' ? d : null;
  };
  // A workbook set up before «Кейс» existed gets the columns now, as setup would (nothing else moves).
  ensureSheet(ctx.ss, sheetDef('pairs'));
  const pairs = loadTable(ctx.ss, 'pairs')!.table;
  const signed = signedDays(loadTable(ctx.ss, 'documents', false)?.table, ctx.dayOf);
  const bases = (key: 'mentees' | 'mentors') => {
    const t = loadTable(ctx.ss, key)!.table;
    const byId = new Map<string, CasePerson>();
    t.rows.forEach((_r, i) => {
      if (text(t, i, 'id')) byId.set(normalizeName(text(t, i, 'id')), person(t, i));
    });
    return { t, byId };
  };
  const mentees = bases('mentees');
  const mentors = bases('mentors');

  const notWorked: string[] = [];
  const otherYear: string[] = [];
  const chosen: Array<{ id: string; rows: number[]; start: CalendarDate | null; end: CalendarDate | null }> = [];
  for (const unit of pairUnits(pairs).values()) {
    if (!unit.rows.some((i) => marked(pairs.get(i, 'case')))) continue;
    const rows = unit.rows.filter((i) => WORKED.includes(text(pairs, i, 'status')));
    if (!rows.length) {
      notWorked.push(unit.id);
      continue;
    }
    const starts = rows.map((i) => dayOfCell(pairs.get(i, 'start'))).filter((d): d is CalendarDate => !!d);
    const ends = rows.map((i) => dayOfCell(pairs.get(i, 'end'))).filter((d): d is CalendarDate => !!d);
    const start = orderDayOf({ signed }, pairs, unit, ctx.dayOf) ?? starts.sort(compareDates)[0] ?? null;
    const end = ends.length === rows.length ? ends.sort(compareDates)[ends.length - 1] : null;
    // A case of the year: it worked some time in it (started by its end, not ended before its start).
    if ((start && compareDates(start, yearEnd) > 0) || (end && compareDates(end, yearStart) < 0)) {
      otherYear.push(unit.id);
      continue;
    }
    chosen.push({ id: unit.id, rows, start, end });
  }

  const byPair = (key: 'meetings' | 'feedback' | 'diagnostics') => {
    const t = loadTable(ctx.ss, key, false)?.table;
    const out = new Map<string, number[]>();
    t?.rows.forEach((_r, i) => {
      const id = normalizeName(text(t, i, 'pair'));
      if (id) out.set(id, [...(out.get(id) ?? []), i]);
    });
    return { t, out };
  };
  const meetings = byPair('meetings');
  const feedback = byPair('feedback');
  const diagnostics = byPair('diagnostics');
  const value = (t: BaseTable, i: number, key: string): CellValue => {
    const v = t.get(i, key);
    return isDateCell(v) ? '' : (v as CellValue);
  };

  const cases: CaseInput[] = chosen.map((c) => {
    const key = normalizeName(c.id);
    const first = c.rows[0];
    const form = c.rows.map((i) => text(pairs, i, 'form')).find(Boolean) ?? '';
    const own = (src: ReturnType<typeof byPair>) => (src.t ? (src.out.get(key) ?? []).map((i) => ({ t: src.t!, i })) : []);
    return {
      id: c.id,
      group: c.rows.some((i) => text(pairs, i, 'group')),
      form,
      title: c.rows.map((i) => text(pairs, i, 'caseTitle')).find(Boolean) ?? '',
      mentor: mentors.byId.get(normalizeName(text(pairs, first, 'mentorId'))) ?? null,
      mentees: c.rows.map((i) => mentees.byId.get(normalizeName(text(pairs, i, 'menteeId')))).filter((m): m is CasePerson => !!m),
      start: c.start,
      end: c.end,
      status: [...new Set(c.rows.map((i) => text(pairs, i, 'status')))].join(', '),
      endReason: [...new Set(c.rows.map((i) => text(pairs, i, 'endReason')).filter(Boolean))].join('; '),
      meetings: own(meetings).map(({ t, i }) => ({ date: dayOfCell(t.get(i, 'date')), type: text(t, i, 'type'), minutes: numberOf(t.get(i, 'minutes')) })),
      diagnostics: own(diagnostics).map(({ t, i }) => ({
        personId: text(t, i, 'personId'),
        pairId: c.id,
        role: text(t, i, 'role'),
        form,
        phase: text(t, i, 'phase'),
        itemCode: text(t, i, 'item'),
        value: value(t, i, 'value'),
      })),
      feedback: own(feedback).map(({ t, i }) => ({
        pairId: c.id,
        ...(text(t, i, 'personId') ? { personId: text(t, i, 'personId') } : {}),
        role: text(t, i, 'role'),
        form,
        date: null,
        satisfaction: value(t, i, 'satisfaction'),
        quality: value(t, i, 'quality'),
        impact: value(t, i, 'impact'),
      })),
      comments: own(feedback)
        .map(({ t, i }) => text(t, i, 'comment'))
        .filter(Boolean),
      plan: readPlan(c.rows.map((i) => text(pairs, i, 'plan')).find(Boolean) ?? ''),
    };
  });

  const people = [mentees, mentors].flatMap((b) => b.t.rows.map((_r, i) => ({ name: text(b.t, i, 'name'), consent: text(b.t, i, 'consent') })));
  const result = casesData(
    { settings: ctx.settings, period: ctx.period.label, academicYear: yearText(year), today, cases, people, skipped: [...notWorked, ...otherYear] },
    loadNameOverrides(ctx.ss).overrides,
  );
  return {
    data: result.data,
    summary: [
      cases.length ? CASES_TEXT.made(cases.length) : notWorked.length || otherYear.length ? CASES_TEXT.noneOfYear : CASES_TEXT.none,
      notWorked.length ? CASES_TEXT.notWorked(notWorked) : '',
      otherYear.length ? CASES_TEXT.otherYear(otherYear) : '',
      result.missingPlans.length ? CASES_TEXT.missingPlans(result.missingPlans) : '',
      result.masked ? CASES_TEXT.masked(result.masked) : '',
      result.missing.length ? REPORT_TEXT.settings(result.missing) : '',
    ],
  };
}
