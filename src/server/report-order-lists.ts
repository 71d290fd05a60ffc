/**
 * The 1.2 order on the lists of mentors, mentees and forms of mentoring, from the bases: who is in
 * a pair or group this year (the same counted units as the reports), each person's form, details
 * and consent as the bases show them. Registered in «Документы» by generateReport like every report;
 * the curator records the signing date and № there afterwards.
 */
import { ListForm, ListPerson, LISTS_ORDER_FIELDS, LISTS_ORDER_TEXT, listsOrderData, listsOrderTemplate } from '../core/documents/order-lists';
import { MENTORING_FORMS } from '../core/domain/forms-of-mentoring';
import { normalizeName } from '../core/intake/table';
import { isStaffMentor, readMentees, readMentors } from '../core/pairing/records';
import { REPORT_TEXT } from '../core/reports/texts';
import { yearText } from '../core/reports/registry';
import { mentorDetails } from './approve';
import { Built, CONSENTED_STATUSES, ReportContext, countedUnits, formOrder, text } from './report-context';
import { loadNameOverrides } from './settings';
import { loadTable } from './tables';
import { TemplateKind } from './templates';

export const LISTS_ORDER: TemplateKind = { key: 'report-order-lists', spec: listsOrderTemplate, fields: LISTS_ORDER_FIELDS };

/** «7А» → «7А кл.»; a year of study («2-й год обучения») stays as typed. */
function gradeText(grade: string): string {
  return /^\d{1,2}\s*[А-ЯЁа-яё]?$/.test(grade) ? `${grade.replace(/\s+/g, '')} кл.` : grade;
}

/** «наставник — педагог, наставляемый — обучающийся (по Р-145: …)» from «Формы наставничества». */
function formsOf(ctx: ReportContext): ListForm[] {
  const t = loadTable(ctx.ss, 'forms', false)?.table;
  const rows = t
    ? t.rows.map((_r, i) => ({
        name: text(t, i, 'name'),
        r145: text(t, i, 'r145'),
        mentor: text(t, i, 'mentorRole'),
        mentee: text(t, i, 'menteeRole'),
        active: text(t, i, 'active').toLowerCase() !== 'нет',
      }))
    : MENTORING_FORMS.map((f) => ({ name: f.name, r145: f.r145, mentor: f.mentorRole, mentee: f.menteeRole, active: true }));
  const named = rows.filter((f) => f.name);
  return formOrder(named.map((f) => f.name)).map((name) => {
    const f = named.find((x) => x.name === name)!;
    const roles = [f.mentor && `наставник — ${f.mentor}`, f.mentee && `наставляемый — ${f.mentee}`].filter(Boolean).join(', ');
    // A non-breaking hyphen: «Р-145» never splits in the narrow column.
    const r145 = f.r145 && normalizeName(f.r145) !== normalizeName(f.name) ? `по Р\u2011145: ${f.r145}` : '';
    return { name, roles: [roles, r145].filter(Boolean).join('; '), active: f.active };
  });
}

export function buildListsOrder(ctx: ReportContext): Built {
  const year = ctx.period.academicYear;
  const thisYear = countedUnits(ctx, ctx.period.date, year);
  const ever = countedUnits(ctx, ctx.period.date, null);
  // A person's form: their pair's this year, else (still «в паре») the latest counted one.
  // Units by person, built once: a district's thousands of people stay linear.
  type Unit = (typeof ever)[number];
  const byPerson = (units: readonly Unit[]) => {
    const index = new Map<string, Unit[]>();
    const add = (key: string, u: Unit) => index.set(key, [...(index.get(key) ?? []), u]);
    for (const u of units) {
      add(`mentor|${u.mentorId}`, u);
      for (const id of new Set(u.menteeIds)) add(`mentee|${id}`, u);
    }
    return (role: 'mentor' | 'mentee', id: string) => index.get(`${role}|${id}`) ?? [];
  };
  const current = byPerson(thisYear);
  const counted = byPerson(ever);
  const formsBy = (role: 'mentor' | 'mentee', id: string, status: string) => {
    const now = current(role, id);
    if (now.length) return { forms: formOrder(now.map((u) => u.form)), paired: true };
    const before = status === 'в паре' ? counted(role, id) : [];
    return { forms: before.length ? [before[before.length - 1].form].filter(Boolean) : [], paired: false };
  };
  const consented = (v: string) => CONSENTED_STATUSES.includes(v);

  const mentorTable = loadTable(ctx.ss, 'mentors')!.table;
  const mentors: ListPerson[] = readMentors(mentorTable).map((m) => {
    const own = formsBy('mentor', m.id, m.status);
    const staff = isStaffMentor(m);
    return {
      id: m.id,
      name: m.name,
      status: m.status,
      consented: consented(m.consentStatus),
      details: mentorDetails(m),
      forms: own.forms.length ? own.forms : formOrder(m.forms),
      pairedThisYear: own.paired,
      staff,
      position: staff ? [m.position, m.association].filter(Boolean).join(', ') : m.position,
    };
  });

  const menteeTable = loadTable(ctx.ss, 'mentees')!.table;
  const grades = new Map<string, string>();
  menteeTable.rows.forEach((_r, i) => grades.set(text(menteeTable, i, 'id'), text(menteeTable, i, 'grade')));
  const mentees: ListPerson[] = readMentees(menteeTable).map((m) => {
    const own = formsBy('mentee', m.id, m.status);
    const teacher = m.category === 'педагог';
    const grade = grades.get(m.id) ?? '';
    const details = teacher ? ['педагог', m.association].filter(Boolean).join(', ') : [m.association, grade ? gradeText(grade) : ''].filter(Boolean).join(', ');
    const waiting = !own.forms.length && m.status !== 'в паре';
    return {
      id: m.id,
      name: m.name,
      status: m.status,
      consented: consented(m.consentStatus),
      details,
      forms: own.forms.length ? own.forms : m.form ? [m.form] : [],
      pairedThisYear: own.paired,
      waiting,
      staff: teacher,
      position: details,
    };
  });

  const names = loadNameOverrides(ctx.ss);
  const result = listsOrderData({
    settings: ctx.settings,
    order: { date: null, number: '' },
    academicYear: yearText(year),
    forms: formsOf(ctx),
    mentors,
    mentees,
    nameOverrides: names.overrides,
  });
  return {
    data: result.data,
    summary: [
      LISTS_ORDER_TEXT.listed(result.mentors.length, result.mentees.length, result.waiting),
      result.withoutConsent.length ? LISTS_ORDER_TEXT.withoutConsent(result.withoutConsent) : '',
      result.missing.length ? REPORT_TEXT.settings(result.missing) : '',
      ...names.problems,
      LISTS_ORDER_TEXT.sign,
    ],
  };
}
