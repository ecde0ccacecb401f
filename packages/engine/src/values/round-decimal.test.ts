import { describe, expect, it } from 'vitest';
import { roundDecimal } from './round-decimal.js';
import { shiftDecimal } from './shift-decimal.js';

describe('roundDecimal', () => {
  it('rounds half away from zero on the decimal text', () => {
    expect(roundDecimal(1.005, 2)).toBe(1.01);
    expect(roundDecimal(2.675, 2)).toBe(2.68);
    expect(roundDecimal(-2.5, 0)).toBe(-3);
    expect(roundDecimal(-1.005, 2)).toBe(-1.01);
    expect(roundDecimal(1200.505, 2)).toBe(1200.51);
    expect(roundDecimal(1e-7, 2)).toBe(0);
    expect(roundDecimal(-0.001, 2)).toBe(0);
    expect(Object.is(roundDecimal(-0.001, 2), -0)).toBe(false);
    expect(roundDecimal(1234.5678, 0)).toBe(1235);
    expect(roundDecimal(1e21, 2)).toBe(1e21);
  });
});

describe('shiftDecimal', () => {
  it('scales by powers of ten exactly', () => {
    expect(shiftDecimal(0.07, 2)).toBe(7);
    expect(shiftDecimal(0.125, 2)).toBe(12.5);
    expect(shiftDecimal(12, -2)).toBe(0.12);
    expect(shiftDecimal(1e-7, 2)).toBe(0.00001);
  });
});
