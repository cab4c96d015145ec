import { ruleTester } from './rule-tester';
import * as cases from './cases/non-uniform';

ruleTester('non-uniform', cases);
