// The 恢复 preview names what an edited backup holds that the app would not have stored.
import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { BackupPreviewView } from '../../renderer/features/backup/backup-preview-view';
import { previewBackup } from '../../shared/backup/preview';
import { makeBackup } from '../../shared/backup/backup-file';
import { demoSchool } from '../../shared/demo/demo-school';
import type { SchoolData } from '../../shared/model/data';
import { luojiang, renderApp } from './helpers';

describe('BackupPreviewView', () => {
  const pack = luojiang();
  const demo = demoSchool({ pack, type: '小学', today: '2026-11-25' });
  const made = makeBackup({ school: demo.school, periods: demo.periods, appVersion: '0.3.0', now: new Date('2026-11-25T08:00:00Z') });

  it('a clean backup shows no value warning', () => {
    renderApp(<BackupPreviewView fileName="备份.json" preview={previewBackup(made, pack)} />);
    expect(screen.getByTestId('backup-summary').textContent).toContain(demo.school.name);
    expect(screen.queryByTestId('backup-value-issues')).toBeNull();
  });

  it('an edited one lists each bad value by period, sheet and row before anything is restored', () => {
    const edited: SchoolData = structuredClone(made);
    const xnc = edited.periods.find((p) => p.submission === 'XNC')!;
    xnc.sheets.classList!.rows![1] = { ...xnc.sheets.classList!.rows![1]!, students: -3 };
    renderApp(<BackupPreviewView fileName="备份.json" preview={previewBackup(edited, pack)} />);
    const alert = screen.getByTestId('backup-value-issues');
    expect(alert.textContent).toContain('备份中有 1 个值不合要求');
    expect(alert.textContent).toContain(`XNC ${xnc.period}「班级名册」第 2 行：「学生数」应为非负整数，现为 -3`);
  });
});
