// bench/compare/duckdb.mjs: the DuckDB side of bench/compare (not part of CI).
//
//   node duckdb.mjs --data DIR --db FILE --start 2025-01-01T00:00:00 \
//       --end 2026-01-01T00:00:00 --agents a0000,a0001,... [--calls 20]
//       [--agent-calls 200]
//
// Loads DIR/responses.csv and DIR/interactions.csv (cxscore-datagen's
// canonical CSV) into a DuckDB database file with read_csv, builds the
// rollup tables of the tuned variant, times every workload and prints one
// JSON object on stdout: timings (median and p99 of the timed calls, in ms),
// the file size per response, and the result rows of the channel x week and
// Spearman queries (for bench/compare/run's equivalence check).
//
// The SQL is shared with PostgreSQL where the dialects agree; see
// bench/compare/README.md for every query next to cxscore's workload.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';

function parseArgs(argv) {
  const out = { calls: 20, agentCalls: 200 };
  for (let i = 2; i < argv.length; i += 2) {
    const k = argv[i], v = argv[i + 1];
    if (k === '--data') out.data = v;
    else if (k === '--db') out.db = v;
    else if (k === '--start') out.start = v;
    else if (k === '--end') out.end = v;
    else if (k === '--agents') out.agents = v.split(',');
    else if (k === '--calls') out.calls = Number(v);
    else if (k === '--agent-calls') out.agentCalls = Number(v);
    else throw new Error('unknown flag ' + k);
  }
  for (const k of ['data', 'db', 'start', 'end', 'agents'])
    if (!out[k]) throw new Error('--' + k + ' is required');
  return out;
}

const args = parseArgs(process.argv);
const ts = (s) => `TIMESTAMP '${s.replace('T', ' ')}'`;
const DAY_MS = 86400000;
const endMs = Date.parse(args.end + 'Z');
const iso = (ms) => new Date(ms).toISOString().slice(0, 19);
const START = ts(args.start), END = ts(args.end);
const END_MINUS = (days) => ts(iso(endMs - days * DAY_MS));

// Duration bucket of cxscore's DurationHistogram::BucketOf (core/rollup.cc):
// 0 for 0 s, else ceil(ln(s) / ln(1.02)) clamped to [1, 2206].
const BUCKET = (s) =>
  `CASE WHEN ${s} IS NULL THEN NULL WHEN ${s} <= 0 THEN 0 ` +
  `ELSE least(greatest(ceil(ln(${s}) / ln(1.02)), 1), 2206)::INTEGER END`;
const REPR = (b) => `CASE WHEN ${b} = 0 THEN 0.0 ELSE 2 * power(1.02, ${b}) / 2.02 END`;
const VES = `CASE WHEN ves_ability IS NOT NULL AND ves_confidence IS NOT NULL
  THEN (ves_ability + ves_confidence) / 2.0 ELSE coalesce(ves_ability, ves_confidence) END`;
const WEEK = (t) => `strftime(${t}, '%G-W%V')`;
const TTC = `floor(epoch(closed_at) - epoch(opened_at))`;
const TTFR = `floor(epoch(first_response_at) - epoch(opened_at))`;

const LOAD = [
  `CREATE TABLE responses AS SELECT * FROM read_csv('${args.data}/responses.csv',
     header = true, timestampformat = '%Y-%m-%dT%H:%M:%SZ',
     columns = {'response_id': 'VARCHAR', 'interaction_id': 'VARCHAR', 'agent_id': 'VARCHAR',
                'team_id': 'VARCHAR', 'channel': 'VARCHAR', 'customer_id': 'VARCHAR',
                'submitted_at': 'TIMESTAMP', 'nps': 'TINYINT', 'csat': 'TINYINT', 'ces': 'TINYINT',
                'ves_ability': 'TINYINT', 'ves_confidence': 'TINYINT', 'comment': 'VARCHAR'})`,
  `CREATE TABLE interactions AS SELECT * FROM read_csv('${args.data}/interactions.csv',
     header = true, timestampformat = '%Y-%m-%dT%H:%M:%SZ',
     columns = {'interaction_id': 'VARCHAR', 'agent_id': 'VARCHAR', 'team_id': 'VARCHAR',
                'channel': 'VARCHAR', 'customer_id': 'VARCHAR', 'opened_at': 'TIMESTAMP',
                'first_response_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP', 'reopens': 'INTEGER',
                'transfers': 'INTEGER', 'first_contact_resolution': 'BOOLEAN'})`,
];

