// Root: first-run setup, or the workspace once the school is known.
import { lazy, Suspense, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SchoolProfile } from '../shared/model/school';
import { getSchool } from './features/setup/school-repo';
import { getPack, packList, packLoad } from './lib/packs';
import { SetupPage, Workspace, rememberFirstScreen } from './lib/first-screen';
import { AppProviders } from './app-providers';
import { VersionGate } from './features/shell/version-gate';
import type { BureauProfile } from '../shared/consolidate/types';
import { getBureau } from './features/bureau/bureau-repo';
import { FirstRunPage } from './features/bureau/first-run-page';

// bureau mode carries the reader, the consolidation and ECharts: a school's first screen never loads it
const BureauRoot = lazy(() => import('./features/bureau/bureau-root').then((m) => ({ default: m.BureauRoot })));

type SchoolLoad = { profile?: SchoolProfile; bureau?: BureauProfile; error?: string };

async function loadSchool(): Promise<SchoolLoad> {
  try {
    return { profile: await getSchool(), bureau: await getBureau() };
  } catch (e) {
    return { error: (e as Error)?.message ?? String(e) };
  }
}

const loading = (
  <div className="app-loading">
    <Spin size="large" description="正在打开本机数据…" />
  </div>
);

function Root() {
  const school = useLiveQuery(loadSchool, []);
  const [editing, setEditing] = useState(false);

  if (packLoad.error) {
    return <Result status="error" title="报表包有误，无法开始" subTitle={packLoad.error} />;
  }
  if (!school) return loading;
  if (school.error) {
    return (
      <Result
        status="error"
        title="无法打开本机数据库"
        subTitle={`${school.error}。如果是浏览器的无痕/隐私模式，请换用普通窗口；否则请重启校表通。`}
        extra={<Button onClick={() => location.reload()}>重新打开</Button>}
      />
    );
  }
  const profile = school.profile;
  // bureau mode (区教育局) when this install was set up as one (its own chunk, under the root's Suspense)
  if (!profile && school.bureau) return <BureauRoot bureau={school.bureau} />;
  rememberFirstScreen(profile ? 'workspace' : 'setup');
  // first run asks 学校 or 区教育局; 学校 is preselected and shows the set-up page as before
  if (!profile) return <FirstRunPage packs={packList()} />;
  if (editing) {
    return (
      <SetupPage
        packs={packList()}
        initial={profile}
        onSaved={() => setEditing(false)}
        onCancel={profile ? () => setEditing(false) : undefined}
      />
    );
  }
  const pack = getPack(profile.packId);
  if (!pack) {
    return (
      <Result
        status="warning"
        title="找不到学校所用的报表包"
        subTitle={`学校信息中的报表包“${profile.packId}”不在本版本中。请重新选择报表包。`}
        extra={
          <Button type="primary" onClick={() => setEditing(true)}>
            编辑学校信息
          </Button>
        }
      />
    );
  }
  return <Workspace pack={pack} school={profile} onEditSchool={() => setEditing(true)} />;
}

/** `staticStyles`: antd's stylesheet is loaded by the page (main.tsx), see app-providers.tsx */
export function App({ staticStyles = false }: { staticStyles?: boolean }) {
  return (
    <AppProviders staticStyles={staticStyles}>
      <VersionGate>
        <Suspense fallback={loading}>
          <Root />
        </Suspense>
      </VersionGate>
    </AppProviders>
  );
}
