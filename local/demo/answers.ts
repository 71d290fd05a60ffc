import { MIME } from '../emulator/drive-store';
import { openPrefilledLink } from '../emulator/forms/prefilled';
import { type AnswerValue, type FormItemModel, type FormModel, isQuestion } from '../emulator/forms/model';
import { type ParticipantAnswer, pathThrough } from '../emulator/forms/submit';
import type { Workspace } from '../emulator/workspace';
import type { Random } from './random';

/**
 * How a person answers a monitoring form: what they rate (1–10), whether they say «да», and what
 * they write when a question asks for words. The forms come from the item bank, so the demo reads
 * the questions from the form itself instead of copying their wording.
 */
export interface Respondent {
  /** A rating for a 1–10 question. */
  rate: (item: FormItemModel) => number;
  /** «да» for a yes/no question. */
  agrees: (item: FormItemModel) => boolean;
  /** Words for an open question, or undefined to leave an optional one empty. */
  writes: (item: FormItemModel) => string | undefined;
  /** A choice of a list or multiple-choice question that is not yes/no. */
  picks?: (item: FormItemModel) => string | undefined;
}

const YES_NO = ['да', 'нет'];
const isYesNo = (item: FormItemModel) => (item.choices ?? []).length === 2 && YES_NO.every((c) => item.choices!.includes(c));

function answerOf(item: FormItemModel, who: Respondent, rng: Random): ParticipantAnswer | undefined {
  switch (item.type) {
    case 'SCALE': {
      const low = item.lowerBound ?? 1;
      const high = item.upperBound ?? 10;
      return String(Math.min(high, Math.max(low, Math.round(who.rate(item)))));
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST':
      if (isYesNo(item)) return who.agrees(item) ? 'да' : 'нет';
      return who.picks?.(item) ?? (item.required ? rng.pick(item.choices ?? []) : undefined);
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      const words = who.writes(item);
      return words ?? (item.required ? 'Всё понравилось' : undefined);
    }
    default:
      return undefined;
  }
}

/**
 * The answers a person gives through a personal link: the link's own answers stay, every other
 * question on the person's path through the form gets the respondent's answer.
 */
export function answersThroughLink(ws: Workspace, url: string, who: Respondent, rng: Random): Record<string, ParticipantAnswer> {
  const opened = openPrefilledLink(ws, url);
  const model = ws.drive.get(opened.formId)!.content as FormModel;
  return answersFor(model, opened.answers, who, rng);
}

/** The same for a form opened without a link (the SWOT questionnaire of the programme team). */
export function answersToForm(ws: Workspace, title: string, given: Record<string, ParticipantAnswer>, who: Respondent, rng: Random): Record<string, ParticipantAnswer> {
  const entry = ws.drive.byMime(MIME.form).find((e) => (e.content as FormModel).title === title);
  if (!entry) throw new Error(`Нет формы «${title}»`);
  return answersFor(entry.content as FormModel, given, who, rng);
}

function answersFor(model: FormModel, given: Record<string, ParticipantAnswer>, who: Respondent, rng: Random): Record<string, ParticipantAnswer> {
  const answers: Record<string, ParticipantAnswer> = { ...given };
  pathThrough(model, (item): AnswerValue | undefined => {
    if (!isQuestion(item.type)) return undefined;
    if (!(item.title in answers)) {
      const a = answerOf(item, who, rng);
      if (a !== undefined) answers[item.title] = a;
    }
    const a = answers[item.title];
    return typeof a === 'string' ? a : undefined;
  });
  return answers;
}
