// First run: is this PC a school's (填报) or a district bureau's (汇总)? 学校 is preselected and
// shows the school set-up exactly as before, so a school never makes an extra choice.
import { useState } from 'react';
import { Radio } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
// the set-up page's own chunk (lib/first-screen.ts), as the school's first run loads it
import { SetupPage } from '../../lib/first-screen';
import { BureauSetup } from './bureau-setup';
import './bureau.css';

export type InstallMode = 'school' | 'bureau';

export function FirstRunPage({ packs }: { packs: Pack[] }) {
  const [mode, setMode] = useState<InstallMode>('school');
  return (
    <div className="first-run">
      <div className="first-run-mode">
        <span>本机用于：</span>
        <Radio.Group
          value={mode}
          onChange={(e) => setMode(e.target.value as InstallMode)}
          optionType="button"
          buttonStyle="solid"
          data-testid="setup-mode"
          options={[
            { value: 'school', label: '学校（填报）' },
            { value: 'bureau', label: '区教育局（汇总）' },
          ]}
        />
      </div>
      {/* both save to IndexedDB; the live query of the root then opens the right workspace */}
      {mode === 'school' ? (
        <SetupPage packs={packs} onSaved={() => undefined} />
      ) : (
        <div className="setup-page">
          <div style={{ height: 16 }} />
          <BureauSetup packs={packs} onSaved={() => undefined} />
        </div>
      )}
    </div>
  );
}
