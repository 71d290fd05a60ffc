import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadWorkspace, saveWorkspace } from '../local/persist/folder';
import { startRunner } from '../local/emulator/session';
import { Workspace } from '../local/emulator/workspace';
import { withPeople } from './helpers/people';
import { Outcome } from './helpers/programme';

function cells(ws: Workspace) {
  return ws.spreadsheet.sheets.map((s) => ({
    name: s.name,
    frozen: s.frozenRows,
    hidden: s.hidden,
    size: [s.maxRows, s.maxColumns],
    protections: s.protections,
    validations: s.validations,
    formUrl: s.formUrl,
    rows: s.rows.map((r) => (r ?? []).map((c) => (c ? { v: c.v instanceof Date ? c.v.toISOString() : c.v, f: c.f ?? '', fmt: c.fmt ?? '', note: c.note ?? '' } : null))),
  }));
}

const trimRows = (sheets: ReturnType<typeof cells>) => sheets.map((s) => ({ ...s, rows: s.rows.map((r) => r.filter((c) => c && (c.v !== '' || c.f || c.fmt || c.note))).filter((r) => r.length) }));

describe('the local workspace folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-persist-'));
  let original: Workspace;

  beforeAll(async () => {
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    runner.call('approvePairs', [{ number: '7-о/д' }]);
    original = ws;
    await saveWorkspace(ws, dir);
  });

  test('has the layout of DESIGN.md', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['drive', 'mail', 'spreadsheet.xlsx', 'state.json']);
    const programme = fs.readdirSync(path.join(dir, 'drive')).find((f) => f.startsWith('Наставничество'))!;
    const files = fs.readdirSync(path.join(dir, 'drive', programme));
    // The intake five, the meeting report, feedback, four diagnostics, the May survey and SWOT.
    expect(files.filter((f) => f.endsWith('.form.json'))).toHaveLength(12);
    expect(files.some((f) => f.startsWith('Приказ об утверждении') && f.endsWith('.docx'))).toBe(true);
    const form = JSON.parse(fs.readFileSync(path.join(dir, 'drive', programme, 'Анкета наставляемого.form.json'), 'utf8'));
    expect(Object.keys(form).slice(0, 8)).toEqual(['id', 'title', 'description', 'url', 'published', 'collectEmail', 'destinationSheet', 'items']);
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
    expect(state.spreadsheet).toMatchObject({ timeZone: 'Europe/Moscow', locale: 'ru_RU' });
    expect(state.triggers).toEqual([]);
  });

  test('loads back losslessly: cells, formats, notes, protections, validations, properties, Drive, mail', async () => {
    const loaded = await loadWorkspace(dir);
    expect(trimRows(cells(loaded))).toEqual(trimRows(cells(original)));
    expect(Object.fromEntries(loaded.properties.document)).toEqual(Object.fromEntries(original.properties.document));
    const docs = (ws: Workspace) => [...ws.drive.entries.values()].map((e) => ({ ...e, created: e.created.toISOString() })).sort((a, b) => a.id.localeCompare(b.id));
    expect(docs(loaded)).toEqual(docs(original));
    expect(loaded.mail).toEqual(original.mail);
  });

  test('the add-on carries on from a loaded folder', async () => {
    const loaded = await loadWorkspace(dir);
    loaded.now = () => new Date('2026-10-05T07:00:00Z');
    const runner = startRunner(loaded);
    expect((runner.call('importResponses') as Outcome).message).toBe('Новых ответов нет, базы не изменены.');
    expect((runner.call('setupWorkbook') as Outcome).message).toContain('ничего не изменено');
  });

  const office = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  if (!office) console.warn('Проверка открытия в LibreOffice пропущена: установите libreoffice-calc-nogui (.ci/run делает это сам).');
  (office ? test : test.skip)(
    'LibreOffice opens spreadsheet.xlsx',
    () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-office-'));
      execFileSync(
        office!,
        ['--headless', `-env:UserInstallation=file://${out}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, path.join(dir, 'spreadsheet.xlsx')],
        { timeout: 120000, stdio: 'pipe' },
      );
      const csv = fs.readFileSync(path.join(out, 'spreadsheet.csv'), 'utf8');
      expect(csv).toContain('Отметка времени');
    },
    150000,
  );
});

describe('pseudonymous mode in the local workspace', () => {
  test('names.csv puts names back into an offline copy of each document; Google keeps the codes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-names-'));
    const { ws, runner } = withPeople();
    runner.call('computeMatches');
    runner.call('approvePairs');
    const [mentee] = [...ws.spreadsheet.findSheet('Наставляемые')!.rows.slice(1)].map((r) => [String(r?.[0]?.v), String(r?.[1]?.v)]);
    fs.writeFileSync(path.join(dir, 'names.csv'), `код;ФИО\n${mentee[1]};Настоящее Имя Ребёнка\n`);
    await saveWorkspace(ws, dir);
    const programme = fs.readdirSync(path.join(dir, 'drive')).find((f) => f.startsWith('Наставничество'))!;
    const files = fs.readdirSync(path.join(dir, 'drive', programme));
    const copy = files.find((f) => f.endsWith('(с именами).docx'))!;
    expect(copy).toBeDefined();
    const { docxToDocument } = await import('../local/persist/docx');
    const { documentText } = await import('../local/emulator/docs/model');
    const text = documentText(await docxToDocument(fs.readFileSync(path.join(dir, 'drive', programme, copy))));
    expect(text).toContain('Настоящее Имя Ребёнка');
    const loaded = await loadWorkspace(dir);
    const original = [...loaded.drive.entries.values()].filter((e) => e.mimeType === 'application/vnd.google-apps.document');
    expect(original.map((d) => documentText(d.content as never)).join('\n')).not.toContain('Настоящее Имя Ребёнка');
  });
});
