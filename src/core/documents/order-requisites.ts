import { Settings } from '../settings';
import { Block, DocumentSpec, bold, p } from './model';
import { CalendarDate, numericDate } from './dates';
import { typeset } from '../language';

export interface OrderHead {
  settings: Settings;
  date: CalendarDate;
  /** From the organisation's journal; left blank rather than invented. */
  number: string;
  heading: string;
}

/** The order's requisites down to the heading, in ГОСТ order (documents.md §0.1). */
export function orderHead({ settings, date, number, heading }: OrderHead): Block[] {
  const blocks: Block[] = [];
  if (String(settings.founder).trim()) blocks.push(p(String(settings.founder), { align: 'CENTER' }));
  blocks.push(p(String(settings.orgName), { align: 'CENTER' }));
  blocks.push(p(`(${settings.orgShortName})`, { align: 'CENTER', spaceAfter: 12 }));
  blocks.push(bold('ПРИКАЗ', { align: 'CENTER', spaceAfter: 12 }));
  blocks.push({ kind: 'table', header: null, rows: [[numericDate(date), `№ ${number || '________'}`]], plain: true, widths: [240, 240] });
  blocks.push(p(String(settings.town), { align: 'CENTER', spaceAfter: 12 }));
  blocks.push(bold(heading, { align: 'LEFT', spaceAfter: 12 }));
  return blocks;
}

/** Signature: the title from the left margin, «И.О. Фамилия» on the right; then the executor mark. */
export function orderFoot(settings: Settings): Block[] {
  const executor = [settings.curatorName, settings.curatorPhone].filter((s) => String(s).trim()).join(', тел. ');
  return [
    p('', { spaceAfter: 24 }),
    { kind: 'table', header: null, rows: [[String(settings.directorTitle), String(settings.directorName || '________________')]], plain: true, widths: [300, 180] },
    p('', { spaceAfter: 36 }),
    p(`Исп. ${executor || '________________'}`, { size: 10, align: 'LEFT' }),
  ];
}

/** «Приложение № N к приказу … от … № …» in the upper right (documents.md §0.2). */
export function attachmentHead(settings: Settings, date: CalendarDate, number: string, index: number | null, title: string): Block[] {
  return [
    p(`Приложение${index === null ? '' : ` № ${index}`}`, { align: 'RIGHT', pageBreakBefore: true }),
    p(`к приказу ${settings.orgShortName}`, { align: 'RIGHT' }),
    p(`от ${numericDate(date)} № ${number || '________'}`, { align: 'RIGHT', spaceAfter: 12 }),
    bold(title, { align: 'CENTER', spaceAfter: 12 }),
  ];
}

/** The finished order: every text of it passes through the one typography pass. */
export function orderSpec(settings: Settings, title: string, blocks: Block[]): DocumentSpec {
  const options = { orgShortName: String(settings.orgShortName) };
  return {
    title,
    font: String(settings.docFont),
    size: Number(settings.docFontSize),
    tableSize: Number(settings.docTableFontSize),
    margins: { left: 30, right: 15, top: 20, bottom: 20 },
    pageNumbers: true,
    blocks: blocks.map((block) => typesetBlock(block, options)),
  };
}

function typesetBlock(block: Block, options: { orgShortName: string }): Block {
  if (block.kind === 'paragraph') return { ...block, runs: block.runs.map((run) => ({ ...run, text: typeset(run.text, options) })) };
  return { ...block, header: block.header && block.header.map((cell) => typeset(cell, options)), rows: block.rows.map((row) => row.map((cell) => typeset(cell, options))) };
}
