/**
 * A Doc of the emulator as LibreOffice prints it: its .docx (local/persist) converted to PDF and
 * read back page by page with pdftotext. One helper for every print check of the suite.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import { documentToDocx } from '../../local/persist/docx';
import type { DocumentModel } from '../../local/emulator/docs/model';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((f) => fs.existsSync(f));

/** LibreOffice Writer and pdftotext are installed (.ci/run installs them). */
export const printable = !!soffice && fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/lib/libreoffice/program/libswlo.so');

/** The printed pages' text (no-break spaces as spaces), a trailing empty page dropped. */
export async function printedPages(doc: { name: string; content?: unknown }): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  try {
    const file = path.join(dir, 'doc.docx');
    fs.writeFileSync(file, await documentToDocx(doc.content as DocumentModel, { title: doc.name }));
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, file], {
      env: { ...process.env, HOME: dir },
      timeout: 180000,
      stdio: 'pipe',
    });
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
    return text.split('\f').filter((p, i, all) => i < all.length - 1 || p.trim());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line with text on a page: its number from page 2 on. */
export const firstLine = (page: string) =>
  page
    .split('\n')
    .find((l) => l.trim())
    ?.trim() ?? '';
