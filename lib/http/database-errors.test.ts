import { describe, expect, it } from 'vitest';
import { databaseUnavailableCode, refusedValueCode } from './database-errors';

describe('database error classification', () => {
  it('recognises a refused connection from pg and postgres.js', () => {
    const socket = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
      syscall: 'connect',
      errno: -111,
    });
    expect(databaseUnavailableCode(socket)).toBe('ECONNREFUSED');
    expect(databaseUnavailableCode(new AggregateError([socket]))).toBe('ECONNREFUSED');
    expect(
      databaseUnavailableCode(
        Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' }),
      ),
    ).toBe('CONNECTION_CLOSED');
    expect(databaseUnavailableCode(new Error('Connection terminated unexpectedly'))).toBe(
      'PG_CONNECTION_TERMINATED',
    );
  });

  it('recognises Prisma codes and driver-adapter kinds', () => {
    expect(
      databaseUnavailableCode(Object.assign(new Error("Can't reach database server"), { code: 'P1001' })),
    ).toBe('P1001');
    const adapter = Object.assign(new Error('adapter'), {
      cause: { kind: 'postgres', originalCode: '57P01' },
    });
    expect(databaseUnavailableCode(adapter)).toBe('57P01');
    expect(databaseUnavailableCode(new Error('boom'))).toBeNull();
  });

  it('answers a timed-out transaction or a deadlock as "try again", not as a bug', () => {
    const expired = Object.assign(
      new Error('Transaction already closed: the timeout for this transaction was 5000 ms'),
      {
        code: 'P2028',
      },
    );
    expect(databaseUnavailableCode(expired)).toBe('P2028');
    expect(databaseUnavailableCode(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(
      '40P01',
    );
  });

  it('tells a refused value from an outage', () => {
    const check = Object.assign(new Error('violates check constraint'), { code: '23514' });
    expect(refusedValueCode(check)).toBe('23514');
    expect(databaseUnavailableCode(check)).toBeNull();
  });
});
