import { TemplateData } from '../core/documents/template/data';
import { Settings } from '../core/settings';
import { Progress } from './progress';
import { DocRef, TemplateKind, copyTemplate, ensureTemplate, fillDocument, finishDocument, trash } from './templates';

/** What an operation records about the document it makes, so a re-run neither doubles nor loses it. */
export interface DocRecord {
  doc: DocRef | null;
  /** The copy was filled and finished; an unfinished copy is put in the bin and made again. */
  filled?: boolean;
  /** What the template lacked, for the curator. */
  notes?: string[];
}

/**
 * Makes the document of an operation from its kind's template, in steps a re-run picks up: the
 * copy's id is recorded the moment it exists (if that record cannot be written, the copy goes to
 * the bin); a copy left half filled by a failure is binned and made again from the template.
 */
export function produceDocument<R extends DocRecord>(
  store: Pick<Progress<R>, 'saveSurely'>,
  record: R,
  kind: TemplateKind,
  title: string,
  settings: Settings,
  data: () => TemplateData,
): { ref: DocRef; notes: string[] } {
  if (record.doc && record.filled) return { ref: record.doc, notes: record.notes ?? [] };
  if (record.doc) {
    trash(record.doc.id);
    record.doc = null;
    store.saveSurely(record);
  }
  const template = ensureTemplate(kind, settings);
  const ref = copyTemplate(template.id, title);
  record.doc = ref;
  try {
    store.saveSurely(record);
  } catch (error) {
    trash(ref.id);
    throw error;
  }
  const filled = fillDocument(ref.id, kind.fields, data());
  finishDocument(ref.id, filled);
  record.filled = true;
  record.notes = filled.plan.notes;
  store.saveSurely(record);
  return { ref, notes: record.notes };
}
