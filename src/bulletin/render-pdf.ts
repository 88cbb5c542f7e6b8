/**
 * The bulletin as PDF: the HTML rendering printed by Debian's chromium. With playwright-core
 * installed (a dev dependency: tests, checkouts) the page is set from a string with every request
 * refused; without it (an installed package) chromium's own `--print-to-pdf` prints a temporary
 * file. Either way printing needs no network: the page's CSP forbids any fetch.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export class PdfUnavailableError extends Error {}

/** `TRUCE_CHROMIUM` overrides the browser path. */
export function chromiumPath(): string {
  return process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';
}

export async function renderPdf(html: string, executablePath = chromiumPath()): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(
      `PDF output needs Chromium at ${executablePath} (install it with \`apt-get install -y chromium\`, or set TRUCE_CHROMIUM); use --format html or md instead`,
    );
  }
  let playwright: typeof import('playwright-core') | null = null;
  try {
    playwright = await import('playwright-core');
  } catch {
    playwright = null;
  }
  return playwright ? printWithPlaywright(playwright, html, executablePath) : printWithCli(html, executablePath);
}

async function printWithPlaywright(pw: typeof import('playwright-core'), html: string, executablePath: string): Promise<Buffer> {
  const browser = await pw.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

async function printWithCli(html: string, executablePath: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'truce-bulletin-'));
  try {
    const page = join(dir, 'bulletin.html');
    const pdf = join(dir, 'bulletin.pdf');
    await writeFile(page, html);
    await promisify(execFile)(
      executablePath,
      [...CHROMIUM_ARGS, '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${pdf}`, pathToFileURL(page).href],
      { timeout: 60_000 },
    );
    return await readFile(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
