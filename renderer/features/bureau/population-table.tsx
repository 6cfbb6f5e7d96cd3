// 适龄人口: the figures only the bureau has (公安 / 统计 / 残联), by age and year, which the
// indicators marked *pop* in plan-targets.md divide by (毛入园率 = 在园幼儿 ÷ 3–5 岁人口 …).
// Checked whole before saving (shared/consolidate/population.ts).
import { useEffect, useState } from 'react';
import { Alert, App, Button, InputNumber, Select, Table } from 'antd';
import type { PopulationRecord } from './bureau-records';
import { savePopulation } from './bureau-repo';

export const POPULATION_AGES = Array.from({ length: 16 }, (_, i) => i + 3); // 3–18 周岁

const stageOf = (age: number) => (age <= 5 ? '学前（3–5 岁）' : age <= 11 ? '小学（6–11 岁）' : age <= 14 ? '初中（12–14 岁）' : '高中阶段（15–17 岁）');

type Draft = Record<string, number | null>; // `${group}|${age}`

export function PopulationTable({ rows }: { rows: PopulationRecord[] }) {
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<Draft>({});
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    setDraft(Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [`${r.group}|${r.age}`, r.count])));
  }, [rows, year]);

  const save = async () => {
    const others = rows.filter((r) => r.year !== year);
    const mine: PopulationRecord[] = Object.entries(draft)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, count]) => ({ group: k.split('|')[0] as PopulationRecord['group'], year, age: Number(k.split('|')[1]), count: count as number }));
    try {
      const r = await savePopulation([...others, ...mine]);
      setProblems(r.ok ? [] : r.problems);
      if (r.ok) message.success(`${year} 年适龄人口已保存`);
    } catch {
      message.error('适龄人口没有保存成功，请重试');
    }
  };

  const input = (group: PopulationRecord['group'], age: number) => (
    <InputNumber min={0} precision={0} value={draft[`${group}|${age}`] ?? null} data-testid={`pop-${group}-${age}`} style={{ width: 130 }}
      onChange={(v) => setDraft((d) => ({ ...d, [`${group}|${age}`]: v }))} />
  );

  return (
    <div data-testid="population-table">
      <div className="bureau-toolbar">
        <span>年份</span>
        <Select value={year} onChange={setYear} style={{ width: 110 }} options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} />
        <span className="bureau-hint">按公安户籍或统计部门的常住人口填写（残疾儿童按残联数）；2025-2026 学年读 2025 年的数。</span>
        <span style={{ flex: 1 }} />
        <Button type="primary" onClick={() => void save()} data-testid="population-save">保存</Button>
      </div>
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 8 }} message="没有保存" description={problems.join('；')} />}
      <Table
        size="small"
        rowKey="age"
        pagination={false}
        dataSource={POPULATION_AGES.map((age) => ({ age }))}
        columns={[
          { title: '学段', key: 'g', width: 160, render: (_, r) => stageOf(r.age) },
          { title: '年龄', key: 'a', width: 90, render: (_, r) => `${r.age} 周岁` },
          { title: '适龄人口', key: 'n', render: (_, r) => input('all', r.age) },
          { title: '其中适龄残疾儿童少年', key: 'd', render: (_, r) => input('disabled', r.age) },
        ]}
      />
    </div>
  );
}
