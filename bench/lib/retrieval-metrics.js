// Retrieval metrics for the rules question sets, and plain BM25 over the library's own passages (the
// baseline every figure is compared with). A result is a hit when its page range overlaps a labelled
// page or its text contains the evidence phrase (both compared in one normal form).
import stemmer from 'wink-porter2-stemmer';

export const normal = (s) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/([a-z])-\s*\n\s*([a-z])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .toLowerCase();

const span = (p) => (typeof p === 'number' ? [p, p] : p.split('-').map(Number));

/** Whether one result (page, pageEnd, text) answers a labelled question. */
export function isHit(question, result) {
  const end = result.pageEnd ?? result.page;
  if (question.pages.some((p) => {
    const [a, b] = span(p);
    return result.page <= b && end >= a;
  })) return true;
  return normal(result.text).includes(question.evidence);
}

/** recall@1, recall@5, MRR@10 and nDCG@10 (binary gains; ideal: one relevant passage per labelled page) of ranked result lists. */
export function score(questions, resultLists) {
  let r1 = 0, r5 = 0, mrr = 0, ndcg = 0;
  questions.forEach((q, i) => {
    const hits = resultLists[i].slice(0, 10).map((r) => isHit(q, r));
    const first = hits.indexOf(true);
    if (first === 0) r1++;
    if (first >= 0 && first < 5) r5++;
    if (first >= 0) mrr += 1 / (first + 1);
    const dcg = hits.reduce((s, h, k) => s + (h ? 1 / Math.log2(k + 2) : 0), 0);
    const ideal = Math.max(1, Math.min(10, Math.max(q.pages.length, hits.filter(Boolean).length)));
    let idcg = 0;
    for (let k = 0; k < ideal; k++) idcg += 1 / Math.log2(k + 2);
    ndcg += dcg / idcg;
  });
  const n = questions.length;
  return { n, r1: r1 / n, r5: r5 / n, mrr: mrr / n, ndcg: ndcg / n };
}

const STOP = new Set('a an and are as at be but by can do does for from has have how i if in into is it its me my of on or so that the their them then there they this to was we what when where which who why will with you your'.split(' '));
const tokens = (text) => (normal(text).match(/[a-z0-9]+/g) ?? []).filter((w) => !STOP.has(w)).map((w) => stemmer(w));

/** Plain BM25 (k1 1.2, b 0.75) over title + text of each passage, Porter2 stems, a short stopword list; nothing else. */
export function plainBm25(passages) {
  const docs = passages.map((p) => tokens(`${p.sectionPath.join(' ')} ${p.text}`));
  const df = new Map();
  const tfs = docs.map((d) => {
    const tf = new Map();
    for (const t of d) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const avg = docs.reduce((s, d) => s + d.length, 0) / docs.length;
  const N = docs.length;
  return (query, k = 10) => {
    const q = [...new Set(tokens(query))];
    const scored = [];
    tfs.forEach((tf, i) => {
      let s = 0;
      for (const t of q) {
        const f = tf.get(t);
        if (!f) continue;
        const n = df.get(t);
        s += Math.log(1 + (N - n + 0.5) / (n + 0.5)) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * docs[i].length) / avg)));
      }
      if (s > 0) scored.push([s, i]);
    });
    return scored.sort((a, b) => b[0] - a[0]).slice(0, k).map(([, i]) => passages[i]);
  };
}
