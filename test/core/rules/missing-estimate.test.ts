import { ruleTester } from './rule-tester';
import * as cases from './cases/missing-estimate';

ruleTester('missing-estimate', cases);
