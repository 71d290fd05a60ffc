import { PAIRS_ORDER_FIELDS, pairsOrderTemplate } from '../core/documents/order-pairs';
import { TRAINING_ORDER_FIELDS, trainingOrderTemplate } from '../core/documents/order-training';
import { TemplateKind } from './templates';

/** The document kinds with a template in «Шаблоны»; reports join this list. */
export const PAIRS_ORDER: TemplateKind = { key: 'order-pairs', spec: pairsOrderTemplate, fields: PAIRS_ORDER_FIELDS };
export const TRAINING_ORDER: TemplateKind = { key: 'order-training', spec: trainingOrderTemplate, fields: TRAINING_ORDER_FIELDS };
