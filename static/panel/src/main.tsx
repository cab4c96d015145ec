import { mount } from '../../shared/mount';
import { siteUrlOf } from '../../shared/context';
import './panel.css';
import { PanelSite } from './IssueLink';
import { PanelApp } from './PanelApp';

mount((context) => (
  <PanelSite.Provider value={siteUrlOf(context)}>
    <PanelApp issueKey={context.extension?.issue?.key} />
  </PanelSite.Provider>
));
