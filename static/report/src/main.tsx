import { mount } from '../../shared/mount';
import './report.css';
import { ReportApp } from './ReportApp';

mount((context) => <ReportApp projectKey={context.extension?.project?.key} />);
