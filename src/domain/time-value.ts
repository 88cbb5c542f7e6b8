/**
 * The zod type of a time written in a workspace file: an ISO instant or a (partial) date.
 * YAML 1.1 parsers may hand over a Date for an unquoted timestamp, so both are accepted.
 */
import { z } from 'zod';
import { isTimeString } from './time.js';

export const timeValue = z.union([
  z.string().refine(isTimeString, {
    message: 'expected an ISO 8601 instant (2016-12-30T00:00+02:00) or a date (2016-12-30, 2016-12, 2016)',
  }),
  z.date(),
]);
export type TimeValue = z.infer<typeof timeValue>;
