// Whether a workbook's MAC proves it came from the school named in it: 已认证 / 未认证 / 认证失败.
// Synchronous (pure HMAC) because verifyReport runs inside workers that expect a plain return.
// Only called on a file whose SHA-256 hashes already match, so sha256:all stands for the content.
import { currentEnrolment, enrolmentKey, type KeysStore } from './enrol';
import { HMAC_ALG, META_HMAC_ALG, META_HMAC_ALL, META_HMAC_KEY_ID, reportMacValid } from './mac';

export const AUTH_STATES = ['已认证', '未认证', '认证失败'] as const;
export type AuthState = (typeof AUTH_STATES)[number];

export interface AuthVerdict {
  auth: AuthState;
  /** why, in Chinese, for 认证失败 (refused) and for a 未认证 file that carries a MAC */
  message?: string;
}

export function authOf(meta: Readonly<Record<string, string>>, keys: KeysStore, fileName: string): AuthVerdict {
  const schoolCode = meta.schoolCode ?? '';
  const at = (m: string) => `文件「${fileName}」 工作表「_meta」：${m}`;
  const entry = currentEnrolment(keys, schoolCode);
  const mac = meta[META_HMAC_ALL];
  if (!entry) {
    // a USB file of a school never enrolled (or an older app): shown as 未认证 and received
    return mac ? { auth: '未认证', message: at(`提示：文件带有认证码，但本局没有给学校 ${schoolCode} 发放报送码，无法核对`) } : { auth: '未认证' };
  }
  if (!mac)
    return { auth: '认证失败', message: at(`学校 ${schoolCode} 已领取报送码，但文件没有认证码（可能由未填报送码的校表通导出，或被改动过）：请学校在校表通中填入报送码后重新导出`) };
  if (meta[META_HMAC_ALG] !== HMAC_ALG) return { auth: '认证失败', message: at(`认证算法“${meta[META_HMAC_ALG] ?? ''}”无法识别（应为 ${HMAC_ALG}）`) };
  const keyId = meta[META_HMAC_KEY_ID] ?? '';
  if (keyId !== entry.keyId) {
    const old = keys.schools.find((e) => e.schoolCode === schoolCode && e.keyId === keyId && e.revokedAt);
    return {
      auth: '认证失败',
      message: old
        ? at(`文件用已作废的报送码签名（该校的报送码已于 ${old.revokedAt!.slice(0, 10)} 重新发放）：请学校填入新的报送码后重新导出`)
        : at(`文件的认证密钥（${keyId || '空'}）不是本局为学校 ${schoolCode} 登记的密钥：报送码不对，或文件不是该校导出的`),
    };
  }
  if (!reportMacValid(enrolmentKey(entry), schoolCode, meta['sha256:all'] ?? '', mac))
    return { auth: '认证失败', message: at('认证码不符：文件在导出后被改动过（即使重新计算了校验值也能发现），不予接收') };
  return { auth: '已认证' };
}
