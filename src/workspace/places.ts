/**
 * places.yaml (formats.md §1): optional extra places that the built-in gazetteer lacks, so that an
 * incident's `where: {name: ...}` can be resolved. Each place is a name with a position and,
 * optionally, alternative spellings, its admin unit and how precise the position is.
 */
import { z } from 'zod';

export const placeSchema = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string().min(1),
    name_ar: z.string().optional(),
    aliases: z.array(z.string().min(1)).optional(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    /** radius in km within which the place lies (a town's extent, a vague area) */
    precision_km: z.number().nonnegative().optional(),
    /** P-code of the admin unit containing it */
    admin: z.string().optional(),
    kind: z.string().optional(),
    note: z.string().optional(),
    source: z.string().optional(),
  })
  .strict();
export type Place = z.infer<typeof placeSchema>;

export const placesFileSchema = z.array(placeSchema);
