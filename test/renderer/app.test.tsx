// The root: first run shows the setup form; once a school is saved, the workspace.
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from '../../renderer/app';
import { saveSchool } from '../../renderer/features/setup/school-repo';
import { resetAll, SCHOOL } from './helpers';

beforeEach(resetAll);

describe('App', () => {
  it('starts with the setup form when no school is stored', async () => {
    render(<App />);
    expect(await screen.findByTestId('setup-submit')).toBeTruthy();
    expect(screen.getByText('欢迎使用校表通 — 先填写学校信息')).toBeTruthy();
  });

  it('opens the workspace for the stored school', async () => {
    await saveSchool(SCHOOL);
    render(<App />);
    expect((await screen.findByTestId('school-name')).textContent).toBe(SCHOOL.name);
    expect(screen.getByTestId('edit-school')).toBeTruthy();
  });
});
