package dev.sparkk8s.load;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.ConnectTls;
import dev.sparkk8s.connect.ConnectUrls;
import dev.sparkk8s.connect.queries.SalesQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Runs a scenario against a Spark Connect server: generates the data on the server, then N
 * concurrent sessions run the weighted mix for the duration (or K queries each), every answer
 * checked, with live progress.
 */
public final class LoadRunner {

  private final Consumer<String> progress;

  public LoadRunner(Consumer<String> progress) {
    this.progress = progress;
  }

  public LoadResult run(LoadOptions o) throws InterruptedException {
    Scenario s = o.scenario();
    String version;
    String backend;
    SparkSession setup = connect(o.connectUrl());
    try {
      version = setup.version();
      backend = backend(setup.sql("SET spark.master").first().getString(1));
      progress.accept("Spark " + version + " (" + backend + ") at " + ConnectUrls.redacted(o.connectUrl()) + "; scenario " + s.name()
          + ": " + o.rows() + " rows, " + o.effectiveSessions() + " sessions");
      progress.accept("generating data in " + o.dataDir() + " (kept for later runs)");
      GeneratedData.ensure(setup, o.dataDir(), o.rows(), s.customers());
    } finally {
      ConnectSessions.close(setup);
    }
    SalesQueries queries = new SalesQueries(o.rows(), s.customers());
    List<QueryRecord> records = Collections.synchronizedList(new ArrayList<>());
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    long deadline = o.iterations() != null ? Long.MAX_VALUE
        : startNanos + (o.duration() != null ? o.duration() : s.duration()).toNanos();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    ticker.scheduleAtFixedRate(() -> tick(records, startNanos), 2, 2, TimeUnit.SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(o.effectiveSessions());
    try {
      List<Future<?>> sessions = new ArrayList<>();
      for (int i = 0; i < o.effectiveSessions(); i++) {
        int index = i;
        sessions.add(pool.submit(() -> session(o, index, queries, startNanos, deadline, records)));
      }
      for (Future<?> f : sessions) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          progress.accept("session failed: " + e.getCause().getMessage());
        }
      }
    } finally {
      pool.shutdownNow();
      ticker.shutdownNow();
    }
    tick(records, startNanos);
    return new LoadResult(o, version, backend, start, Instant.now(), List.copyOf(records), null);
  }

  private void session(LoadOptions o, int index, SalesQueries queries, long startNanos, long deadline,
      List<QueryRecord> records) {
    Scenario s = o.scenario();
    SparkSession spark = connect(o.connectUrl());
    try {
      GeneratedData.register(spark, o.dataDir(), o.rows(), s.customers());
      LoadSession session = new LoadSession(index, spark, queries, s.weights(), o.dataDir() + "/out");
      int done = 0;
      while (System.nanoTime() < deadline && (o.iterations() == null || done < o.iterations())) {
        records.add(session.run(session.next(), startNanos));
        done++;
      }
    } finally {
      ConnectSessions.close(spark);
    }
  }

  private void tick(List<QueryRecord> records, long startNanos) {
    List<QueryRecord> snapshot;
    synchronized (records) {
      snapshot = List.copyOf(records);
    }
    LatencyStats stats = LatencyStats.of(snapshot);
    progress.accept(String.format("[%5.1fs] %d queries, %d failed, p95 %d ms", (System.nanoTime() - startNanos) / 1e9,
        stats.queries(), stats.failed(), stats.p95()));
  }

  private static SparkSession connect(String url) {
    reachable(url);
    try {
      return ConnectSessions.open(url);
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      // A client without TLS meets a TLS proxy's port as a broken HTTP/2 stream.
      String hint = !ConnectTls.used(url) && message.contains("http2 exception")
          ? "; if it is a TLS proxy's port, add ;use_ssl=true;token=<token> to the URL" : "";
      throw new LoadUnreachableException("cannot reach a Spark Connect server at " + ConnectUrls.redacted(url) + ": "
          + message + hint, e);
    }
  }

  /** Fails at once when nothing listens, instead of after the client's minutes of retries. */
  static void reachable(String url) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(url.replaceFirst("^sc://", "http://").replaceFirst("/;.*$", ""));
    } catch (java.net.URISyntaxException e) {
      uri = null;
    }
    if (uri == null || uri.getHost() == null) {
      throw new SparkK8sException(ExitCode.BAD_INPUT,
          "--connect " + url + ": not a Spark Connect URL; expected sc://<host>:<port>, e.g. sc://127.0.0.1:15002");
    }
    int port = uri.getPort() < 0 ? 15002 : uri.getPort();
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), 5000);
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new LoadUnreachableException("cannot reach a Spark Connect server at " + ConnectUrls.redacted(url) + ": "
          + e.getMessage() + "; is it up? (spark-k8s up --local prints its URL)", e);
    }
    if (ConnectTls.used(url)) {
      ConnectTls.requireTrusted(url, uri.getHost(), port);
    }
  }

  static String backend(String master) {
    if (master.startsWith("k8s://")) {
      return "kubernetes";
    }
    if (master.startsWith("spark://")) {
      return "standalone";
    }
    return master.startsWith("local") ? "local" : master;
  }
}
