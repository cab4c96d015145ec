import { ruleTester } from './rule-tester';
import * as cases from './cases/horizontal-slice';

ruleTester('horizontal-slice', cases);
