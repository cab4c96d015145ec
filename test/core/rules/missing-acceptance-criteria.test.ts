import { ruleTester } from './rule-tester';
import * as cases from './cases/missing-acceptance-criteria';

ruleTester('missing-acceptance-criteria', cases);
