// The connection logic against a scripted port (the real host is exercised by the
// end-to-end tests): id matching, timeouts, disconnect reasons, protocol check.
import test from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const OV = await load('common/host_status.js', 'background/host_connection.js');

function fakePort(answer) {
  const port = {
    sent: [], msgListeners: [], discListeners: [], disconnected: false,
    onMessage: { addListener: (f) => port.msgListeners.push(f) },
    onDisconnect: { addListener: (f) => port.discListeners.push(f) },
    postMessage(m) { port.sent.push(m); queueMicrotask(() => answer(m, port)); },
    disconnect() { port.disconnected = true; },
    reply(r) { for (const f of port.msgListeners) f(r); },
    drop(error) { for (const f of port.discListeners) f({ error: error ? { message: error } : undefined }); },
  };
  return port;
}

const HELLO = { protocol: 1, host_version: '0.1.0', capabilities: ['check', 'confirm', 'policy', 'log'] };

function conn(answer, extra) {
  const ports = [];
  const c = new OV.HostConnection(Object.assign({
    connectNative: () => { const p = fakePort(answer); ports.push(p); return p; },
    lastError: () => null, extensionVersion: '0.1.0', helloTimeoutMs: 200, requestTimeoutMs: 200,
  }, extra));
  return { c, ports };
}

test('hello first, then requests matched by id even when replies come out of order', async () => {
  const held = [];
  const { c, ports } = conn((m, port) => {
    if (m.type === 'hello') return port.reply({ id: m.id, ok: true, type: 'hello', result: HELLO });
    held.push(m);
    if (held.length === 2) {
      port.reply({ id: held[1].id, ok: true, result: { n: 2 } });
      port.reply({ id: held[0].id, ok: true, result: { n: 1 } });
    }
  });
  const [a, b] = await Promise.all([c.request({ type: 'check', text: 'a' }), c.request({ type: 'check', text: 'b' })]);
  assert.deepEqual([a.n, b.n], [1, 2]);
  assert.equal(ports.length, 1);
  assert.equal(ports[0].sent[0].type, 'hello');
  assert.equal(ports[0].sent[0].protocol, 1);
  assert.equal(c.hello.host_version, '0.1.0');
});

test('on a fresh connection the request follows hello at once, and counts only if hello succeeds', async () => {
  const { c, ports } = conn(() => {});
  const pending = c.request({ type: 'check', text: 'a' });
  await new Promise((r) => setTimeout(r, 5));
  const [hello, check] = ports[0].sent;
  assert.deepEqual([hello.type, check.type], ['hello', 'check'], 'both sent before any reply');
  ports[0].reply({ id: check.id, ok: true, result: { verdict: 'ok' } });
  ports[0].reply({ id: hello.id, ok: true, result: HELLO });
  assert.equal((await pending).verdict, 'ok');

  const old = conn(() => {});
  const refused = old.c.request({ type: 'check', text: 'a' });
  await new Promise((r) => setTimeout(r, 5));
  const [h2, c2] = old.ports[0].sent;
  old.ports[0].reply({ id: h2.id, ok: true, result: { protocol: 1, capabilities: [] } });
  old.ports[0].reply({ id: c2.id, ok: true, result: { verdict: 'ok' } });
  await assert.rejects(refused, (e) => e.reason === 'incompatible');
});

test('error replies become HostErrors with the host code', async () => {
  const { c } = conn((m, port) => {
    if (m.type === 'hello') return port.reply({ id: m.id, ok: true, result: HELLO });
    port.reply({ id: m.id, ok: false, error: { code: 'unknown_check_id', message: 'no such check' } });
  });
  await assert.rejects(c.request({ type: 'confirm' }), (e) => e.code === 'unknown_check_id' && e.reason === 'error');
});

test('a host that is not installed: missing, and the next request tries again', async () => {
  const { c, ports } = conn((m, port) => port.drop('Specified native messaging host not found.'));
  await assert.rejects(c.request({ type: 'check' }), (e) => e.reason === 'missing');
  await assert.rejects(c.request({ type: 'check' }), (e) => e.reason === 'missing');
  assert.equal(ports.length, 2, 'a new connection each time');
});

test('forbidden origin and a wrong protocol are told apart', async () => {
  const forbidden = conn((m, port) => port.drop('Access to the specified native messaging host is forbidden.'));
  await assert.rejects(forbidden.c.request({ type: 'check' }), (e) => e.reason === 'forbidden');
  const old = conn((m, port) => port.reply({ id: m.id, ok: true, result: { protocol: 0, capabilities: ['check'] } }));
  await assert.rejects(old.c.request({ type: 'check' }), (e) => e.reason === 'host_outdated');
  assert.equal(old.ports[0].disconnected, true);
  const mismatch = conn((m, port) => port.reply({ id: m.id, ok: false, error: { code: 'protocol_mismatch', message: 'speaks 2' } }));
  await assert.rejects(mismatch.c.request({ type: 'check' }), (e) => e.reason === 'incompatible');
});

