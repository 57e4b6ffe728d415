package dev.sparkk8s.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.ConnectUrls;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Waits until the platform is really up: every container passes its own readiness probe, every
 * worker is registered with the master, and the Connect server has answered a query. Reports
 * progress while it waits, and fails fast, with the log's last lines, when a process dies.
 */
final class StartupWatch {

  private static final Duration POLL = Duration.ofMillis(250);
  /** How often the first query's answer is looked for: it is the time {@code up} is measured by. */
  private static final Duration ANSWER_POLL = Duration.ofMillis(25);
  private static final Duration REPORT_EVERY = Duration.ofSeconds(5);
  private static final int LOG_LINES = 15;

  private final List<StartedProcess> processes;
  private final LocalAddresses addresses;
  private final Consumer<String> progress;
  private final Instant start;
  private Duration firstAnswer;

  StartupWatch(List<StartedProcess> processes, LocalAddresses addresses, Consumer<String> progress, Instant start) {
    this.processes = processes;
    this.addresses = addresses;
    this.progress = progress;
    this.start = start;
  }

  void awaitReady(Duration timeout, LocalState state) {
    Set<String> waiting = new LinkedHashSet<>();
    processes.forEach(p -> waiting.add(p.plan().instance()));
    waiting.add("workers registered");
    waiting.add("first query");
    Instant deadline = Instant.now().plus(timeout);
    // The client's classes load while the server starts, not after it is ready.
    CompletableFuture<SparkSession> client =
        CompletableFuture.supplyAsync(() -> ConnectSessions.client(state.connectUrl()));
    Instant[] nextReport = {Instant.now().plus(REPORT_EVERY)};
    long workers = processes.stream().filter(p -> p.plan().container().component() == Component.WORKER).count();
    boolean up = Poll.every(POLL, timeout).until(() -> {
      failIfInterrupted();
      for (StartedProcess p : processes) {
        failIfDead(p);
        String name = p.plan().instance();
        if (waiting.contains(name) && !probeAfterFirstAnswer(p, waiting) && Readiness.probe(p.plan(), addresses)) {
          ready(waiting, name, p);
        }
      }
      if (waiting.contains("workers registered") && !waiting.contains(Component.MASTER.label())
          && aliveWorkers(state.masterWebUrl()) >= workers) {
        ready(waiting, "workers registered", null);
      }
      if (waiting.contains("first query") && !waiting.contains("workers registered") && connectListens(waiting)) {
        firstQuery(state.connectUrl(), client, deadline);
        firstAnswer = Duration.between(start, Instant.now());
        ready(waiting, "first query", null);
      }
      if (!waiting.isEmpty() && Instant.now().isAfter(nextReport[0])) {
        say("waiting for " + String.join(", ", waiting));
        nextReport[0] = Instant.now().plus(REPORT_EVERY);
      }
      return waiting.isEmpty();
    });
    if (!up) {
      throw new LocalRuntimeException("the platform did not come up within " + timeout.toSeconds() + "s; still waiting for: "
          + String.join(", ", waiting) + "; logs are in " + state.runDir().resolve("instances") + logsOfThoseNotReady(waiting));
    }
  }

  /**
   * Whether a Connect container's readiness probe waits for the first answer. On the standalone backend it reads
   * the driver UI's REST API, whose first request starts that API (about a second of CPU on a small machine):
   * made while the first query runs, it would delay the answer the user waits for. A TLS proxy beside it is probed
   * as always: the first query goes through it.
   */
  static boolean probeAfterFirstAnswer(StartedProcess p, Set<String> waiting) {
    ChartContainer c = p.plan().container();
    return waiting.contains("first query") && c.component() == Component.CONNECT && !c.secondary();
  }

