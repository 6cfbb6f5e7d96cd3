// The data worker and the page's client of it, with the worker played in-process: the client
// queues until the worker says it is ready, falls back to the page when the worker cannot load
// or stops, never writes a keystroke twice, writes on the page when it is being hidden, and
// keeps the page's own writes behind the keystrokes posted before them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../renderer/db/db';
import { addRow, listRows } from '../../renderer/features/entry/rows-repo';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { readPeriodView, startDataWorker, stopDataWorker, writeKeystroke } from '../../renderer/db/data-worker-client';
import { afterKeystrokes } from '../../renderer/db/write-order';
import { runJob, type JobAnswer, type WorkerJob } from '../../renderer/db/worker-jobs';
import { viewQuery } from '../../renderer/db/period-view';
import { luojiang, resetAll, SCHOOL } from './helpers';

const CLASSES = { submission: 'XNC', period: '2025-2026', sheetId: 'classList' };

/** A worker that runs jobs with the real runJob, answering when `release` is called (or at once). */
class FakeWorker {
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  received: WorkerJob[] = [];
  held: (() => void)[] = [];
  hold = false;
  terminated = false;
  postMessage(msg: { id: number; job: WorkerJob }) {
    this.received.push(msg.job);
    const answer = () =>
      runJob(msg.job).then(
        (value) => this.answer(value === undefined ? { id: msg.id, ok: true } : { id: msg.id, ok: true, value }),
        (e: Error) => this.answer({ id: msg.id, ok: false, name: e.name, message: e.message }),
      );
    if (this.hold) this.held.push(() => void answer());
    else void answer();
  }
  answer(a: JobAnswer | { ready: true }) {
    this.onmessage?.({ data: a } as MessageEvent);
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
  terminate() {
    this.terminated = true;
  }
}

let fake: FakeWorker;
let row: string;

beforeEach(async () => {
  await resetAll();
  await saveSchool(SCHOOL);
  row = await addRow(CLASSES, { className: '1班' });
  fake = new FakeWorker();
  startDataWorker(() => fake as unknown as Worker);
});
afterEach(() => {
  stopDataWorker();
  vi.restoreAllMocks();
});

const students = async () => (await listRows(CLASSES))[0]!.values.students;
const cell = (value: number) => ({ kind: 'ledgerCell' as const, ref: CLASSES, rowId: row, colKey: 'students', value });

describe('data worker client', () => {
  it('holds jobs until the worker is ready, then has the worker run them', async () => {
    const written = writeKeystroke(cell(45));
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.received).toEqual([]);
    expect(await students()).toBeUndefined();
    fake.answer({ ready: true });
    await written;
    expect(fake.received).toHaveLength(1);
    expect(await students()).toBe(45);
    const view = await readPeriodView(viewQuery(luojiang(), 'XNC', '2025-2026', 'schoolYear'));
    expect(view.data.sheets.classList!.rows![0]!.students).toBe(45);
    expect(fake.received.map((j) => j.kind)).toEqual(['ledgerCell', 'periodView']);
  });

  it('a worker that fails to load leaves the page to write what was queued', async () => {
    const written = writeKeystroke(cell(46));
    fake.fail('Failed to load worker script');
    await written;
    expect(fake.terminated).toBe(true);
    expect(fake.received).toEqual([]);
    expect(await students()).toBe(46);
    await writeKeystroke(cell(47)); // and from now on
    expect(await students()).toBe(47);
  });

  it('a worker that stops after taking a keystroke reports it unsaved instead of writing it twice', async () => {
    fake.answer({ ready: true });
    fake.hold = true;
    const written = writeKeystroke(cell(48));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.received).toHaveLength(1);
    fake.fail('crashed');
    await expect(written).rejects.toThrow('数据线程意外停止');
    expect(await students()).toBeUndefined();
    await writeKeystroke(cell(49));
    expect(await students()).toBe(49);
  });

  it('a refused write comes back as the error the page would have seen', async () => {
    fake.answer({ ready: true });
    await expect(writeKeystroke({ ...cell(1), rowId: 'gone' })).rejects.toThrow('该行已被删除');
  });

  it('a page being hidden writes on its own thread', async () => {
    fake.answer({ ready: true });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await writeKeystroke(cell(50));
    expect(fake.received).toEqual([]);
    expect(await students()).toBe(50);
  });

  it("the page's next write waits for the keystrokes posted before it", async () => {
    fake.answer({ ready: true });
    fake.hold = true;
    const typed = writeKeystroke(cell(51));
    let pageWrote = false;
    const after = afterKeystrokes(async () => {
      pageWrote = true;
      await db.rows.update(row, { 'values.students': 60 });
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(pageWrote).toBe(false);
    fake.held.forEach((go) => go());
    await Promise.all([typed, after]);
    expect(await students()).toBe(60); // the page's write came second
  });
});

it('a keystroke typed while a page write is waiting starts after it', async () => {
  fake.answer({ ready: true });
  fake.hold = true;
  const first = writeKeystroke(cell(51));
  const fill = afterKeystrokes(async () => {
    await db.rows.update(row, { 'values.students': 60 });
  });
  const typed = writeKeystroke(cell(70)); // e.g. Ctrl+D, then typing into the filled cell
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.received).toHaveLength(1); // not handed over while the fill waits
  fake.hold = false;
  fake.held.forEach((go) => go());
  await Promise.all([first, fill, typed]);
  expect(fake.received).toHaveLength(2);
  expect(await students()).toBe(70); // the typed value, last
});

describe('data worker entry', () => {
  it('answers ready, runs jobs in order and refuses malformed ones', async () => {
    const posted: unknown[] = [];
    const port = { onmessage: null as ((ev: MessageEvent) => void) | null, postMessage: (m: unknown) => posted.push(m) };
    vi.stubGlobal('self', port);
    vi.resetModules();
    await import('../../renderer/db/data-worker');
    vi.unstubAllGlobals();
    expect(posted).toEqual([{ ready: true }]);
    port.onmessage!({ data: { id: 1, job: cell(52) } } as MessageEvent);
    port.onmessage!({ data: { id: 2, job: cell(53) } } as MessageEvent);
    port.onmessage!({ data: { id: 3, job: { kind: 'dropTables' } } } as MessageEvent);
    port.onmessage!({ data: { job: cell(99) } } as MessageEvent); // no id: ignored
    await vi.waitFor(() => expect(posted).toHaveLength(4));
    expect(posted.slice(1)).toEqual([
      { id: 1, ok: true },
      { id: 2, ok: true },
      { id: 3, ok: false, name: 'Error', message: '数据线程收到的请求格式不正确' },
    ]);
    expect(await students()).toBe(53);
  });
});
