// Lessons: the format (lesson.ts), the checks (checks.ts), the world a lesson starts from
// (setup.ts) and a learner's progress through one (run.ts). See README.md.

export * from './checks';
export * from './lesson';
export * from './run';
export * from './setup';
export { parseYaml, YamlError, type YamlValue } from './yaml';
export { splitWords, WordsError } from './words';
