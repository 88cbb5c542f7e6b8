/**
 * The bulletin as PDF: the HTML rendering printed by Debian's chromium through playwright-core
 * (the same browser the dashboard tests use). The page is set from a string with every request
 * refused, so printing needs no network and no file server.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.TRUCE_CHROMIUM ?? '/usr/bin/chromium';

export class PdfUnavailableError extends Error {}

export async function renderPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new PdfUnavailableError(
      `PDF output needs Chromium at ${executablePath} (install it with \`apt-get install -y chromium\`, or set TRUCE_CHROMIUM); use --format html or md instead`,
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
