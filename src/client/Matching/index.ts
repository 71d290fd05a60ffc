import { server } from '../server';
import type { ChangePreview, MatchingRow, MatchingView, PairChangeRequest } from '../../shared/matching';
import { decimal, signed } from '../../shared/numbers';

/** The «Подбор пар» sidebar. Every value is set as text (never HTML), so names are shown as typed. */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function status(text: string, error = false): void {
  const node = $('status');
  node.textContent = text;
  node.className = error ? 'status error' : 'status';
}

function busy(on: boolean): void {
  document.querySelectorAll('button').forEach((b) => ((b as HTMLButtonElement).disabled = on));
}

const mode = () => ($<HTMLSelectElement>('mode').value === 'stable' ? 'stable' : 'optimal');

async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  busy(true);
  status(`${label}…`);
  try {
    const result = await work();
    status('');
    return result;
  } catch (error) {
    status(error instanceof Error ? error.message : String(error), true);
    return undefined;
  } finally {
    busy(false);
  }
}

/** A handler that may wait: whatever it throws ends on the status line, never as an unhandled rejection. */
function on(target: HTMLElement, event: 'click' | 'change', handler: () => Promise<void>): void {
  target.addEventListener(event, () => {
    handler().catch((error: unknown) => status(error instanceof Error ? error.message : String(error), true));
  });
}

function describe(p: ChangePreview): string {
  if (!p.allowed) return p.reason;
  const parts: string[] = [];
  parts.push(p.deltaMatched === 0 ? 'число наставляемых в парах и группах не меняется' : `наставляемых в парах и группах: ${signed(p.deltaMatched)}`);
  parts.push(p.deltaScore === 0 ? 'баллы как в оптимуме' : `баллы ${signed(p.deltaScore, 1)} к оптимуму`);
  parts.push(p.blockingPairs ? `блокирующих пар: ${p.blockingPairs}` : 'блокирующих пар нет');
  if (p.moved.length > 1) parts.push(`затронет наставляемых: ${p.moved.length}`);
  return `Стоимость: ${parts.join('; ')}.`;
}

function pairItem(row: MatchingRow, view: MatchingView): HTMLLIElement {
  const li = el('li');
  li.dataset.mentee = row.menteeId;
  li.append(el('div', `${row.mentee} → ${row.mentor}`, 'who'));
  const approved = row.status !== 'предложена';
  const meta = el('div', `${row.form} · балл ${decimal(row.score, 1)} `, 'meta');
  meta.append(el('span', row.forced ? 'закреплена' : row.status, approved ? 'badge approved' : 'badge'));
  li.append(meta);
  li.append(el('div', row.reasons, 'reasons'));
  if (row.alternatives) li.append(el('div', `Другие варианты: ${row.alternatives}`, 'reasons'));
  if (approved) return li;

  const actions = el('div', undefined, 'actions');
  const preview = el('div', '', 'preview');
  let pending: PairChangeRequest | null = null;
  const apply = el('button', 'Применить');
  apply.type = 'button';
  apply.hidden = true;

  const ask = async (request: PairChangeRequest) => {
    const result = await run('Считаю стоимость', () => server.previewPairChange(request));
    if (!result) return;
    preview.textContent = describe(result);
    preview.className = result.deltaMatched < 0 || result.deltaScore < 0 || !result.allowed ? 'preview cost' : 'preview';
    pending = result.allowed ? request : null;
    apply.hidden = !pending;
  };
  const fix = el('button', 'Закрепить');
  fix.type = 'button';
  on(fix, 'click', () => ask({ forced: [[row.menteeId, row.mentorId]] }));
  const reject = el('button', 'Отклонить');
  reject.type = 'button';
  on(reject, 'click', () => ask({ rejected: [[row.menteeId, row.mentorId]] }));
  const swap = el('select');
  swap.append(el('option', 'Заменить наставника…'));
  for (const m of view.mentors) {
    if (m.id === row.mentorId) continue;
    const option = el('option', `${m.name} (${m.id})`);
    option.value = m.id;
    swap.append(option);
  }
  on(swap, 'change', async () => {
    if (swap.value && swap.selectedIndex > 0) await ask({ forced: [[row.menteeId, swap.value]] });
  });
  on(apply, 'click', async () => {
    if (!pending) return;
    const request = { ...pending, mode: mode() } as PairChangeRequest;
    const result = await run('Применяю и подбираю остальных', () => server.applyPairChange(request));
    if (!result) return;
    // {ok: false}: nothing was changed, so the list stays and the reason stays on the status line.
    if (result.ok) await load();
    status(result.message, !result.ok);
  });
  actions.append(fix, reject, swap, apply);
  li.append(actions, preview);
  return li;
}

async function load(): Promise<void> {
  const view = await run('Загружаю пары', () => server.getMatchingView());
  if (!view) return;
  const list = $('pairs');
  list.replaceChildren(...view.rows.map((r) => pairItem(r, view)));
  if (!view.rows.length) list.append(el('li', 'Пар пока нет: нажмите «Подобрать заново».'));
  const unmatched = $('unmatched');
  unmatched.replaceChildren(
    ...view.unmatched.map((u) => {
      const li = el('li');
      li.append(el('div', u.mentee, 'who'), el('div', u.note || 'подбор ещё не выполнялся', 'reasons'));
      return li;
    }),
  );
  if (!view.unmatched.length) unmatched.append(el('li', 'Все наставляемые с согласием в парах.'));
  $('summary').textContent =
    `Сейчас: наставляемых в парах и группах ${view.current.matched}, баллов ${decimal(view.current.totalScore, 1)}, блокирующих пар ${view.current.blockingPairs}. ` +
    `Оптимум: наставляемых в парах и группах ${view.optimum.matched}, баллов ${decimal(view.optimum.totalScore, 1)}.`;
}

on($('recompute'), 'click', async () => {
  const result = await run('Подбираю пары', () => server.computeMatches({ mode: mode(), sidebar: true }));
  if (result) {
    await load();
    status(result.message, !result.ok);
  }
});

on($('approve'), 'click', async () => {
  const number = $<HTMLInputElement>('number').value.trim();
  const result = await run('Утверждаю пары и готовлю приказ', () => server.approvePairs({ number, sidebar: true }));
  if (!result) return;
  const order = $('order');
  order.replaceChildren();
  if (result.ok && result.url && /^https:\/\//.test(result.url)) {
    const link = el('a', 'Открыть приказ');
    link.href = result.url;
    link.target = '_blank';
    order.append(link);
  }
  await load();
  status(result.message, !result.ok);
});

void load();
