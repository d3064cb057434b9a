import https from 'node:https';

/** The baseline: a bare HTTPS GET of a metrics list and `JSON.parse`, nothing else. */
export function rawGet(
  url: string,
  token: string,
  ca: string,
): Promise<{ body: unknown; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { headers: { authorization: `Bearer ${token}`, accept: 'application/json' }, ca },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ body: JSON.parse(buf.toString('utf8')), bytes: buf.length });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
