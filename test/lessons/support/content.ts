// The lessons under content/lessons, read from disk for the tests.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseLessons, type Lesson } from '../../../src/lessons';

export const LESSON_DIR = resolve(__dirname, '../../../content/lessons');

export function lessonFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(LESSON_DIR).sort()) if (f.endsWith('.md')) out[f] = readFileSync(join(LESSON_DIR, f), 'utf8');
  return out;
}

export function loadLessons(): Lesson[] {
  return parseLessons(lessonFiles());
}
