// The extension's shared code is written as classic scripts that add themselves to
// globalThis.OwnVoice (content scripts cannot be ES modules). Importing one runs it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXTENSION = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function load(...files) {
  for (const f of files) await import(pathToFileURL(path.join(EXTENSION, 'src', f)).href);
  return globalThis.OwnVoice;
}
