import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sseParser';

function collect() {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createSseParser({
    onMessage: (m) => messages.push(m),
    onComment: (c) => comments.push(c),
    onRetry: (ms) => retries.push(ms),
  });
  return { parser, messages, comments, retries };
}

describe('createSseParser', () => {
  it('parses named events with JSON data', () => {
    const { parser, messages } = collect();
    parser.push('event: hello\ndata: {"version":"1"}\n\n');
    expect(messages).toEqual([{ event: 'hello', data: '{"version":"1"}', id: null }]);
  });

  it('reassembles events split across arbitrary chunks, including CRLF', () => {
    const { parser, messages } = collect();
    const text = 'event: sample\r\ndata: {"a":1}\r\n\r\nevent: status\rdata: x\r\r';
    for (const ch of text) parser.push(ch);
    // A final lone CR might be half of CRLF; the next chunk (here a heartbeat) settles it.
    parser.push(': heartbeat\n');
    expect(messages.map((m) => [m.event, m.data])).toEqual([
      ['sample', '{"a":1}'],
      ['status', 'x'],
    ]);
  });

  it('joins multi-line data and defaults the event name', () => {
    const { parser, messages } = collect();
    parser.push('data: line 1\ndata:line 2\nid: 7\n\n');
    expect(messages).toEqual([{ event: 'message', data: 'line 1\nline 2', id: '7' }]);
  });

  it('reports heartbeat comments and retry hints without dispatching', () => {
    const { parser, messages, comments, retries } = collect();
    parser.push(': heartbeat\n\nretry: 3000\n\n');
    expect(messages).toEqual([]);
    expect(comments).toEqual(['heartbeat']);
    expect(retries).toEqual([3000]);
  });

  it('waits for the blank line before dispatching', () => {
    const { parser, messages } = collect();
    parser.push('event: snapshot\ndata: {}\n');
    expect(messages).toHaveLength(0);
    parser.push('\n');
    expect(messages).toHaveLength(1);
  });

  it('does not leak the event name into the next message', () => {
    const { parser, messages } = collect();
    parser.push('event: hello\n\ndata: 1\n\n');
    expect(messages).toEqual([{ event: 'message', data: '1', id: null }]);
  });
});
