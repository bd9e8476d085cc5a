import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { projectRoot } from '#libs/project';
import { RequestMetrics } from '../../apps/api/src/observability/request-metrics.js';

/**
 * Static checks of docker-compose.yml, the files it mounts (collector, Prometheus, Grafana) and
 * the Helm chart: Docker and helm cannot run here, so every cross-reference a typo would break
 * (service names, ports, mounted paths, value paths, probes) is checked on the parsed files.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML of several schemas
type Yaml = Record<string, any>;

const root = projectRoot();
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const compose = parse(read('docker-compose.yml'), { merge: true }) as Yaml;
const services = compose['services'] as Record<string, Yaml>;
const environmentOf = (service: string) => services[service]?.['environment'] as Record<string, string>;
/** `./deploy/x:/container/path:ro` → [host path, container path]. */
const bindMounts = (service: string): Array<[string, string]> =>
  ((services[service]?.['volumes'] ?? []) as string[]).filter((volume) => volume.startsWith('./') || volume.startsWith('${')).map((volume) => {
    const [host = '', container = ''] = volume.split(':').length > 3 ? [volume.slice(0, volume.indexOf('}:') + 1), volume.slice(volume.indexOf('}:') + 2).split(':')[0]] : volume.split(':');
    return [host, container];
  });
const seconds = (duration: string) => Number(/^(\d+)s$/.exec(duration)?.[1]);

