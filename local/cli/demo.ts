import * as fs from 'fs';
import * as path from 'path';
import { saveWorkspace } from '../persist/folder';
import { startRunner } from '../emulator/session';
import { Workspace } from '../emulator/workspace';
import { playDemoYear } from '../demo/year';

/** npm start: the demo programme year in a fresh out/demo/, then where to look. */
async function main(): Promise<void> {
  const dir = path.resolve('out', 'demo');
  fs.rmSync(dir, { recursive: true, force: true });
  const ws = new Workspace({ seed: 'demo-2026', name: 'Наставничество ЦДТ «Хибины» 2026/2027' });
  const runner = startRunner(ws);
  const steps = playDemoYear(ws, runner);
  await saveWorkspace(ws, dir);

  const out = (line = '') => process.stdout.write(`${line}\n`);
  out('Демо-год программы наставничества МАОДО ЦДТ «Хибины»');
  for (const s of steps) out(`  ${s.date}  ${s.title}\n              ${s.result}`);
  out();
  out(`Локальное рабочее пространство: ${dir}`);
  out(`  spreadsheet.xlsx  рабочая книга: ${ws.spreadsheet.sheets.map((s) => s.name).join(', ')}`);
  const files = [...ws.drive.entries.values()].filter((e) => !e.trashed);
  out(`  drive/            ${files.length ? files.map((f) => f.name).join('; ') : 'документов пока нет'}`);
  out(`  mail/             писем: ${ws.mail.length}`);
  out('  state.json        свойства, триггеры, часовые пояса');
  out(`Вызовов сервисов Apps Script за год: ${ws.calls.total()}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
