// Reads the steps done from a lesson's saved progress (LessonRun's JSON in localStorage) without
// loading the lessons module: the first script shows them before the World is back.

export function savedDone(text: string | null, lessonId: string): Set<string> {
  if (!text) return new Set();
  try {
    const v = JSON.parse(text) as { v?: number; lesson?: string; done?: { id?: unknown }[] };
    if (v?.v !== 1 || v.lesson !== lessonId || !Array.isArray(v.done)) return new Set();
    return new Set(v.done.map((d) => d?.id).filter((id): id is string => typeof id === 'string'));
  } catch {
    return new Set();
  }
}
