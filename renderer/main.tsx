// Renderer entry (web build and Electron alike). Deliberately tiny: the likely first screen and
// the app shell (start-app.tsx) are requested at once, so both download and parse side by side.
// the stylesheets stay static: index.html links them, so nothing paints unstyled
import 'antd/dist/antd.css';
import './styles.css';
import { preloadFirstScreen } from './lib/first-screen-hint';

performance.mark('xb-entry');
void preloadFirstScreen();
void import('./start-app');
