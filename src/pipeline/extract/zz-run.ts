import { readFileSync } from 'node:fs';
import { extractReport } from './index.js';
const r = extractReport(readFileSync(process.argv[2], 'utf8'), { published: process.argv[3], file: process.argv[2] });
for (const i of r.incidents) console.log(JSON.stringify(i));
for (const i of r.claims) console.log(JSON.stringify({speaker:i.speaker, actor:i.speaker_actor, stance:i.stance, subj:i.subject, inc:i.incident}));
console.log(r.warnings, r.skipped);
