// The words the receive list shows for a verdict and for what receiving it did.
import type { VerdictKind } from '../../../shared/consolidate/types';
import type { ReceiveEntry } from './receive-flow';

export const KIND_WORD: Record<VerdictKind, { text: string; color: string }> = {
  accepted: { text: '通过', color: 'green' },
  auditFailed: { text: '校验不通过', color: 'orange' },
  hashMismatch: { text: '哈希不符', color: 'red' },
  refused: { text: '拒收', color: 'red' },
};

export function actionWord(e: ReceiveEntry, heldVersion?: number): string {
  switch (e.action) {
    case 'new':
      return e.outcome === 'stored' ? '已接收' : '已收到过，未重复记录';
    case 'supersede':
      return e.outcome === 'stored' ? `已替换为第 ${e.verdict.version} 版（旧版本留存于历史）` : `待确认：第 ${e.verdict.version} 版替换已收到的版本`;
    case 'same':
      return '同一份文件已收到过，只记一次';
    case 'lower':
      return `拒收：第 ${e.verdict.version} 版低于已收到的版本${heldVersion !== undefined ? `（第 ${heldVersion} 版）` : ''}`;
    case 'conflict':
      return '冲突：与已收到的同版本文件内容不同，未合并，请与学校核实';
    case 'unknownSchool':
      return e.outcome === 'pending' ? '待确认：学校不在名册中' : '学校不在名册中，未接收';
    case 'rejected':
      if (e.verdict.kind === 'refused') return '拒收，未保存';
      return e.outcome === 'stored' ? '已记录，数据不计入汇总' : '未保存';
  }
}
