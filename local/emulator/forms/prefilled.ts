import { MIME } from '../drive-store';
import type { Workspace } from '../workspace';
import type { FormModel } from './model';
import { submitAsParticipant, type ParticipantAnswer, type SubmitOptions, type SubmitResult } from './submit';

/**
 * A participant who opens a personal pre-filled link: Google shows the form with the link's
 * `entry.<item id>=value` answers already in place, and the participant fills in the rest. The
 * answers a link carries are the ones a person would submit unless they retype them.
 */
export interface OpenedLink {
  /** The form's Drive id. */
  formId: string;
  /** Answers the link fills in, by question title; a question named twice in the link is a list. */
  answers: Record<string, ParticipantAnswer>;
}

export function openPrefilledLink(ws: Workspace, url: string): OpenedLink {
  const [base, query = ''] = url.split('?');
  const entry = ws.drive.byMime(MIME.form).find((e) => (e.content as FormModel).publishedUrl === base);
  if (!entry) throw new Error(`Ссылка не ведёт ни к одной форме: ${url}`);
  const model = entry.content as FormModel;
  const params = new URLSearchParams(query);
  if (params.get('usp') !== 'pp_url') throw new Error(`Ссылка не заполняет ответы заранее: ${url}`);
  const answers: Record<string, ParticipantAnswer> = {};
  for (const [key, value] of params) {
    const id = /^entry\.(\d+)$/.exec(key)?.[1];
    if (!id) continue;
    const item = model.items.find((i) => i.id === Number(id));
    if (!item) throw new Error(`В форме «${model.title}» нет вопроса с номером ${id} из ссылки`);
    const before = answers[item.title];
    answers[item.title] = before === undefined ? value : [...(Array.isArray(before) ? before : [String(before)]), value];
  }
  return { formId: entry.id, answers };
}

/** Submits through a pre-filled link: the link's answers, then what the participant typed (which wins). */
export function submitThroughLink(ws: Workspace, url: string, typed: Record<string, ParticipantAnswer>, options: SubmitOptions = {}): SubmitResult {
  const opened = openPrefilledLink(ws, url);
  return submitAsParticipant(ws, opened.formId, { ...opened.answers, ...typed }, options);
}
