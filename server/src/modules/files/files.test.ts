import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { caught, serviceContext, signedUpPerson, testConfig, TestClock } from '../../testing/factories.ts';
import { SESSION_COOKIE } from '../../web/contract.ts';
import * as files from './service.ts';

// Uploads and downloads over real HTTP, with small real files built here: what the bytes are
// decides, whatever the name says, and a download names the file safely.

const ORIGIN = testConfig().publicUrl.origin;
const MiB = 1024 * 1024;
const REFUSED_TYPE = 'attach a PDF, Word, OpenDocument, Excel, PNG or JPEG file.';

// Tiny files of each kind, as their formats define them.

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(n >>> 0);
  return bytes;
};

/** A ZIP archive of uncompressed entries, in the order given (OpenDocument wants `mimetype` first). */
function zip(entries: Array<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const fileName = Buffer.from(name);
    // version, flags, method (stored), time, date, crc, sizes, name length, extra length
    const header = [u16(20), u16(0), u16(0), u16(0), u16(0x21), u32(crc32(data)), u32(data.length), u32(data.length)];
    const lengths = [u16(fileName.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...header, ...lengths, fileName, data]);
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        ...header,
        ...lengths,
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        fileName,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const count = u16(entries.length);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), count, count, u32(central.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, central, end]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** One green pixel. */
function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0, 255, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpeg(): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, Buffer.from([0xff, 0xd9])]);
}

function pdf(padding = 0): Buffer {
  const body = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  return padding > 0 ? Buffer.concat([body, Buffer.alloc(padding, 0x20)]) : body;
}

