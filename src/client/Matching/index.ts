import { server } from '../server';
import { $, el, status } from '../dom';
import type { ChangePreview, MatchingRow, MatchingView, PairChangeRequest } from '../../shared/matching';
import { decimal, signed } from '../../shared/numbers';

/** The «Подбор пар» sidebar. Every value is set as text (never HTML), so names are shown as typed. */

/** While the server works, nothing can be pressed or changed: buttons, selects and fields alike. */
function busy(on: boolean): void {
  document.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button, select, input').forEach((c) => (c.disabled = on));
}

const mode = () => ($<HTMLSelectElement>('mode').value === 'stable' ? 'stable' : 'optimal');

/** The plain-Russian name of a «blocking pair» (a stable-matching term no curator knows). */
const BLOCKING = 'пар, где оба предпочли бы друг друга своим нынешним парам';

/** The count, and the people by name (the first few), so the curator can act on it. */
function blockingText(count: number, named: readonly string[]): string {
  if (!count) return `${BLOCKING}: нет`;
  const more = count > named.length ? `; и ещё ${count - named.length}` : '';
  return `${BLOCKING}: ${count}${named.length ? ` (${named.join('; ')}${more})` : ''}`;
}

async function run<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  // Disabling the focused control drops focus to BODY; it is given back when the work ends.
  const focused = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
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
    if (focused?.isConnected && (document.activeElement === document.body || !document.activeElement)) focused.focus();
  }
}

/** A handler that may wait: whatever it throws ends on the status line, never as an unhandled rejection. */
function on(target: HTMLElement, event: 'click' | 'change', handler: () => Promise<void>): void {
  target.addEventListener(event, () => {
    handler().catch((error: unknown) => status(error instanceof Error ? error.message : String(error), true));
  });
}

/** After the list is rebuilt: focus the mentee's card if it is still there, else the status line. */
function focusAfterReload(menteeId?: string): void {
  const card = menteeId ? document.querySelector<HTMLElement>(`#pairs li[data-mentee="${CSS.escape(menteeId)}"]`) : null;
  const target = card && !card.hidden ? card : $('status');
  target.focus();
}

function describe(p: ChangePreview): string {
  if (!p.allowed) return p.reason;
  const parts: string[] = [];
  parts.push(p.deltaMatched === 0 ? 'число наставляемых в парах и группах не меняется' : `наставляемых в парах и группах: ${signed(p.deltaMatched)}`);
  parts.push(p.deltaScore === 0 ? 'баллы как в оптимуме' : `баллы ${signed(p.deltaScore, 1)} к оптимуму`);
  parts.push(blockingText(p.blockingPairs, p.blocking));
  if (p.moved.length > 1) parts.push(`затронет наставляемых: ${p.moved.length}`);
  return `Стоимость: ${parts.join('; ')}.`;
}

/** A card carries a remark when its reasons hold a warning (⚠) or a preview of a change was refused. */
function hasRemark(li: HTMLElement): boolean {
  return li.dataset.warning === 'да' || li.dataset.refused === 'да';
}

function applyFilter(): void {
  const form = $<HTMLSelectElement>('filter-form').value;
  const remarksOnly = $<HTMLInputElement>('filter-warn').checked;
  const cards = Array.from(document.querySelectorAll<HTMLLIElement>('#pairs li[data-mentee]'));
  let shown = 0;
  for (const li of cards) {
    li.hidden = (form !== '' && li.dataset.form !== form) || (remarksOnly && !hasRemark(li));
    if (!li.hidden) shown += 1;
  }
  $('filter-count').textContent = cards.length ? `Показано карточек: ${shown} из ${cards.length}.` : '';
}

