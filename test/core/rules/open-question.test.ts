import { ruleTester } from './rule-tester';
import * as cases from './cases/open-question';

ruleTester('open-question', cases);
