import { ruleTester } from './rule-tester';
import * as cases from './cases/not-minimal';

ruleTester('not-minimal', cases);
