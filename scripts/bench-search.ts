/**
 * `npm run bench:search`: the site search (/tim-kiem) over 50,000 articles and 50,000 documents
 * (plus 5,000 procedures), on an in-memory PGlite and on a temporary PostgreSQL database. 100
 * typical queries (with and without diacritics, one to four words, phrases in quotes, document
 * numbers, words found nowhere), each run --runs times after one warm-up, all types, first page,
 * without the per-process cache. p50 and p95 in ms; exit code 1 when p95 is over 50 ms.
 *
 * Options: --articles=50000  --documents=50000  --procedures=5000  --runs=3  --only=pglite|postgres
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { openDatabase, provideDatabase, type Db, type DbHandle } from '../db';
import { searchSite, vacuumSearchTables } from '../db/queries/search';
import { articles, categories } from '../db/schema';
import { parseSearchQuery } from '../lib/search-text';
import { syntheticArticle } from './synthetic-article';
import { insertSyntheticDocuments, insertSyntheticProcedures } from './synthetic-documents';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '50000' },
    documents: { type: 'string', default: '50000' },
    procedures: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    /**
     * Keep the PostgreSQL database (or the PGlite folder) for a look with EXPLAIN, and measure it
     * again later with --reuse=<database or folder> (with --only=postgres or --only=pglite).
     */
    keep: { type: 'boolean', default: false },
    reuse: { type: 'string' },
  },
});
const articleCount = Number(values.articles);
const documentCount = Number(values.documents);
const procedureCount = Number(values.procedures);
const runs = Number(values.runs);
const GOAL_MS = 50;
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Topics and places of a provincial Home Affairs department's news, so queries find some and skip most. */
const TOPICS = [
  'Hội nghị sơ kết công tác thi đua khen thưởng',
  'Tuyển dụng công chức, viên chức',
  'Bồi dưỡng kiến thức quản lý nhà nước',
  'Cải cách hành chính và chuyển đổi số',
  'Sắp xếp đơn vị hành chính cấp xã',
  'Công tác tôn giáo, tín ngưỡng',
  'Chỉnh lý tài liệu lưu trữ lịch sử',
  'Tinh giản biên chế và vị trí việc làm',
  'Phong trào thi đua yêu nước',
  'Đánh giá, xếp loại cán bộ',
  'Thanh niên tình nguyện mùa hè xanh',
  'Công tác văn thư và lưu trữ điện tử',
  'Quản lý hội, quỹ xã hội, quỹ từ thiện',
  'Đào tạo nguồn nhân lực chất lượng cao',
  'Kiểm tra công vụ đột xuất',
  'Chế độ tiền lương mới',
  'Bầu cử đại biểu Hội đồng nhân dân',
  'Chính quyền điện tử và dịch vụ công trực tuyến',
  'Khen thưởng đột xuất tập thể có thành tích',
  'Tập huấn nghiệp vụ công tác thanh niên',
];
const PLACES = [
  'Long Xuyên',
  'Châu Đốc',
  'Tân Châu',
  'An Phú',
  'Châu Phú',
  'Chợ Mới',
  'Phú Tân',
  'Tịnh Biên',
  'Tri Tôn',
  'Thoại Sơn',
  'Châu Thành',
  'Rạch Giá',
];
const SENTENCES = [
  'Hội nghị đã đánh giá kết quả thực hiện nhiệm vụ trong thời gian qua và đề ra phương hướng cho thời gian tới.',
  'Đại diện lãnh đạo Sở Nội vụ phát biểu chỉ đạo, đề nghị các đơn vị tiếp tục nâng cao chất lượng phục vụ người dân.',
  'Các đại biểu đã thảo luận, góp ý nhiều giải pháp thiết thực để tháo gỡ khó khăn, vướng mắc.',
  'Dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc được tặng giấy khen.',
  'Chương trình được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các điểm cầu cấp huyện.',
  'Việc ứng dụng công nghệ thông tin giúp rút ngắn thời gian giải quyết hồ sơ cho người dân và doanh nghiệp.',
  'Đoàn kiểm tra ghi nhận sự chuyển biến tích cực trong thực thi công vụ của đội ngũ cán bộ, công chức.',
  'Kế hoạch năm nay tập trung vào đào tạo, bồi dưỡng kỹ năng lãnh đạo, quản lý cho cán bộ trẻ.',
  'Người dân có thể tra cứu kết quả giải quyết thủ tục hành chính trên cổng dịch vụ công của tỉnh.',
  'Ban tổ chức cảm ơn sự phối hợp chặt chẽ của Ủy ban nhân dân các huyện, thị xã, thành phố.',
  'Thời gian tới, ngành sẽ tiếp tục rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.',
  'Lễ ra quân thu hút đông đảo đoàn viên, thanh niên tham gia với nhiều công trình thiết thực.',
];

