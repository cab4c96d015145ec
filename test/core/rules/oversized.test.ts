import { ruleTester } from './rule-tester';
import * as cases from './cases/oversized';

ruleTester('oversized', cases);
