/**
 * JSON Schemas (draft 2020-12) of the workspace files, generated from the zod schemas that the
 * loader uses, so that editors (yaml-language-server, VS Code) validate while typing and the two
 * can never disagree. What JSON Schema cannot say (refinements such as a valid calendar date) is
 * left to `truce check`.
 */
import { z } from 'zod';
import { actorsFileSchema } from '../domain/actor.js';
import { agreementSchema } from '../domain/agreement.js';
import { incidentSchema } from '../domain/incident.js';
import { DATE_RE, INSTANT_RE } from '../domain/time.js';
import { timeValue } from '../domain/time-value.js';
import { placesFileSchema } from './places.js';

const TIME_PATTERN = `${INSTANT_RE.source}|${DATE_RE.source}`;
const TIME_DESCRIPTION = 'an ISO 8601 instant (2016-12-30T00:00+02:00) or a date (2016-12-30, 2016-12, 2016)';

export const JSON_SCHEMA_FILES = {
  'actors.schema.json': {
    schema: actorsFileSchema,
    title: 'Truce actors.yaml',
    description: 'The actor registry (formats.md §2).',
  },
  'agreement.schema.json': {
    schema: agreementSchema,
    title: 'Truce agreement (agreements/ID.yaml)',
    description: 'One ceasefire agreement: parties, zones, rules, amendments (formats.md §3).',
  },
  'incident.schema.json': {
    schema: incidentSchema,
    title: 'Truce incident (one line of a JSON Lines file)',
    description: 'An incident to adjudicate (formats.md §4).',
  },
  'places.schema.json': {
    schema: placesFileSchema,
    title: 'Truce places.yaml',
    description: 'Extra places for the gazetteer (formats.md §1).',
  },
} as const;

export function jsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [file, { schema, title, description }] of Object.entries(JSON_SCHEMA_FILES)) {
    const js = z.toJSONSchema(schema as z.ZodType, {
      io: 'input',
      target: 'draft-2020-12',
      // z.date() (a YAML 1.1 timestamp) has no JSON form; the override below replaces it
      unrepresentable: 'any',
      override: (ctx) => {
        const isTime =
          ctx.zodSchema === timeValue || (file === 'incident.schema.json' && ctx.path.join('.') === 'properties.when');
        if (isTime) {
          const s = ctx.jsonSchema as Record<string, unknown>;
          for (const k of Object.keys(s)) delete s[k];
          Object.assign(s, { type: 'string', pattern: TIME_PATTERN, description: TIME_DESCRIPTION });
        }
      },
    }) as Record<string, unknown>;
    const { $schema, ...rest } = js;
    out[file] = { $schema, $id: `https://truce.dev/schemas/${file}`, title, description, ...rest };
  }
  return out;
}
