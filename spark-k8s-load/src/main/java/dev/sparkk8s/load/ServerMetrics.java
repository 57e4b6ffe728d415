package dev.sparkk8s.load;

import java.util.List;

/**
 * What the servers did during a load run, read from Prometheus: a figure per resource, and why any of it is missing.
 *
 * @param prometheusUrl where it was read
 * @param figures       executor CPU, GC time and shuffle bytes, in that order
 * @param problems      what could not be read, one line each
 */
public record ServerMetrics(String prometheusUrl, List<Figure> figures, List<String> problems) {

  /**
   * One chart of the report.
   *
   * @param unit      of the plotted values (per second)
   * @param totalUnit of each line's total over the run
   */
  public record Figure(String key, String title, String description, String unit, String totalUnit, List<Line> lines) {
  }

  /**
   * One plotted series.
   *
   * @param query  the PromQL plotted
   * @param total  its counter's increase over the run, NaN when Prometheus has none
   * @param points (seconds into the run, value), empty when Prometheus has none
   */
  public record Line(String name, String query, double total, List<double[]> points) {

    public boolean hasData() {
      return !points.isEmpty();
    }
  }
}