// Tuned variant: daily rollups, as cxscore keeps them (built once, timed).
const ROLLUPS = [
  `CREATE TABLE resp_agent_day AS SELECT agent_id, CAST(submitted_at AS DATE) AS day,
     count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS promoters,
     count(*) FILTER (WHERE nps <= 6) AS detractors
   FROM responses GROUP BY 1, 2 ORDER BY 1, 2`,
  `CREATE TABLE resp_channel_day AS SELECT channel, CAST(submitted_at AS DATE) AS day,
     count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS promoters,
     count(*) FILTER (WHERE nps <= 6) AS detractors,
     count(csat) AS csat_n, count(*) FILTER (WHERE csat >= 4) AS csat_x,
     sum(csat) AS csat_s, sum(csat * csat) AS csat_q,
     count(ces) AS ces_n, count(*) FILTER (WHERE ces >= 5) AS ces_x,
     sum(ces) AS ces_s, sum(ces * ces) AS ces_q,
     count(ves) AS ves_n, count(*) FILTER (WHERE ves >= 5) AS ves_x,
     sum(ves) AS ves_s, sum(ves * ves) AS ves_q,
     count(ves_ability) AS ab_n, sum(ves_ability) AS ab_s,
     count(ves_confidence) AS conf_n, sum(ves_confidence) AS conf_s
   FROM (SELECT *, ${VES} AS ves FROM responses) GROUP BY 1, 2`,
  `CREATE TABLE int_channel_day AS SELECT channel, CAST(opened_at AS DATE) AS day,
     count(*) AS interactions, count(closed_at) AS closed,
     count(ttc) AS ttc_n, sum(ttc) AS ttc_s, count(ttfr) AS ttfr_n, sum(ttfr) AS ttfr_s,
     count(first_contact_resolution) AS fcr_n, count(*) FILTER (WHERE first_contact_resolution) AS fcr_x,
     count(reopens) AS reo_n, count(*) FILTER (WHERE reopens > 0) AS reo_x,
     count(transfers) AS tr_n, sum(transfers) AS tr_s
   FROM (SELECT *, ${TTC} AS ttc, ${TTFR} AS ttfr FROM interactions) GROUP BY 1, 2`,
  `CREATE TABLE int_channel_day_hist AS
   SELECT channel, day, kpi, b AS bucket, count(*) AS cnt FROM (
     SELECT channel, CAST(opened_at AS DATE) AS day, 0 AS kpi, ${BUCKET(TTC)} AS b FROM interactions
     UNION ALL
     SELECT channel, CAST(opened_at AS DATE) AS day, 1 AS kpi, ${BUCKET(TTFR)} AS b FROM interactions)
   WHERE b IS NOT NULL GROUP BY ALL`,
  `CREATE TABLE drivers_joint AS SELECT metric, kpi, x, y, count(*) AS cnt FROM (${longPairs()})
   GROUP BY ALL`,
];

