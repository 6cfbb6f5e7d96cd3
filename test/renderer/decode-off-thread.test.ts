// Reading a roster off the page's thread: the worker's book or error comes back as the page's
// own decode would give it, and a worker that cannot start or load leaves the page to read.
import { describe, expect, it } from 'vitest';
import { decodeSpreadsheet } from '../../shared/import/decode';
import { decodeOffThread } from '../../renderer/features/import/decode-off-thread';

const CSV = new TextEncoder().encode('姓名,性别\n张三,男\n李四,女\n');

/** A worker played in-process: runs the real decode, or fails to load. */
function fakeWorker(behaviour: 'decode' | 'fail-load') {
  const w = {
    onmessage: null as ((ev: MessageEvent) => void) | null,
    onerror: null as ((ev: ErrorEvent) => void) | null,
    terminated: false,
    got: undefined as unknown,
    postMessage(msg: { name: string; bytes: Uint8Array }) {
      w.got = msg;
      setTimeout(() => {
        if (behaviour === 'fail-load') return w.onerror?.({ message: 'load failed', preventDefault() {} } as ErrorEvent);
        try {
          w.onmessage?.({ data: { ok: true, book: structuredClone(decodeSpreadsheet(msg.name, msg.bytes)) } } as MessageEvent);
        } catch (e) {
          w.onmessage?.({ data: { ok: false, name: (e as Error).name, message: (e as Error).message } } as MessageEvent);
        }
      }, 0);
    },
    terminate() {
      w.terminated = true;
    },
  };
  return w;
}

describe('decodeOffThread', () => {
  it('hands the worker the file and returns its book, then stops it', async () => {
    const w = fakeWorker('decode');
    const book = await decodeOffThread('名单.csv', CSV, () => w as unknown as Worker);
    expect(w.got).toMatchObject({ name: '名单.csv' });
    expect(book).toEqual(decodeSpreadsheet('名单.csv', CSV));
    expect(w.terminated).toBe(true);
  });

  it("the worker's refusal is the page's message", async () => {
    const empty = new Uint8Array(0);
    let pageMessage = '';
    try {
      decodeSpreadsheet('空.csv', empty);
    } catch (e) {
      pageMessage = (e as Error).message;
    }
    expect(pageMessage).not.toBe('');
    await expect(decodeOffThread('空.csv', empty, () => fakeWorker('decode') as unknown as Worker)).rejects.toThrow(pageMessage);
  });

  it('reads on the page when the worker cannot start or does not load', async () => {
    const book = decodeSpreadsheet('名单.csv', CSV);
    expect(await decodeOffThread('名单.csv', CSV, () => { throw new Error('SecurityError'); })).toEqual(book);
    const w = fakeWorker('fail-load');
    expect(await decodeOffThread('名单.csv', CSV, () => w as unknown as Worker)).toEqual(book);
    expect(w.terminated).toBe(true);
    expect(await decodeOffThread('名单.csv', CSV)).toEqual(book); // jsdom: no Worker at all
  });
});
