import { mount } from '../../shared/mount';
import './gate.css';
import { GateApp, type Rule } from './GateApp';

mount((context) => {
  const extension = context.extension as { type?: string; validatorConfig?: unknown; conditionConfig?: unknown; entryPoint?: string } | undefined;
  // One page for both modules: Jira names the module's type in the context.
  const rule: Rule = extension?.type === 'jira:workflowCondition' ? 'condition' : 'validator';
  return <GateApp rule={rule} saved={rule === 'condition' ? extension?.conditionConfig : extension?.validatorConfig} readOnly={extension?.entryPoint === 'view'} />;
});
