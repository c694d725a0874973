import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isProtocolCode, protocolCodes } from './protocol-codes.js';
import { protocolMessageEn, protocolMessagesEn } from './protocol-messages-en.js';

describe('protocol codes', () => {
  it('name every code protocol.<kebab-case>', () => {
    for (const code of Object.keys(protocolCodes)) assert.match(code, /^protocol\.[a-z]+(-[a-z]+)*$/);
  });

  it('give every code an HTTP error status and a summary', () => {
    for (const [code, spec] of Object.entries(protocolCodes)) {
      assert.ok(spec.httpStatus >= 400 && spec.httpStatus <= 599, code);
      assert.ok(spec.summary.endsWith('.'), code);
    }
  });

  it('have exactly one English message per code', () => {
    assert.deepEqual(Object.keys(protocolMessagesEn).sort(), Object.keys(protocolCodes).sort());
  });

  it('render a message with the detail of the occurrence', () => {
    assert.equal(protocolMessageEn('protocol.too-old', 'created 2 days ago'), 'The message is too old: created 2 days ago.');
    assert.equal(protocolMessageEn('protocol.too-old'), 'The message is too old.');
  });

  it('recognise codes and only codes', () => {
    assert.equal(isProtocolCode('protocol.bad-signature'), true);
    assert.equal(isProtocolCode('toString'), false);
  });
});
