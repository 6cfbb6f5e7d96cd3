// Each rule of the indicator sheets, with a passing and a failing case (rule-cases/indicators.cases.ts).
import { describeRuleCases } from './rule-cases/kit';
import { CASES } from './rule-cases/indicators.cases';

describeRuleCases('indicator sheet rules: a passing and a failing case each', CASES);
