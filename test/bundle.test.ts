import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import ts from 'typescript';
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

/** The public functions as the source declares them: src/server/index.ts's exports and their JSDoc. */
function declaredPublicFunctions(): Array<{ name: string; jsDoc: string | null }> {
  const index = path.join(__dirname, '..', 'src', 'server', 'index.ts');
  const program = ts.createProgram([index], { noEmit: true, noLib: true, types: [] });
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(index)!)!);
  return exports.map((symbol) => {
    const declaration = checker.getAliasedSymbol(symbol).declarations![0];
    const jsDoc = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1);
    return { name: symbol.name, jsDoc: jsDoc ? jsDoc.getText() : null };
  });
}

describe('the top-level functions (gas-entry-generator)', () => {
  const declared = declaredPublicFunctions();
  const bundle = ts.createSourceFile('Code.js', code(), ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);
  const topLevel = new Map(bundle.statements.filter(ts.isFunctionDeclaration).map((f) => [f.name!.text, f]));
  const lines = (text: string) => text.split('\n').map((l) => l.trim());

  test('src/server/index.ts has public functions, each with a JSDoc comment but a few', () => {
    expect(declared.length).toBeGreaterThanOrEqual(10);
    expect(declared.filter((f) => f.jsDoc).length).toBeGreaterThan(declared.length / 2);
  });

  test('each public function is a function declaration at the top level of dist/Code.js, and nothing else is', () => {
    expect([...topLevel.keys()].sort()).toEqual(declared.map((f) => f.name).sort());
    // Apart from the declarations, one statement: the bundle, which declares no global of its own.
    expect(bundle.statements.filter((s) => !ts.isFunctionDeclaration(s))).toHaveLength(1);
  });

  test('each carries its JSDoc comment right above it, as the source wrote it', () => {
    for (const { name, jsDoc } of declared) {
      const declaration = topLevel.get(name)!;
      const comments = ts.getLeadingCommentRanges(bundle.text, declaration.getFullStart()) ?? [];
      const last = comments.at(-1);
      const above = last && bundle.text.slice(last.end, declaration.getStart()).trim() === '' ? bundle.text.slice(last.pos, last.end) : null;
      expect([name, above && above.startsWith('/**') ? lines(above) : null]).toEqual([name, jsDoc ? lines(jsDoc) : null]);
    }
  });

  test('loaded with no Node globals, each name is the real function, not its empty stub', () => {
    const context = vm.createContext({});
    vm.runInContext(code(), context);
    expect(vm.runInContext('[typeof require, typeof process, typeof Buffer, typeof global, typeof module].join()', context)).toBe('undefined,undefined,undefined,undefined,undefined');
    for (const { name } of declared) {
      expect([name, typeof context[name]]).toEqual([name, 'function']);
      expect([name, String(context[name])]).not.toEqual([name, expect.stringMatching(/^function \w*\([^)]*\) *\{\s*\}$/)]);
    }
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
      if (fn === 'showDashboard') {
        expect(shown.find((e) => e.kind === 'sidebar')?.title).toBe('Панель куратора');
        expect(shown.find((e) => e.kind === 'sidebar')?.html).toContain('Обновить панель');
        continue;
      }
      if (fn === 'showReportDialog') {
        expect(shown.find((e) => e.kind === 'dialog')?.html).toContain('Сформировать');
        continue;
      }
      expect([caption, typeof result?.message]).toEqual([caption, 'string']);
      expect(result!.message).toMatch(/[А-Яа-яЁё]/);
      for (const e of shown) expect(e.text ?? '').not.toMatch(/\n\s+at /);
    }
  });
});
