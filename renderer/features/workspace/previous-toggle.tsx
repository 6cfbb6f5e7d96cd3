// 显示上期数: the one switch statistics and indicator sheets share (the choice is shared too),
// with the note shown when there is no approved earlier period to compare with.
export interface PreviousToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** what the small grey figure under each value is, for the tooltip */
  title: string;
  /** true when the toggle is on and the last period has no approved data */
  none: boolean;
}

export function PreviousToggle({ checked, onChange, title, none }: PreviousToggleProps) {
  return (
    <div className="stat-toolbar">
      <label className="stat-prev-toggle" title={title}>
        <input type="checkbox" data-testid="toggle-previous" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        显示上期数
      </label>
      {checked && none && (
        <span className="stat-prev-none" data-testid="previous-none">上期没有已审核的数据，无法对照。</span>
      )}
    </div>
  );
}
