// 载入示例学校: fills the app with a realistic demo school of a chosen type, for people trying
// 校表通 before entering their own. It replaces whatever is on this computer, so it asks first.
import { useState } from 'react';
import { Modal, Select, Space, message } from 'antd';
import type { Pack } from '../../../shared/pack/schema';
import { demoSchool } from '../../../shared/demo/demo-school';
import { replaceSchoolData } from '../../db/replace-all';
import { clearGridHistories } from '../entry/use-grid-history';
import { todayIso } from '../workspace/periods';
import { trackSave } from '../../state/store';
import { saveBackup } from '../backup/backup-service';
import { platform } from '../../platform';

export interface DemoLoaderProps {
  open: boolean;
  packs: Pack[];
  /** true when the database already holds a school: the dialog then warns that it is replaced */
  replaces: boolean;
  onClose: () => void;
  onLoaded?: () => void;
}

export function DemoLoader({ open, packs, replaces, onClose, onLoaded }: DemoLoaderProps) {
  const [packId, setPackId] = useState(packs[0]?.id);
  const pack = packs.find((p) => p.id === packId);
  const [type, setType] = useState('小学');
  const [busy, setBusy] = useState(false);
  const load = async () => {
    if (!pack) return;
    setBusy(true);
    try {
      const data = demoSchool({ pack, type, today: todayIso() });
      // the school's own data is about to be replaced whole: keep a backup of it first (or stop)
      if (replaces) {
        try {
          await saveBackup('restore', platform);
        } catch (e) {
          throw new Error(`未能先备份本机现有数据，所以没有替换：${(e as Error).message}`);
        }
      }
      if ((await trackSave(replaceSchoolData(data).then(() => true))) === undefined) throw new Error('写入失败，本机数据没有改动');
      clearGridHistories(); // undo steps refer to the data just replaced
      message.success(`已载入示例学校：${data.school.name}（${type}）`);
      onLoaded?.();
      onClose();
    } catch (e) {
      message.error(`载入示例学校失败：${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="载入示例学校"
      okText={replaces ? '替换为示例学校' : '载入'}
      okButtonProps={{ danger: replaces, ...({ 'data-testid': 'demo-confirm' } as Record<string, string>) }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void load()}
      onCancel={onClose}
    >
      <p>示例学校有两个学年的班级名册、教职工名册和统计表，以及上个月的食堂和校园安全台账，可以直接审核、导出，看看报表是什么样子。</p>
      {replaces && <p style={{ color: '#cf1322' }}>注意：这会替换本机上已填写的全部数据（学校信息、名册和台账）。替换前先自动备份现有数据（网页版下载一份备份文件），之后可在“更多 → 数据与备份…”中恢复。</p>}
      <Space wrap>
        <Select
          style={{ width: 220 }}
          value={packId}
          onChange={setPackId}
          options={packs.map((p) => ({ value: p.id, label: p.bureau }))}
          data-testid="demo-pack"
        />
        <Select
          style={{ width: 180 }}
          value={type}
          onChange={setType}
          options={(pack?.schoolTypes ?? []).map((t) => ({ value: t.id, label: t.id }))}
          data-testid="demo-type"
        />
      </Space>
    </Modal>
  );
}
