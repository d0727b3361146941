package io.ecs4j.server.internal.http;

import io.ecs4j.server.internal.wire.WireException;
import io.ecs4j.server.internal.wire.WireProtocol;
import io.ecs4j.server.internal.wire.WireResponse;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP side of the ECS endpoint on Jetty 12 core (no servlets): {@code POST} with {@code X-Amz-Target}, body
 * bounded by {@code maxBodyBytes}, HTTP/1.1 keep-alive.
 *
 * <p>Threading: the handler is non-blocking. Reads (Describe/List, served from snapshots) run on the thread that
 * parsed the request, usually Jetty's I/O thread, with no hand-off; operations that wait for a cluster's control loop
 * are handed to the worker pool so they never stall I/O.
 */
public final class JettyEndpoint implements AutoCloseable {
    private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE,
            WireProtocol.CONTENT_TYPE);
    private static final HttpField CONNECTION_CLOSE = new PreEncodedHttpField(HttpHeader.CONNECTION, "close");
    private static final HttpField ALLOW_POST = new PreEncodedHttpField(HttpHeader.ALLOW, "POST");
    /** How much of an oversized body is read and dropped before the connection is closed instead. */
    private static final long DISCARD_LIMIT = 64L << 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final WireProtocol protocol;
    private final int maxBodyBytes;
    private final Server server;
    private final ServerConnector connector;
    private final QueuedThreadPool pool;

    /**
     * @param host         the address to bind, for example {@code 127.0.0.1}
     * @param port         the port, 0 for an ephemeral one
     * @param maxBodyBytes the largest request body accepted
     * @param maxThreads   the worker pool size
     */
    public JettyEndpoint(String host, int port, int maxBodyBytes, int maxThreads, WireProtocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.maxBodyBytes = maxBodyBytes;
        this.pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
        pool.setName("ecs4j-http");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new EcsHandler());
        server.setErrorHandler(JettyEndpoint::error);
        server.setStopTimeout(2_000);
    }

    /** Binds and starts serving. */
    public void start() throws Exception {
        server.start();
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The bound address (after {@link #start()}). */
    public InetSocketAddress address() {
        return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server failed", e);
        }
    }

    private final class EcsHandler extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            if (!"POST".equals(request.getMethod())) {
                response.getHeaders().put(ALLOW_POST);
                send(response, callback, 405, WireProtocol.error(WireException.unknownOperation(
                        "ECS API requests are POST requests with an X-Amz-Target header; got "
                                + request.getMethod() + ".")));
                return true;
            }
            HttpFields headers = request.getHeaders();
            String target = headers.get("X-Amz-Target");
            String authorization = headers.get(HttpHeader.AUTHORIZATION);
            long length = request.getLength();
            if (length > maxBodyBytes) {
                rejectTooLarge(request, response, callback, Long.toString(length));
                return true;
            }
            boolean blocking = protocol.isBlocking(target);
            Content.Source.asByteArrayAsync(request, maxBodyBytes, Promise.Invocable.from(
                    Invocable.InvocationType.NON_BLOCKING,
                    body -> {
                        if (blocking) {
                            pool.execute(() -> respond(response, callback, target, authorization, body));
                        } else {
                            respond(response, callback, target, authorization, body);
                        }
                    },
                    failure -> {
                        if (failure instanceof IllegalStateException || failure instanceof IllegalArgumentException
                                || failure instanceof ArithmeticException) {
                            // Jetty reports "Max size (n) exceeded" for a body without Content-Length.
                            rejectTooLarge(request, response, callback, "more than " + maxBodyBytes);
                        } else {
                            callback.failed(failure);
                        }
                    }));
            return true;
        }

        /**
         * Answers 413 once the rest of the body has been read and dropped (up to {@link #DISCARD_LIMIT}), so that a
         * client still sending sees the answer rather than a reset connection; beyond that limit the answer says
         * {@code Connection: close} and the connection is dropped.
         */
        private void rejectTooLarge(Request request, Response response, Callback callback, String size) {
            WireResponse answer = tooLarge(size);
            new Runnable() {
                private long dropped;

                @Override
                public void run() {
                    while (true) {
                        Content.Chunk chunk = request.read();
                        if (chunk == null) {
                            request.demand(this);
                            return;
                        }
                        if (Content.Chunk.isFailure(chunk)) {
                            response.getHeaders().put(CONNECTION_CLOSE);
                            send(response, callback, 413, answer);
                            return;
                        }
                        dropped += chunk.remaining();
                        boolean last = chunk.isLast();
                        chunk.release();
                        if (last) {
                            send(response, callback, 413, answer);
                            return;
                        }
                        if (dropped > DISCARD_LIMIT) {
                            response.getHeaders().put(CONNECTION_CLOSE);
                            send(response, callback, 413, answer);
                            return;
                        }
                    }
                }
            }.run();
        }

        private void respond(Response response, Callback callback, String target, String authorization, byte[] body) {
            WireResponse r = protocol.handle(target, authorization, body);
            send(response, callback, r.status(), r);
        }

        private WireResponse tooLarge(String size) {
            return WireProtocol.error(new WireException(WireException.TOO_LARGE, 413, "The request body is " + size
                    + " bytes; this endpoint accepts at most " + maxBodyBytes + " bytes."));
        }

        private void send(Response response, Callback callback, int status, WireResponse r) {
            response.setStatus(status);
            HttpFields.Mutable h = response.getHeaders();
            h.put(CONTENT_TYPE);
            h.put("x-amzn-RequestId", requestId());
            if (r.errorType() != null) {
                h.put("X-Amzn-ErrorType", r.errorType());
            }
            h.put(HttpHeader.CONTENT_LENGTH, r.body().length);
            response.write(true, ByteBuffer.wrap(r.body()), callback);
        }
    }

    /**
     * Errors Jetty raises itself (malformed HTTP, headers too large, a failure outside the protocol) in the AWS error
     * shape, never Jetty's HTML page or a stack trace.
     */
    private static boolean error(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String type = status == 413 || status == 431 ? WireException.TOO_LARGE
                : status >= 500 ? "ServerException" : WireException.SERIALIZATION;
        String message = "HTTP " + status + " " + org.eclipse.jetty.http.HttpStatus.getMessage(status)
                + ": the request could not be processed.";
        WireResponse r = WireProtocol.error(new WireException(type, status, message));
        HttpFields.Mutable h = response.getHeaders();
        h.put(CONTENT_TYPE);
        h.put("x-amzn-RequestId", requestId());
        h.put("X-Amzn-ErrorType", type);
        h.put(HttpHeader.CONTENT_LENGTH, r.body().length);
        response.write(true, ByteBuffer.wrap(r.body()), callback);
        return true;
    }

    /** A random UUID-shaped request id (not a SecureRandom one: ids need not be unguessable). */
    static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = random.nextLong();
        long lo = random.nextLong();
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[p++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int shift = 60 - 4 * (i % 16);
            c[p++] = HEX[(int) (word >>> shift) & 0xF];
        }
        return new String(c);
    }
}
