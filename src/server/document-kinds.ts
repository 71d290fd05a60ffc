import { PAIRS_ORDER_FIELDS, pairsOrderTemplate } from '../core/documents/order-pairs';
import { TRAINING_ORDER_FIELDS, trainingOrderTemplate } from '../core/documents/order-training';
import { DEVELOPMENT_PLAN_FIELDS, developmentPlanTemplate } from '../core/documents/development-plan';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { REPORT_TEMPLATES } from './reports';
import { loadSettings } from './settings';
import { TemplateKind, docUrl, ensureTemplate } from './templates';

/** The document kinds with a template in «Шаблоны»; reports join this list. */
export const PAIRS_ORDER: TemplateKind = { key: 'order-pairs', spec: pairsOrderTemplate, fields: PAIRS_ORDER_FIELDS };
export const TRAINING_ORDER: TemplateKind = { key: 'order-training', spec: trainingOrderTemplate, fields: TRAINING_ORDER_FIELDS };
/** One per pair or group (ИПР); its register label is in register.ts. */
export const DEVELOPMENT_PLAN: TemplateKind = { key: 'development-plan', spec: developmentPlanTemplate, fields: DEVELOPMENT_PLAN_FIELDS };

const KINDS: readonly TemplateKind[] = [TRAINING_ORDER, PAIRS_ORDER, DEVELOPMENT_PLAN, ...REPORT_TEMPLATES];

/**
 * Menu «Шаблоны документов»: every kind's template in «Шаблоны», made now if missing, so the
 * curator can adapt the wording before the first document. Existing ones are kept as she left them.
 */
export function createTemplates() {
  return runAction(RU.action.templates, () => {
    const { settings } = loadSettings(SpreadsheetApp.getActive());
    const made = KINDS.map((kind) => ({ kind, ...ensureTemplate(kind, settings) }));
    const lines = made.map((m) => `${m.kind.spec(settings).title.replace(/^Шаблон — /, '')}: ${docUrl(m.id)}${m.created ? ' (создан)' : ''}`);
    return { message: RU.templates.summary(made.filter((m) => m.created).length, lines) };
  });
}
