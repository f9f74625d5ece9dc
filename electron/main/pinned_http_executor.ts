import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import {
  configureRequestOptions,
  configureRequestUrl,
  type DownloadOptions,
  HttpExecutor,
} from 'builder-util-runtime';
import type { HubEndpoint } from '../../node_shared/hub_request';

/** A connection that fails at once: a request (a redirect, say) to anything but the pinned hub. */
function refusedConnection(): net.Socket {
  const socket = new net.Socket();
  const error = Object.assign(new Error('updates come only from the pinned hub'), {
    code: 'ERR_NOT_PINNED_HUB',
  });
  process.nextTick(() => socket.destroy(error));
  return socket;
}

/**
 * electron-updater's downloads, through Node's TLS pinned to the hub of the organisation profile (the same
 * check every other channel of the core makes) instead of Chromium's trust store. It talks to that one hub
 * only: a redirect elsewhere fails like a broken connection, so the build can come from nowhere else.
 */
export class PinnedHttpExecutor extends HttpExecutor<ClientRequest> {
  constructor(private readonly hub: HubEndpoint) {
    super();
  }

  /** What electron-updater calls for the build: a streamed download with its sha512 check (DigestTransform). */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error ? reject(error) : resolve(destination)),
          responseHandler: null,
        },
        0,
      );
    });
  }

  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    const origin = `${options.protocol}//${options.hostname}${options.port ? `:${options.port}` : ''}`;
    const pinned = URL.canParse(origin) && new URL(origin).origin === this.hub.origin;
    const transport = this.hub.tls ? https : http;
    // Anything else gets a connection that fails (with the hub's scheme, so the request can be built at all).
    const refused = { protocol: this.hub.tls ? 'https:' : 'http:', createConnection: refusedConnection };
    // A fresh connection per request: pooled sockets and TLS sessions would skip the pin check.
    return transport.request(
      { ...options, agent: false, ...this.hub.tls, ...(pinned ? {} : refused) },
      callback,
    );
  }
}
