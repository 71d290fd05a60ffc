import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { freshAddon } from './helpers/addon';

const code = () => fs.readFileSync(path.join(__dirname, '..', 'dist', 'Code.js'), 'utf8');

describe('dist/Code.js as Apps Script loads it', () => {
  test('loads in a bare context and exposes the public functions at top level', () => {
    const context = vm.createContext({});
    vm.runInContext(code(), context);
    for (const name of ['onOpen', 'onInstall', 'setupWorkbook']) expect(typeof context[name]).toBe('function');
  });

  test('has no module syntax that clasp push would reject', () => {
    expect(code()).not.toMatch(/^\s*(import|export)\s/m);
    expect(code()).not.toMatch(/\brequire\(/);
  });

  test('loading calls no service, and the sandbox holds nothing of Node', () => {
    const { ws, runner } = freshAddon();
    expect(ws.calls.total()).toBe(0);
    const probe = vm.runInContext('[typeof require, typeof process, typeof Buffer, typeof setTimeout, typeof module].join()', runner.context);
    expect(probe).toBe('undefined,undefined,undefined,undefined,undefined');
  });

  test('keeps Cyrillic readable (UTF-8, not \\u escapes)', () => {
    expect(code()).toContain('Наставничество');
  });
});

describe('the menu', () => {
  test('in AuthMode.NONE onOpen builds the menu and touches nothing else', () => {
    const { ws, runner } = freshAddon();
    runner.onOpen('NONE');
    const called = Object.keys(ws.calls.snapshot());
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(name).toMatch(/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/);
    expect(ws.ui.find((e) => e.kind === 'menu')?.title).toBe('Наставничество');
  });

  test('every menu item calls a top-level public function', () => {
    const { ws, runner } = freshAddon();
    runner.onOpen('LIMITED');
    const items = ws.ui.find((e) => e.kind === 'menu')!.items!.filter(([, fn]) => fn);
    expect(items.length).toBeGreaterThan(0);
    for (const [caption, fn] of items) {
      expect(caption).toMatch(/[А-Яа-я]/);
      expect(runner.has(fn)).toBe(true);
    }
  });

  test('onInstall shows the same menu', () => {
    const { ws, runner } = freshAddon();
    runner.call('onInstall', [{ authMode: 'FULL' }]);
    expect(ws.ui.filter((e) => e.kind === 'menu')).toHaveLength(1);
  });
});

describe('every menu item works', () => {
  test('each one, clicked in order on a set-up workbook, ends with a Russian message or a sidebar — never a crash', () => {
    const { ws, runner } = freshAddon();
    runner.onOpen('LIMITED');
    const items = ws.ui.find((e) => e.kind === 'menu')!.items!.filter(([, fn]) => fn);
    for (const [caption, fn] of items) {
      const before = ws.ui.length;
      const result = runner.call(fn) as { ok?: boolean; message?: string } | undefined;
      const shown = ws.ui.slice(before);
      if (fn === 'showMatchingSidebar') {
        expect(shown.find((e) => e.kind === 'sidebar')?.title).toBe('Подбор пар');
        expect(shown.find((e) => e.kind === 'sidebar')?.html).toContain('Утвердить пары');
        continue;
      }
      expect([caption, typeof result?.message]).toEqual([caption, 'string']);
      expect(result!.message).toMatch(/[А-Яа-яЁё]/);
      for (const e of shown) expect(e.text ?? '').not.toMatch(/\n\s+at /);
    }
  });
});
