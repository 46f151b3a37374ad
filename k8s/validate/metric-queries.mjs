// Every SongNodes metric an alert rule, the Grafana dashboard or an HPA reads must be in the contract
// (k8s/README.md, "Metrics"), with only its own labels and Prometheus' target labels: a renamed metric or label
// otherwise leaves an alert that never fires and a panel that stays empty, silently.
import { TARGET_LABELS } from './contract.mjs';

const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];
const SERIES = /\b(songnodes_[a-z0-9_]+)(\{[^}]*\})?/g;
const SELECTOR_LABEL = /([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)/g;
const GROUPING = /\b(?:by|without)\s*\(([^)]*)\)/g;
// Series of other exporters (kube-state-metrics, Prometheus' own `up`) bring labels the contract does not list.
const OTHER_SERIES = /\b(?:kube_[a-z_]+|up)\s*\{/;

/** The contract's entry for a series name (a histogram's _bucket/_sum/_count included), or null. */
function metricOf(name, metrics) {
  if (metrics.has(name)) return { name, ...metrics.get(name), extra: [] };
  for (const suffix of HISTOGRAM_SUFFIXES) {
    const base = name.slice(0, -suffix.length);
    if (name.endsWith(suffix) && metrics.get(base)?.type === 'histogram')
      return { name: base, ...metrics.get(base), extra: suffix === '_bucket' ? ['le'] : [] };
  }
  return null;
}

/**
 * The problems of one PromQL expression, and the labels its results carry when it aggregates (`by`), so that a
 * legend or an alert text can be checked against them.
 */
export function queryProblems(expr, metrics, where) {
  const problems = [];
  const allowed = new Set(TARGET_LABELS);
  for (const [, name, selector = ''] of expr.matchAll(SERIES)) {
    const metric = metricOf(name, metrics);
    if (!metric) {
      problems.push(`${where}: ${name} is not a metric of the contract (k8s/README.md, "Metrics")`);
      continue;
    }
    const own = [...TARGET_LABELS, ...metric.labels, ...metric.extra];
    for (const label of own) allowed.add(label);
    for (const [, label] of selector.matchAll(SELECTOR_LABEL)) {
      if (!own.includes(label))
        problems.push(`${where}: ${name} has no label ${label} (its labels: ${metric.labels.join(', ') || 'none'})`);
    }
  }
  const grouped = [...expr.matchAll(GROUPING)].flatMap(([, list]) =>
    list
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  if (!OTHER_SERIES.test(expr)) {
    for (const label of grouped) if (!allowed.has(label)) problems.push(`${where}: groups by ${label}, which none of its metrics has`);
  }
  return { problems, resultLabels: grouped.length ? new Set(grouped) : allowed };
}

/** `{{label}}` (a Grafana legend) and `$labels.label` (an alert's text) must be labels the query's results carry. */
function templateProblems(text, labels, where) {
  const used = [...String(text ?? '').matchAll(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}|\$labels\.([A-Za-z_][A-Za-z0-9_]*)/g)].map(
    (m) => m[1] ?? m[2],
  );
  return used
    .filter((label) => !labels.has(label))
    .map((label) => `${where}: names the label ${label}, which its query's results do not carry`);
}

/** Alert rules, dashboards (ConfigMaps labelled grafana_dashboard) and HPAs' external metrics against the contract. */
export function checkMetricQueries(objects, metrics) {
  const problems = [];
  for (const rule of objects.filter((o) => o.kind === 'PrometheusRule')) {
    for (const r of rule.spec.groups.flatMap((g) => g.rules)) {
      const where = `PrometheusRule/${rule.metadata.name} ${r.alert ? `alert ${r.alert}` : `record ${r.record}`}`;
      const query = queryProblems(String(r.expr), metrics, where);
      problems.push(...query.problems);
      if (!OTHER_SERIES.test(String(r.expr)))
        problems.push(...templateProblems(Object.values(r.annotations ?? {}).join('\n'), query.resultLabels, where));
    }
  }
  for (const map of objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.labels?.grafana_dashboard === '1')) {
    for (const [file, text] of Object.entries(map.data ?? {})) {
      let dashboard;
      try {
        dashboard = JSON.parse(text);
      } catch {
        continue; // checkMonitoring reports it
      }
      for (const panel of dashboard.panels ?? []) {
        for (const target of (panel.targets ?? []).filter((t) => t.expr)) {
          const where = `ConfigMap/${map.metadata.name} ${file} panel "${panel.title}"`;
          const query = queryProblems(target.expr, metrics, where);
          problems.push(...query.problems);
          if (!OTHER_SERIES.test(target.expr)) problems.push(...templateProblems(target.legendFormat, query.resultLabels, where));
        }
      }
    }
  }
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    for (const m of hpa.spec.metrics ?? []) {
      const name = m.external?.metric?.name ?? m.pods?.metric?.name;
      if (name && !metricOf(name, metrics))
        problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: ${name} is not a metric of the contract (k8s/README.md, "Metrics")`);
    }
  }
  return problems;
}