// Responses joined with their interactions, one row per (metric, KPI) pair
// where both are known: the input of Spearman. Durations are bucketed as in
// cxscore (core/drivers.cc KpiColumn), so ties are the same; VES is the mean
// of the answered items; reopens and transfers capped at 4095
// (least() skips NULLs, hence the CASE: an unknown count stays unknown).
function longPairs() {
  return `SELECT m.metric, k.kpi, m.x, k.y FROM (
      SELECT r.nps::DOUBLE AS nps, r.csat::DOUBLE AS csat, r.ces::DOUBLE AS ces,
        (CASE WHEN r.ves_ability IS NOT NULL AND r.ves_confidence IS NOT NULL
          THEN (r.ves_ability + r.ves_confidence) / 2.0
          ELSE coalesce(r.ves_ability, r.ves_confidence) END)::DOUBLE AS ves,
        ${BUCKET('floor(epoch(i.first_response_at) - epoch(i.opened_at))')}::DOUBLE AS ttfr,
        ${BUCKET('floor(epoch(i.closed_at) - epoch(i.opened_at))')}::DOUBLE AS ttc,
        (CASE WHEN i.reopens IS NOT NULL THEN least(i.reopens, 4095) END)::DOUBLE AS reopens,
        (CASE WHEN i.transfers IS NOT NULL THEN least(i.transfers, 4095) END)::DOUBLE AS transfers,
        (CASE WHEN i.first_contact_resolution THEN 1 WHEN NOT i.first_contact_resolution THEN 0 END)::DOUBLE AS fcr
      FROM responses r JOIN interactions i ON i.interaction_id = r.interaction_id) j,
    (VALUES ('nps'), ('csat'), ('ces'), ('ves')) AS mm(metric),
    (VALUES ('time_to_first_response'), ('time_to_close'), ('reopens'), ('transfers'),
            ('first_contact_resolution')) AS kk(kpi),
    LATERAL (SELECT mm.metric, CASE mm.metric WHEN 'nps' THEN j.nps WHEN 'csat' THEN j.csat
               WHEN 'ces' THEN j.ces ELSE j.ves END AS x) m,
    LATERAL (SELECT kk.kpi, CASE kk.kpi WHEN 'time_to_first_response' THEN j.ttfr
               WHEN 'time_to_close' THEN j.ttc WHEN 'reopens' THEN j.reopens
               WHEN 'transfers' THEN j.transfers ELSE j.fcr END AS y) k
    WHERE m.x IS NOT NULL AND k.y IS NOT NULL`;
}

