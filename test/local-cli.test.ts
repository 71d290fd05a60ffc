import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.join(__dirname, '..');
const cli = path.join(root, '.build', 'local.cjs');

function local(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('npm run local', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ms-local-'));

  test('creates the workspace, runs a public function, prints JSON and saves', () => {
    const r = local(dir, 'setupWorkbook');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true });
    expect(r.err).toContain('[toast]');
    expect(fs.existsSync(path.join(dir, 'spreadsheet.xlsx'))).toBe(true);
  });

  test('onOpen in AuthMode.NONE shows the menu', () => {
    const r = local(dir, 'onOpen', '{"authMode":"NONE"}');
    expect(r.code).toBe(0);
    expect(r.err).toContain('[меню Наставничество] Настроить рабочую книгу');
  });

  test('a participant submits; the installed trigger imports at once', () => {
    expect(local(dir, 'createQuestionnaires').code).toBe(0);
    expect(local(dir, 'enableAutoImport').code).toBe(0);
    const answers = path.join(dir, 'answers.json');
    fs.writeFileSync(
      answers,
      JSON.stringify({
        'Кто вы?': 'обучающийся',
        'Фамилия, имя, отчество': 'Смирнова Алиса Андреевна',
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': 'Изостудия',
        'С чем вам нужна помощь наставника?': ['выбор профессии'],
        'Какая форма наставничества вам подходит?': 'педагог – ученик',
        'Удобный формат встреч': 'очно',
        'Телефон или e-mail для связи': '+7 911 000-00-00',
      }),
    );
    const r = local(dir, 'submit', 'Анкета наставляемого', answers);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).triggers).toEqual(['onFormSubmit']);
    const again = local(dir, 'importResponses');
    expect(JSON.parse(again.out).message).toBe('Новых ответов нет, базы не изменены.');
  });

  test('errors: a clear message and a non-zero exit', () => {
    const unknown = local(dir, 'noSuchFunction');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Script function not found: noSuchFunction');
    const badForm = local(dir, 'submit', 'Нет такой формы', path.join(dir, 'answers.json'));
    expect(badForm.code).toBe(1);
    expect(badForm.err).toContain('не найдена');
    const usage = local();
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('Использование');
  });
});
