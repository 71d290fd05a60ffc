import { Block, DocumentSpec } from '../model';
import { TemplateData, TemplateFields } from './data';
import { FillPlan, OutlineItem, TableStep, pagesOf, planFill } from './plan';

export function specOutline(spec: DocumentSpec): OutlineItem[] {
  return spec.blocks.map((b) => (b.kind === 'paragraph' ? { kind: 'paragraph', text: b.runs.map((r) => r.text).join('') } : { kind: 'table', cells: [...(b.header ? [b.header] : []), ...b.rows] }));
}

const replaceAll = (text: string, values: Map<string, string>) => {
  let out = text;
  for (const [raw, value] of values) out = out.split(raw).join(value);
  return out;
};

function tableOf(step: TableStep, like: Extract<Block, { kind: 'table' }> | null, values: Map<string, string>): Block {
  const header = step.header.length ? step.header[step.header.length - 1] : null;
  const rows = [...step.header.slice(0, -1), ...step.rows, ...step.trailer.map((r) => r.map((c) => replaceAll(c, values)))];
  return { ...(like ?? {}), kind: 'table', header: header && header.map((c) => replaceAll(c, values)), rows };
}

/** The table, or one table per page when its data starts new pages (a page break before each). */
function tablesOf(step: TableStep, like: Extract<Block, { kind: 'table' }> | null, values: Map<string, string>): Block[] {
  if (!step.breaks?.length) return [tableOf(step, like, values)];
  const h = step.header.length;
  return pagesOf(step).flatMap((page, k, all) => {
    const rows = page.cells.slice(h);
    const trailer = k === all.length - 1 ? rows.splice(rows.length - step.trailer.length, step.trailer.length) : [];
    const table = tableOf({ ...step, rows, trailer }, like, values);
    return page.pageBreak ? [{ kind: 'paragraph', runs: [{ text: '' }], pageBreakBefore: true } as Block, table] : [table];
  });
}

/**
 * The same filling the server does in a Google Doc, done on a spec: the default template with its
 * data gives the document a curator gets when nobody edited the template (tests, offline previews).
 */
export function fillSpec(template: DocumentSpec, data: TemplateData, fields: TemplateFields): { spec: DocumentSpec; plan: FillPlan } {
  const plan = planFill(specOutline(template), data, fields);
  const blocks: Block[] = [];
  template.blocks.forEach((block, i) => {
    if (block.kind === 'table') {
      const step = plan.tables.get(i);
      blocks.push(
        ...(step
          ? tablesOf(step, block, plan.values)
          : [{ ...block, header: block.header && block.header.map((c) => replaceAll(c, plan.values)), rows: block.rows.map((r) => r.map((c) => replaceAll(c, plan.values))) }]),
      );
      return;
    }
    const step = plan.paragraphs.get(i);
    if (step?.drop) return;
    blocks.push({
      ...block,
      runs: block.runs.map((run) => {
        let text = run.text;
        for (const raw of step?.strip ?? []) text = text.split(raw).join('');
        if (step?.counter) text = text.split(step.counter.raw).join(step.counter.value);
        return { ...run, text: replaceAll(step?.strip.length ? text.replace(/^\s+/, '') : text, plan.values) };
      }),
    });
  });
  for (const step of plan.appended) blocks.push(...tablesOf(step, null, plan.values));
  return { spec: { ...template, blocks }, plan };
}
