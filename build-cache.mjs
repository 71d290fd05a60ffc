// Lets build.mjs skip a step whose inputs and outputs are exactly as its last successful run left them,
// so `npm run local` and `npm run match` do not spend seconds rebuilding before every call.
// Conservative by design: contents are hashed (not mtimes), every file under the source folders counts
// (a new or deleted file changes the fingerprint even if nothing imports it yet), the outputs and any
// bundled file outside the tree (node_modules) are pinned by their own hashes, and anything missing,
// unreadable or malformed means "rebuild".
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What every build step depends on, relative to the project root: folders are walked whole. */
export const BUILD_INPUTS = [
  'src',
  'local',
  'build.mjs',
  'build-cache.mjs',
  'appsscript.json',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  // npm rewrites this on every install, so a changed node_modules (esbuild, typescript, bundled
  // packages) changes the fingerprint even when package-lock.json does not.
  'node_modules/.package-lock.json',
];

const STAMP_VERSION = 1;

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

/** The content hash of a file, or null when it is missing or unreadable. */
export function fileHash(file) {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return null;
  }
}

/** Every file under `entry` (a file or a folder), as paths relative to root with '/' separators. */
function walk(root, entry, out) {
  const full = path.join(root, entry);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    out.push(entry); // missing: still part of the fingerprint, as missing
    return;
  }
  if (!stat.isDirectory()) {
    out.push(entry);
    return;
  }
  for (const name of fs.readdirSync(full)) walk(root, `${entry}/${name}`, out);
}

/**
 * One hash of the names and contents of every file under `entries` (relative to root). Adding,
 * removing, renaming or editing any of them changes it.
 */
export function inputFingerprint(root, entries = BUILD_INPUTS) {
  const files = [];
  for (const entry of entries) walk(root, entry, files);
  files.sort();
  const hash = crypto.createHash('sha256');
  hash.update(`v${STAMP_VERSION}\0`);
  for (const file of files) hash.update(`${file}\0${fileHash(path.join(root, file)) ?? 'missing'}\0`);
  return hash.digest('hex');
}

/**
 * The stamp a successful step leaves: the input fingerprint it was built from and the hash of each
 * file it pins (its outputs and the bundled inputs outside the tree), relative to root.
 */
export function makeStamp(root, fingerprint, files) {
  const pinned = {};
  for (const file of [...new Set(files)].sort()) {
    const hash = fileHash(path.join(root, file));
    if (hash === null) throw new Error(`build stamp: ${file} does not exist after the build`);
    pinned[file] = hash;
  }
  return { version: STAMP_VERSION, fingerprint, files: pinned };
}

/** True only when the stamp was made from this fingerprint and every pinned file is unchanged. */
export function isFresh(root, stamp, fingerprint) {
  if (!stamp || typeof stamp !== 'object' || stamp.version !== STAMP_VERSION || stamp.fingerprint !== fingerprint) return false;
  const files = stamp.files;
  if (!files || typeof files !== 'object' || Object.keys(files).length === 0) return false;
  return Object.entries(files).every(([file, hash]) => fileHash(path.join(root, file)) === hash);
}

/** The stamp stored in `file`, or null when there is none or it cannot be read. */
export function readStamp(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written whole or not at all, so a concurrent build never reads half a stamp. */
export function writeStamp(file, stamp) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(stamp, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

export function removeStamp(file) {
  fs.rmSync(file, { force: true });
}

/**
 * Runs `build` unless its stamp says the outputs are current. `build` returns the files to pin,
 * relative to root. The old stamp is removed before building, so a build that fails half-way is never
 * taken for current; the new one is written only if the sources did not change while it ran.
 * Returns true when the step was built, false when it was skipped.
 */
export async function cachedStep({ root, stampFile, fingerprint, force = false, inputs = BUILD_INPUTS }, build) {
  if (!force && isFresh(root, readStamp(stampFile), fingerprint)) return false;
  removeStamp(stampFile);
  const files = await build();
  if (inputFingerprint(root, inputs) === fingerprint) writeStamp(stampFile, makeStamp(root, fingerprint, files));
  return true;
}