function pairItem(row: MatchingRow, view: MatchingView): HTMLLIElement {
  const li = el('li');
  li.dataset.mentee = row.menteeId;
  li.dataset.form = row.form;
  if (row.reasons.includes('⚠')) li.dataset.warning = 'да';
  // A target for focus after a change, so the keyboard user stays where they were.
  li.tabIndex = -1;
  const who = el('div', undefined, 'who');
  who.append(el('div', `Наставляемый: ${row.mentee}`), el('div', `Наставник: ${row.mentor}`));
  li.append(who);
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
    if (result.allowed) delete li.dataset.refused;
    else li.dataset.refused = 'да';
    pending = result.allowed ? request : null;
    apply.hidden = !pending;
  };
  const fix = el('button', 'Закрепить');
  fix.type = 'button';
  on(fix, 'click', () => ask({ forced: [[row.menteeId, row.mentorId]] }));
  const reject = el('button', 'Отклонить');
  reject.type = 'button';
  on(reject, 'click', () => ask({ rejected: [[row.menteeId, row.mentorId]] }));

  // Choosing a mentor only selects; the cost is asked by the button (browsing options by arrow calls nothing).
  const swapLabel = el('label', 'Заменить наставника', 'swap');
  const swap = el('select');
  swap.append(el('option', 'выберите…'));
  swap.firstElementChild?.setAttribute('value', '');
  for (const m of view.mentors) {
    if (m.id === row.mentorId || !m.forms.includes(row.form)) continue;
    const option = el('option', `${m.name} (${m.id})`);
    option.value = m.id;
    swap.append(option);
  }
  swapLabel.append(swap);
  const check = el('button', 'Показать стоимость замены');
  check.type = 'button';
  on(check, 'click', async () => {
    if (!swap.value) {
      preview.textContent = 'Сначала выберите наставника в списке «Заменить наставника».';
      preview.className = 'preview cost';
      return;
    }
    await ask({ forced: [[row.menteeId, swap.value]] });
  });
  // A new choice makes an earlier preview stale: nothing is applied until its cost is shown again.
  swap.addEventListener('change', () => {
    if (!pending?.forced || pending.forced[0][1] === row.mentorId) return;
    pending = null;
    apply.hidden = true;
    preview.textContent = '';
  });
  on(apply, 'click', async () => {
    if (!pending) return;
    const request = { ...pending, mode: mode() } as PairChangeRequest;
    const result = await run('Применяю и подбираю остальных', () => server.applyPairChange(request));
    if (!result) return;
    // {ok: false}: nothing was changed, so the list stays and the reason stays on the status line.
    if (result.ok) await load();
    status(result.message, !result.ok);
    if (result.ok) focusAfterReload(row.menteeId);
  });
  actions.append(fix, reject, swapLabel, check, apply);
  li.append(actions, preview);
  return li;
}

let lastView: MatchingView | null = null;

function fillFormFilter(view: MatchingView): void {
  const select = $<HTMLSelectElement>('filter-form');
  const chosen = select.value;
  const forms = [...new Set(view.rows.map((r) => r.form))].sort((a, b) => a.localeCompare(b, 'ru'));
  const all = el('option', 'все формы');
  all.value = '';
  select.replaceChildren(
    all,
    ...forms.map((f) => {
      const option = el('option', f);
      option.value = f;
      return option;
    }),
  );
  select.value = forms.includes(chosen) ? chosen : '';
}

async function load(): Promise<void> {
  const view = await run('Загружаю пары', () => server.getMatchingView());
  if (!view) return;
  lastView = view;
  const list = $('pairs');
  list.replaceChildren(...view.rows.map((r) => pairItem(r, view)));
  if (!view.rows.length) list.append(el('li', 'Пар пока нет: нажмите «Подобрать заново».'));
  fillFormFilter(view);
  applyFilter();
  const unmatched = $('unmatched');
  unmatched.replaceChildren(
    ...view.unmatched.map((u) => {
      const li = el('li');
      li.append(el('div', `Наставляемый: ${u.mentee}`, 'who'), el('div', u.note || 'подбор ещё не выполнялся', 'reasons'));
      return li;
    }),
  );
  if (!view.unmatched.length) unmatched.append(el('li', 'Все наставляемые с согласием в парах.'));
  $('summary').textContent =
    `Сейчас: наставляемых в парах и группах ${view.current.matched}, баллов ${decimal(view.current.totalScore, 1)}; ${blockingText(view.current.blockingPairs, view.current.blocking)}. ` +
    `Оптимум: наставляемых в парах и группах ${view.optimum.matched}, баллов ${decimal(view.optimum.totalScore, 1)}.`;
}

$('filter-form').addEventListener('change', applyFilter);
$('filter-warn').addEventListener('change', applyFilter);

// The skip link puts the keyboard at the order number, past every card.
$('skip').addEventListener('click', (event) => {
  event.preventDefault();
  $('approval').scrollIntoView();
  $('number').focus();
});

on($('recompute'), 'click', async () => {
  const result = await run('Подбираю пары', () => server.computeMatches({ mode: mode(), sidebar: true }));
  if (result) {
    await load();
    status(result.message, !result.ok);
  }
});

/** What approval will do, said before it is done: units (pairs and groups) and mentees among the proposals. */
function confirmText(view: MatchingView | null, number: string): string {
  const proposed = (view?.rows ?? []).filter((r) => r.status === 'предложена');
  const units = new Set(proposed.map((r) => `${r.mentorId}|${r.form}`)).size;
  const order = number ? ` № ${number}` : '';
  return (
    `Будет создан проект приказа${order} об утверждении предложенных пар и групп: ${units} (наставляемых: ${proposed.length}). ` + 'Письма участникам отправляются отдельно, после подписания приказа.'
  );
}

function closeConfirm(): void {
  $('confirm').hidden = true;
  $('approve').hidden = false;
}

$('approve').addEventListener('click', () => {
  $('confirm-text').textContent = confirmText(lastView, $<HTMLInputElement>('number').value.trim());
  $('confirm').hidden = false;
  $('approve').hidden = true;
  $('confirm-yes').focus();
});

$('confirm-no').addEventListener('click', () => {
  closeConfirm();
  $('approve').focus();
});

on($('confirm-yes'), 'click', async () => {
  const number = $<HTMLInputElement>('number').value.trim();
  closeConfirm();
  $('approve').focus();
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
  $('status').focus();
});

void load();
