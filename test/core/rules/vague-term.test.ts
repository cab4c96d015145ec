import { ruleTester } from './rule-tester';
import * as cases from './cases/vague-term';

ruleTester('vague-term', cases);