/** An Office Open XML package: its content types name the main part, as Word and Excel write them. */
function officeOpenXml(main: string, part: string): Buffer {
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Override PartName="/${part}" ContentType="${main}.main+xml"/></Types>`;
  return zip([
    ['[Content_Types].xml', types],
    [part, '<document/>'],
  ]);
}

const openDocument = (mime: string) =>
  zip([
    ['mimetype', mime],
    ['content.xml', '<office:document-content/>'],
  ]);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

const ALLOWED_SAMPLES: Array<{ label: string; name: string; bytes: Buffer; contentType: string; saved: string }> = [
  { label: 'PDF', name: 'policy.pdf', bytes: pdf(), contentType: 'application/pdf', saved: 'policy.pdf' },
  {
    label: 'DOCX',
    name: 'policy.docx',
    bytes: officeOpenXml(DOCX, 'word/document.xml'),
    contentType: DOCX,
    saved: 'policy.docx',
  },
  {
    label: 'XLSX',
    name: 'budget.xlsx',
    bytes: officeOpenXml(XLSX, 'xl/workbook.xml'),
    contentType: XLSX,
    saved: 'budget.xlsx',
  },
  { label: 'ODT', name: 'policy.odt', bytes: openDocument(ODT), contentType: ODT, saved: 'policy.odt' },
  { label: 'ODS', name: 'budget.ods', bytes: openDocument(ODS), contentType: ODS, saved: 'budget.ods' },
  { label: 'PNG', name: 'chart.png', bytes: png(), contentType: 'image/png', saved: 'chart.png' },
  { label: 'JPEG', name: 'photo.JPEG', bytes: jpeg(), contentType: 'image/jpeg', saved: 'photo.JPEG' },
];

const REFUSED_SAMPLES: Array<{ label: string; name: string; bytes: Buffer; message: string }> = [
  {
    label: 'a Windows program renamed .pdf',
    name: 'invoice.pdf',
    bytes: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126)]),
    message: `This file is a Windows program; ${REFUSED_TYPE}`,
  },
  {
    label: 'a ZIP archive',
    name: 'templates.zip',
    bytes: zip([['notes.txt', 'hello']]),
    message: `This file is a ZIP archive; ${REFUSED_TYPE}`,
  },
  {
    label: 'an HTML page',
    name: 'policy.pdf',
    bytes: Buffer.from('<!doctype html><script>fetch("/graphql")</script>'),
    message: `We could not tell what kind of file this is; ${REFUSED_TYPE}`,
  },
  {
    label: 'an SVG image with a script',
    name: 'logo.png',
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    message: `We could not tell what kind of file this is; ${REFUSED_TYPE}`,
  },
  {
    label: 'an empty file',
    name: 'empty.pdf',
    bytes: Buffer.alloc(0),
    message: `This file is empty; ${REFUSED_TYPE}`,
  },
];

interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever shape came back
  body: any;
}

interface Sender {
  token?: string;
  /** Carry the session in the cookie, as a browser does, rather than as a bearer token. */
  cookie?: boolean;
  origin?: string;
}

function authHeaders({ token, cookie, origin }: Sender): Record<string, string> {
  const headers: Record<string, string> = origin ? { origin } : {};
  if (token && cookie) headers.cookie = `${SESSION_COOKIE}=${token}`;
  else if (token) headers.authorization = `Bearer ${token}`;
  return headers;
}

describe.each(DATABASE_KINDS)('files on %s', (kind) => {
  const api = useTestApp(kind);
  let base = '';

  beforeAll(async () => {
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  });

  async function post(body: FormData | string, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${base}/files`, { method: 'POST', body, headers });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  async function upload(bytes: Buffer, name: string, sender: Sender = {}): Promise<Answer> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return post(form, authHeaders(sender));
  }

  async function download(id: string, sender: Sender = {}) {
    const response = await fetch(`${base}/files/${id}`, { headers: authHeaders(sender) });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  async function filesOf(userId: string): Promise<number> {
    const rows = await api.database.db.selectFrom('files').select('id').where('uploaded_by', '=', userId).execute();
    return rows.length;
  }

  const person = (name = 'Una Uploader') => signedUpPerson(api.database.db, { name });

  describe('POST /files', () => {
    it.each(ALLOWED_SAMPLES)('should store a $label file and serve the same bytes back', async (sample) => {
      const uploader = await person();
      const answer = await upload(sample.bytes, sample.name, { token: uploader.token });
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({
        id: expect.any(String),
        name: sample.saved,
        contentType: sample.contentType,
        size: sample.bytes.length,
        url: `/files/${answer.body.id}`,
      });
      const served = await download(answer.body.id, { token: uploader.token });
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(sample.contentType);
      expect(served.bytes.equals(sample.bytes)).toBe(true);
      expect(served.headers.get('content-disposition')).toBe(
        `attachment; filename="${sample.saved}"; filename*=UTF-8''${sample.saved}`,
      );
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('cache-control')).toBe('private, no-store');
      expect(served.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    });

    it('should name the file after what it is, not what its name says', async () => {
      const uploader = await person();
      const answer = await upload(officeOpenXml(DOCX, 'word/document.xml'), 'Strategy.pdf', { token: uploader.token });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ name: 'Strategy.docx', contentType: DOCX });
    });

    it.each(REFUSED_SAMPLES)('should refuse $label and store nothing', async (sample) => {
      const uploader = await person();
      const answer = await upload(sample.bytes, sample.name, { token: uploader.token });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error: { code: 'BAD_USER_INPUT', field: 'file', message: sample.message } });
      expect(await filesOf(uploader.user.id)).toBe(0);
    });

    it('should take a file of exactly 10 MiB', async () => {
      const uploader = await person();
      const answer = await upload(pdf(10 * MiB - pdf().length), 'big.pdf', { token: uploader.token });
      expect(answer.status).toBe(201);
      expect(answer.body.size).toBe(10 * MiB);
    });

    it('should refuse a file one byte over 10 MiB with 413, and store nothing', async () => {
      const uploader = await person();
      const answer = await upload(pdf(10 * MiB + 1 - pdf().length), 'big.pdf', { token: uploader.token });
      expect(answer.status).toBe(413);
      expect(answer.body).toEqual({
        error: {
          code: 'BAD_USER_INPUT',
          field: 'file',
          message: 'This file is larger than 10 MB; attach a smaller one, or link to it instead.',
        },
      });
      expect(await filesOf(uploader.user.id)).toBe(0);
    });

    /**
     * Streams a multipart body of `total` bytes of file, chunk by chunk, until the server answers
     * or closes: how much was sent by then, and the answer.
     */
    function streamUpload(token: string, total: number, declareLength: boolean) {
      const boundary = 'hearth-test-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      return new Promise<{ sent: number; status: number | null; body: string }>((resolve) => {
        let sent = 0;
        let finished = false;
        const finish = (status: number | null, body: string) => {
          if (finished) return;
          finished = true;
          resolve({ sent, status, body });
        };
        const headers: Record<string, string | number> = {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        };
        if (declareLength) headers['content-length'] = head.length + total + tail.length;
        const request = httpRequest(`${base}/files`, { method: 'POST', headers }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (text: string) => (body += text));
          response.on('end', () => finish(response.statusCode ?? null, body));
          response.on('error', () => finish(response.statusCode ?? null, body));
        });
        request.on('error', () => finish(null, ''));
        request.write(head);
        const pump = () => {
          while (!finished && sent < total) {
            sent += chunk.length;
            if (!request.write(chunk)) return void request.once('drain', pump);
          }
          if (!finished) request.end(tail);
        };
        pump();
      });
    }

    /**
     * The server answered 413 and closed the connection, at most the limit and what the sockets'
     * buffers held in: the client reads the 413 when it arrives before its next write fails, and
     * only a broken pipe otherwise (the server closing with the rest unread), so either will do.
     */
    function expectCutOff(streamed: { sent: number; status: number | null; body: string }): void {
      expect(streamed.sent).toBeLessThan(64 * MiB);
      if (streamed.status === null) return;
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    }

    it('should cut a 1 GB upload off early rather than read it all', async () => {
      const uploader = await person();
      const streamed = await streamUpload(uploader.token, 1024 * MiB, false);
      expectCutOff(streamed);
      expect(await filesOf(uploader.user.id)).toBe(0);
    });

    it('should refuse an upload that declares 1 GB before reading it', async () => {
      const uploader = await person();
      const streamed = await streamUpload(uploader.token, 1024 * MiB, true);
      expectCutOff(streamed);
      expect(await filesOf(uploader.user.id)).toBe(0);
    });

    it('should refuse a signed-out upload with 401', async () => {
      const answer = await upload(pdf(), 'policy.pdf');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to do this.' } });
    });

    it('should refuse an expired or made-up session with 401', async () => {
      const answer = await upload(pdf(), 'policy.pdf', { token: 'not-a-session' });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHENTICATED');
    });

    it('should refuse a cookie-carried upload without our Origin with 403, and store nothing', async () => {
      const uploader = await person();
      const forbidden = { code: 'FORBIDDEN', message: 'This request came from another site, so it was refused.' };
      const withoutOrigin = await upload(pdf(), 'policy.pdf', { token: uploader.token, cookie: true });
      expect(withoutOrigin.status).toBe(403);
      expect(withoutOrigin.body).toEqual({ error: forbidden });
      const otherSite = await upload(pdf(), 'policy.pdf', {
        token: uploader.token,
        cookie: true,
        origin: 'https://evil.example',
      });
      expect(otherSite.status).toBe(403);
      expect(otherSite.body).toEqual({ error: forbidden });
      expect(await filesOf(uploader.user.id)).toBe(0);
    });

    it('should take a cookie-carried upload from our own pages', async () => {
      const uploader = await person();
      const answer = await upload(pdf(), 'policy.pdf', { token: uploader.token, cookie: true, origin: ORIGIN });
      expect(answer.status).toBe(201);
      expect(await filesOf(uploader.user.id)).toBe(1);
    });

    it('should refuse a request that is not a multipart upload', async () => {
      const uploader = await person();
      const answer = await post(JSON.stringify({ file: 'JVBERi0=' }), {
        ...authHeaders({ token: uploader.token }),
        'content-type': 'application/json',
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    });

    it('should store only the first file of a request that sends two', async () => {
      const uploader = await person();
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf())]), 'one.pdf');
      form.append('file', new Blob([new Uint8Array(png())]), 'two.png');
      const answer = await post(form, authHeaders({ token: uploader.token }));
      // The second is never read: busboy's files limit is one.
      expect(answer.status).toBe(201);
      expect(answer.body.name).toBe('one.pdf');
      expect(await filesOf(uploader.user.id)).toBe(1);
    });
  });

  describe('GET /files/:id', () => {
    it('should name a Welsh file with non-ASCII characters for every browser', async () => {
      const uploader = await person();
      const name = 'Polisi cyfryngau cymdeithasol – drafft.docx';
      const answer = await upload(officeOpenXml(DOCX, 'word/document.xml'), name, { token: uploader.token });
      expect(answer.body.name).toBe(name);
      const served = await download(answer.body.id, { token: uploader.token });
      const disposition = served.headers.get('content-disposition')!;
      expect(disposition).toBe(
        `attachment; filename="Polisi cyfryngau cymdeithasol _ drafft.docx"; ` +
          `filename*=UTF-8''Polisi%20cyfryngau%20cymdeithasol%20%E2%80%93%20drafft.docx`,
      );
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(name);
    });

    it('should keep path tricks and quotes out of the saved name and the header', async () => {
      const uploader = await person();
      const answer = await upload(pdf(), '../../etc/"passwd" notes.pdf', { token: uploader.token });
      expect(answer.status).toBe(201);
      // Sent as %22passwd%22 (the HTML standard's escaping of quotes), kept as the person named it.
      expect(answer.body.name).toBe('"passwd" notes.pdf');
      const served = await download(answer.body.id, { token: uploader.token });
      expect(served.headers.get('content-disposition')).toBe(
        `attachment; filename="_passwd_ notes.pdf"; filename*=UTF-8''%22passwd%22%20notes.pdf`,
      );
    });

    it('should give the same 404 for an unknown id, a bad id, and a file another person may not read', async () => {
      const uploader = await person();
      const other = await person('Otto Other');
      const { body } = await upload(pdf(), 'private.pdf', { token: uploader.token });
      const misses = [
        await download(body.id, { token: other.token }),
        await download(body.id),
        await download('01900000-0000-7000-8000-000000000000', { token: uploader.token }),
        await download('not-a-uuid', { token: uploader.token }),
      ];
      for (const miss of misses) {
        expect(miss.status).toBe(404);
        expect(miss.bytes.toString()).toBe('There is no file at this address.');
      }
    });

    it('should serve a cookie-carried download to its uploader', async () => {
      const uploader = await person();
      const { body } = await upload(png(), 'chart.png', { token: uploader.token });
      const served = await download(body.id, { token: uploader.token, cookie: true });
      expect(served.status).toBe(200);
      expect(served.bytes.equals(png())).toBe(true);
    });
  });

  describe('files service', () => {
    it('should let whoever mayRead allows read a file, and nobody else', async () => {
      const uploader = await person();
      const reader = await person('Rhian Reader');
      const stored = await files.storeUpload(uploader, { name: 'policy.pdf', bytes: pdf() });
      const asked: string[] = [];
      const allow = async (_ctx: unknown, fileId: string) => {
        asked.push(fileId);
        return true;
      };
      const read = await files.readFileForDownload(reader, stored.id, allow);
      expect(read?.record).toEqual(stored);
      expect(Buffer.from(read!.bytes).equals(pdf())).toBe(true);
      expect(asked).toEqual([stored.id]);
      expect(await files.readFileForDownload(reader, stored.id, async () => false)).toBeNull();
      // The uploader needs nobody's leave.
      expect(await files.readFileForDownload(uploader, stored.id, async () => false)).not.toBeNull();
    });

    it('should find files by id and tell who uploaded them', async () => {
      const uploader = await person();
      const other = await person('Otto Other');
      const stored = await files.storeUpload(uploader, { name: 'chart.png', bytes: png() });
      const found = await files.filesByIds(uploader, [stored.id, 'not-a-uuid', '01900000-0000-7000-8000-000000000000']);
      expect([...found.entries()]).toEqual([[stored.id, stored]]);
      expect(stored).toEqual({
        id: expect.any(String),
        name: 'chart.png',
        contentType: 'image/png',
        size: png().length,
        uploadedBy: uploader.user.id,
        createdAt: expect.any(Date),
      });
      expect(await files.fileUploadedBy(uploader, stored.id, uploader.user.id)).toBe(true);
      expect(await files.fileUploadedBy(uploader, stored.id, other.user.id)).toBe(false);
      expect(await files.fileUploadedBy(uploader, 'not-a-uuid', uploader.user.id)).toBe(false);
    });

    it('should refuse a signed-out upload', async () => {
      const error = await caught(files.storeUpload(serviceContext(api.database.db), { name: 'a.pdf', bytes: pdf() }));
      expect(error.code).toBe('UNAUTHENTICATED');
    });

    it('should limit each person to 60 uploads an hour', async () => {
      const clock = new TestClock();
      const uploader = await signedUpPerson(api.database.db, { clock });
      for (let i = 0; i < files.UPLOADS_PER_HOUR; i += 1) {
        await files.storeUpload(uploader, { name: `tip-${i}.png`, bytes: png() });
      }
      const error = await caught(files.storeUpload(uploader, { name: 'one-more.png', bytes: png() }));
      expect(error.code).toBe('RATE_LIMITED');
      expect(error.message).toBe('You have uploaded 60 files in the last hour. Wait a while, then try again.');
      const someoneElse = await signedUpPerson(api.database.db, { clock });
      await expect(files.storeUpload(someoneElse, { name: 'mine.png', bytes: png() })).resolves.toBeTruthy();
      clock.advance(60 * 60 * 1000);
      await expect(files.storeUpload(uploader, { name: 'later.png', bytes: png() })).resolves.toBeTruthy();
    });

    it('should erase a person’s unattached files and keep the attached ones', async () => {
      const uploader = await person();
      const other = await person('Otto Other');
      const attached = await files.storeUpload(uploader, { name: 'kept.pdf', bytes: pdf() });
      const loose = await files.storeUpload(uploader, { name: 'loose.pdf', bytes: pdf() });
      const others = await files.storeUpload(other, { name: 'theirs.pdf', bytes: pdf() });
      const erased = await files.eraseUnattachedFilesOf(uploader, uploader.user.id, async (_ctx, ids) => {
        expect([...ids].sort()).toEqual([attached.id, loose.id].sort());
        return new Set([attached.id]);
      });
      expect(erased).toBe(1);
      const left = await files.filesByIds(uploader, [attached.id, loose.id, others.id]);
      expect([...left.keys()].sort()).toEqual([attached.id, others.id].sort());
    });
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd.pdf', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\me\\Desktop\\plan.docx', DOCX, 'plan.docx'],
    ['report.pdf', DOCX, 'report.docx'],
    ['notes', 'image/png', 'notes.png'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.png', 'image/jpeg', 'photo.jpg'],
    ['  .hidden.pdf  ', 'application/pdf', 'hidden.pdf'],
    ['evil\u202Efdp.exe', 'application/pdf', 'evilfdp.pdf'],
    ['line\r\nbreak\u0000.pdf', 'application/pdf', 'line break.pdf'],
    ['"quoted" name.pdf', 'application/pdf', '"quoted" name.pdf'],
    ['', 'application/pdf', 'attachment.pdf'],
    ['../', 'application/pdf', 'attachment.pdf'],
  ])('should make %j of type %s safe as %j', (raw, contentType, expected) => {
    expect(files.safeFileName(raw, contentType)).toBe(expected);
  });

  it('should keep a long name to 200 characters, its extension included', () => {
    const name = files.safeFileName(`${'é'.repeat(300)}.odt`, ODT);
    expect([...name].length).toBe(200);
    expect(name.endsWith('é.odt')).toBe(true);
  });
});
