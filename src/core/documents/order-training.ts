import { Settings } from '../settings';
import { DocumentSpec, body } from './model';
import { CalendarDate, numericDate } from './dates';
import {
  FAMILIARISATION,
  listTable,
  OrderIdentity,
  REQUISITE_FIELDS,
  REQUISITE_FLAGS,
  approvedHead,
  attachmentHead,
  familiarisation,
  orderFoot,
  orderHead,
  orderItems,
  orderSpec,
  requisiteValues,
} from './order-requisites';
import { NameOverrides, typeset } from '../language';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';
import { StaffMember } from './order-pairs';

export interface Trainee {
  name: string;
  /** «Должность» of staff, «обучающаяся, 9 кл.» of a pupil, post and organisation of a partner's employee. */
  position: string;
  forms: string;
}

/** A session of the «Школа наставников» as the curator plans it on its sheet. */
export interface Session {
  theme: string;
  form: string;
  hours: number | null;
  date: CalendarDate | null;
  leader: string;
}

export interface TrainingOrderInput {
  settings: Settings;
  order: OrderIdentity;
  trainees: Trainee[];
  sessions: Session[];
  /** Who signs the familiarisation sheet: the leader (curator) and the staff trainees. */
  staff: StaffMember[];
  nameOverrides?: NameOverrides;
}

export const TRAINING_ORDER_HEADING = 'Об организации обучения наставников в «Школе наставников»';

const TRAINEES: TableInfo = {
  name: 'слушатели',
  about: 'строка списка наставников, направляемых на обучение',
  required: true,
  columns: columns(['№', '№'], ['фио', 'ФИО'], ['должность', 'Должность / класс / организация'], ['формы', 'Форма наставничества']),
};

const SESSIONS: TableInfo = {
  name: 'занятия',
  about: 'строка тематического плана и расписания',
  required: true,
  columns: columns(['№', '№'], ['тема', 'Тема'], ['форма', 'Форма занятия'], ['часы', 'Часы'], ['дата', 'Дата'], ['ведущий', 'Ведущий']),
};

export const TRAINING_ORDER_FIELDS: TemplateFields = {
  values: [...REQUISITE_FIELDS, { name: 'срок_обучения', about: 'даты обучения по расписанию' }, { name: 'часов_всего', about: 'всего часов по плану' }],
  flags: [...REQUISITE_FLAGS],
  tables: [TRAINEES, SESSIONS, FAMILIARISATION],
};

/** The default template of the «Школа наставников» order (roadmap 4.1; documents.md §3). */
export function trainingOrderTemplate(settings: Settings): DocumentSpec {
  return orderSpec(settings, 'Шаблон — Приказ об организации «Школы наставников»', [
    ...orderHead(TRAINING_ORDER_HEADING),
    body(
      'В соответствии с Положением о наставничестве {{организация_кратко}}, утверждённым приказом {{положение}}, дорожной картой реализации целевой модели наставничества (п. 4.1), в целях подготовки наставников к работе с наставляемыми',
    ),
    ...orderItems([
      '{{п}}. Организовать обучение наставников по списку (приложение 1) в «Школе наставников» {{срок_обучения}}.',
      '{{п}}. Утвердить тематический план и расписание занятий «Школы наставников» (приложение 2).',
      '{{п}}. Назначить руководителем «Школы наставников» куратора программы наставничества {{куратора}}; к проведению занятий привлечь ведущих, указанных в приложении 2.',
      '{{п}}. Наставникам, включённым в список, пройти обучение в соответствии с расписанием.',
      '{{п}}. Руководителю «Школы наставников» {{куратор_кому}} вносить отметку об обучении в базу наставников и в течение {{срок_поручений}} после окончания занятий представить отчёт о результатах обучения.',
      '{{п}}. Контроль за исполнением настоящего приказа оставляю за собой.',
    ]),
    ...orderFoot(),
    ...attachmentHead(1, 'Список наставников, направляемых на обучение'),
    listTable(TRAINEES, { widths: [26, 160, 152, 130], align: ['CENTER'] }),
    ...approvedHead('УТВЕРЖДЕНЫ', 2, 'Тематический план и расписание занятий «Школы наставников»'),
    listTable(SESSIONS, { widths: [26, 168, 74, 40, 66, 94], align: ['CENTER', undefined, undefined, 'CENTER', 'CENTER'], trailer: [['', 'Итого', '', '{{часов_всего}}', '', '']] }),
    ...familiarisation(TRAINING_ORDER_HEADING),
  ]);
}

/** «с 02.11.2026 по 20.11.2026» from the sessions' dates, or a reference to the schedule when none is set. */
function trainingPeriod(sessions: Session[]): string {
  const dates = sessions.map((s) => s.date).filter((d): d is CalendarDate => d !== null);
  if (!dates.length) return 'в сроки, установленные расписанием (приложение 2)';
  const key = (d: CalendarDate) => d.year * 10000 + d.month * 100 + d.day;
  dates.sort((a, b) => key(a) - key(b));
  const [first, last] = [dates[0], dates[dates.length - 1]];
  return key(first) === key(last) ? numericDate(first) : `с ${numericDate(first)} по ${numericDate(last)}`;
}

export function trainingOrderData(input: TrainingOrderInput): { data: TemplateData; missing: string[] } {
  const { settings } = input;
  const { values, flags, missing } = requisiteValues(settings, input.order, input.nameOverrides);
  const t = (s: string) => typeset(s, { orgShortName: String(settings.orgShortName) });
  const hours = input.sessions.reduce((s, x) => s + (x.hours ?? 0), 0);
  if (input.sessions.some((s) => !s.date || !s.leader.trim())) missing.push('даты и ведущие занятий на листе «Школа наставников»');
  Object.assign(values, { срок_обучения: t(trainingPeriod(input.sessions)), часов_всего: hours ? String(hours).replace('.', ',') : '' });
  return {
    data: {
      values,
      flags,
      tables: {
        слушатели: input.trainees.map((x, i) => ({ '№': String(i + 1), фио: t(x.name), должность: t(x.position), формы: x.forms })),
        занятия: input.sessions.map((s, i) => ({
          '№': String(i + 1),
          тема: t(s.theme),
          форма: s.form,
          часы: s.hours === null ? '' : String(s.hours).replace('.', ','),
          дата: s.date ? numericDate(s.date) : '',
          ведущий: t(s.leader),
        })),
        ознакомление: input.staff.map((s, i) => ({ '№': String(i + 1), фио: t(s.name), должность: t(s.position) })),
      },
    },
    missing,
  };
}
