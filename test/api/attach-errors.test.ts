import { describe, expect, it } from 'vitest';
import { testEngine } from '../support/engine';

// A failed attach, as moby v28.2.2's postContainersAttach answers it on the hijacked connection.
describe('Engine API: attach errors', () => {
  it('answers with the raw stream type and the error text ending in CRLF', async () => {
    const t = testEngine();
    const r = await t.api.hijack(new Request('http://docker/v1.50/containers/nosuch/attach?stream=1&stdout=1', { method: 'POST' }));
    expect(r).toBeInstanceOf(Response);
    const res = r as Response;
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/vnd.docker.raw-stream');
    expect(await res.text()).toBe('No such container: nosuch\r\n');
  });
});
