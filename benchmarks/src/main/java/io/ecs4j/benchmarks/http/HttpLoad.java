package io.ecs4j.benchmarks.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * The load side of the HTTP benchmark: {@code C} keep-alive connections over loopback, one request outstanding on
 * each, driven by one NIO thread (so the client costs as little CPU as possible on a 2-core machine). Counts only
 * complete 200 responses; any other status fails the run (a fast but wrong run is a failure).
 *
 * <p>Usage: {@code HttpLoad <port> <operation> <bodyFile> <connections> <warmupSeconds> <seconds>}. Prints one line:
 * {@code <operation> <connections> <req/s> <p50 µs> <p99 µs>}.
 */
public final class HttpLoad {
    private HttpLoad() {
    }

    private static final class Conn {
        SocketChannel channel;
        ByteBuffer out;
        final ByteBuffer in = ByteBuffer.allocate(1 << 20);
        long sentAt;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String operation = args[1];
        String body = Files.readString(Path.of(args[2]));
        int connections = Integer.parseInt(args[3]);
        long warmupNanos = Long.parseLong(args[4]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[5]) * 1_000_000_000L;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] request = ("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "X-Amz-Target: AmazonEC2ContainerServiceV20141113." + operation + "\r\n"
                + "Content-Type: application/x-amz-json-1.1\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/us-east-1/ecs/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=00\r\n"
                + "X-Amz-Date: 20261121T000000Z\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);

        Selector selector = Selector.open();
        for (int i = 0; i < connections; i++) {
            Conn c = new Conn();
            c.channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            c.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.channel.configureBlocking(false);
            c.out = ByteBuffer.wrap(request);
            c.sentAt = System.nanoTime();
            c.channel.register(selector, SelectionKey.OP_WRITE, c);
        }
        long[] latencies = new long[8_000_000];
        int samples = 0;
        long count = 0;
        long start = System.nanoTime();
        long measureFrom = start + warmupNanos;
        long end = measureFrom + measureNanos;
        boolean measuring = false;
        while (true) {
            long now = System.nanoTime();
            if (!measuring && now >= measureFrom) {
                measuring = true;
                count = 0;
                samples = 0;
                measureFrom = now;
            }
            if (now >= end) {
                break;
            }
            selector.select(50);
            for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                SelectionKey key = it.next();
                it.remove();
                Conn c = (Conn) key.attachment();
                if (key.isWritable()) {
                    c.channel.write(c.out);
                    if (!c.out.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                } else if (key.isReadable()) {
                    if (c.channel.read(c.in) < 0) {
                        throw new IOException("the server closed a connection");
                    }
                    int length = complete(c.in);
                    if (length < 0) {
                        continue;
                    }
                    if (c.in.get(9) != '2') {
                        throw new IllegalStateException("non-200 answer: "
                                + new String(c.in.array(), 0, Math.min(length, 600), StandardCharsets.UTF_8));
                    }
                    long done = System.nanoTime();
                    count++;
                    if (samples < latencies.length) {
                        latencies[samples++] = done - c.sentAt;
                    }
                    c.in.clear();
                    c.out = ByteBuffer.wrap(request);
                    c.sentAt = done;
                    c.channel.write(c.out);
                    key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                }
            }
        }
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        Arrays.sort(latencies, 0, samples);
        System.out.printf(Locale.ROOT, "%s %d %.0f %d %d%n", operation, connections, count / seconds,
                samples == 0 ? -1 : latencies[samples / 2] / 1000, samples == 0 ? -1 : latencies[(int) (samples * 0.99)] / 1000);
    }

    /** The length of the complete response at the start of {@code buf}, or -1. */
    static int complete(ByteBuffer buf) {
        byte[] a = buf.array();
        int n = buf.position();
        for (int i = 3; i < n; i++) {
            if (a[i - 3] == '\r' && a[i - 2] == '\n' && a[i - 1] == '\r' && a[i] == '\n') {
                String head = new String(a, 0, i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                int p = head.indexOf("content-length:");
                if (p < 0) {
                    throw new IllegalStateException("response without Content-Length: " + head);
                }
                int e = head.indexOf('\r', p);
                int length = Integer.parseInt(head.substring(p + 15, e < 0 ? head.length() : e).trim());
                return n >= i + 1 + length ? i + 1 + length : -1;
            }
        }
        return -1;
    }
}
