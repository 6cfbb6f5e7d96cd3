// The rules of the 初中/普通高中/幼儿园 student sheets and 残疾学生情况: every case of
// rule-cases/students.cases.ts passes and fails as stated there.
import { describeRuleCases } from './rule-cases/kit';
import { CASES } from './rule-cases/students.cases';

describeRuleCases('student sheet rules: a passing and a failing case each', CASES);
