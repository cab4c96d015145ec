import { ruleTester } from './rule-tester';
import * as cases from './cases/implementation-detail';

ruleTester('implementation-detail', cases);
