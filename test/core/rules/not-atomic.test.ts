import { ruleTester } from './rule-tester';
import * as cases from './cases/not-atomic';

ruleTester('not-atomic', cases);
