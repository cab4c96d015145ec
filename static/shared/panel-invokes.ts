/**
 * Typed wrappers for the panel's write resolvers (Apply, Undo, Create stories, Make it a task,
 * Mark as split) and AI assist.
 * Same contract as `invokes.ts`: every call returns the resolver's `Envelope` and never throws.
 */
import { RESOLVER_KEYS } from '../../src/contract/keys';
import type { AiAssistRequest, AiAssistResult, ApplyRequest, ApplyResult, CreateSplitRequest, CreateSplitResult, MakeTaskRequest, MakeTaskResult, MarkSplitRequest, MarkSplitResult, UndoRequest } from '../../src/contract';
import { call } from './invokes';

export type { CreateSplitResult };

export const applyRewrite = (req: ApplyRequest) => call<ApplyResult>(RESOLVER_KEYS.panelApply, { ...req });
export const undoRewrite = (req: UndoRequest) => call<{ updated: string }>(RESOLVER_KEYS.panelUndo, { ...req });
export const createSplit = (req: CreateSplitRequest) => call<CreateSplitResult>(RESOLVER_KEYS.panelCreateSplit, { ...req });
export const makeTask = (req: MakeTaskRequest) => call<MakeTaskResult>(RESOLVER_KEYS.panelMakeTask, { ...req });
export const markSplit = (req: MarkSplitRequest) => call<MarkSplitResult>(RESOLVER_KEYS.panelMarkSplit, { ...req });
export const askAiAssist = (req: AiAssistRequest) => call<AiAssistResult>(RESOLVER_KEYS.panelAiAssist, { ...req });
