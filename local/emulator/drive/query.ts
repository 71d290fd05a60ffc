/**
 * The part of Drive's search language (files.list `q`) the add-on uses: `name = '…'`,
 * `name != '…'`, `name contains '…'`, `mimeType = '…'`, `mimeType != '…'`, `'<id>' in parents`,
 * `trashed = true|false`, joined with `and`. Anything else is refused with a readable message
 * rather than matched wrongly.
 */
import type { DriveEntry } from '../drive-store';
import { ROOT_ID } from './links';

export type Clause = (entry: DriveEntry) => boolean;

export const SUPPORTED_Q = "name = '…', name != '…', name contains '…', mimeType = '…', mimeType != '…', '<id>' in parents, trashed = true|false, joined with and";

type Token = { kind: 'string'; value: string } | { kind: 'word'; value: string } | { kind: 'op'; value: string };

/** Drive escapes a quote inside a string as \' and a backslash as \\. */
function tokenize(q: string, fail: (why: string) => never): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= q.length) fail('a quoted string is not closed');
        if (q[i] === '\\' && i + 1 < q.length) {
          value += q[i + 1];
          i += 2;
        } else if (q[i] === "'") {
          i++;
          break;
        } else {
          value += q[i++];
        }
      }
      tokens.push({ kind: 'string', value });
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(q.slice(i))![0];
      tokens.push({ kind: 'word', value: m });
      i += m.length;
    } else {
      const m = /^(!=|<=|>=|=|<|>|\(|\)|,)/.exec(q.slice(i));
      if (!m) fail(`unexpected character "${ch}"`);
      tokens.push({ kind: 'op', value: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

function show(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === 'string' ? `'${t.value}'` : t.value)).join(' ');
}

/** Word-prefix match, case-insensitive: Drive's `name contains` matches the start of words. */
function containsWordPrefix(name: string, prefix: string): boolean {
  const p = prefix.toLowerCase();
  return (
    name.toLowerCase().startsWith(p) ||
    name
      .toLowerCase()
      .split(/[\s\-_.,;:()«»"']+/)
      .some((w) => w.startsWith(p))
  );
}

function clause(tokens: Token[], fail: (why: string) => never): Clause {
  const [a, b, c] = tokens;
  const unsupported = () => fail(`the clause "${show(tokens)}" is not supported in the local workspace (supported: ${SUPPORTED_Q})`);
  if (tokens.length !== 3) unsupported();
  if (a.kind === 'string' && b.kind === 'word' && b.value === 'in' && c.kind === 'word' && c.value === 'parents') {
    const id = a.value;
    return (e) => (id === ROOT_ID ? e.parents.length === 0 : e.parents.includes(id));
  }
  if (a.kind !== 'word') return unsupported();
  const op = b.value;
  if (a.value === 'trashed' && c.kind === 'word' && (c.value === 'true' || c.value === 'false') && (op === '=' || op === '!=')) {
    const want = (c.value === 'true') === (op === '=');
    return (e) => e.trashed === want;
  }
  if ((a.value === 'name' || a.value === 'mimeType') && c.kind === 'string') {
    const field = a.value;
    const value = c.value;
    if (op === '=') return (e) => e[field] === value;
    if (op === '!=') return (e) => e[field] !== value;
    if (op === 'contains' && field === 'name') return (e) => containsWordPrefix(e.name, value);
  }
  return unsupported();
}

/** Compiles `q`; `fail` throws the caller's error. An empty query matches everything. */
export function compileQuery(q: string, fail: (why: string) => never): Clause {
  const tokens = tokenize(q, fail);
  if (!tokens.length) return () => true;
  const clauses: Clause[] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'word' && token.value.toLowerCase() === 'and') {
      if (!current.length) fail('"and" without a clause before it');
      clauses.push(clause(current, fail));
      current = [];
    } else if (token.kind === 'word' && ['or', 'not'].includes(token.value.toLowerCase())) {
      fail(`"${token.value}" is not supported in the local workspace (supported: ${SUPPORTED_Q})`);
    } else {
      current.push(token);
    }
  }
  if (!current.length) fail('the query ends with "and"');
  clauses.push(clause(current, fail));
  return (e) => clauses.every((c) => c(e));
}
