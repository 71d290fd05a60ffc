/**
 * `npm run match -- <instance.json>`: validate, solve in the instance's mode, print the result as
 * JSON. Exit 0 on success; 1 on unusable input (one message, English then Russian, no stack);
 * 2 on an internal failure.
 */
import * as fs from 'fs';
import { MatchingInputError, matchingMessage, solve } from '../../src/core/matching';
import type { MatchingMessageCode, MessageParams } from '../../src/core/matching';

export interface MatchIo {
  readFile(path: string): string;
  stdout(text: string): void;
  stderr(text: string): void;
}

const processIo: MatchIo = {
  readFile: (path) => fs.readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function fail(io: MatchIo, code: MatchingMessageCode, params: MessageParams): number {
  io.stderr(`Error: ${matchingMessage(code, params, 'en')}\nОшибка: ${matchingMessage(code, params, 'ru')}\n`);
  return code === 'internal' ? 2 : 1;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** @param argv the arguments after the script name */
export function main(argv: readonly string[], io: MatchIo = processIo): number {
  const files = argv.filter((a) => a !== '--');
  if (files.length !== 1) return fail(io, 'usage', {});
  const file = files[0];
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(io, 'unreadableFile', { value: file, detail: code ?? reason(error) });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(io, 'badJson', { detail: reason(error) });
  }
  try {
    const result = solve(json);
    io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MatchingInputError) return fail(io, error.code, error.params);
    return fail(io, 'internal', { detail: reason(error) });
  }
}
