/**
 * Says, at the end of every `npm test`, which optional suites ran: the PostgreSQL half of the
 * storage and API suites needs TRUCE_TEST_PG, the browser tests need Debian's chromium. A user
 * without them still gets a green run, and is told what it did not cover.
 */
import { existsSync } from 'node:fs';

export default function setup(): () => void {
  return () => {
    const pg = process.env.TRUCE_TEST_PG;
    const lines = [
      pg
        ? `PostgreSQL suite: ran against ${pg.replace(/\/\/[^@/]*@/, '//***@')}`
        : 'PostgreSQL suite: SKIPPED (set TRUCE_TEST_PG=postgres://postgres@127.0.0.1:5432/test to run it)',
      existsSync('/usr/bin/chromium')
        ? 'Browser tests: ran in /usr/bin/chromium'
        : 'Browser tests: SKIPPED (apt-get install chromium to run them)',
    ];
    process.stdout.write(`\n${lines.join('\n')}\n`);
  };
}
