// Prose pages as Markdown, one file per section and language: content/methodology/<lang>/<section>.md.
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';

const methodology = defineCollection({
  loader: glob({ pattern: '*/*.md', base: './src/content/methodology' }),
  schema: z.object({
    /** Position on the page. */
    order: z.number(),
    /** The section's heading and its anchor (#ranks); a section without one continues the one before. */
    anchor: z.string().optional(),
    title: z.string().optional(),
    /** Shown after the list of every edition's sources (the sections before it are the rules). */
    afterSources: z.boolean().default(false),
  }),
});

export const collections = { methodology };
