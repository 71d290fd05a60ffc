import { CallLog, strict } from '../calls';
import type { Workspace } from '../workspace';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

class FakeMenu implements Pick<Menu, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  readonly items: Array<[string, string]> = [];

  constructor(
    private readonly ws: Workspace,
    readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): Menu {
    this.items.push([caption, functionName]);
    return this as unknown as Menu;
  }
  addSeparator(): Menu {
    this.items.push(['', '']);
    return this as unknown as Menu;
  }
  addSubMenu(menu: Menu): Menu {
    const sub = menu as unknown as FakeMenu;
    this.items.push([`${sub.title} ▸`, '']);
    for (const [caption, fn] of sub.items) this.items.push([`${sub.title} ▸ ${caption}`, fn]);
    return this as unknown as Menu;
  }
  addToUi(): void {
    const existing = this.ws.ui.findIndex((e) => e.kind === 'menu' && e.title === this.title);
    if (existing >= 0) this.ws.ui.splice(existing, 1);
    this.ws.ui.push({ kind: 'menu', title: this.title, items: [...this.items] });
  }
}

type HtmlLike = { getContent(): string; getTitle(): string; getWidth(): number; getHeight(): number };

type UiApi = Pick<Ui, 'createAddonMenu' | 'createMenu' | 'alert' | 'prompt' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog' | 'Button' | 'ButtonSet'>;

export class FakeUi implements UiApi {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly ws: Workspace,
    private readonly log: CallLog,
  ) {}

  createAddonMenu(): Menu {
    // In Sheets an add-on's menu sits under Extensions with the add-on's name.
    return strict('Menu', new FakeMenu(this.ws, 'Наставничество'), this.log) as unknown as Menu;
  }
  createMenu(caption: string): Menu {
    return strict('Menu', new FakeMenu(this.ws, caption), this.log) as unknown as Menu;
  }

  /**
   * An alert or prompt suspends the script until the user closes it (Dialogs guide), so a lock the
   * script holds stays taken all that time: triggers and sidebar calls waiting for it time out.
   */
  private blocking(): boolean {
    const held = this.ws.executionLocks.size > 0;
    if (held) this.ws.alertsUnderLock += 1;
    return held;
  }

  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    let title = '';
    let text = a;
    let buttons = 'OK';
    if (typeof b === 'string' && c !== undefined) {
      title = a;
      text = b;
      buttons = String(c);
    } else if (b !== undefined) {
      buttons = String(b);
    }
    this.ws.ui.push({ kind: 'alert', title, text, heldLock: this.blocking() });
    const choices = BUTTONS[buttons] ?? ['OK'];
    return this.ws.answerDialog(title, text, choices) as unknown as GoogleAppsScript.Base.Button;
  }

  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const title = typeof b === 'string' ? a : '';
    const text = typeof b === 'string' ? b : a;
    const buttons = String((typeof b === 'string' ? c : b) ?? 'OK');
    this.ws.ui.push({ kind: 'prompt', title, text, heldLock: this.blocking() });
    const answer = this.ws.answerDialog(title, text, BUTTONS[buttons] ?? ['OK']);
    const [button, responseText = ''] = answer.split('\n');
    return {
      getSelectedButton: () => button as unknown as GoogleAppsScript.Base.Button,
      getResponseText: () => responseText,
    } as GoogleAppsScript.Base.PromptResponse;
  }

  showSidebar(userInterface: unknown): void {
    const html = userInterface as HtmlLike;
    this.ws.ui.push({ kind: 'sidebar', title: html.getTitle(), html: html.getContent(), width: 300 });
  }
  showModalDialog(userInterface: unknown, title: string): void {
    const html = userInterface as HtmlLike;
    this.ws.ui.push({ kind: 'dialog', title, html: html.getContent(), width: html.getWidth(), height: html.getHeight() });
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.showModalDialog(userInterface, title);
  }
}