const Q = {
  agent90d: (agent) => `SELECT count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS promoters,
      count(*) FILTER (WHERE nps <= 6) AS detractors,
      100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS nps
    FROM responses WHERE agent_id = '${agent}' AND submitted_at >= ${END_MINUS(90)} AND submitted_at < ${END}`,
  channelWeekIdiomatic: `WITH r AS (
      SELECT channel, ${WEEK('submitted_at')} AS week,
        count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS promoters,
        count(*) FILTER (WHERE nps <= 6) AS detractors,
        count(csat) AS csat_n, 100.0 * count(*) FILTER (WHERE csat >= 4) / nullif(count(csat), 0) AS csat,
        avg(csat) AS csat_mean, stddev_samp(csat) AS csat_sd,
        count(ces) AS ces_n, 100.0 * count(*) FILTER (WHERE ces >= 5) / nullif(count(ces), 0) AS ces,
        avg(ces) AS ces_mean, stddev_samp(ces) AS ces_sd,
        count(ves) AS ves_n, 100.0 * count(*) FILTER (WHERE ves >= 5) / nullif(count(ves), 0) AS ves,
        avg(ves) AS ves_mean, stddev_samp(ves) AS ves_sd,
        avg(ves_ability) AS ability_mean, avg(ves_confidence) AS confidence_mean
      FROM (SELECT *, ${VES} AS ves FROM responses
            WHERE submitted_at >= ${START} AND submitted_at < ${END}) GROUP BY 1, 2),
    i AS (
      SELECT channel, ${WEEK('opened_at')} AS week, count(*) AS interactions, count(closed_at) AS closed,
        avg(ttc) AS ttc_mean, quantile_disc(ttc, 0.5) AS ttc_p50, quantile_disc(ttc, 0.9) AS ttc_p90,
        avg(ttfr) AS ttfr_mean, quantile_disc(ttfr, 0.5) AS ttfr_p50, quantile_disc(ttfr, 0.9) AS ttfr_p90,
        100.0 * count(*) FILTER (WHERE first_contact_resolution) / nullif(count(first_contact_resolution), 0) AS fcr_rate,
        100.0 * count(*) FILTER (WHERE reopens > 0) / nullif(count(reopens), 0) AS reopen_rate,
        avg(transfers) AS mean_transfers
      FROM (SELECT *, ${TTC} AS ttc, ${TTFR} AS ttfr FROM interactions
            WHERE opened_at >= ${START} AND opened_at < ${END}) GROUP BY 1, 2)
    SELECT coalesce(r.channel, i.channel) AS channel, coalesce(r.week, i.week) AS week,
      100.0 * (promoters - detractors) / nullif(nps_n, 0) AS nps, r.* EXCLUDE (channel, week),
      i.* EXCLUDE (channel, week)
    FROM r FULL JOIN i ON r.channel IS NOT DISTINCT FROM i.channel AND r.week = i.week ORDER BY 1, 2`,
  channelWeekTuned: `WITH r AS (
      SELECT channel, ${WEEK('day')} AS week, sum(nps_n) AS nps_n, sum(promoters) AS promoters,
        sum(detractors) AS detractors,
        sum(csat_n) AS csat_n, 100.0 * sum(csat_x) / nullif(sum(csat_n), 0) AS csat,
        sum(csat_s) / nullif(sum(csat_n), 0) AS csat_mean,
        sqrt((sum(csat_q) - sum(csat_s) ^ 2 / sum(csat_n)) / nullif(sum(csat_n) - 1, 0)) AS csat_sd,
        sum(ces_n) AS ces_n, 100.0 * sum(ces_x) / nullif(sum(ces_n), 0) AS ces,
        sum(ces_s) / nullif(sum(ces_n), 0) AS ces_mean,
        sqrt((sum(ces_q) - sum(ces_s) ^ 2 / sum(ces_n)) / nullif(sum(ces_n) - 1, 0)) AS ces_sd,
        sum(ves_n) AS ves_n, 100.0 * sum(ves_x) / nullif(sum(ves_n), 0) AS ves,
        sum(ves_s) / nullif(sum(ves_n), 0) AS ves_mean,
        sqrt((sum(ves_q) - sum(ves_s) ^ 2 / sum(ves_n)) / nullif(sum(ves_n) - 1, 0)) AS ves_sd,
        sum(ab_s) / nullif(sum(ab_n), 0) AS ability_mean, sum(conf_s) / nullif(sum(conf_n), 0) AS confidence_mean
      FROM resp_channel_day WHERE day >= ${START} AND day < ${END} GROUP BY 1, 2),
    i AS (
      SELECT channel, ${WEEK('day')} AS week, sum(interactions) AS interactions, sum(closed) AS closed,
        sum(ttc_s) / nullif(sum(ttc_n), 0) AS ttc_mean, sum(ttfr_s) / nullif(sum(ttfr_n), 0) AS ttfr_mean,
        100.0 * sum(fcr_x) / nullif(sum(fcr_n), 0) AS fcr_rate,
        100.0 * sum(reo_x) / nullif(sum(reo_n), 0) AS reopen_rate,
        sum(tr_s) / nullif(sum(tr_n), 0) AS mean_transfers
      FROM int_channel_day WHERE day >= ${START} AND day < ${END} GROUP BY 1, 2),
    h AS (
      SELECT channel, ${WEEK('day')} AS week, kpi, bucket, sum(cnt) AS c
      FROM int_channel_day_hist WHERE day >= ${START} AND day < ${END} GROUP BY 1, 2, 3, 4),
    hc AS (
      SELECT *, sum(c) OVER (PARTITION BY channel, week, kpi ORDER BY bucket) AS cum,
        sum(c) OVER (PARTITION BY channel, week, kpi) AS tot FROM h),
    q AS (
      SELECT channel, week,
        min(bucket) FILTER (WHERE kpi = 0 AND cum >= ceil(0.5 * tot - 1e-9)) AS ttc_b50,
        min(bucket) FILTER (WHERE kpi = 0 AND cum >= ceil(0.9 * tot - 1e-9)) AS ttc_b90,
        min(bucket) FILTER (WHERE kpi = 1 AND cum >= ceil(0.5 * tot - 1e-9)) AS ttfr_b50,
        min(bucket) FILTER (WHERE kpi = 1 AND cum >= ceil(0.9 * tot - 1e-9)) AS ttfr_b90
      FROM hc GROUP BY 1, 2)
    SELECT coalesce(r.channel, i.channel) AS channel, coalesce(r.week, i.week) AS week,
      100.0 * (promoters - detractors) / nullif(nps_n, 0) AS nps, r.* EXCLUDE (channel, week),
      i.* EXCLUDE (channel, week),
      ${REPR('q.ttc_b50')} AS ttc_p50, ${REPR('q.ttc_b90')} AS ttc_p90,
      ${REPR('q.ttfr_b50')} AS ttfr_p50, ${REPR('q.ttfr_b90')} AS ttfr_p90
    FROM r FULL JOIN i ON r.channel IS NOT DISTINCT FROM i.channel AND r.week = i.week
      LEFT JOIN q ON q.channel IS NOT DISTINCT FROM coalesce(r.channel, i.channel)
        AND q.week = coalesce(r.week, i.week)
    ORDER BY 1, 2`,
  allAgentsIdiomatic: `SELECT agent_id, count(nps) AS nps_n, count(*) FILTER (WHERE nps >= 9) AS promoters,
      count(*) FILTER (WHERE nps <= 6) AS detractors,
      100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / nullif(count(nps), 0) AS nps
    FROM responses WHERE submitted_at >= ${END_MINUS(30)} AND submitted_at < ${END}
    GROUP BY agent_id ORDER BY agent_id`,
  allAgentsTuned: `SELECT agent_id, sum(nps_n) AS nps_n, sum(promoters) AS promoters, sum(detractors) AS detractors,
      100.0 * (sum(promoters) - sum(detractors)) / nullif(sum(nps_n), 0) AS nps
    FROM resp_agent_day WHERE day >= ${END_MINUS(30)} AND day < ${END}
    GROUP BY agent_id ORDER BY agent_id`,
  spearmanIdiomatic: `WITH l AS (${longPairs()}),
    ranked AS (
      SELECT metric, kpi,
        rank() OVER (PARTITION BY metric, kpi ORDER BY x) + (count(*) OVER (PARTITION BY metric, kpi, x) - 1) / 2.0 AS rx,
        rank() OVER (PARTITION BY metric, kpi ORDER BY y) + (count(*) OVER (PARTITION BY metric, kpi, y) - 1) / 2.0 AS ry
      FROM l)
    SELECT metric, kpi, count(*) AS n, corr(rx, ry) AS rho FROM ranked GROUP BY 1, 2 ORDER BY 1, 2`,
  spearmanTuned: `WITH t AS (SELECT metric, kpi, x, y, cnt FROM drivers_joint),
    nn AS (SELECT metric, kpi, sum(cnt) AS n FROM t GROUP BY 1, 2),
    xr AS (SELECT metric, kpi, x, sum(sum(cnt)) OVER (PARTITION BY metric, kpi ORDER BY x)
             - (sum(cnt) - 1) / 2.0 AS rx FROM t GROUP BY 1, 2, 3),
    yr AS (SELECT metric, kpi, y, sum(sum(cnt)) OVER (PARTITION BY metric, kpi ORDER BY y)
             - (sum(cnt) - 1) / 2.0 AS ry FROM t GROUP BY 1, 2, 3)
    SELECT t.metric, t.kpi, nn.n,
      sum(cnt * (rx - (nn.n + 1) / 2.0) * (ry - (nn.n + 1) / 2.0))
        / sqrt(sum(cnt * (rx - (nn.n + 1) / 2.0) ^ 2) * sum(cnt * (ry - (nn.n + 1) / 2.0) ^ 2)) AS rho
    FROM t JOIN nn USING (metric, kpi) JOIN xr USING (metric, kpi, x) JOIN yr USING (metric, kpi, y)
    GROUP BY t.metric, t.kpi, nn.n ORDER BY 1, 2`,
};

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (q) => s[Math.min(s.length, Math.max(1, Math.ceil(q * s.length))) - 1];
  return { calls: s.length, p50_ms: rank(0.5), p99_ms: rank(0.99), min_ms: s[0], max_ms: s[s.length - 1] };
}

