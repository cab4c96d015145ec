import { mount } from '../../shared/mount';
import './panel.css';
import { PanelApp } from './PanelApp';

mount((context) => <PanelApp issueKey={context.extension?.issue?.key} />);
