package dev.lighttrack.bench.agents.virtualdevice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * A virtual Android device: speaks the device side of the ADB protocol on 127.0.0.1 so that the
 * real adb server ({@code adb connect 127.0.0.1:PORT}) and dadb drive it like a phone.
 *
 * <p>It demands AUTH by a trusted key (see {@link AdbConnection}) and offers {@code shell} (v1 and v2),
 * {@code exec} and {@code sync}.
 * Shell commands run in {@code /bin/sh -c} on this host, so timings taken through it are this
 * host's. Device paths under {@code /data/local/tmp} and {@code /sys} live in a sandbox directory;
 * this is a textual rewrite of those prefixes in command lines and sync paths, not a chroot (see
 * {@link DevicePathMapper}). {@code getprop} and the sysfs nodes come from the configuration.
 *
 * <p>Protocol traces are logged at FINE on the logger of this package.
 */
public final class VirtualDevice implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(VirtualDevice.class.getName());
    /** Connections at once: an adb server makes one per device, dadb one per client. */
    static final int MAX_CONNECTIONS = 16;
    private static final String LOOPBACK = "127.0.0.1";
    static final String FEATURES = "shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir";

    private final VirtualDeviceConfig config;
    private final ServerSocket serverSocket;
    private final ExecutorService executor;
    private final ShellProcessLauncher launcher;
    private final ServiceRouter router;
    private final DeviceSandbox sandbox;
    private final String banner;
    private final Set<AdbConnection> connections = ConcurrentHashMap.newKeySet();
    private final AdbAuthenticator authenticator;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();

    private VirtualDevice(VirtualDeviceConfig config, ServerSocket serverSocket, DeviceSandbox sandbox)
            throws IOException {
        this.config = config;
        this.serverSocket = serverSocket;
        this.sandbox = sandbox;
        this.banner = banner(config);
        this.executor = Executors.newCachedThreadPool(daemonThreads("vdev " + serverSocket.getLocalPort()));
        this.launcher = new ShellProcessLauncher(sandbox);
        this.authenticator = new AdbAuthenticator(config.trustedKeys());
        this.router = new ServiceRouter(launcher, sandbox, executor);
    }

    /**
     * Prepares the sandbox and starts listening on 127.0.0.1 only.
     *
     * @throws IOException if the sandbox cannot be written or the port cannot be bound
     * @throws IllegalArgumentException if the sandbox root contains characters that are not safe
     *     to splice into shell command lines (anything but letters, digits and {@code . _ + - /})
     */
    public static VirtualDevice start(VirtualDeviceConfig config) throws IOException {
        DeviceSandbox sandbox = DeviceSandbox.prepare(config);
        ServerSocket serverSocket = bind(config.port());
        VirtualDevice device;
        try {
            device = new VirtualDevice(config, serverSocket, sandbox);
        } catch (IOException | RuntimeException e) {
            serverSocket.close();
            throw e;
        }
        device.executor.execute(device::acceptConnections);
        LOG.info(() -> "virtual device " + device.serial() + " (" + config.productModel() + ") listening;"
                + " sandbox " + sandbox.root());
        return device;
    }

    /** The TCP port the device listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The serial an adb server gives it after {@code adb connect}: {@code 127.0.0.1:PORT}. */
    public String serial() {
        return LOOPBACK + ":" + port();
    }

    public VirtualDeviceConfig config() {
        return config;
    }

    /** The host directory standing in for the device's private files (absolute). */
    public Path sandboxRoot() {
        return sandbox.root();
    }

    /** The connection banner: {@code device::ro.product.name=..;ro.product.model=..;ro.product.device=..;features=..}. */
    public String banner() {
        return banner;
    }

    public boolean isRunning() {
        return !closing.get();
    }

    /** Blocks until {@link #close()} has been called (e.g. from a shutdown hook of a foreground CLI). */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Like {@link #awaitClose()}, bounded; returns whether the device was closed in time. */
    public boolean awaitClose(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops listening, drops every connection and kills every command still running. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.fine(() -> "closing server socket: " + e);
        }
        connections.forEach(AdbConnection::close);
        launcher.killAll();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warning("virtual device " + serial() + ": service threads still running 5 s after close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed.countDown();
    }

    static String banner(VirtualDeviceConfig config) {
        return "device::ro.product.name=" + config.productName()
                + ";ro.product.model=" + config.productModel()
                + ";ro.product.device=" + config.productDevice()
                + ";features=" + FEATURES;
    }

    private void acceptConnections() {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    LOG.warning("virtual device " + serial() + ": accept failed: " + e.getMessage());
                }
                return;
            }
            try {
                socket.setTcpNoDelay(true);
                if (connections.size() >= MAX_CONNECTIONS) {
                    LOG.warning("virtual device " + serial() + ": refusing a connection, " + MAX_CONNECTIONS
                            + " are open");
                    closeQuietly(socket);
                    continue;
                }
                AdbConnection connection = new AdbConnection(socket, authenticator, banner, router, executor);
                connections.add(connection);
                executor.execute(() -> {
                    try {
                        connection.run();
                    } finally {
                        connections.remove(connection);
                    }
                });
            } catch (IOException | RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private static ServerSocket bind(int port) throws IOException {
        InetAddress loopback = InetAddress.getByName(LOOPBACK);
        if (port != 0) {
            return bindExactly(loopback, port);
        }
        // Ephemeral ports are far above 5585 on Linux, but a system may be configured otherwise.
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket socket = bindExactly(loopback, 0);
            int chosen = socket.getLocalPort();
            if (chosen < VirtualDeviceConfig.EMULATOR_SCAN_FIRST_PORT || chosen > VirtualDeviceConfig.EMULATOR_SCAN_LAST_PORT) {
                return socket;
            }
            socket.close();
        }
        throw new IOException("could not get a free port outside 5555-5585 from the system: pass an explicit port");
    }

    private static ServerSocket bindExactly(InetAddress address, int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 50);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + " ("
                    + e.getMessage() + "): pick another port or 0 for a free one", e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do for a connection we could not serve
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + " worker " + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
