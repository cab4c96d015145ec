import { ruleTester } from './rule-tester';
import * as cases from './cases/dependency';

ruleTester('dependency', cases);
