import * as fs from 'fs';
import { submitAsParticipant } from '../emulator/forms/submit';
import { startRunner } from '../emulator/session';
import { loadWorkspace, saveWorkspace } from '../persist/folder';
import type { UiEvent } from '../emulator/workspace';

const USAGE = `Использование:
  npm run local -- <папка> <функция> [json-аргумент ...]
  npm run local -- <папка> submit <название или id формы> <ответы.json>`;

function parseArg(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (_error) {
    return text;
  }
}

/** What the curator would have seen on screen, for the terminal (stderr keeps stdout pure JSON). */
function showUi(events: readonly UiEvent[]): void {
  for (const e of events) {
    if (e.kind === 'menu') process.stderr.write(`[меню ${e.title}] ${(e.items ?? []).map(([caption]) => caption || '—').join(' | ')}\n`);
    else if (e.kind === 'sidebar' || e.kind === 'dialog') process.stderr.write(`[${e.kind}] ${e.title ?? ''}\n`);
    else process.stderr.write(`[${e.kind}] ${e.title ? `${e.title}: ` : ''}${e.text ?? ''}\n`);
  }
}

async function openFolder(dir: string) {
  const ws = await loadWorkspace(dir);
  return { ws, runner: startRunner(ws), save: () => saveWorkspace(ws, dir) };
}

async function main(argv: string[]): Promise<number> {
  const [dir, fn, ...rest] = argv;
  if (!dir || !fn) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { ws, runner, save } = await openFolder(dir);
  const before = ws.ui.length;
  let code = 0;
  try {
    if (fn === 'submit') {
      const [form, answersFile] = rest;
      if (!form || !answersFile) throw new Error(USAGE);
      const answers = JSON.parse(fs.readFileSync(answersFile, 'utf8'));
      const { response, sheetEvent } = submitAsParticipant(ws, form, answers);
      const fired = sheetEvent ? runner.fireFormSubmit(sheetEvent) : [];
      process.stdout.write(`${JSON.stringify({ responseId: response.getId(), triggers: fired }, null, 2)}\n`);
    } else {
      const args = rest.map(parseArg);
      const first = args[0] as { authMode?: string } | undefined;
      const authMode = (fn === 'onOpen' || fn === 'onInstall') && first && typeof first === 'object' ? first.authMode : undefined;
      const result = runner.call(fn, args, { authMode: authMode as 'NONE' | 'LIMITED' | 'FULL' | undefined });
      process.stdout.write(`${JSON.stringify(result ?? null, null, 2)}\n`);
      if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === false) code = 1;
    }
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  } finally {
    showUi(ws.ui.slice(before));
    // Apps Script keeps what was written before an error, so the folder does too.
    await save();
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
