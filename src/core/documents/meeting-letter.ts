/**
 * The letter that gives a mentor their personal link for meeting reports (issue 10 item 1): once
 * after the pairs order, with the pairs' and groups' IDs (never the mentees' names: the letter
 * is about the form), the kinds of meetings and the programme's cadence in plain words.
 */
import { NameOverrides } from '../language';
import { Settings } from '../settings';
import { ComposedLetter, LetterContext, LetterPerson, contact, finish, salutation, signature } from './letters';
import { sexOf } from '../language';
import { RU } from '../strings';

export interface MeetingLetterInput {
  to: LetterPerson;
  link: string;
  /** The mentor's approved pairs and groups by ID; `group` when the ID stands for several mentees. */
  units: Array<{ id: string; group: boolean }>;
}

function unitsText(units: MeetingLetterInput['units']): string {
  if (units.length === 1) return `${units[0].group ? 'группы' : 'пары'} ${units[0].id}`;
  const groups = units.filter((u) => u.group).map((u) => u.id);
  const pairs = units.filter((u) => !u.group).map((u) => u.id);
  return [pairs.length ? `${pairs.length === 1 ? 'пары' : 'пар'} ${pairs.join(', ')}` : '', groups.length ? `${groups.length === 1 ? 'группы' : 'групп'} ${groups.join(', ')}` : '']
    .filter(Boolean)
    .join(' и ');
}

/** The letter with the personal link, the link a paragraph of its own. */
export function meetingLinkLetter(input: MeetingLetterInput, settings: Settings, overrides?: NameOverrides): ComposedLetter {
  // The order is not quoted: the letter may go long after it, for a later pair.
  const ctx: LetterContext = { settings, order: { date: { year: 0, month: 0, day: 0 }, number: '' }, overrides };
  const { to, units } = input;
  const single = units.length === 1 && !units[0].group;
  const org = String(settings.orgShortName).trim();
  const several = units.length > 1;
  const intro = `Вы — наставник ${unitsText(units)} программы наставничества${org ? ` ${org}` : ''}. После каждой встречи заполните короткий отчёт по своей личной ссылке: код наставника${several ? '' : ' и пара'} в ней уже указаны, не меняйте их.`;
  const choose = several ? ' В форме выберите пару или группу, о встрече с которой отчёт.' : '';
  const how = [
    'Как проходят встречи:',
    '— 1–2 встречи в неделю, не меньше 2 месяцев;',
    '— по порядку: знакомство, пробная встреча, планирование, затем регулярные встречи и в конце итоговая встреча;',
    `— в отчёте укажите вид встречи, дату, длительность, формат и что сделали${single ? ' с наставляемым' : ''}.`,
  ].join('\n');
  const personal = 'Ссылка личная: не пересылайте её другим. По отчётам куратор видит, как идёт работа пар, и вовремя помогает.';
  const person = { ...to, minor: false };
  const letter = finish(RU.meetingLetters.subject, [salutation(person, sexOf(to.name), ctx), `${intro}${choose}`, how, personal, contact(ctx), signature(ctx)], ctx);
  // The link goes as it is: typography must not touch a single character of it.
  letter.paragraphs.splice(2, 0, input.link);
  return letter;
}
