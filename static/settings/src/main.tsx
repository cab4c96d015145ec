import { mount } from '../../shared/mount';
import './settings.css';
import { SettingsApp } from './SettingsApp';

mount((context) => <SettingsApp projectKey={context.extension?.project?.key} />);
