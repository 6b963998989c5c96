import { describe, expect, it } from 'vitest';
import { readNumber, readRank, readRankChange } from '../pipeline/read/cells.js';

describe('readNumber', () => {
  it('reads numbers in the declared decimal mark', () => {
    expect(readNumber('45.34', '.')).toEqual({ ok: true, value: 45.34 });
    expect(readNumber('45,34', ',')).toEqual({ ok: true, value: 45.34 });
    expect(readNumber(' 7 ', '.')).toEqual({ ok: true, value: 7 });
    expect(readNumber(-0.5, '.')).toEqual({ ok: true, value: -0.5 });
    expect(readNumber('-3,5', ',')).toEqual({ ok: true, value: -3.5 });
  });

  it('refuses the other decimal mark instead of guessing', () => {
    const comma = readNumber('45,34', '.');
    expect(comma.ok).toBe(false);
    expect(!comma.ok && comma.problem).toMatch(/'\.' as decimal mark, found "45,34"/);
    expect(readNumber('45.34', ',').ok).toBe(false);
  });

  it('refuses thousands separators and text', () => {
    for (const text of ['1.234,5', '1,234.5', '1 234', 'abc', '45.3.4', '', '=1+1', '12%', '4 5']) {
      expect(readNumber(text, '.').ok, text).toBe(false);
    }
    expect(readNumber('1.234,5', ',')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/thousands separator/),
    });
    expect(readNumber(Number.NaN, '.').ok).toBe(false);
  });
});

describe('readRank', () => {
  it('accepts whole numbers from 1', () => {
    expect(readRank('6')).toEqual({ ok: true, value: 6 });
    expect(readRank(63)).toEqual({ ok: true, value: 63 });
  });
  it('refuses zero, fractions and text', () => {
    for (const cell of ['0', '2.5', 'first', -1]) expect(readRank(cell).ok, String(cell)).toBe(false);
  });
});

describe('readRankChange', () => {
  it.each([
    ['tăng 32 bậc', 32],
    ['giảm 7 bậc', -7],
    ['Giữ nguyên', 0],
    ['tăng 06 bậc', 6],
    ['  giảm  01 bậc ', -1],
    ['+3', 3],
    ['-7', -7],
    ['−7', -7],
    ['0', 0],
    [5, 5],
  ] as const)('reads %j as %d', (cell, value) => {
    expect(readRankChange(cell)).toEqual({ ok: true, value });
  });

  it.each(['tăng ba bậc', 'up 24 places', 'tăng 2', '3', 'tăng 0 bậc', '+2.5', 'giảm 7 bậc so với 2022', ''])(
    'refuses %j',
    (cell) => {
      expect(readRankChange(cell).ok).toBe(false);
    },
  );
});
