import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// Examples from the Kubernetes quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go) and its documentation.
describe('Kubernetes quantity library', () => {
  it.each<Case>([
    // quantity() and isQuantity()
    ["isQuantity('1.3G')", true],
    ["isQuantity('1.3Gi')", true],
    ["isQuantity('1,3G')", false],
    ["isQuantity('10000k')", true],
    ["isQuantity('200K')", false],
    ["isQuantity('Three')", false],
    ["isQuantity('Mi')", false],
    ["isQuantity('500m')", true],
    ["isQuantity('1e3')", true],
    ["isQuantity('')", false],
    ["isQuantity(' 1')", false],
    ["quantity('1.5G') == quantity('1500M')", true],
    ["quantity('200k') == quantity('200000')", true],
    ["quantity('1Gi') != quantity('1G')", true],
    // conversions
    ["quantity('50000000G').isInteger()", true],
    ["quantity('50k').isInteger()", true],
    ["quantity('9999999999999999999999999999999999999G').isInteger()", false],
    ["quantity('500m').isInteger()", false],
    ["quantity('50k').asInteger() == 50000", true],
    ["quantity('1Ki').asInteger()", 1024n],
    ["quantity('-2').asInteger()", -2n],
    ["quantity('50k').sub(20000).asApproximateFloat() == 30000.0", true],
    ["quantity('250m').asApproximateFloat()", 0.25],
    // sign, arithmetic
    ["quantity('50k').sign()", 1n],
    ["quantity('-1m').sign()", -1n],
    ["quantity('0').sign()", 0n],
    ["sign(quantity('-5'))", -1n],
    ["quantity('50k').add(quantity('20k')) == quantity('70k')", true],
    ["quantity('50k').add(20) == quantity('50020')", true],
    ["quantity('50k').sub(quantity('20k')) == quantity('30k')", true],
    ["quantity('50k').sub(20000) == quantity('30k')", true],
    ["quantity('50k').add(20).sub(quantity('100k')).sub(-50000) == quantity('20')", true],
    ["quantity('1Gi').add(quantity('1Gi')) == quantity('2Gi')", true],
    ["quantity('0.1').add(quantity('0.2')) == quantity('300m')", true],
    // comparisons
    ["quantity('200M').compareTo(quantity('0.2G'))", 0n],
    ["quantity('50M').compareTo(quantity('50Mi'))", -1n],
    ["quantity('50Mi').compareTo(quantity('50M'))", 1n],
    ["quantity('150Mi').isGreaterThan(quantity('100Mi'))", true],
    ["quantity('50Mi').isGreaterThan(quantity('100Mi'))", false],
    ["quantity('50M').isLessThan(quantity('100M'))", true],
    ["quantity('100M').isLessThan(quantity('50M'))", false],
    ["quantity('1Ei').isGreaterThan(quantity('1E'))", true],
    // values below a nano unit round up, as the API server stores them
    ["quantity('0.1n') == quantity('1n')", true],
    ["quantity('1.0000000001') == quantity('1000000001n')", true],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["quantity('200K')", /quantities must match/],
    ["quantity('Three')", /quantities must match/],
    ["quantity('Mi')", /quantities must match/],
    ["quantity('9999999999999999999999999999999999999G').asInteger()", /cannot convert value to integer/],
    ["quantity('1m').asInteger()", /cannot convert value to integer/],
    ['quantity(5)', /no matching overload/],
    ["quantity('1').isGreaterThan(1)", /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });

  it('reads quantities from the object', () => {
    const object = { spec: { containers: [{ resources: { limits: { memory: '512Mi', cpu: '2' } } }] } };
    expect(
      cel("object.spec.containers.all(c, quantity(c.resources.limits.memory).isLessThan(quantity('1Gi')))", { object }),
    ).toBe(true);
    expect(cel('quantity(string(object.spec.containers[0].resources.limits.cpu)).asInteger()', { object })).toBe(2n);
  });
});
