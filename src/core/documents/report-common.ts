/**
 * What every report to the director and МКУ «УСР» shares (documents.md §0.4): not on the order
 * blank — the organisation's name at the top, the director's grif «УТВЕРЖДАЮ» upper right, the
 * document type centred, the heading and the period; at the end the curator's signature and the
 * executor mark. Report kinds add their own sections between (report-effectiveness, report-swot).
 */
import { Settings } from '../settings';
import { Block, DocumentSpec, bold, p } from './model';
import { BLANK_DATE, TEXT_WIDTH, orderSpec } from './order-requisites';
import { NameOverrides, initialsName, typeset } from '../language';
import { FieldInfo } from './template/data';

const BLANK_NAME = '________________';
const CORNER_INDENT = Math.round(TEXT_WIDTH - (8.2 * 72) / 2.54);

export const REPORT_VALUE_FIELDS: FieldInfo[] = [
  { name: 'учредитель', about: 'строка учредителя над наименованием' },
  { name: 'организация', about: 'полное наименование организации', required: true },
  { name: 'организация_кратко', about: 'сокращённое наименование' },
  { name: 'город', about: 'место составления' },
  { name: 'учебный_год', about: 'учебный год отчёта' },
  { name: 'период', about: 'период или дата отчёта («на 15.06.2027»)', required: true },
  { name: 'руководитель_должность', about: 'должность руководителя' },
  { name: 'руководитель', about: 'И.О. Фамилия руководителя', required: true },
  { name: 'куратор_подпись', about: 'И.О. Фамилия куратора для подписи', required: true },
  { name: 'исполнитель', about: 'отметка об исполнителе: ФИО и телефон куратора' },
];

export const REPORT_FLAGS: FieldInfo[] = [
  { name: 'есть_учредитель', about: 'указан учредитель' },
  { name: 'есть_кратко', about: 'указано сокращённое наименование' },
];

export const section = (text: string): Block => bold(text, { align: 'LEFT', spaceBefore: 12, spaceAfter: 6, keepNext: true });
/** A line the curator writes on in the Doc (her notes, conclusions): never invented text. */
export const penLine = (): Block => p('_'.repeat(64), { align: 'LEFT' });

/** The head: organisation, grif «УТВЕРЖДАЮ», the type («ОТЧЁТ»), the heading lines. */
export function reportHead(type: string, heading: string[]): Block[] {
  const corner = { align: 'LEFT' as const, indentLeft: CORNER_INDENT };
  return [
    p('{{если:есть_учредитель}}{{учредитель}}', { align: 'CENTER' }),
    p('{{организация}}', { align: 'CENTER' }),
    p('{{если:есть_кратко}}({{организация_кратко}})', { align: 'CENTER', spaceAfter: 18 }),
    p('УТВЕРЖДАЮ', corner),
    p('{{руководитель_должность}}', corner),
    p(`${BLANK_NAME} {{руководитель}}`, corner),
    p(BLANK_DATE, { ...corner, spaceAfter: 18 }),
    bold(type, { align: 'CENTER', keepNext: true }),
    ...heading.map((h, i) => bold(h, { align: 'CENTER', keepNext: true, spaceAfter: i === heading.length - 1 ? 12 : 0 })),
  ];
}

/** The curator's signature (she compiled it) and the executor mark, bottom left. */
export function reportFoot(): Block[] {
  return [
    p('Куратор программы наставничества\t{{куратор_подпись}}', { align: 'LEFT', tabRight: true, spaceBefore: 36, keepNext: true }),
    p('Исп. {{исполнитель}}', { size: 10, align: 'LEFT', spaceBefore: 36 }),
  ];
}

export const reportSpec = (settings: Settings, title: string, blocks: Block[]): DocumentSpec => orderSpec(settings, title, blocks);

const text = (v: unknown) => String(v ?? '').trim();

/** The shared values; `missing` lists, in Russian, what «Настройки» lack for a report signed as is. */
export function reportValues(
  settings: Settings,
  period: string,
  academicYear: string,
  overrides?: NameOverrides,
): { values: Record<string, string>; flags: Record<string, boolean>; missing: string[] } {
  const missing: string[] = [];
  const org = text(settings.orgName);
  if (!org) missing.push('полное наименование организации');
  const director = text(settings.directorName);
  if (!director) missing.push('руководитель (И.О. Фамилия)');
  const curator = text(settings.curatorName);
  if (!curator) missing.push('куратор (ФИО)');
  const values: Record<string, string> = {
    учредитель: text(settings.founder),
    организация: org,
    организация_кратко: text(settings.orgShortName),
    город: text(settings.town),
    учебный_год: academicYear,
    период: period,
    руководитель_должность: text(settings.directorTitle),
    руководитель: director ? initialsName(director, 'nominative', overrides) : BLANK_NAME,
    куратор_подпись: curator ? initialsName(curator, 'nominative', overrides) : BLANK_NAME,
    исполнитель: [curator, text(settings.curatorPhone) && `тел. ${text(settings.curatorPhone)}`].filter(Boolean).join(', ') || BLANK_NAME,
  };
  const options = { orgShortName: text(settings.orgShortName) };
  for (const k of Object.keys(values)) values[k] = typeset(values[k], options);
  return { values, flags: { есть_учредитель: !!text(settings.founder), есть_кратко: !!text(settings.orgShortName) }, missing };
}
