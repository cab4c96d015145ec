import { ruleTester } from './rule-tester';
import * as cases from './cases/weak-benefit';

ruleTester('weak-benefit', cases);