test('protocol agreement: the side that is behind is named, with the host version, and nothing is sent on', async () => {
  // An older host (protocol 0) answering a newer extension, with a field this extension
  // does not know: the unknown field is ignored, the protocol decides.
  const older = conn((m, port) => {
    if (m.type === 'hello') port.reply({ id: m.id, ok: true, result: { protocol: 0, host_version: '0.0.9', capabilities: ['check', 'confirm'], future_field: {} } });
  });
  await assert.rejects(older.c.request({ type: 'check', text: 'a' }), (e) =>
    e.reason === 'host_outdated' && e.details.hostVersion === '0.0.9' && e.details.hostProtocol === 0);
  assert.equal(older.ports[0].disconnected, true, 'the connection is closed: no request runs against it');
  assert.equal(older.c.hello, null);

  const newer = conn((m, port) => {
    if (m.type === 'hello') port.reply({ id: m.id, ok: true, result: Object.assign({}, HELLO, { protocol: 2, host_version: '0.3.0' }) });
  });
  await assert.rejects(newer.c.request({ type: 'check', text: 'a' }), (e) =>
    e.reason === 'extension_outdated' && e.details.hostVersion === '0.3.0');

  // A host newer in version but on the same protocol works, whatever else it adds.
  const same = conn((m, port) => {
    if (m.type === 'hello') return port.reply({ id: m.id, ok: true, result: Object.assign({}, HELLO, { host_version: '0.9.0', debug: true }) });
    port.reply({ id: m.id, ok: true, result: { verdict: 'ok' } });
  });
  assert.equal((await same.c.request({ type: 'check', text: 'a' })).verdict, 'ok');
});

test('what the popup and the prompt say for each reason: which side to update, to which version', () => {
  const { messageFor, agreement } = OV.hostStatus;
  assert.equal(agreement(HELLO), null);
  assert.deepEqual(agreement({ protocol: 0, host_version: '0.0.9', capabilities: [] }), { reason: 'host_outdated', hostProtocol: 0, hostVersion: '0.0.9' });
  assert.equal(agreement({ protocol: 2, capabilities: ['check', 'confirm'] }).reason, 'extension_outdated');
  assert.equal(agreement({ protocol: 'x' }).reason, 'incompatible');
  assert.equal(agreement(null).reason, 'incompatible');
  assert.deepEqual(messageFor({ reason: 'host_outdated', hostVersion: '0.1.0', extensionVersion: '0.2.0' }),
    { key: 'hostOutdated', args: ['0.1.0', '0.2.0'] });
  assert.deepEqual(messageFor({ reason: 'extension_outdated', hostVersion: '0.3.0', extensionVersion: '0.2.0' }),
    { key: 'extensionOutdated', args: ['0.2.0', '0.3.0'] });
  assert.deepEqual(messageFor({ reason: 'missing' }), { key: 'hostMissing', args: [] });
  assert.deepEqual(messageFor({ reason: 'timeout', message: 'slow' }), { key: 'hostError', args: ['slow'] });
  assert.deepEqual(messageFor(null), { key: 'hostError', args: ['error'] });
});

test('a silent host times out; a crash fails pending requests and resets', async () => {
  const silent = conn((m, port) => { if (m.type === 'hello') port.reply({ id: m.id, ok: true, result: HELLO }); });
  await assert.rejects(silent.c.request({ type: 'check' }, 30), (e) => e.reason === 'timeout');
  const crash = conn((m, port) => {
    if (m.type === 'hello') return port.reply({ id: m.id, ok: true, result: HELLO });
    port.drop('Native host has exited.');
  });
  let resets = 0;
  crash.c.onReset(() => resets++);
  await assert.rejects(crash.c.request({ type: 'check' }), (e) => e.reason === 'crashed');
  assert.equal(resets, 1);
  assert.equal(crash.c.port, null);
});

test('classifications of browser messages', () => {
  const { classifyDisconnect, classifyErrorCode, compatible } = OV.hostStatus;
  assert.equal(classifyDisconnect('Specified native messaging host not found.'), 'missing');
  assert.equal(classifyDisconnect('No such native application org.ownvoice.host'), 'missing');
  assert.equal(classifyDisconnect('Access to the specified native messaging host is forbidden.'), 'forbidden');
  assert.equal(classifyDisconnect('Error when communicating with the native messaging host.'), 'disconnected');
  assert.equal(classifyErrorCode('forbidden_caller'), 'forbidden');
  assert.equal(compatible(HELLO), true);
  assert.equal(compatible({ protocol: 1, capabilities: ['check'] }), false);
});

test("the employee's debug switch: every request, hello included, carries debug: true while on, none while off", async () => {
  let debug = false;
  const { c, ports } = conn((m, port) => {
    if (m.type === 'hello') return port.reply({ id: m.id, ok: true, type: 'hello', result: Object.assign({ debug: m.debug === true }, HELLO) });
    port.reply({ id: m.id, ok: true, result: {} });
  }, { requestFields: () => (debug ? { debug: true } : null) });
  await c.request({ type: 'check', text: 'a' });
  debug = true;
  await c.request({ type: 'check', text: 'b' });
  const hello = await c.freshHello();
  debug = false;
  await c.request({ type: 'ping' });
  const sent = ports[0].sent.map((m) => [m.type, m.debug === true]);
  assert.deepEqual(sent, [['hello', false], ['check', false], ['check', true], ['hello', true], ['ping', false]]);
  assert.equal(hello.debug, true, 'a fresh hello reports what the host says now');
  assert.ok(ports[0].sent.every((m) => !('debug' in m) || m.debug === true), 'never debug: false, never another value');
});
