package io.ecs4j.server.internal.http;

import io.ecs4j.server.internal.wire.WireException;
import io.ecs4j.server.internal.wire.WireProtocol;
import io.ecs4j.server.internal.wire.WireResponse;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the ECS endpoint on Netty (HTTP/1.1, keep-alive): {@code POST} with {@code X-Amz-Target}, body
 * bounded by {@code maxBodyBytes}.
 *
 * <p>Threading: reads (Describe/List, served from {@code LocalEcs}'s immutable snapshots) are answered on the
 * connection's event-loop thread with no hand-off; operations that wait for a cluster's control loop run on a worker
 * pool so they never stall I/O. Responses on one connection keep the order of its requests (a request is not started
 * before the previous one on that connection is answered).
 */
public final class NettyEndpoint implements AutoCloseable {
    private static final AsciiString CONTENT_TYPE = AsciiString.cached(WireProtocol.CONTENT_TYPE);
    private static final AsciiString REQUEST_ID = AsciiString.cached("x-amzn-RequestId");
    private static final AsciiString ERROR_TYPE = AsciiString.cached("X-Amzn-ErrorType");
    private static final AsciiString TARGET = AsciiString.cached("X-Amz-Target");
    /** How much of an oversized body is read and dropped before the connection is closed instead. */
    private static final long DISCARD_LIMIT = 64L << 20;
    /** Keep-alive connections with nothing to do are closed after this long. */
    private static final int IDLE_SECONDS = 120;
    private static final System.Logger LOG = System.getLogger(NettyEndpoint.class.getName());
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String host;
    private final int port;
    private final int maxBodyBytes;
    private final WireProtocol protocol;
    private final ExecutorService workers;
    private final EventLoopGroup boss;
    private final EventLoopGroup io;
    private Channel server;

    /**
     * @param host         the address to bind, for example {@code 127.0.0.1}
     * @param port         the port, 0 for an ephemeral one
     * @param maxBodyBytes the largest request body accepted
     * @param maxThreads   the worker pool size for operations that wait for a control loop
     * @param ioThreads    event-loop threads
     */
    public NettyEndpoint(String host, int port, int maxBodyBytes, int maxThreads, int ioThreads,
                         WireProtocol protocol) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.maxBodyBytes = maxBodyBytes;
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "ecs4j-http-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.boss = new MultiThreadIoEventLoopGroup(1, daemon("ecs4j-http-accept"), NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(ioThreads, daemon("ecs4j-http-io"), NioIoHandler.newFactory());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Binds and starts serving. */
    public void start() throws Exception {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, io)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS),
                                new HttpServerCodec(4096, 16 * 1024, 64 * 1024),
                                new HttpServerExpectContinueHandler(),
                                new EcsHandler());
                    }
                });
        try {
            server = b.bind(new InetSocketAddress(host, port)).sync().channel();
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdown();
        boss.terminationFuture().syncUninterruptibly();
        io.terminationFuture().syncUninterruptibly();
    }

    /** One request being received. */
    private static final class Incoming {
        final String target;
        final String authorization;
        final boolean keepAlive;
        final HttpMethod method;
        byte[] body;
        int length;
        long size;
        boolean tooLarge;
        boolean close;
        WireResponse early;

        Incoming(HttpRequest request, int expected) {
            HttpHeaders h = request.headers();
            this.target = h.get(TARGET);
            this.authorization = h.get(HttpHeaderNames.AUTHORIZATION);
            this.keepAlive = HttpUtil.isKeepAlive(request);
            this.method = request.method();
            this.body = new byte[Math.max(64, expected)];
        }

        void append(ByteBuf content, int n) {
            if (length + n > body.length) {
                body = java.util.Arrays.copyOf(body, Math.max(body.length * 2, length + n));
            }
            content.readBytes(body, length, n);
            length += n;
        }

        byte[] bytes() {
            return length == body.length ? body : java.util.Arrays.copyOf(body, length);
        }
    }

    /** Per connection: assembles requests, answers them in order. Not shared between channels. */
    private final class EcsHandler extends ChannelInboundHandlerAdapter {
        private Incoming current;
        private final ArrayDeque<Incoming> queue = new ArrayDeque<>();
        private boolean busy;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof HttpRequest request) {
                    begin(request);
                    if (request.decoderResult().isFailure()) {
                        // the codec drops the rest of the connection's input: answer now
                        queue.add(current);
                        current = null;
                        drain(ctx);
                        return;
                    }
                }
                if (msg instanceof HttpContent content && current != null) {
                    append(content.content());
                    if (current.size > DISCARD_LIMIT || (current.tooLarge && current.close)) {
                        // too much to drop quietly: answer now and close the connection
                        current.close = true;
                        queue.add(current);
                        current = null;
                        drain(ctx);
                    } else if (msg instanceof LastHttpContent) {
                        Incoming done = current;
                        current = null;
                        queue.add(done);
                        drain(ctx);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void begin(HttpRequest request) {
            long length;
            try {
                length = request.decoderResult().isFailure() ? -1L : HttpUtil.getContentLength(request, -1L);
            } catch (NumberFormatException e) {
                length = -1L;
            }
            current = new Incoming(request, length > 0 && length <= maxBodyBytes ? (int) length : 0);
            if (request.decoderResult().isFailure()) {
                current.close = true;
                current.early = WireProtocol.error(new WireException(WireException.SERIALIZATION, 400,
                        "The request is not valid HTTP/1.1: " + request.decoderResult().cause().getMessage()));
            } else if (!HttpMethod.POST.equals(request.method())) {
                current.early = WireProtocol.error(new WireException(WireException.UNKNOWN_OPERATION, 405,
                        "ECS API requests are POST requests with an X-Amz-Target header; got "
                                + request.method() + "."));
            } else if (length > maxBodyBytes) {
                current.tooLarge = true;
                current.close = length > DISCARD_LIMIT;
            }
        }

        private void append(ByteBuf content) {
            int n = content.readableBytes();
            current.size += n;
            if (current.tooLarge || current.early != null) {
                return;
            }
            if (current.size > maxBodyBytes) {
                current.tooLarge = true;
                return;
            }
            current.append(content, n);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        private void drain(ChannelHandlerContext ctx) {
            while (!busy && !queue.isEmpty()) {
                Incoming r = queue.poll();
                if (r.early != null) {
                    write(ctx, r, r.early, r.close);
                } else if (r.tooLarge) {
                    write(ctx, r, WireProtocol.error(new WireException(WireException.TOO_LARGE, 413,
                            "The request body is " + r.size + " bytes; this endpoint accepts at most " + maxBodyBytes
                                    + " bytes.")), r.close);
                } else if (protocol.isBlocking(r.target)) {
                    busy = true;
                    byte[] body = r.bytes();
                    workers.execute(() -> {
                        WireResponse answer = protocol.handle(r.target, r.authorization, body);
                        ctx.executor().execute(() -> {
                            busy = false;
                            write(ctx, r, answer, false);
                            drain(ctx);
                            ctx.flush();
                        });
                    });
                } else {
                    write(ctx, r, protocol.handle(r.target, r.authorization, r.bytes()), false);
                }
            }
        }

        private void write(ChannelHandlerContext ctx, Incoming r, WireResponse answer, boolean forceClose) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
            HttpHeaders h = response.headers();
            h.set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE);
            h.set(REQUEST_ID, requestId());
            if (answer.errorType() != null) {
                h.set(ERROR_TYPE, answer.errorType());
            }
            if (answer.status() == 405) {
                h.set(HttpHeaderNames.ALLOW, "POST");
            }
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            boolean close = forceClose || !r.keepAlive;
            if (close) {
                h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.write(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.write(response);
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && !busy && current == null && queue.isEmpty()) {
                ctx.close();
            } else {
                ctx.fireUserEventTriggered(event);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(System.Logger.Level.DEBUG, "closing a connection after an error", cause);
            ctx.close();
        }
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
