import { describe, expect, test } from 'vitest';
import { bytesResponse, bodyBytes, bodyWritten } from '../../src/api/http';
import { holdBody, responseText } from '../../src/engine-client';

const enc = new TextEncoder();

describe('bodies a transport holds as bytes', () => {
  test('are decoded as res.text() would (UTF-8, BOM dropped, bad bytes replaced), and done is called once', async () => {
    for (const bytes of [enc.encode('[{"Names":["/web"]}]\n'), Uint8Array.of(0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62), enc.encode('héllo ✓'), new Uint8Array(0)]) {
      const expected = await new Response(bytes.slice()).text();
      const res = new Response(bytes.slice());
      let done = 0;
      holdBody(res, bytes, () => done++);
      expect(await responseText(res)).toBe(expected);
      expect(done).toBe(1);
      // the body is consumed
      expect(res.bodyUsed).toBe(true);
      await expect(responseText(res)).rejects.toThrow();
      expect(done).toBe(1);
    }
  });

  test('a response not held, or whose body was read already, is read through its stream', async () => {
    expect(await responseText(new Response('plain'))).toBe('plain');
    const res = new Response('streamed');
    let done = 0;
    holdBody(res, enc.encode('held'), () => done++);
    expect(await res.text()).toBe('streamed');
    await expect(responseText(res)).rejects.toThrow();
    expect(done).toBe(0);
  });

  test("the API's cached bytes: read at once and given back, or read through the stream and kept", async () => {
    const given: boolean[] = [];
    const lend = () => ({ bytes: enc.encode('[1,2,3]\n'), release: (reusable: boolean) => void given.push(reusable) });
    const a = bytesResponse(200, lend(), 'application/json');
    holdBody(a, bodyBytes(a)!, () => bodyWritten(a));
    expect(JSON.parse(await responseText(a))).toEqual([1, 2, 3]);
    const b = bytesResponse(200, lend(), 'application/json');
    expect(await b.text()).toBe('[1,2,3]\n');
    expect(given).toEqual([true, false]);
  });
});
