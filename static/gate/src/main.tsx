import { mount } from '../../shared/mount';
import './gate.css';
import { GateApp } from './GateApp';

mount((context) => {
  const extension = context.extension as { validatorConfig?: unknown; entryPoint?: string } | undefined;
  return <GateApp saved={extension?.validatorConfig} readOnly={extension?.entryPoint === 'view'} />;
});
