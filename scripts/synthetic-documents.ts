import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { documentCatalog, documents, procedures } from '../db/schema';
import { documentNumberKey, documentSearchText } from '../lib/documents/rules';
import { procedureSearchText } from '../lib/procedures';

/**
 * Synthetic documents for development and benchmarks, unmistakably marked: synthetic = true and a
 * trích yếu starting "[Dữ liệu thử nghiệm]" (shown with a badge on every page). Their numbers end
 * in "/TN" (thử nghiệm) so they never collide with a real one. Varied words, so a search has
 * something to find and something to skip.
 */
const SUBJECTS = [
  'công nhận danh hiệu thi đua',
  'tuyển dụng công chức',
  'bổ nhiệm cán bộ lãnh đạo',
  'sắp xếp tổ chức bộ máy',
  'đào tạo, bồi dưỡng viên chức',
  'cải cách hành chính',
  'quản lý hoạt động tôn giáo',
  'chỉnh lý tài liệu lưu trữ',
  'tinh giản biên chế',
  'khen thưởng tập thể, cá nhân',
  'kiểm tra công vụ',
  'chế độ tiền lương',
];

export async function insertSyntheticDocuments({
  db,
  count,
  source,
  now = Date.now(),
}: {
  db: Db;
  count: number;
  source: string;
  now?: number;
}): Promise<number> {
  const catalog = await db.select({ id: documentCatalog.id, kind: documentCatalog.kind, name: documentCatalog.name }).from(documentCatalog);
  const types = catalog.filter((entry) => entry.kind === 'type');
  const issuers = catalog.filter((entry) => entry.kind === 'issuer');
  const fields = catalog.filter((entry) => entry.kind === 'field');
  const [{ start } = { start: 0 }] = await db.select({ start: sql<number>`coalesce(max(${documents.id}), 0)::int` }).from(documents);
  const twentyYears = 20 * 365 * 86_400_000;
  const batchSize = 1000;
  await db.transaction(async (tx) => {
    for (let offset = 0; offset < count; offset += batchSize) {
      const rows = Array.from({ length: Math.min(batchSize, count - offset) }, (_, i) => {
        const n = start + offset + i + 1;
        const type = types[n % types.length]!;
        const issuer = issuers[(n * 7) % issuers.length]!;
        const field = fields[(n * 3) % fields.length]!;
        const issued = new Date(now - Math.floor(((offset + i) / count) * twentyYears) - 86_400_000);
        const issuedOn = issued.toISOString().slice(0, 10);
        const year = issuedOn.slice(0, 4);
        const number = `${n}/${year}/TN`;
        const summary = `[Dữ liệu thử nghiệm] ${type.name} về việc ${SUBJECTS[n % SUBJECTS.length]} (mẫu số ${n}, do lệnh ${source} tạo ra; không phải văn bản thật)`;
        const expires = n % 5 === 0 ? new Date(issued.getTime() + 2 * 365 * 86_400_000).toISOString().slice(0, 10) : null;
        return {
          slug: `du-lieu-thu-nghiem-van-ban-so-${n}`,
          number,
          numberKey: documentNumberKey(number),
          typeId: type.id,
          issuerId: issuer.id,
          fieldId: field.id,
          signerName: 'Dữ liệu thử nghiệm',
          signerTitle: '',
          issuedOn,
          effectiveOn: null,
          expiresOn: expires,
          summary,
          searchText: documentSearchText({ number, summary }),
          status: 'published' as const,
          synthetic: true,
          publishedAt: issued,
        };
      });
      await tx.insert(documents).values(rows);
    }
  });
  return count;
}

const PROCEDURE_SUBJECTS = [
  'thành lập hội',
  'công nhận ban vận động',
  'đăng ký hoạt động tín ngưỡng',
  'thi tuyển công chức',
  'xét tặng danh hiệu',
  'nộp lưu hồ sơ',
  'thẩm định đề án vị trí việc làm',
  'chứng thực bản sao',
];
const LEVELS = ['province', 'district', 'commune'] as const;

/** Synthetic procedures, marked like the documents: synthetic = true, a name starting "[Dữ liệu thử nghiệm]". */
export async function insertSyntheticProcedures({ db, count, source }: { db: Db; count: number; source: string }): Promise<number> {
  const fields = (await db.select({ id: documentCatalog.id, kind: documentCatalog.kind }).from(documentCatalog)).filter(
    (entry) => entry.kind === 'field',
  );
  const [{ start } = { start: 0 }] = await db.select({ start: sql<number>`coalesce(max(${procedures.id}), 0)::int` }).from(procedures);
  for (let offset = 0; offset < count; offset += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - offset) }, (_, i) => {
      const n = start + offset + i + 1;
      const code = `TN.${String(n).padStart(6, '0')}`;
      const name = `[Dữ liệu thử nghiệm] Thủ tục ${PROCEDURE_SUBJECTS[n % PROCEDURE_SUBJECTS.length]} mẫu số ${n}`;
      return {
        slug: `du-lieu-thu-nghiem-thu-tuc-so-${n}`,
        code,
        name,
        fieldId: fields[n % fields.length]!.id,
        level: LEVELS[n % LEVELS.length]!,
        steps: `Thủ tục mẫu do lệnh ${source} tạo ra; không phải thủ tục thật.`,
        searchText: procedureSearchText({ code, name }),
        status: 'published' as const,
        synthetic: true,
        publishedAt: new Date(),
      };
    });
    await db.insert(procedures).values(rows);
  }
  return count;
}
