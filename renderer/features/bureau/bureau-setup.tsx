// Set-up of bureau mode (区教育局): who consolidates and with which pack. Checked field by field
// with Chinese messages (bureau-profile.ts) before anything is stored.
import { App, Button, Card, Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Pack } from '../../../shared/pack/schema';
import type { BureauProfile } from '../../../shared/consolidate/types';
import { SetupSelect } from '../setup/setup-select';
import { BUREAU_FIELD_LABELS, bureauFieldError, toBureauProfile, type BureauField } from './bureau-profile';
import { saveBureau } from './bureau-repo';
import { toHalfWidth } from '../../../shared/model/values';

export interface BureauSetupProps {
  packs: Pack[];
  initial?: BureauProfile;
  onSaved: (profile: BureauProfile) => void;
  onCancel?: () => void;
}

const rule = (field: BureauField): Rule => ({
  validator: async (_, value: unknown) => {
    const message = bureauFieldError(field, value);
    if (message) throw new Error(message);
  },
});

export function BureauSetup({ packs, initial, onSaved, onCancel }: BureauSetupProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Partial<BureauProfile>>();

  const submit = async (values: Partial<BureauProfile>) => {
    const { profile, errors } = toBureauProfile(values);
    if (!profile) {
      form.setFields(Object.entries(errors).map(([name, error]) => ({ name: name as BureauField, errors: [error!] })));
      return;
    }
    try {
      const saved = await saveBureau(profile);
      message.success(initial ? '教育局信息已更新' : '教育局信息已保存，可以导入学校名册、接收报表了');
      onSaved(saved);
    } catch {
      message.error('教育局信息没有保存成功，请重试');
    }
  };

  return (
    <Card title={initial ? '编辑教育局信息' : '区教育局汇总 — 先填写教育局信息'} style={{ maxWidth: 760, margin: '0 auto 32px' }}>
      <p className="setup-intro">
        本机用于接收各校导出的报表，核验后汇总全区数据。教育局名称会填入汇总表的“填报单位”。
      </p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ packId: packs.length === 1 ? packs[0]!.id : undefined, ...initial }}
        onFinish={submit}
        requiredMark
      >
        <Form.Item name="packId" label={`${BUREAU_FIELD_LABELS.packId}（本局使用的报表）`} rules={[rule('packId')]} required>
          <SetupSelect
            testId="bureau-pack"
            options={packs.map((p) => ({ value: p.id, label: p.bureau }))}
            // the pack names its bureau: a clerk rarely types it differently
            onChange={(id) => {
              if (!form.getFieldValue('name')) form.setFieldValue('name', packs.find((p) => p.id === id)?.bureau);
            }}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="name" label={BUREAU_FIELD_LABELS.name} rules={[rule('name')]} validateTrigger="onBlur" required>
              <Input data-testid="bureau-name" maxLength={60} autoComplete="off" placeholder="如：德阳市罗江区教育局" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="regionCode"
              label={BUREAU_FIELD_LABELS.regionCode}
              rules={[rule('regionCode')]}
              validateTrigger="onBlur"
              // full-width digits from an IME, and the 51-06-26 some lists write, become the six digits
              normalize={(v: string) => toHalfWidth(v ?? '').replace(/\D/g, '').slice(0, 6)}
              extra="6 位数字，如罗江区为 510626"
              required
            >
              <Input data-testid="bureau-regionCode" inputMode="numeric" autoComplete="off" placeholder="6 位数字" />
            </Form.Item>
          </Col>
        </Row>
        <div className="setup-actions">
          {onCancel && <Button onClick={onCancel}>取消</Button>}
          <Button type="primary" htmlType="submit" data-testid="bureau-submit">
            {initial ? '保存修改' : '保存并开始汇总'}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
