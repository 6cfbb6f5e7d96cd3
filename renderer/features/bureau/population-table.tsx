// 适龄人口: the figures only the bureau has (公安 / 统计 data), by age and year, which the
// indicators marked *pop* in plan-targets.md divide by (毛入园率 = 在园幼儿 ÷ 3–5 岁人口 …).
import { useEffect, useState } from 'react';
import { App, Button, InputNumber, Select, Table } from 'antd';
import type { PopulationRecord } from './bureau-records';
import { savePopulation } from './bureau-repo';

export const POPULATION_AGES = Array.from({ length: 15 }, (_, i) => i + 3); // 3–17 周岁

const groupOf = (age: number) => (age <= 5 ? '学前（3–5 岁）' : age <= 11 ? '小学（6–11 岁）' : age <= 14 ? '初中（12–14 岁）' : '高中阶段（15–17 岁）');

export function PopulationTable({ rows }: { rows: PopulationRecord[] }) {
  const { message } = App.useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [draft, setDraft] = useState<Record<number, number | null>>({});
  useEffect(() => {
    setDraft(Object.fromEntries(rows.filter((r) => r.year === year).map((r) => [r.age, r.count])));
  }, [rows, year]);

  const save = async () => {
    const others = rows.filter((r) => r.year !== year);
    const mine = Object.entries(draft)
      .filter(([, v]) => typeof v === 'number' && Number.isInteger(v) && v >= 0)
      .map(([age, count]) => ({ year, age: Number(age), count: count as number }));
    try {
      await savePopulation([...others, ...mine]);
      message.success(`${year} 年适龄人口已保存`);
    } catch {
      message.error('适龄人口没有保存成功，请重试');
    }
  };

  return (
    <div data-testid="population-table">
      <div className="bureau-toolbar">
        <span>年份</span>
        <Select value={year} onChange={setYear} style={{ width: 110 }} options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: `${y} 年` }))} />
        <span className="bureau-hint">按公安户籍或统计部门的常住人口填写；用于毛入园率、入学率等需要人口数的指标。</span>
        <span style={{ flex: 1 }} />
        <Button type="primary" onClick={() => void save()} data-testid="population-save">保存</Button>
      </div>
      <Table
        size="small"
        rowKey="age"
        pagination={false}
        dataSource={POPULATION_AGES.map((age) => ({ age }))}
        columns={[
          { title: '学段', key: 'g', width: 160, render: (_, r) => groupOf(r.age) },
          { title: '年龄', key: 'a', width: 90, render: (_, r) => `${r.age} 周岁` },
          {
            title: '人数', key: 'n',
            render: (_, r) => (
              <InputNumber min={0} precision={0} value={draft[r.age] ?? null} data-testid={`pop-${r.age}`}
                onChange={(v) => setDraft((d) => ({ ...d, [r.age]: v }))} style={{ width: 140 }} />
            ),
          },
        ]}
      />
    </div>
  );
}