  /**
   * Whether the Connect server takes a first query: its gRPC port accepts connections and its pod's other
   * containers (a TLS proxy) are ready. Its readiness probe (the master lists its application) may pass later: the
   * server-side session is made meanwhile, and the query waits in the server for the executor.
   */
  private boolean connectListens(Set<String> waiting) {
    for (StartedProcess p : processes) {
      ChartContainer c = p.plan().container();
      if (c.component() != Component.CONNECT) {
        continue;
      }
      String name = p.plan().instance();
      boolean listening = !waiting.contains(name) || !c.secondary() && addresses.hasPort(c, PortNames.GRPC)
          && Readiness.tcp(addresses.port(c, PortNames.GRPC));
      if (!listening) {
        return false;
      }
    }
    return true;
  }

  /** From the start of {@code up} to the Connect server's first answer; null before it answered. */
  Duration firstAnswer() {
    return firstAnswer;
  }

  /**
   * The last lines of the log of each process that is not ready yet, or that the step still waited for
   * stands on: the workers for their registration, the Connect server for the first query.
   */
  private String logsOfThoseNotReady(Set<String> waiting) {
    StringBuilder out = new StringBuilder();
    for (StartedProcess p : processes) {
      Component component = p.plan().container().component();
      String name = p.plan().instance();
      String why = waiting.contains(name) ? "not ready"
          : waiting.contains("workers registered") && component == Component.WORKER ? "not registered with the master"
          : waiting.contains("first query") && component == Component.CONNECT ? "no answer to the first query"
          : null;
      if (why != null) {
        out.append(lastLines(p, why));
      }
    }
    return out.toString();
  }

  private static String lastLines(StartedProcess p, String why) {
    return "\n" + p.plan().instance() + " (" + why + "), the last lines of " + p.plan().log() + ":\n"
        + LogTail.of(p.plan().log(), LOG_LINES);
  }

  /**
   * The first query, bounded by the deadline and abandoned when a process dies: a port answered by
   * something else (another run took it) must not leave us in the client's retries.
   */
  private void firstQuery(String url, CompletableFuture<SparkSession> client,
      Instant deadline) {
    CompletableFuture<Void> query = client.thenAcceptAsync(session -> ConnectProbe.firstQuery(url, session));
    Duration left = Duration.between(Instant.now(), deadline);
    boolean answered = Poll.every(ANSWER_POLL, left.isNegative() ? Duration.ZERO : left).until(() -> {
      failIfInterrupted();
      processes.forEach(this::failIfDead);
      return query.isDone();
    });
    if (!answered) {
      query.cancel(true);
      throw new LocalRuntimeException("the Connect server at " + ConnectUrls.redacted(url) + " did not answer a first query in time"
          + logsOfThoseNotReady(Set.of("first query")));
    }
    try {
      query.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private void ready(Set<String> waiting, String what, StartedProcess p) {
    waiting.remove(what);
    String port = p == null ? "" : " (ports " + addresses.ports(p.plan().container().instance()).values() + ")";
    say(what + (p == null ? " ✓" : " ready" + port));
  }

  private void failIfDead(StartedProcess p) {
    if (!p.process().isAlive()) {
      throw new LocalRuntimeException(p.plan().instance() + " exited with code " + p.process().exitValue()
          + " while starting; the last lines of " + p.plan().log() + ":\n" + LogTail.of(p.plan().log(), LOG_LINES));
    }
  }

  /** Workers the master lists as ALIVE, from its web UI's JSON. */
  static int aliveWorkers(String masterWebUrl) {
    String body = Readiness.httpGet(masterWebUrl + "/json/");
    if (body == null) {
      return 0;
    }
    try {
      JsonNode json = new ObjectMapper().readTree(body);
      List<JsonNode> alive = new ArrayList<>();
      json.path("workers").forEach(w -> {
        if ("ALIVE".equals(w.path("state").asText())) {
          alive.add(w);
        }
      });
      return alive.size();
    } catch (IOException e) {
      return 0;
    }
  }

  private void say(String message) {
    double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
    progress.accept(String.format("[%5.1fs] %s", seconds, message));
  }

  private static void failIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new LocalRuntimeException("interrupted while waiting for the platform");
    }
  }
}
