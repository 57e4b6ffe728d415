package dev.sparkk8s.cluster.doctor;

import java.util.regex.Matcher;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the API server refused, where the release can see it: the driver's log (the requests Spark makes) and the
 * events about the release's objects (the requests its controllers make).
 */
public final class Refusals {

  /**
   * A pattern found in one line.
   *
   * @param resource  {@code Kind/name} of the pod whose log, or the object whose event, says it
   * @param container the driver's container, or {@code null} for an event
   * @param source    where it was read: {@code the driver's log} or {@code event <reason>}
   */
  public record Match(String resource, String container, String source, MatchResult match) {
  }

  private Refusals() {
  }

  /** The first match of the pattern in each driver log line and event message. */
  public static Stream<Match> matching(ClusterSnapshot snapshot, Pattern pattern) {
    Stream<Match> logs = DriverLogs.lines(snapshot).flatMap(line -> find(pattern, line.text())
        .map(m -> new Match(Pods.ref(line.pod()), line.container(), "the driver's log", m)));
    Stream<Match> events = snapshot.events().stream().flatMap(event -> find(pattern, event.getMessage())
        .map(m -> new Match(event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName(), null,
            "event " + event.getReason(), m)));
    return Stream.concat(logs, events);
  }

  private static Stream<MatchResult> find(Pattern pattern, String text) {
    Matcher m = text == null ? null : pattern.matcher(text);
    return m != null && m.find() ? Stream.of(m.toMatchResult()) : Stream.empty();
  }
}
