// One long-lived connection to the native host (runtime.connectNative). Long-lived
// because `confirm` must reach the host process that ran the `check`, and because a warm
// host answers in a few milliseconds where starting one costs tens.
// Requests carry an id; replies are matched by it; each request has a timeout; a
// disconnect fails every pending request with a reason people can be told
// (missing / forbidden / crashed / incompatible / host_outdated / extension_outdated /
// timeout).
(function (root) {
  'use strict';
  const OV = (root.OwnVoice = root.OwnVoice || {});

  class HostError extends Error {
    // details: {hostVersion, hostProtocol} when the host answered hello but the two
    // disagree on the protocol.
    constructor(reason, message, code, details) {
      super(message || reason);
      this.reason = reason;
      this.code = code || null;
      this.details = details || null;
    }
  }

  class HostConnection {
    // deps: {connectNative(name) -> port, lastError() -> string|null, name, extensionVersion,
    //        helloTimeoutMs, requestTimeoutMs, setTimeout, clearTimeout,
    //        requestFields() -> fields added to every request (the employee's {debug: true})}
    constructor(deps) {
      this.deps = Object.assign({
        name: 'org.ownvoice.host', helloTimeoutMs: 5000, requestTimeoutMs: 15000,
        setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h),
      }, deps);
      this.port = null;
      this.ready = null;
      this.hello = null;
      this.seq = 0;
      this.pending = new Map();
      this.listeners = new Set();
    }

    onReset(listener) { this.listeners.add(listener); }

    connect() {
      if (this.ready) return this.ready;
      let port;
      try {
        port = this.deps.connectNative(this.deps.name);
      } catch (e) {
        return Promise.reject(new HostError(OV.hostStatus.classifyDisconnect(e && e.message), String(e && e.message || e)));
      }
      this.port = port;
      port.onMessage.addListener((reply) => this.onReply(port, reply));
      port.onDisconnect.addListener((p) => {
        const message = (p && p.error && p.error.message) || this.deps.lastError() || 'disconnected';
        this.reset(port, new HostError(OV.hostStatus.classifyDisconnect(message), message));
      });
      this.ready = this.send(this.helloRequest(), this.deps.helloTimeoutMs)
        .then((hello) => {
          const disagreement = OV.hostStatus.agreement(hello);
          if (disagreement) {
            throw new HostError(disagreement.reason, 'host protocol ' + disagreement.hostProtocol + ', extension protocol ' +
              OV.hostStatus.PROTOCOL, null, disagreement);
          }
          this.hello = hello;
          return hello;
        })
        .catch((e) => {
          this.disconnect(e instanceof HostError ? e : new HostError('error', String(e)));
          throw e;
        });
      return this.ready;
    }

    helloRequest() {
      return { type: 'hello', protocol: OV.hostStatus.PROTOCOL, extension_version: this.deps.extensionVersion };
    }

    // A new `hello` on the open connection: what the host says now (log key, debug,
    // sandbox), not what it said when it started.
    async freshHello() {
      if (!this.ready) return this.connect();  // its own hello is fresh
      const hello = await this.request(this.helloRequest(), this.deps.helloTimeoutMs);
      if (OV.hostStatus.compatible(hello)) this.hello = hello;
      return hello;
    }

    // On a fresh connection the request is sent right behind `hello`, without waiting
    // for its reply (the host answers frames in order): one round trip less on a cold
    // start. The reply only counts once `hello` said the host is compatible.
    async request(message, timeoutMs) {
      const ready = this.connect();
      const reply = this.send(message, timeoutMs || this.deps.requestTimeoutMs);
      reply.catch(() => {});
      await ready;
      return reply;
    }

    send(message, timeoutMs) {
      const port = this.port;
      if (!port) return Promise.reject(new HostError('disconnected', 'not connected'));
      const id = ++this.seq;
      return new Promise((resolve, reject) => {
        const timer = this.deps.setTimeout(() => {
          this.pending.delete(id);
          reject(new HostError('timeout', 'the host did not answer in ' + timeoutMs + ' ms', 'timeout'));
        }, timeoutMs);
        this.pending.set(id, { resolve, reject, timer });
        try {
          const fields = this.deps.requestFields ? this.deps.requestFields() : null;
          port.postMessage(Object.assign({}, message, fields, { id }));
        } catch (e) {
          this.deps.clearTimeout(timer);
          this.pending.delete(id);
          reject(new HostError('disconnected', String(e && e.message || e)));
        }
      });
    }

    onReply(port, reply) {
      if (port !== this.port || !reply) return;
      const entry = this.pending.get(reply.id);
      if (!entry) return;
      this.pending.delete(reply.id);
      this.deps.clearTimeout(entry.timer);
      if (reply.ok) entry.resolve(reply.result);
      else {
        const code = reply.error && reply.error.code;
        entry.reject(new HostError(OV.hostStatus.classifyErrorCode(code), (reply.error && reply.error.message) || code, code));
      }
    }

    reset(port, error) {
      if (port !== this.port) return;
      this.port = null;
      this.ready = null;
      this.hello = null;
      for (const entry of this.pending.values()) {
        this.deps.clearTimeout(entry.timer);
        entry.reject(error);
      }
      this.pending.clear();
      for (const listener of this.listeners) listener(error);
    }

    disconnect(error) {
      const port = this.port;
      if (!port) return;
      try { port.disconnect(); } catch (_) { /* already gone */ }
      this.reset(port, error || new HostError('disconnected', 'disconnected'));
    }
  }

  OV.HostConnection = HostConnection;
  OV.HostError = HostError;
})(globalThis);