describe('docker-compose.yml', () => {
  test('runs every part of the production-like stack the issue lists', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'qdrant', 'ballast-api', 'ballast-worker', 'otel-collector', 'prometheus', 'grafana']));
    expect(services['temporal']?.['image']).toMatch(/^temporalio\/server:/);
    expect(environmentOf('temporal')).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgres' });
    expect(environmentOf('temporal-ui')['TEMPORAL_ADDRESS']).toBe('temporal:7233');
    for (const service of ['ballast-api', 'ballast-worker']) {
      expect({ service, replicas: services[service]?.['deploy']?.['replicas'] }).toEqual({ service, replicas: 2 });
      const environment = environmentOf(service);
      expect(environment['BALLAST_DATABASE_URL']).toMatch(/^postgres:\/\/ballast:\$\{BALLAST_DB_PASSWORD\}@postgres:5432\/ballast$/);
      expect(environment).toMatchObject({ TEMPORAL_ADDRESS: 'temporal:7233', BALLAST_VECTOR_STORE: 'qdrant', QDRANT_URL: 'http://qdrant:6333', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector:4318' });
      // Split API and workers: streamed text crosses on the NATS service (ADR 0012).
      expect(environment['BALLAST_NATS_URL']).toBe('nats://nats:4222');
      expect(services['nats']?.['image']).toMatch(/^nats:/);
      // SIGTERM drains within the grace period, before Docker's SIGKILL.
      expect(seconds(services[service]?.['stop_grace_period'] as string) * 1000).toBeGreaterThan(Number(environment['BALLAST_SHUTDOWN_GRACE_MS']));
    }
  });

  test('dependencies name existing services; mounted files exist', () => {
    for (const [name, service] of Object.entries(services)) {
      const dependencies = Array.isArray(service['depends_on']) ? (service['depends_on'] as string[]) : Object.keys(service['depends_on'] ?? {});
      for (const dependency of dependencies) expect({ service: name, dependency, exists: dependency in services }).toEqual({ service: name, dependency, exists: true });
      for (const [host] of bindMounts(name)) {
        if (host.startsWith('${')) continue;
        expect({ service: name, host, exists: existsSync(resolve(root, host)) }).toEqual({ service: name, host, exists: true });
      }
    }
  });

  test('secrets come from the environment (.env), never from the file', () => {
    const required = new Set<string>();
    for (const [name, service] of Object.entries(services)) {
      for (const [variable, value] of Object.entries((service['environment'] ?? {}) as Record<string, string>)) {
        if (/PASSWORD|_KEY|_KEYS|SECRET/.test(variable)) expect({ service: name, variable, value: String(value).startsWith('${') }).toEqual({ service: name, variable, value: true });
      }
    }
    for (const match of read('docker-compose.yml').matchAll(/\$\{([A-Z_]+):\?/g)) required.add(match[1] ?? '');
    const example = read('deploy/compose.env.example');
    for (const variable of required) expect({ variable, inExample: new RegExp(`^${variable}=`, 'm').test(example) }).toEqual({ variable, inExample: true });
  });

  test('the collector receives what Ballast sends and exports what Prometheus scrapes', () => {
    const collector = parse(read('deploy/otel/collector.yaml')) as Yaml;
    expect(collector['receivers']['otlp']['protocols']['http']['endpoint']).toBe('0.0.0.0:4318');
    for (const pipeline of Object.values(collector['service']['pipelines'] as Record<string, Yaml>)) {
      for (const receiver of pipeline['receivers'] as string[]) expect(receiver in collector['receivers'] || receiver in collector['connectors']).toBe(true);
      for (const exporter of pipeline['exporters'] as string[]) expect(exporter in collector['exporters'] || exporter in collector['connectors']).toBe(true);
      for (const processor of (pipeline['processors'] ?? []) as string[]) expect(processor in collector['processors']).toBe(true);
    }
    expect(bindMounts('otel-collector')).toContainEqual(['./deploy/otel/collector.yaml', '/etc/otelcol/config.yaml']);
    expect(services['otel-collector']?.['command']).toEqual(['--config=/etc/otelcol/config.yaml']);

    const prometheus = parse(read('deploy/prometheus/prometheus.yml')) as Yaml;
    const jobs = Object.fromEntries((prometheus['scrape_configs'] as Yaml[]).map((job) => [job['job_name'], job]));
    expect(jobs['ballast-api']).toMatchObject({ metrics_path: '/metrics', dns_sd_configs: [{ names: ['ballast-api'], port: 8080 }] });
    // /metrics needs an admin key: the file Prometheus reads is the one its entrypoint writes.
    const keyFile = jobs['ballast-api']?.['authorization']['credentials_file'] as string;
    expect((services['prometheus']?.['entrypoint'] as string[]).join(' ')).toContain(`> ${keyFile}`);
    const exporterPort = (collector['exporters']['prometheus']['endpoint'] as string).split(':')[1];
    expect(jobs['otel-collector']?.['static_configs'][0]['targets']).toEqual([`otel-collector:${exporterPort}`]);
    expect(jobs['temporal']?.['static_configs'][0]['targets']).toEqual([`temporal:${environmentOf('temporal')['PROMETHEUS_ENDPOINT']?.split(':')[1]}`]);
    expect(bindMounts('prometheus')).toContainEqual(['./deploy/prometheus/prometheus.yml', '/etc/prometheus/prometheus.yml']);
  });

  test('Grafana is provisioned with the Prometheus data source and a dashboard of metrics the API exports', async () => {
    const mounts = Object.fromEntries(bindMounts('grafana').map(([host, container]) => [host, container]));
    expect(mounts['./deploy/grafana/provisioning']).toBe('/etc/grafana/provisioning');
    const datasource = (parse(read('deploy/grafana/provisioning/datasources/prometheus.yaml')) as Yaml)['datasources'][0] as Yaml;
    expect(datasource).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    const provider = (parse(read('deploy/grafana/provisioning/dashboards/ballast.yaml')) as Yaml)['providers'][0] as Yaml;
    expect(provider['options']['path']).toBe(mounts['./deploy/grafana/dashboards']);

    const dashboards = readdirSync(join(root, 'deploy/grafana/dashboards')).filter((file) => file.endsWith('.json'));
    expect(dashboards).toContain('ballast-overview.json');
    const exported = new Set((await new RequestMetrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    for (const file of dashboards) {
      const dashboard = JSON.parse(read(`deploy/grafana/dashboards/${file}`)) as Yaml;
      const panels = dashboard['panels'] as Yaml[];
      expect(panels.length).toBeGreaterThan(0);
      for (const panel of panels) {
        expect(panel['datasource']['uid']).toBe(datasource['uid']);
        for (const target of panel['targets'] as Yaml[]) {
          for (const [name] of (target['expr'] as string).matchAll(/ballast_[a-z_]+/g)) {
            const metric = name.replace(/_(bucket|sum|count)$/, '');
            expect({ panel: panel['title'], metric, exported: exported.has(metric) }).toEqual({ panel: panel['title'], metric, exported: true });
          }
        }
      }
    }
  });
});

describe('deploy/helm/ballast', () => {
  const chartDirectory = 'deploy/helm/ballast';
  const values = parse(read(`${chartDirectory}/values.yaml`)) as Yaml;
  const templateFiles = readdirSync(join(root, chartDirectory, 'templates')).filter((file) => file.endsWith('.yaml') || file.endsWith('.tpl'));
  const templates = Object.fromEntries(templateFiles.map((file) => [file, read(`${chartDirectory}/templates/${file}`)]));

  /** A template with its directives taken out: control lines dropped, inline expressions replaced by a placeholder. */
  function skeleton(text: string): Yaml[] {
    // A line that is one directive (if, range, end, a variable, an included block) is dropped.
    const lines = text.split('\n').filter((line) => !/^\s*\{\{-?[^}]*\}\}\s*$/.test(line));
    const yaml = lines.join('\n').replace(/\{\{[^}]*\}\}/g, 'placeholder');
    return parseAllDocuments(yaml).map((document) => {
      expect(document.errors).toEqual([]);
      return document.toJSON() as Yaml;
    }).filter((document) => document !== null);
  }

  test('Chart.yaml and values.yaml parse; every template is YAML once its directives are taken out', () => {
    expect(parse(read(`${chartDirectory}/Chart.yaml`))).toMatchObject({ apiVersion: 'v2', name: 'ballast', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
    for (const [file, text] of Object.entries(templates)) {
      if (file.endsWith('.tpl')) continue;
      const documents = skeleton(text);
      expect({ file, kinds: documents.every((document) => typeof document['kind'] === 'string' && typeof document['apiVersion'] === 'string') }).toEqual({ file, kinds: true });
    }
  });

  test('every .Values path the templates read exists in values.yaml', () => {
    const lookup = (path: string) => path.split('.').reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Yaml)[key] : undefined), values);
    for (const [file, text] of Object.entries(templates)) {
      for (const [, path = ''] of text.matchAll(/\$?\.Values\.([A-Za-z0-9_.]+)/g)) {
        expect({ file, path, defined: lookup(path) !== undefined }).toEqual({ file, path, defined: true });
      }
    }
    // hpa.yaml and pdb.yaml read `index $.Values $component` for both components.
    for (const component of ['api', 'worker']) {
      expect(values[component]['autoscaling']).toEqual(expect.objectContaining({ enabled: true, minReplicas: expect.any(Number), maxReplicas: expect.any(Number), targetCPUUtilizationPercentage: expect.any(Number) }));
      expect(values[component]['podDisruptionBudget']).toBeDefined();
    }
  });

  test('API and worker have readiness and liveness probes on a port their container declares', () => {
    for (const [component, portName] of [['api', 'http'], ['worker', 'health']] as const) {
      const template = templates[`${component}-deployment.yaml`] ?? '';
      expect(template).toContain(`readinessProbe:\n            {{- toYaml .Values.${component}.readinessProbe`);
      expect(template).toContain(`livenessProbe:\n            {{- toYaml .Values.${component}.livenessProbe`);
      expect(template).toMatch(new RegExp(`- name: ${portName}\\n\\s+containerPort:`));
      expect(values[component]['readinessProbe']).toEqual(expect.objectContaining({ httpGet: { path: '/health/ready', port: portName } }));
      expect(values[component]['livenessProbe']).toEqual(expect.objectContaining({ httpGet: { path: '/health/live', port: portName } }));
      // Kubernetes kills after terminationGracePeriodSeconds: the drain must end before.
      expect(values[component]['terminationGracePeriodSeconds'] * 1000).toBeGreaterThan(values[component]['shutdownGraceMs']);
    }
    expect(templates['worker-deployment.yaml']).toContain('name: BALLAST_WORKER_HEALTH_PORT');
  });

  test('HPAs scale both the API and the worker Deployments', () => {
    const hpa = templates['hpa.yaml'] ?? '';
    expect(hpa).toContain('{{- range $component := list "api" "worker" }}');
    expect(skeleton(hpa)[0]).toMatchObject({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment' } } });
    for (const component of ['api', 'worker']) expect(templates[`${component}-deployment.yaml`]).toContain(`{{- if not .Values.${component}.autoscaling.enabled }}\n  replicas:`);
  });

  test('secrets come from existing Secrets through the environment', () => {
    expect(templates['_helpers.tpl']).toMatch(/\{\{- range \.Values\.secrets \}\}\n- name: \{\{ \.env \}\}\n {2}valueFrom:\n {4}secretKeyRef:/);
    expect((values['secrets'] as Yaml[]).map((secret) => secret['env'])).toEqual(expect.arrayContaining(['BALLAST_API_KEYS', 'BALLAST_DATABASE_URL', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY']));
    // The ConfigMap's ballast.yaml names key variables, never keys.
    for (const provider of values['config']['providers'] as Yaml[]) {
      expect(provider['apiKey']).toBeUndefined();
      expect(provider['apiKeyEnv']).toMatch(/^[A-Z_]+$/);
    }
  });
});
