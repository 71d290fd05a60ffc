import { Settings } from '../settings';
import { Block, DocumentSpec, body, bold } from './model';
import { CalendarDate, numericDate } from './dates';
import { attachmentHead, orderFoot, orderHead, orderSpec } from './order-requisites';
import { NameOverrides, declineName } from '../language';

export interface Trainee {
  name: string;
  position: string;
  forms: string;
}

/** Themes of the «Школа наставников» (documents.md §3); the curator edits the Doc as needed. */
const PLAN: Array<[string, string, number]> = [
  ['Роль наставника, этика наставничества', 'лекция', 2],
  ['Цикл встреч: знакомство, пробная встреча, планирование, регулярные и итоговая встречи', 'практикум', 2],
  ['Работа с запросом и целями наставляемого, индивидуальный план развития', 'тренинг', 2],
  ['Обратная связь и мотивация', 'тренинг', 2],
  ['Документы пары; персональные данные участников (152-ФЗ)', 'лекция', 1],
  ['Разбор кейсов наставничества', 'разбор кейсов', 2],
];

export function trainingOrder(input: { settings: Settings; date: CalendarDate; number: string; trainees: Trainee[]; nameOverrides?: NameOverrides }): DocumentSpec {
  const { settings, date, number, trainees } = input;
  const curatorName = String(settings.curatorName).trim();
  // «Назначить … кого?»: the accusative.
  const curator = curatorName ? declineName(curatorName, 'accusative', input.nameOverrides) : '________________';
  const heading = 'Об организации «Школы наставников»';
  const items = [
    `Организовать обучение наставников в «Школе наставников» по списку (приложение 1) с ${numericDate(date)} до 25 ноября.`,
    'Утвердить тематический план обучения (приложение 2).',
    `Назначить руководителем «Школы наставников» куратора программы наставничества ${curator}; к занятиям привлекать специалистов ${settings.municipalAgency} и муниципального опорного центра.`,
    'Наставникам, включённым в список, пройти обучение; отметку об обучении вносить в базу наставников.',
    'Руководителю «Школы наставников» представить отчёт о результатах обучения в течение 10 дней после окончания занятий.',
    'Контроль за исполнением настоящего приказа оставляю за собой.',
  ];
  const blocks: Block[] = [
    ...orderHead({ settings, date, number, heading }),
    body(
      `В соответствии с Положением о наставничестве ${settings.orgShortName}, дорожной картой внедрения целевой модели наставничества (п. 4.1–4.2), в целях подготовки наставников к работе с наставляемыми`,
    ),
    bold('ПРИКАЗЫВАЮ:', { align: 'LEFT' }),
    ...items.map((text, i) => body(`${i + 1}. ${text}`)),
    ...orderFoot(settings),
    ...attachmentHead(settings, date, number, 1, 'Список наставников, направляемых на обучение'),
    {
      kind: 'table',
      header: ['№', 'ФИО', 'Должность / класс / организация', 'Форма наставничества'],
      rows: trainees.map((t, i) => [String(i + 1), t.name, t.position, t.forms]),
      widths: [28, 166, 146, 128],
    },
    ...attachmentHead(settings, date, number, 2, 'Тематический план «Школы наставников»'),
    {
      kind: 'table',
      header: ['№', 'Тема', 'Форма занятия', 'Часы', 'Дата', 'Ведущий'],
      rows: [...PLAN.map(([theme, form, hours], i) => [String(i + 1), theme, form, String(hours), '', '']), ['', 'Итого', '', String(PLAN.reduce((s, [, , h]) => s + h, 0)), '', '']],
      widths: [28, 186, 76, 40, 58, 80],
    },
  ];
  return orderSpec(settings, `Приказ об организации Школы наставников от ${numericDate(date)}`, blocks);
}
