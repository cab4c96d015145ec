import { ruleTester } from './rule-tester';
import * as cases from './cases/missing-goal';

ruleTester('missing-goal', cases);
