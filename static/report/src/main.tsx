import { mount } from '../../shared/mount';
import { siteUrlOf } from '../../shared/context';
import './report.css';
import { SiteContext } from './IssueKey';
import { ReportApp } from './ReportApp';

mount((context) => (
  <SiteContext.Provider value={siteUrlOf(context)}>
    <ReportApp projectKey={context.extension?.project?.key} />
  </SiteContext.Provider>
));
