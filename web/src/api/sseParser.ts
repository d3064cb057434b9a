/**
 * Incremental parser for the text/event-stream format (WHATWG HTML §9.2). We read
 * the stream with fetch instead of EventSource because EventSource hides comment
 * lines: the server's `: heartbeat` is how we tell a quiet stream from a dead one.
 */

export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseCallbacks {
  onMessage(message: SseMessage): void;
  /** Any comment line, e.g. `: heartbeat`. */
  onComment?(text: string): void;
  /** The server's `retry:` hint in ms. */
  onRetry?(ms: number): void;
}

export interface SseParser {
  /** Feed the next decoded chunk; chunks may split lines anywhere. */
  push(chunk: string): void;
}

export function createSseParser(callbacks: SseCallbacks): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | null = null;

  const dispatch = () => {
    if (data.length > 0)
      callbacks.onMessage({ event: event || 'message', data: data.join('\n'), id });
    event = '';
    data = [];
  };

  const line = (text: string) => {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return callbacks.onComment?.(text.slice(1).trimStart());
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
  };

  return {
    push(chunk) {
      buffer += chunk;
      // A trailing '\r' may be the first half of '\r\n': keep it for the next chunk.
      const re = /\r\n|\r(?!$)|\n/g;
      let start = 0;
      for (let m = re.exec(buffer); m; m = re.exec(buffer)) {
        line(buffer.slice(start, m.index));
        start = m.index + m[0].length;
      }
      buffer = buffer.slice(start);
    },
  };
}
