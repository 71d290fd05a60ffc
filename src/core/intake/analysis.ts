import { BaseTable, normalizeName } from './table';
import { CONSENT, consentAllows } from './consent';
import { TargetGroup } from '../domain/target-groups';
import { splitList } from '../questionnaires/read';
import { COMPETENCIES } from '../questionnaires/choices';

export type AnalysisRow = [section: string, item: string, mentees: number | string, mentors: number | string, note: string];

const split = (v: unknown) => splitList(v, COMPETENCIES);

function countBy<T>(items: readonly T[], keys: (t: T) => string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of items) for (const k of new Set(keys(item))) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

const rowsOf = (t: BaseTable) => t.rows.map((_r, i) => i).filter((i) => String(t.get(i, 'name')).trim() !== '');

export interface AnalysisInput {
  mentees: BaseTable;
  mentors: BaseTable;
  partners: BaseTable;
  forms: readonly string[];
  groups: readonly TargetGroup[];
  /** Person ID → codes of the target groups the curator marked. */
  groupMarks: ReadonlyMap<string, readonly string[]>;
}

/**
 * The stage 2–3 analyses (roadmap 2.2, 2.4, 3.6): requests by form of mentoring and by
 * association, consents, target groups (counts only), and the figures the справки need.
 */
export function analyse(input: AnalysisInput): { table: AnalysisRow[]; monitoring: Array<[stage: string, indicator: string, value: number]> } {
  const { mentees, mentors } = input;
  const me = rowsOf(mentees);
  const mo = rowsOf(mentors);
  const table: AnalysisRow[] = [];

  const menteeForms = countBy(me, (i) => split(mentees.get(i, 'form')));
  const mentorForms = countBy(mo, (i) => split(mentors.get(i, 'forms')));
  const capacityByForm = new Map<string, number>();
  for (const i of mo) for (const f of split(mentors.get(i, 'forms'))) capacityByForm.set(f, (capacityByForm.get(f) ?? 0) + (Number(mentors.get(i, 'capacity')) || 1));
  for (const form of input.forms) {
    const want = menteeForms.get(form) ?? 0;
    const places = capacityByForm.get(form) ?? 0;
    const note = want > places ? `мест у наставников: ${places}, не хватает ${want - places}` : want ? `мест у наставников: ${places}` : '';
    table.push(['Запросы по формам наставничества', form, want, mentorForms.get(form) ?? 0, note]);
  }
  const noForm = me.filter((i) => !String(mentees.get(i, 'form')).trim()).length;
  if (noForm) table.push(['Запросы по формам наставничества', 'форма не выбрана (нужна помощь куратора)', noForm, '', 'уточнить на встрече']);

  const associations = new Map<string, string>();
  for (const t of [mentees, mentors])
    for (const i of rowsOf(t)) {
      const a = String(t.get(i, 'association')).trim();
      if (a) associations.set(normalizeName(a), associations.get(normalizeName(a)) ?? a);
    }
  const menteeAssoc = countBy(me, (i) => [normalizeName(mentees.get(i, 'association'))]);
  const mentorAssoc = countBy(mo, (i) => [normalizeName(mentors.get(i, 'association'))]);
  for (const [key, label] of [...associations].sort((a, b) => a[1].localeCompare(b[1], 'ru'))) {
    table.push(['Запросы по объединениям', label, menteeAssoc.get(key) ?? 0, mentorAssoc.get(key) ?? 0, '']);
  }

  const topics = countBy(me, (i) => split(mentees.get(i, 'topics')));
  const skills = countBy(mo, (i) => split(mentors.get(i, 'competencies')));
  for (const [topic, n] of [...topics].sort((a, b) => b[1] - a[1])) {
    const helpers = skills.get(topic) ?? 0;
    table.push(['Темы запросов', topic, n, helpers, helpers ? '' : 'нет наставника с такой компетенцией']);
  }

  const consentCounts = (t: BaseTable, rows: number[]) => countBy(rows, (i) => [String(t.get(i, 'consent')) || CONSENT.missing]);
  const mc = consentCounts(mentees, me);
  const oc = consentCounts(mentors, mo);
  for (const status of Object.values(CONSENT)) {
    if (mc.get(status) || oc.get(status)) table.push(['Согласия на обработку ПДн', status, mc.get(status) ?? 0, oc.get(status) ?? 0, consentAllows(status) ? '' : 'не участвуют в подборе и отчётах']);
  }

  for (const g of input.groups) {
    const n = me.filter((i) => input.groupMarks.get(String(mentees.get(i, 'id')))?.includes(g.code)).length;
    table.push(['Целевые группы (только количество)', g.name, n, '', '']);
  }

  const pupils = me.filter((i) => mentees.get(i, 'category') === 'обучающийся').length;
  const withConsent = me.filter((i) => consentAllows(mentees.get(i, 'consent'))).length;
  const fromThirdParties = me.filter((i) => String(mentees.get(i, 'thirdParty')).trim()).length;
  const mentorsWithConsent = mo.filter((i) => consentAllows(mentors.get(i, 'consent'))).length;
  const byCategory = countBy(mo, (i) => [String(mentors.get(i, 'category'))]);
  const trained = mo.filter((i) => mentors.get(i, 'training') === 'обучен').length;
  const partners = rowsOf(input.partners).length;
  const monitoring: Array<[string, string, number]> = [
    ['2', 'Наставляемых в базе', me.length],
    ['2', 'из них обучающихся', pupils],
    ['2', 'из них педагогов', me.length - pupils],
    ['2', 'Наставляемых с согласием на обработку ПДн', withConsent],
    ['2', 'Запросов от третьих лиц (классные руководители, психолог, соцпедагог, родители)', fromThirdParties],
    ['3', 'Наставников в базе', mo.length],
    ['3', 'из них обучающихся', byCategory.get('обучающийся') ?? 0],
    ['3', 'из них педагогов', byCategory.get('педагог') ?? 0],
    ['3', 'из них сотрудников организаций-партнёров', byCategory.get('сотрудник партнёра') ?? 0],
    ['3', 'из них студентов', byCategory.get('студент') ?? 0],
    ['3', 'Наставников с согласием на обработку ПДн', mentorsWithConsent],
    ['3', 'Прошли «Школу наставников»', trained],
    ['3', 'Организаций-партнёров', partners],
  ];
  for (const [stage, indicator, value] of monitoring) table.push([`Этап ${stage} (для справки в МКУ «УСР»)`, indicator, stage === '2' ? value : '', stage === '3' ? value : '', '']);
  return { table, monitoring };
}
