import { ruleTester } from './rule-tester';
import * as cases from './cases/duplicate';

ruleTester('duplicate', cases);
