import { strict } from '../calls';
import type { Workspace } from '../workspace';
import { SheetFormSubmitEventData, appendResponseRow } from './destination';
import { FormContext, copyAnswer, itemIdOf, wrapItemResponse } from './items';
import { AnswerValue, FormModel, FormResponseModel } from './model';

type FormResponse = GoogleAppsScript.Forms.FormResponse;
type ItemResponse = GoogleAppsScript.Forms.ItemResponse;

export const RESPONSE_ERRORS = {
  /**
   * Chosen texts (no real one found): a form created by the API after 2026-06-30 takes no answers
   * until it is published; a published form can still be closed with setAcceptingResponses(false).
   */
  notPublished: 'This form is not published, so it cannot accept responses.',
  closed: 'This form is no longer accepting responses.',
  alreadySubmitted: 'Editing a submitted response is not available in the local Apps Script workspace.',
  foreignItem: 'Invalid argument: response (the item is not in this form).',
  noResponse: (id: string) => `No response with ID ${id} exists in this form.`,
};

/** Whether the form takes answers now: published AND open. */
export function acceptsResponses(model: FormModel): boolean {
  return model.published && model.acceptingResponses;
}

/**
 * Records a response in the form's store and appends its row to the linked sheet. Returns the
 * onFormSubmit event data, which only the participant's path hands to the trigger.
 */
export function storeResponse(
  ws: Workspace,
  model: FormModel,
  data: { answers: Record<string, AnswerValue>; email?: string; timestamp: Date },
): { response: FormResponseModel; sheetEvent?: SheetFormSubmitEventData } {
  const response: FormResponseModel = {
    id: ws.ids.next('2_ABaOnu'),
    timestamp: data.timestamp.toISOString(),
    ...(model.collectEmail ? { email: data.email ?? '' } : {}),
    answers: data.answers,
  };
  model.responses.push(response);
  const sheetEvent = appendResponseRow(ws, model, response);
  return sheetEvent ? { response, sheetEvent } : { response };
}

type FormResponseApi = Pick<
  FormResponse,
  'getId' | 'getTimestamp' | 'getRespondentEmail' | 'getItemResponses' | 'getResponseForItem' | 'getEditResponseUrl' | 'withItemResponse' | 'submit' | 'toPrefilledUrl'
>;

/** A stored response, or a draft from Form.createResponse() that submit() stores. */
export class FakeFormResponse implements FormResponseApi {
  private readonly draft = new Map<number, AnswerValue>();

  constructor(
    private readonly ctx: FormContext,
    private readonly stored: FormResponseModel | null,
  ) {}

  __model(): FormResponseModel | null {
    return this.stored;
  }

  private answers(): Map<number, AnswerValue> {
    if (!this.stored) return this.draft;
    return new Map(Object.entries(this.stored.answers).map(([id, a]) => [Number(id), a]));
  }

  getId(): string {
    // A draft has no id yet; Apps Script answers null there.
    return (this.stored?.id ?? null) as string;
  }
  getTimestamp(): Date {
    return (this.stored ? new Date(this.stored.timestamp) : null) as Date;
  }
  getRespondentEmail(): string {
    return this.stored?.email ?? '';
  }
  getEditResponseUrl(): string {
    return this.stored ? `${this.ctx.model.publishedUrl}?edit2=${this.stored.id}` : '';
  }

  /** Answers in form order; answers to deleted questions are not returned. */
  getItemResponses(): ItemResponse[] {
    const answers = this.answers();
    return this.ctx.model.items.filter((item) => answers.has(item.id)).map((item) => wrapItemResponse(this.ctx, item, answers.get(item.id)!));
  }

  getResponseForItem(item: GoogleAppsScript.Forms.Item): ItemResponse {
    const id = itemIdOf(item);
    const answer = this.answers().get(id);
    const model = this.ctx.model.items.find((it) => it.id === id);
    // No answer to that item: Apps Script answers null.
    return (answer === undefined || !model ? null : wrapItemResponse(this.ctx, model, answer)) as ItemResponse;
  }

  withItemResponse(response: ItemResponse): FormResponse {
    if (this.stored) throw new Error(RESPONSE_ERRORS.alreadySubmitted);
    const id = itemIdOf(response);
    if (!this.ctx.model.items.some((it) => it.id === id)) throw new Error(RESPONSE_ERRORS.foreignItem);
    const probe = response as unknown as { __answer: () => AnswerValue };
    this.draft.set(id, probe.__answer());
    return this as unknown as FormResponse;
  }

  toPrefilledUrl(): string {
    const params: string[] = ['usp=pp_url'];
    for (const [id, answer] of this.answers()) {
      const values = typeof answer === 'string' ? [answer] : (answer as Array<string | string[]>).flat();
      for (const v of values) if (v !== '') params.push(`entry.${id}=${encodeURIComponent(v)}`);
    }
    return `${this.ctx.model.publishedUrl}?${params.join('&')}`;
  }

  /**
   * Stores the draft and appends its row to the linked sheet. Like real Apps Script it fires no
   * onFormSubmit trigger, and required questions are not enforced for script-made responses.
   */
  submit(): FormResponse {
    if (this.stored) throw new Error(RESPONSE_ERRORS.alreadySubmitted);
    const { model, ws } = this.ctx;
    if (!model.published) throw new Error(RESPONSE_ERRORS.notPublished);
    if (!model.acceptingResponses) throw new Error(RESPONSE_ERRORS.closed);
    const answers: Record<string, AnswerValue> = {};
    for (const item of model.items) {
      const answer = this.draft.get(item.id);
      if (answer !== undefined) answers[String(item.id)] = copyAnswer(answer);
    }
    const { response } = storeResponse(ws, model, { answers, timestamp: ws.now() });
    return wrapFormResponse(this.ctx, response);
  }
}

export function wrapFormResponse(ctx: FormContext, stored: FormResponseModel | null): FormResponse {
  return strict('FormResponse', new FakeFormResponse(ctx, stored), ctx.ws.calls) as unknown as FormResponse;
}

/** Form.getResponse(id). */
export function findResponse(model: FormModel, id: string): FormResponseModel {
  const found = model.responses.find((r) => r.id === id);
  if (!found) throw new Error(RESPONSE_ERRORS.noResponse(id));
  return found;
}
