import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The launch secret must not travel where other local users can read it: a process's command
 * line (/proc/<pid>/cmdline) and standard output are such places. So the page's address with the
 * secret is written into a small HTML file of mode 0600, in a directory of mode 0700, that
 * forwards to it; Chromium is given only the file's path. The file is removed when the host stops.
 */
export interface LaunchPage {
  /** What Chromium opens: a file:// URL that names no secret. */
  fileUrl: string;
  file: string;
  remove(): void;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function writeLaunchPage(dir: string, pageUrl: string): LaunchPage {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = path.join(dir, 'open.html');
  rmSync(file, { force: true });
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${escapeAttribute(pageUrl)}"><title>通办 Tongban</title>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  return { fileUrl: pathToFileURL(file).href, file, remove: () => rmSync(file, { force: true }) };
}
