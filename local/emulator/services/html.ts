import { strict } from '../calls';
import type { Workspace } from '../workspace';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const SandboxMode = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const XFrameOptionsMode = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

type OutputApi = Pick<
  HtmlOutput,
  'getContent' | 'setContent' | 'append' | 'setTitle' | 'getTitle' | 'setWidth' | 'getWidth' | 'setHeight' | 'getHeight' | 'setSandboxMode' | 'setXFrameOptionsMode' | 'addMetaTag'
>;

class FakeHtmlOutput implements OutputApi {
  private title = '';
  private width = 600;
  private height = 400;
  constructor(private content: string) {}

  getContent(): string {
    return this.content;
  }
  setContent(content: string): HtmlOutput {
    this.content = content;
    return this as unknown as HtmlOutput;
  }
  append(addedContent: string): HtmlOutput {
    this.content += addedContent;
    return this as unknown as HtmlOutput;
  }
  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this as unknown as HtmlOutput;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return this as unknown as HtmlOutput;
  }
  getWidth(): number {
    return this.width;
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return this as unknown as HtmlOutput;
  }
  getHeight(): number {
    return this.height;
  }
  setSandboxMode(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }
  setXFrameOptionsMode(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }
  addMetaTag(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }
}

type ServiceApi = Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutput' | 'createHtmlOutputFromFile' | 'SandboxMode' | 'XFrameOptionsMode'>;

class FakeHtmlService implements ServiceApi {
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  constructor(private readonly ws: Workspace) {}

  createHtmlOutput(html?: unknown): HtmlOutput {
    return strict('HtmlOutput', new FakeHtmlOutput(html === undefined ? '' : String(html)), this.ws.calls) as unknown as HtmlOutput;
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const content = this.ws.htmlFiles.get(filename.replace(/\.html$/, ''));
    if (content === undefined) throw new Error(`No HTML file named ${filename} was found.`);
    return this.createHtmlOutput(content);
  }
}

export function createHtmlService(ws: Workspace): GoogleAppsScript.HTML.HtmlService {
  return strict('HtmlService', new FakeHtmlService(ws), ws.calls) as unknown as GoogleAppsScript.HTML.HtmlService;
}
