/** `npm run match` through its main() (no spawning), plus one end-to-end run of the built CLI. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { main, MatchIo } from '../../local/match/run';

function run(files: Record<string, string>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: MatchIo = {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return files[p];
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const code = main(argv, io);
  return { code, stdout, stderr };
}

const GOOD = {
  mode: 'optimal',
  mentees: [{ id: 'e1', priority: 1 }, { id: 'e2' }, { id: 'e3' }],
  mentors: [
    { id: 'm1', capacity: 1 },
    { id: 'm2', capacity: 1 },
  ],
  scores: [
    ['e1', 'm1', 0.2],
    ['e2', 'm1', 0.9],
    ['e3', 'm2', 0.4],
  ],
  locked: [],
};

describe('match CLI main()', () => {
  test('prints the result JSON and exits 0', () => {
    const r = run({ 'i.json': JSON.stringify(GOOD) }, ['i.json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.pairs).toEqual([
      { mentee: 'e1', mentor: 'm1', score: 0.2, locked: false },
      { mentee: 'e3', mentor: 'm2', score: 0.4, locked: false },
    ]);
    expect(out.unmatched).toEqual(['e2']);
    expect(out.objective).toMatchObject({ matchedByPriority: { '1': 1, '0': 1 }, matched: 2 });
    expect(out.blockingPairs).toBe(1); // e2 and m1 prefer each other (prefs derived from scores)
  });

  test('mutual choices and priorityScores: the CLI applies the levels and reports them', () => {
    // e2 and m1 chose each other, but the priority child e1 keeps the only place that fits them.
    const inst = { ...GOOD, mutual: [['e2', 'm1']], priorityScores: true };
    const r = run({ 'i.json': JSON.stringify(inst) }, ['i.json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unmatched).toEqual(['e2']);
    expect(out.objective).toMatchObject({ priorityScore: 0.2, mutualMatched: 0, totalScore: 0.6 });
    const bad = run({ 'i.json': JSON.stringify({ ...GOOD, mutual: [['e1', 'm1', 'm2']] }) }, ['i.json']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Ошибка: mutual[0]: взаимный выбор должен быть парой');
  });

  test.each<[string, Record<string, string>, string[], RegExp]>([
    ['no argument', {}, [], /usage/],
    ['two arguments', {}, ['a', 'b'], /usage/],
    ['unreadable file', {}, ['missing.json'], /cannot read the file missing\.json: ENOENT/],
    ['bad JSON', { 'i.json': '{"mode": ' }, ['i.json'], /not valid JSON/],
    ['JSON that is not an object', { 'i.json': 'null' }, ['i.json'], /instance must be a JSON object/],
    ['unknown mode', { 'i.json': JSON.stringify({ ...GOOD, mode: 'best' }) }, ['i.json'], /unknown mode "best"/],
    ['unknown id in scores', { 'i.json': JSON.stringify({ ...GOOD, scores: [['e1', 'mX', 1]] }) }, ['i.json'], /scores\[0\]: unknown mentor "mX"/],
    ['duplicate ids', { 'i.json': JSON.stringify({ ...GOOD, mentors: [{ id: 'm1' }, { id: 'm1' }] }) }, ['i.json'], /"m1" occurs more than once/],
    ['negative capacity', { 'i.json': JSON.stringify({ ...GOOD, mentors: [{ id: 'm1', capacity: -2 }] }) }, ['i.json'], /capacity must be an integer >= 0, got -2/],
    ['negative priority', { 'i.json': JSON.stringify({ ...GOOD, mentees: [{ id: 'e1', priority: -1 }] }) }, ['i.json'], /priority must be/],
    ['forbidden locked pair', { 'i.json': JSON.stringify({ ...GOOD, locked: [['e1', 'm2']] }) }, ['i.json'], /locked pair e1–m2 is not an allowed pair/],
    [
      'locked beyond capacity',
      {
        'i.json': JSON.stringify({
          ...GOOD,
          locked: [
            ['e1', 'm1'],
            ['e2', 'm1'],
          ],
        }),
      },
      ['i.json'],
      /2 locked mentees but capacity 1/,
    ],
    [
      'mentee locked twice',
      {
        'i.json': JSON.stringify({
          ...GOOD,
          locked: [
            ['e1', 'm1'],
            ['e1', 'm1'],
          ],
        }),
      },
      ['i.json'],
      /locked to more than one mentor/,
    ],
  ])('%s: exit 1, one message in English and Russian, no stack', (_name, files, argv, message) => {
    const r = run(files, argv);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^Error: .*\nОшибка: .*\n$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('fuzzed instances: always exit 0 or a clean exit 1, never an internal error', () => {
    const id = fc.constantFrom('e1', 'e2', 'm1', 'm2', 'x', '', 7, null);
    const anything = fc.jsonValue({ maxDepth: 2 });
    const person = fc.record({ id, priority: fc.oneof(fc.integer({ min: -2, max: 3 }), anything), capacity: fc.oneof(fc.integer({ min: -1, max: 3 }), anything) }, { requiredKeys: ['id'] });
    const pair = fc.oneof(fc.tuple(id, id), fc.tuple(id, id, fc.oneof(fc.double({ noNaN: false }), anything)), anything);
    const instance = fc.record(
      {
        mode: fc.oneof(fc.constantFrom('optimal', 'stable'), anything),
        mentees: fc.oneof(fc.array(person, { maxLength: 4 }), anything),
        mentors: fc.oneof(fc.array(person, { maxLength: 4 }), anything),
        scores: fc.oneof(fc.array(pair, { maxLength: 6 }), anything),
        menteePrefs: fc.oneof(fc.dictionary(fc.constantFrom('e1', 'e2', 'zz'), fc.oneof(fc.array(id, { maxLength: 3 }), anything)), anything),
        mentorPrefs: fc.oneof(fc.dictionary(fc.constantFrom('m1', 'm2', 'zz'), fc.oneof(fc.array(id, { maxLength: 3 }), anything)), anything),
        locked: fc.oneof(fc.array(pair, { maxLength: 3 }), anything),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(instance, anything), (value) => {
        const r = run({ 'i.json': JSON.stringify(value) ?? 'null' }, ['i.json']);
        expect([0, 1]).toContain(r.code);
        if (r.code === 1) expect(r.stderr).toMatch(/^Error: .*\nОшибка: .*\n$/);
        else expect(JSON.parse(r.stdout)).toHaveProperty('pairs');
      }),
      { seed: 9, numRuns: 1500 },
    );
  });

  test('a UTF-8 BOM and a "--" separator are accepted', () => {
    const r = run({ 'i.json': `\uFEFF${JSON.stringify(GOOD)}` }, ['--', 'i.json']);
    expect(r.code).toBe(0);
  });
});

const built = path.resolve(__dirname, '../../.build/match.cjs');
const haveBuild = fs.existsSync(built);
if (!haveBuild) console.warn(`skipping the end-to-end CLI test: ${built} is not built (run node build.mjs)`);

(haveBuild ? describe : describe.skip)(`node .build/match.cjs${haveBuild ? '' : ' (skipped: not built)'}`, () => {
  test('runs end to end: result on stdout with exit 0; bad input on stderr with exit 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'match-cli-'));
    const good = path.join(dir, 'good.json');
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(good, JSON.stringify({ ...GOOD, mode: 'stable' }));
    fs.writeFileSync(bad, JSON.stringify({ ...GOOD, scores: [['e1', 'm1', -1]] }));
    const ok = spawnSync(process.execPath, [built, good], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ mode: 'stable', blockingPairs: 0 });
    const ko = spawnSync(process.execPath, [built, bad], { encoding: 'utf8' });
    expect(ko.status).toBe(1);
    expect(ko.stdout).toBe('');
    expect(ko.stderr).toMatch(/the score must be a finite number >= 0, got -1\nОшибка: /);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