async function timed(conn, sql) {
  const t0 = process.hrtime.bigint();
  const reader = await conn.runAndReadAll(sql);
  const rows = reader.getRowObjectsJson();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, rows };
}

async function repeat(conn, sql, calls, warmup) {
  let rows;
  const samples = [];
  for (let c = 0; c < warmup + calls; ++c) {
    const r = await timed(conn, typeof sql === 'function' ? sql(c) : sql);
    rows = r.rows;
    if (c >= warmup) samples.push(r.ms);
  }
  return { ...stats(samples), rows };
}

async function main() {
  for (const f of [args.db, args.db + '.wal']) fs.rmSync(f, { force: true });
  const instance = await DuckDBInstance.create(args.db);
  const conn = await instance.connect();
  const out = { engine: 'duckdb' };
  out.version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0].v;
  out.threads = (await conn.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJson()[0].t;

  const tLoad = await timed(conn, LOAD[0]);
  const n = Number((await conn.runAndReadAll('SELECT count(*) AS n FROM responses')).getRowObjectsJson()[0].n);
  out.n = n;
  out.load_responses_s = tLoad.ms / 1000;
  out.load_responses_per_s = n / (tLoad.ms / 1000);
  await conn.run('CHECKPOINT');
  out.file_bytes_responses_only = fs.statSync(args.db).size;
  out.disk_bytes_per_response = out.file_bytes_responses_only / n;
  const tLoadI = await timed(conn, LOAD[1]);
  out.load_interactions_s = tLoadI.ms / 1000;

  const tRoll = process.hrtime.bigint();
  for (const sql of ROLLUPS) await conn.run(sql);
  out.rollups_build_s = Number(process.hrtime.bigint() - tRoll) / 1e9;
  await conn.run('CHECKPOINT');
  out.file_bytes_all = fs.statSync(args.db).size;

  const heavy = args.calls;
  out.agent_90d = await repeat(conn, (c) => Q.agent90d(args.agents[c % args.agents.length]),
                               args.agentCalls, 10);
  delete out.agent_90d.rows;
  out.channel_week_year = {
    idiomatic: await repeat(conn, Q.channelWeekIdiomatic, heavy, 1),
    tuned: await repeat(conn, Q.channelWeekTuned, heavy, 1),
  };
  out.all_agents_30d = {
    idiomatic: await repeat(conn, Q.allAgentsIdiomatic, heavy, 1),
    tuned: await repeat(conn, Q.allAgentsTuned, heavy, 1),
  };
  for (const w of ['idiomatic', 'tuned']) out.all_agents_30d[w].groups = out.all_agents_30d[w].rows.length;
  const spearmanCalls = Math.max(1, Math.min(3, heavy));
  out.spearman = {
    idiomatic: await repeat(conn, Q.spearmanIdiomatic, spearmanCalls, 0),
    tuned: await repeat(conn, Q.spearmanTuned, heavy, 1),
  };
  conn.closeSync();
  instance.closeSync();
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write('duckdb.mjs: ' + (e.stack || e) + '\n');
  process.exit(1);
});