/** The 100 queries: what people type, mostly without diacritics, some with, a few phrases and numbers. */
function typicalQueries(): string[] {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
  const queries = [
    'dong khoi',
    'thi dua khen thuong',
    'thi đua khen thưởng',
    'tuyen dung cong chuc',
    'tuyển dụng viên chức',
    'cai cach hanh chinh',
    'chuyen doi so',
    'ton giao',
    'tín ngưỡng',
    'luu tru',
    'bien che',
    '"vi tri viec lam"',
    '"thi dua yeu nuoc"',
    'thanh nien',
    'mua he xanh',
    'hoi quy tu thien',
    'tien luong',
    'bau cu hoi dong nhan dan',
    'dich vu cong truc tuyen',
    'chinh quyen dien tu',
    'quyết định',
    'nghi dinh',
    'cong van',
    'ke hoach',
    'khen thuong dot xuat',
    'kiem tra cong vu',
    'boi duong kien thuc',
    'nguon nhan luc',
    'xep loai can bo',
    'danh gia can bo',
    'sap xep don vi hanh chinh',
    'cap xa',
    'van thu',
    'giay khen',
    'so noi vu',
    'hoi nghi so ket',
    'tap huan nghiep vu',
    'thanh lap hoi',
    'chung thuc ban sao',
    'thi tuyen cong chuc',
    'dang ky hoat dong tin nguong',
    'xet tang danh hieu',
    'uy ban nhan dan',
    'nguoi dan doanh nghiep',
    'cong nghe thong tin',
    'lanh dao quan ly',
    'tinh gian',
    'to chuc bo may',
    'khong co tu nay',
    'xyzzy',
  ];
  for (const topic of TOPICS) queries.push(fold(topic).split(/[ ,]+/).slice(0, 3).join(' '));
  for (const place of PLACES) queries.push(fold(place), place);
  for (let n = 1; queries.length < 100; n += 977) queries.push(`${n}/${2006 + (n % 20)}/tn`);
  return queries.slice(0, 100);
}

async function insertVariedArticles(db: Db, count: number): Promise<void> {
  const cats = await db.select({ id: categories.id, name: categories.name }).from(categories);
  const threeYears = 3 * 365 * 86_400_000;
  const now = Date.now();
  for (let offset = 0; offset < count; offset += 500) {
    const rows = Array.from({ length: Math.min(500, count - offset) }, (_, i) => {
      const n = offset + i + 1;
      const base = syntheticArticle({
        slug: `du-lieu-thu-nghiem-tim-kiem-${n}`,
        n,
        category: cats[n % cats.length]!,
        publishedAt: new Date(now - Math.floor((n / count) * threeYears) - 60_000),
        source: 'bench:search',
      });
      const topic = TOPICS[n % TOPICS.length]!;
      const place = PLACES[(n * 7) % PLACES.length]!;
      const body = Array.from({ length: 5 }, (_, k) => `<p>${SENTENCES[(n * (k + 3)) % SENTENCES.length]}</p>`).join('');
      return { ...base, title: `[Dữ liệu thử nghiệm] ${topic} tại ${place}`, bodyHtml: `${base.bodyHtml}${body}` };
    });
    await db.insert(articles).values(rows);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function open(kind: 'pglite' | 'postgres'): Promise<{ handle: DbHandle; drop: () => Promise<void> } | null> {
  if (kind === 'pglite') {
    // In memory, or with --keep/--reuse in a folder kept for another run.
    const dir = values.reuse ?? (values.keep ? mkdtempSync(path.join(os.tmpdir(), 'portal-bench-pglite-')) : undefined);
    if (values.keep && !values.reuse) console.log(`PGlite: giữ lại thư mục dữ liệu ${dir}`);
    return { handle: await openDatabase({ dir }), drop: async () => {} };
  }
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    await admin`select 1`;
  } catch {
    console.warn(`PostgreSQL không trả lời tại ${ADMIN_URL}: bỏ qua.`);
    await admin.end({ timeout: 1 });
    return null;
  }
  const name = values.reuse ?? `portal_bench_${randomBytes(5).toString('hex')}`;
  if (!values.reuse) await admin.unsafe(`create database ${name}`);
  if (values.keep) console.log(`PostgreSQL: giữ lại cơ sở dữ liệu ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    handle: await openDatabase({ url: url.toString() }),
    drop: async () => {
      if (!values.keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

async function benchKind(kind: 'pglite' | 'postgres'): Promise<boolean> {
  const opened = await open(kind);
  if (!opened) return true;
  const { handle, drop } = opened;
  try {
    provideDatabase(handle);
    const started = Date.now();
    if (!values.reuse) {
      await insertVariedArticles(handle.db, articleCount);
      await insertSyntheticDocuments({ db: handle.db, count: documentCount, source: 'bench:search' });
      await insertSyntheticProcedures({ db: handle.db, count: procedureCount, source: 'bench:search' });
      await vacuumSearchTables({ db: handle.db });
    }
    console.log(
      `\n${kind}: ${articleCount.toLocaleString('vi-VN')} bài viết, ${documentCount.toLocaleString('vi-VN')} văn bản, ${procedureCount.toLocaleString('vi-VN')} thủ tục, tạo trong ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const times: { query: string; ms: number; found: number }[] = [];
    for (const text of typicalQueries()) {
      const query = parseSearchQuery(text);
      const { total } = await searchSite({ query, type: null, page: 1 });
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await searchSite({ query, type: null, page: 1 });
        times.push({ query: text, ms: performance.now() - start, found: total });
      }
    }
    const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`100 truy vấn × ${runs}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, chậm nhất ${sorted.at(-1)!.toFixed(1)} ms`);
    console.log(`chậm nhất: ${slowest.map((t) => `"${t.query}" ${t.ms.toFixed(1)} ms (${t.found} kết quả)`).join('; ')}`);
    const pass = p95 <= GOAL_MS;
    console.log(pass ? `p95 ≤ ${GOAL_MS} ms ✓` : `p95 > ${GOAL_MS} ms ✗`);
    return pass;
  } finally {
    await handle.close();
    await drop();
  }
}

const kinds = (['pglite', 'postgres'] as const).filter((kind) => !values.only || values.only === kind);
let allOk = true;
for (const kind of kinds) allOk = (await benchKind(kind)) && allOk;
process.exitCode = allOk ? 0 : 1;
