import { ruleTester } from './rule-tester';
import * as cases from './cases/technical-story';

ruleTester('technical-story', cases);
