// antd configuration shared by the app and its component tests: Chinese locale, the theme,
// and <App> so components can use message/modal through App.useApp().
import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

const THEME = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontFamily: "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', Arial, sans-serif",
  },
};

// The built app ships antd's styles as one static stylesheet (main.tsx imports antd/dist/antd.css)
// instead of generating them in the page: CSS-in-JS was half of a cold start's work. The tests
// (jsdom, no stylesheet) keep antd's runtime styles.
const STATIC_THEME = { ...THEME, zeroRuntime: true };

export function AppProviders({ children, staticStyles = false }: { children: ReactNode; staticStyles?: boolean }) {
  return (
    // no space forced into two-character labels ("删 除"): buttons read as written, and the
    // e2e tests and screen readers find them by the same text the user sees
    <ConfigProvider locale={zhCN} theme={staticStyles ? STATIC_THEME : THEME} button={{ autoInsertSpace: false }}>
      <AntApp style={{ height: '100%' }}>{children}</AntApp>
    </ConfigProvider>
  );
}
