import { server } from '../server';
import { $, el, status } from '../dom';

/**
 * The «Панель куратора» sidebar. The server says everything in Russian (core/dashboard/view.ts);
 * the page only lays it out. Every value is set as text (never HTML), so whatever a cell holds is
 * shown as typed. Each next step is one button that asks the server to run it by its key.
 */

type Answer = Awaited<ReturnType<typeof server.dashboardData>>;
type View = Extract<Answer, { ok: true }>;
type Step = NonNullable<View['sections'][number]['items'][number]['step']>;

function busy(on: boolean): void {
  document.querySelectorAll<HTMLButtonElement>('button').forEach((b) => (b.disabled = on));
  $('sections').setAttribute('aria-busy', String(on));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Steps that change the workbook: the panel is read again after them. */
const CHANGES: readonly string[] = ['computeMatches', 'refreshMonitoring'];

function render(view: View): void {
  $('as-of').textContent = view.asOf;
  let n = 0;
  $('sections').replaceChildren(
    ...view.sections.map((section) => {
      const node = el('section');
      const heading = el('h2', section.title);
      heading.id = `section-${section.key}`;
      node.setAttribute('aria-labelledby', heading.id);
      const list = el('ul');
      for (const item of section.items) {
        const li = el('li', undefined, item.tone);
        const text = el('span', item.text);
        text.id = `item-${(n += 1)}`;
        li.append(text);
        if (item.step) {
          const button = el('button', item.step.label);
          button.type = 'button';
          // The button's name is its step; the line it acts on is its description.
          button.setAttribute('aria-describedby', text.id);
          const step = item.step;
          button.addEventListener('click', () => void act(step));
          li.append(button);
        }
        list.append(li);
      }
      node.append(heading, list);
      return node;
    }),
  );
}

async function load(): Promise<boolean> {
  const answer = await server.dashboardData();
  if (!answer.ok) {
    status(answer.message, true);
    return false;
  }
  render(answer);
  return true;
}

async function act(step: Step): Promise<void> {
  busy(true);
  status(`${step.label}…`);
  try {
    const result = await server.dashboardStep(step.action, step.arg);
    if (result.ok && CHANGES.includes(step.action)) await load();
    status(result.message, !result.ok);
  } catch (error) {
    status(message(error), true);
  } finally {
    busy(false);
    // The button may be gone after the panel was read again: the keyboard goes to the outcome.
    $('status').focus();
  }
}

async function reload(): Promise<void> {
  busy(true);
  status('Загружаю данные…');
  try {
    if (await load()) status('');
  } catch (error) {
    status(message(error), true);
  } finally {
    busy(false);
  }
}

$('reload').addEventListener('click', () => void reload());
void reload();
