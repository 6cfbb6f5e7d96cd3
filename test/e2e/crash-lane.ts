// One lane of crash trials: a persistent Chromium profile holding a demo school, its own
// random stream and its own Expectations. Lanes share nothing, so two can run side by side
// (one types while the other's Chromium starts) and a failure names its lane and seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { startKillable, type KillableBrowser } from './crash-browser';
import { Expectations, prng, readDb, type Edit } from './crash-model';
import { checkTrail } from './trail-check';

const TODAY = new Date('2025-10-20T10:00:00+08:00');
const [SUBMISSION, PERIOD, LEDGER, STAT] = ['XNC', '2025-2026', 'classList', 'jj3112'];
const LEDGER_ROWS = 6;
const LEDGER_COLS = ['students', 'female', 'minority', 'className'];
/** the audit is the slowest check: every this many trials, and after the last */
const AUDIT_EVERY = 10;
const SAVED = '[data-testid="save-status"][data-state="saved"]';

interface Target {
  sheet: string;
  testId: string;
  key: string;
  text: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The save indicator as painted in the next frame: what a user looking at it would see. */
function saveState(page: Page): Promise<string | null> {
  return page.evaluate(
    () => new Promise<string | null>((r) => requestAnimationFrame(() => r(document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') ?? null))),
  );
}

async function audit(page: Page): Promise<void> {
  await page.getByTestId('audit-open').click();
  await expect.poll(() => page.getByTestId('audit-summary').textContent(), { timeout: 20_000 }).toMatch(/逻辑校验 \d+ 条/);
  await page.locator('.ant-drawer-open .ant-drawer-close').first().dispatchEvent('click');
  await expect.poll(() => page.getByTestId('audit-panel').isVisible()).toBe(false);
}

export class CrashLane {
  readonly model = new Expectations();
  readonly pageErrors: string[] = [];
  /** 修改记录 entries that do not match the data (trail-check.ts) */
  readonly trailProblems: string[] = [];
  edits = 0;
  uiChecks = 0;
  killedWhileSaving = 0;
  private rnd;
  private profile = mkdtempSync(join(tmpdir(), 'xiaobiao-crash-'));
  private current?: KillableBrowser;
  private rowCount = 0;
  private ledgerTargets: Target[] = [];
  private statTargets: Target[] = [];

  constructor(private url: string, readonly seed: number) {
    this.rnd = prng(seed);
  }

  async dispose(): Promise<void> {
    await this.current?.kill();
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 5 });
  }

  private async open(ready = 'school-name'): Promise<KillableBrowser> {
    const b = await startKillable(this.profile, TODAY);
    this.current = b;
    b.page.on('pageerror', (e) => this.pageErrors.push(e.message));
    await b.page.goto(this.url);
    try {
      await b.page.getByTestId(ready).waitFor({ timeout: 30_000 });
    } catch (e) {
      // an app that does not come back after a kill is the finding itself: say what the screen showed
      const screen = await b.page.evaluate(() => document.body.innerText.slice(0, 800)).catch((x) => `(page unreadable: ${x})`);
      throw new Error(`seed ${this.seed}: the app did not show ${ready} after reopening.\nScreen: ${screen}\nPage errors: ${this.pageErrors.join(' | ')}`, { cause: e });
    }
    return b;
  }

  /** First run: the demo 小学, then the cells the trials will type into. */
  async setUp(): Promise<void> {
    const { page, kill } = await this.open('setup-demo');
    await page.getByTestId('setup-demo').click();
    await page.getByTestId('demo-confirm').click();
    await page.locator(SAVED).waitFor();
    await expect.poll(() => page.getByTestId('school-name').textContent(), { timeout: 20_000 }).toContain('罗江区');
    await this.showSheet(page, LEDGER);
    const db = await readDb(page, SUBMISSION, PERIOD, LEDGER, STAT);
    this.rowCount = db.rowCount;
    expect(this.rowCount).toBeGreaterThanOrEqual(LEDGER_ROWS);
    for (let i = 0; i < LEDGER_ROWS; i++) {
      for (const col of LEDGER_COLS) this.ledgerTargets.push({ sheet: LEDGER, testId: `cell-${LEDGER}-${i}-${col}`, key: `row:${i}:${col}`, text: col === 'className' });
    }
    await this.showSheet(page, STAT);
    const entered = await page.locator(`[data-testid^="stat-${STAT}-"][data-kind="entered"]`).evaluateAll((els) =>
      els.map((e) => ({ testId: e.getAttribute('data-testid')!, col: e.getAttribute('data-col')! })),
    );
    this.statTargets = entered.slice(0, 16).map(({ testId, col }) => {
      const code = testId.slice(`stat-${STAT}-`.length, -(col.length + 1));
      return { sheet: STAT, testId, key: `cell:${code}:${col}`, text: false };
    });
    expect(this.statTargets.length).toBeGreaterThanOrEqual(4);
    // start from what the demo school holds, so the first trial's screen check has something to see
    this.model.check(db.values, 0);
    await kill();
  }

  /** Reopened after a crash: the rows are all there and every confirmed edit is in the database. */
  private async verify(page: Page, trial: number): Promise<void> {
    const state = await readDb(page, SUBMISSION, PERIOD, LEDGER, STAT);
    expect(state.rowCount, `seed ${this.seed} trial ${trial}: 班级名册 rows`).toBe(this.rowCount);
    expect(state.stores).toEqual(expect.arrayContaining(['school', 'periods', 'rows', 'cells', 'changes']));
    this.model.check(state.values, trial);
    // the 修改记录 tells the truth too: an edit cut off mid-keystroke shows old → the last value written
    const trail = await checkTrail(page, SUBMISSION, PERIOD);
    this.trailProblems.push(...trail.problems.map((p) => `trial ${trial}: ${p}`));
  }

  private async showSheet(page: Page, sheet: string): Promise<void> {
    await page.getByTestId(`sheet-nav-${sheet}`).click();
    await page.getByTestId(sheet === LEDGER ? `cell-${LEDGER}-0-students` : `stat-${STAT}-01-graduates`).waitFor();
  }

  private newValue(t: Target): string {
    if (t.text) return `${this.rnd.pick(['一', '二', '三', '四', '五', '六'])}年级（${this.rnd.int(1, 12)}）班`;
    return String(t.sheet === STAT ? this.rnd.int(0, 400) : this.rnd.int(0, 60));
  }

  /** Types one edit; returns once the save indicator has been looked at. */
  private async typeEdit(page: Page, t: Target, typed: Edit[]): Promise<void> {
    const cell = page.getByTestId(t.testId);
    const want = this.model.expected(t.key);
    // the app shows what was saved before the crash (checked before this trial touches the cell)
    if (want !== undefined && !typed.some((e) => e.key === t.key)) {
      expect(await cell.inputValue(), `seed ${this.seed}: ${t.key} on screen`).toBe(want);
      this.uiChecks++;
    }
    await cell.click();
    await page.keyboard.press('ControlOrMeta+A');
    const edit: Edit = { key: t.key, value: this.newValue(t), confirmed: false };
    typed.push(edit); // from the first keystroke on, the cell's content is uncertain
    await page.keyboard.type(edit.value, { delay: this.rnd.pick([0, 0, 0, 15, 40]) });
    if (this.rnd.next() < 0.5) await page.keyboard.press('Tab'); // leaving the cell writes at once
    const confirmAll = () => typed.forEach((e) => (e.confirmed = true));
    if ((await saveState(page)) === 'saved') return confirmAll();
    if (this.rnd.next() < 0.3) return; // don't wait: the next edit or the kill comes while saving
    await page.locator(SAVED).waitFor({ timeout: 5_000 });
    confirmAll();
  }

  /**
   * Reopens, checks the last trial, types 1 … maxEdits edits and kills Chromium at a random
   * moment (0 … killWithinMs after the last of them starts: mid-keystroke, mid-save or after).
   */
  async trial(n: number, maxEdits: number, killWithinMs: number): Promise<void> {
    const edits = this.rnd.int(1, maxEdits);
    const t0 = Date.now();
    const b = await this.open();
    const t1 = Date.now();
    await this.verify(b.page, n - 1);
    if (process.env.CRASH_PROFILE) console.log(`trial ${n}: open ${t1 - t0} ms, verify ${Date.now() - t1} ms`);
    if (n % AUDIT_EVERY === 0) await audit(b.page);
    const typed: Edit[] = [];
    let killed = false;
    let killer: Promise<void> | undefined;
    const arm = () =>
      sleep(this.rnd.int(0, killWithinMs)).then(async () => {
        killed = true;
        const state = await saveState(b.page).catch(() => null);
        await b.kill();
        if (state === 'saving') this.killedWhileSaving++;
      });
    try {
      let sheet = this.rnd.next() < 0.5 ? LEDGER : STAT;
      await this.showSheet(b.page, sheet);
      for (let i = 1; !killed; i++) {
        if (i === edits) killer = arm();
        if (this.rnd.next() < 0.1) {
          sheet = sheet === LEDGER ? STAT : LEDGER;
          await this.showSheet(b.page, sheet);
        }
        await this.typeEdit(b.page, this.rnd.pick(sheet === LEDGER ? this.ledgerTargets : this.statTargets), typed);
      }
    } catch (e) {
      if (!killed) throw e; // a failure before the kill is a real one; after it, the page is just gone
    }
    await killer;
    this.model.apply(typed);
    this.edits += typed.length;
  }

  /** After the last trial: everything confirmed is there, and the audit still runs. */
  async finish(trials: number): Promise<void> {
    const b = await this.open();
    await this.verify(b.page, trials);
    await audit(b.page);
    await b.kill();
  }
}
