import { z } from 'zod';

/** A listed entity as the API shows it (domain/entities/entity.ts). */
export const EntitySchema = z.object({
  id: z.string(),
  source: z.string(),
  schema: z.string(),
  names: z.array(
    z.object({
      full: z.string(),
      kind: z.string(),
      parts: z.object({ first: z.string().optional(), middle: z.string().optional(), last: z.string().optional(), patronymic: z.string().optional(), title: z.string().optional() }).optional(),
      script: z.string().optional(),
      lang: z.string().optional(),
    }),
  ),
  birthDates: z.array(z.object({ value: z.string(), to: z.string().optional(), circa: z.boolean().optional() })),
  birthPlaces: z.array(z.string()),
  nationalities: z.array(z.string()),
  citizenships: z.array(z.string()),
  countries: z.array(z.string()),
  identifiers: z.array(z.object({ type: z.string(), value: z.string(), country: z.string().optional(), note: z.string().optional() })),
  addresses: z.array(z.object({ full: z.string(), city: z.string().optional(), country: z.string().optional() })),
  programs: z.array(z.string()),
  gender: z.string().optional(),
  listedOn: z.string().optional(),
  titles: z.array(z.string()),
  linkedTo: z.array(z.string()),
  remarks: z.string().optional(),
});
