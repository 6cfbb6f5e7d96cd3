// A Select for the setup form. The test id sits on the Select's outer element, so an e2e
// test clicks it to open the list and then clicks the option by its text.
import { Select } from 'antd';

export interface SetupSelectProps {
  testId: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  /** injected by Form.Item */
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
}

export function SetupSelect({ testId, options, placeholder = '请选择', value, onChange, id }: SetupSelectProps) {
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      style={{ width: '100%' }}
      notFoundContent="没有可选项"
    />
  );
}
