// The site's addresses and the names under which the browser keeps a learner's things. One home
// for both: the prerendered pages link with these, the scripts read and write with these.

export const ROUTES = {
  home: '/',
  lessons: '/lessons/',
  playground: '/playground/',
  commands: '/reference/commands/',
  architecture: '/reference/architecture/',
} as const;

export function lessonPath(id: string): string {
  return `/lessons/${id}/`;
}

/** The file a page's address is served from (dist/<file>): "/lessons/x/" → "lessons/x/index.html". */
export function fileOfPath(path: string): string {
  return `${path.replace(/^\//, '')}index.html`;
}

/** localStorage: a lesson's progress (LessonRun's SavedProgress as JSON). */
export function progressKey(lessonId: string): string {
  return `docksim.lesson.${lessonId}.progress`;
}

/** IndexedDB database holding a lesson page's World (its journal), apart from the playground's. */
export function lessonStoreName(lessonId: string): string {
  return `docksim-lesson-${lessonId}`;
}

/** localStorage: the terminal's command history on lesson pages (shared by all lessons). */
export const LESSON_HISTORY_KEY = 'docksim.lesson.history';
