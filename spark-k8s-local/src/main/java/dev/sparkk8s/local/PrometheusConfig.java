package dev.sparkk8s.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local Prometheus's configuration file ({@code prometheus.yml}) as a document: the scrape jobs and the rule
 * file. Scrapes and rule evaluations run at the shortest interval a job asks for, so that alerts on one machine
 * follow what the release's rules say ({@code for}) rather than Prometheus's one-minute default.
 */
final class PrometheusConfig {

  static final String RULE_FILE = "rules.yaml";
  private static final String DEFAULT_INTERVAL = "15s";

  private PrometheusConfig() {
  }

  static Map<String, Object> document(List<ScrapeJob> jobs, boolean withRules) {
    String interval = jobs.stream().map(ScrapeJob::interval).filter(i -> i != null)
        .min((a, b) -> seconds(a).compareTo(seconds(b))).orElse(DEFAULT_INTERVAL);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("global", Map.of("scrape_interval", interval, "evaluation_interval", interval));
    if (withRules) {
      doc.put("rule_files", List.of(RULE_FILE));
    }
    List<Map<String, Object>> configs = new ArrayList<>();
    for (ScrapeJob job : jobs) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("job_name", job.name());
      c.put("metrics_path", job.path());
      if (job.interval() != null) {
        c.put("scrape_interval", job.interval());
      }
      c.put("static_configs", job.targets().stream()
          .map(t -> Map.of("targets", List.of(t.address()), "labels", t.labels())).toList());
      if (!job.relabelings().isEmpty()) {
        c.put("relabel_configs", job.relabelings());
      }
      configs.add(c);
    }
    doc.put("scrape_configs", configs);
    return doc;
  }

  /** A Prometheus duration in seconds ({@code 5s}, {@code 1m}, {@code 500ms}), for comparing intervals. */
  static Duration seconds(String duration) {
    String unit = duration.replaceAll("[0-9]", "");
    long n = Long.parseLong(duration.replaceAll("[^0-9]", ""));
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> throw new LocalInputException("scrape interval " + duration + ": use a Prometheus duration such as 30s");
    };
  }
}
