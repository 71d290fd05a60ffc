import { Settings } from '../settings';
import { Block, DocumentSpec, body, bold, p } from './model';
import { CalendarDate, numericDate, yearEnd } from './dates';
import { attachmentHead, orderFoot, orderHead, orderSpec } from './order-requisites';
import { GROUPS, MENTEES, NameOverrides, PAIRS, PERSONS, declineName, plural } from '../language';

export interface OrderPairRow {
  group: string;
  form: string;
  mentor: string;
  mentorDetails: string;
  mentees: Array<{ name: string; details: string; request: string }>;
  staffMentor: boolean;
  mentorPosition: string;
}

export interface PairsOrderInput {
  settings: Settings;
  date: CalendarDate;
  number: string;
  rows: OrderPairRow[];
  unmatched: number;
  /** The curator's corrections of declined names («Настройки»). */
  nameOverrides?: NameOverrides;
}

/** Приказ «Об утверждении наставнических пар (групп)» (roadmap 5.2; documents.md §2). */
export function pairsOrder(input: PairsOrderInput): DocumentSpec {
  const { settings, date, number, rows } = input;
  const year = String(settings.academicYear).trim();
  const heading = `Об утверждении наставнических пар (групп)${year ? ` на ${year} учебный год` : ''}`;
  const end = yearEnd(year, date);
  const curatorName = String(settings.curatorName).trim();
  const curator = curatorName ? declineName(curatorName, 'dative', input.nameOverrides) : '________________';
  const staff = rows.filter((r) => r.staffMentor);
  const items: string[] = [
    `Утвердить наставнические пары (группы) согласно приложению на период с ${numericDate(date)} по ${numericDate(end)}.`,
    'Наставникам в течение 14 календарных дней со дня издания приказа разработать совместно с наставляемыми индивидуальные планы развития (персонализированные программы наставничества) и передать их куратору.',
    `Куратору программы наставничества ${curator} организовать встречи наставников и наставляемых, вести журнал встреч, проводить мониторинг реализации программы в сроки дорожной карты и представлять справки в ${settings.municipalAgency}.`,
  ];
  if (staff.length)
    items.push(
      'Оформить с работниками, назначенными наставниками, дополнительные соглашения о выполнении наставнической деятельности в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации.',
    );
  if (input.unmatched)
    items.push(
      `Куратору продолжить поиск наставников для наставляемых, не вошедших в пары (группы) (${plural(input.unmatched, PERSONS)}), и обеспечить их сопровождение до формирования пары (дорожная карта, п. 5.3).`,
    );
  items.push('Контроль за исполнением настоящего приказа оставляю за собой.');

  const blocks: Block[] = [
    ...orderHead({ settings, date, number, heading }),
    body(
      `В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145, Положением о наставничестве и программой наставничества ${settings.orgShortName}, по итогам групповой встречи наставников и наставляемых и анкетирования их предпочтений`,
    ),
    bold('ПРИКАЗЫВАЮ:', { align: 'LEFT' }),
    ...items.map((text, i) => body(`${i + 1}. ${text}`)),
    ...orderFoot(settings),
    ...attachmentHead(settings, date, number, null, `Список наставнических пар (групп)${year ? ` на ${year} учебный год` : ''}`),
    // Every pair shares the period of item 1, so it is stated once here rather than in a column.
    p(`Срок работы пар и групп: с ${numericDate(date)} по ${numericDate(end)}.`, { align: 'CENTER', spaceAfter: 8 }),
    {
      kind: 'table',
      header: ['№', 'Форма наставничества', 'Наставник', 'Наставляемый(-е)', 'Направление работы (запрос)'],
      rows: rows.map((r, i) => [
        String(i + 1),
        r.form,
        [[r.mentor, r.mentorDetails].filter(Boolean).join(', '), r.mentees.length > 1 ? `(группа ${r.group})` : ''].filter(Boolean).join('\n'),
        numbered(r.mentees.map((m) => [m.name, m.details].filter(Boolean).join(', '))),
        numbered(r.mentees.map((m) => m.request || '—')),
      ]),
      // 468 pt: the text width of A4 with margins 30 and 15 mm.
      widths: [28, 82, 110, 138, 110],
    },
    p(
      `Всего: ${plural(rows.filter((r) => r.mentees.length === 1).length, PAIRS)}, ${plural(rows.filter((r) => r.mentees.length > 1).length, GROUPS)}, ${plural(
        rows.reduce((s, r) => s + r.mentees.length, 0),
        MENTEES,
      )}.`,
      { spaceAfter: 12 },
    ),
    bold('Лист ознакомления с приказом', { align: 'CENTER', pageBreakBefore: true }),
    p(`от ${numericDate(date)} № ${number || '________'} «${heading}»`, { align: 'CENTER', spaceAfter: 12 }),
    {
      kind: 'table',
      header: ['№', 'ФИО', 'Должность', 'Подпись', 'Дата'],
      rows: [...(String(settings.curatorName).trim() ? [[String(settings.curatorName), String(settings.curatorPosition)]] : []), ...dedupe(staff.map((r) => [r.mentor, r.mentorPosition]))].map(
        (r, i) => [String(i + 1), r[0], r[1], '', ''],
      ),
      widths: [28, 166, 124, 80, 70],
    },
  ];
  return orderSpec(settings, `Приказ об утверждении наставнических пар (групп)${year ? ` ${year}` : ''} от ${numericDate(date)}`, blocks);
}

/** Several mentees in one cell, each on its own numbered line. */
function numbered(lines: string[]): string {
  return lines.length > 1 ? lines.map((l, i) => `${i + 1}) ${l}`).join('\n') : lines.join('');
}

function dedupe(rows: string[][]): string[][] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r[0]) && !!seen.add(r[0]));
}
