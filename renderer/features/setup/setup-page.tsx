// First run (no school yet) and 编辑学校信息: the profile that fills 封面, 填报单位 and the
// export file name. Checked field by field with the shared schema's Chinese messages.
import { useMemo, useState, type ComponentProps } from 'react';
import { App, Button, Card, Col, Form, Input, Row, Select } from 'antd';
import { LazyDemoLoader as DemoLoader } from './lazy-demo-loader';
import type { Rule } from 'antd/es/form';
import type { Pack } from '../../../shared/pack/schema';
import { SPONSORS, URBAN_RURAL, type SchoolProfile } from '../../../shared/model/school';
import { saveSchool } from './school-repo';
import { trackSave } from '../../state/store';
import {
  FIELD_LABELS, fieldError, normalizeCode, removedFromProfile, toFormValues, toProfile,
  type ProfileField, type ProfileFormValues,
} from './profile-form';
import { SetupSelect } from './setup-select';

export interface SetupPageProps {
  packs: Pack[];
  /** the saved profile when editing; absent on first run */
  initial?: SchoolProfile;
  onSaved: (profile: SchoolProfile) => void;
  onCancel?: () => void;
}

function rule(field: ProfileField): Rule {
  return {
    validator: async (_, value: unknown) => {
      const message = fieldError(field, typeof value === 'string' && value.trim() === '' ? undefined : value);
      if (message) throw new Error(message);
    },
  };
}

const text = (field: ProfileField, extra: Partial<ComponentProps<typeof Input>> = {}) => (
  <Form.Item name={field} label={FIELD_LABELS[field]} rules={[rule(field)]} validateTrigger="onBlur" required>
    <Input data-testid={`setup-${field}`} autoComplete="off" {...extra} />
  </Form.Item>
);

export function SetupPage({ packs, initial, onSaved, onCancel }: SetupPageProps) {
  const [demoOpen, setDemoOpen] = useState(false);
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const packId = Form.useWatch('packId', form);
  const pack = packs.find((p) => p.id === packId) ?? (packs.length === 1 ? packs[0] : undefined);
  const initialValues = useMemo(
    () => ({ packId: packs.length === 1 ? packs[0]!.id : undefined, ...toFormValues(initial) }),
    [initial, packs],
  );

  const submit = async (values: ProfileFormValues) => {
    const { profile, errors } = toProfile(values);
    if (!profile) {
      form.setFields(Object.entries(errors).map(([name, error]) => ({ name: name as ProfileField, errors: [error!] })));
      return;
    }
    const saved = await trackSave(saveSchool(profile));
    if (!saved) {
      message.error('学校信息没有保存成功，请重试');
      return;
    }
    message.success(initial ? '学校信息已更新' : '学校信息已保存，可以开始填报了');
    const removed = removedFromProfile(values);
    if (removed) message.info(`已去掉无法写入报表的字符（${removed}）`);
    onSaved(saved);
  };

  return (
    <div className="setup-page">
      <Card
        title={initial ? '编辑学校信息' : '欢迎使用校表通 — 先填写学校信息'}
        style={{ maxWidth: 760, margin: '32px auto' }}
      >
        <p className="setup-intro">
          {initial
            ? '修改后，封面、各表的“填报单位”和导出文件名都会随之更新。改变办学类型只影响显示哪些表，已填的数据不会删除。'
            : '这些信息会填入每份报表的封面和“填报单位”，并用于导出文件名。只需填写一次，以后可在“编辑学校信息”中修改。'}
        </p>
        <Form form={form} layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark scrollToFirstError>
          <Form.Item name="packId" label="报表包（主管教育局）" rules={[rule('packId')]} required>
            <SetupSelect
              testId="setup-pack"
              options={packs.map((p) => ({ value: p.id, label: p.bureau }))}
              onChange={() => form.setFieldValue('type', undefined)}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={14}>{text('name', { maxLength: 60, placeholder: '如：罗江区实验小学' })}</Col>
            <Col xs={24} md={10}>
              <Form.Item
                name="code"
                label={FIELD_LABELS.code}
                rules={[rule('code')]}
                validateTrigger="onBlur"
                normalize={normalizeCode}
                extra="全国统一的 10 位数字代码，可在教育事业统计系统中查到"
                required
              >
                <Input data-testid="setup-code" inputMode="numeric" maxLength={10} autoComplete="off" placeholder="10 位数字" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="type" label={FIELD_LABELS.type} rules={[rule('type')]} required>
                <SetupSelect
                  testId="setup-type"
                  placeholder={pack ? '请选择' : '请先选择报表包'}
                  options={(pack?.schoolTypes ?? []).map((t) => ({ value: t.id, label: t.id }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="sponsor" label={FIELD_LABELS.sponsor} rules={[rule('sponsor')]} required>
                <SetupSelect testId="setup-sponsor" options={SPONSORS.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
            {/* rendered in the same update as the type change (useWatch lags a render behind),
                so a quick 保存 right after choosing 幼儿园 still asks for it */}
            <Form.Item noStyle shouldUpdate={(a, b) => a.type !== b.type}>
              {({ getFieldValue }) =>
                getFieldValue('type') === '幼儿园' && (
                  <Col xs={24} md={8}>
                    <Form.Item name="puhui" label={FIELD_LABELS.puhui} rules={[{ required: true, message: '请选择是否普惠性幼儿园' }]}>
                      <SetupSelect testId="setup-puhui" options={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]} />
                    </Form.Item>
                  </Col>
                )
              }
            </Form.Item>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={14}>{text('township', { maxLength: 40, placeholder: '如：万安镇' })}</Col>
            <Col xs={24} md={10}>
              <Form.Item name="urbanRural" label={FIELD_LABELS.urbanRural} rules={[rule('urbanRural')]} required>
                <SetupSelect testId="setup-urbanRural" options={URBAN_RURAL.map((s) => ({ value: s, label: s }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={8}>{text('head', { maxLength: 20 })}</Col>
            <Col xs={24} md={8}>{text('statHead', { maxLength: 20 })}</Col>
            <Col xs={24} md={8}>{text('filler', { maxLength: 20 })}</Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>{text('phone', { maxLength: 20, inputMode: 'tel', placeholder: '如：0838-1234567' })}</Col>
          </Row>
          <div className="setup-actions">
            {!initial && (
              <Button onClick={() => setDemoOpen(true)} data-testid="setup-demo">
                先看看示例学校
              </Button>
            )}
            {onCancel && <Button onClick={onCancel}>取消</Button>}
            <Button type="primary" htmlType="submit" data-testid="setup-submit">
              {initial ? '保存修改' : '保存并开始填报'}
            </Button>
          </div>
        </Form>
      </Card>
      <DemoLoader open={demoOpen} packs={packs} replaces={false} onClose={() => setDemoOpen(false)} />
    </div>
  );
}
