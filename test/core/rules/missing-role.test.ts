import { ruleTester } from './rule-tester';
import * as cases from './cases/missing-role';

ruleTester('missing-role', cases);
