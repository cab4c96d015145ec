import { ruleTester } from './rule-tester';
import * as cases from './cases/missing-benefit';

ruleTester('missing-benefit', cases);
