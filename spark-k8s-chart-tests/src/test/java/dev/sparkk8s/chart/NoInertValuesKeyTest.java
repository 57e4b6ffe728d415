package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap "a documented values key that no template reads": every leaf key of values.yaml, set to
 * another valid value, changes the rendered output in at least one {@link ValuesContext}.
 */
class NoInertValuesKeyTest {

  @Test
  void everyKeyChangesTheOutput(@TempDir Path dir) throws IOException {
    InertKeyProbe probe = new InertKeyProbe(dir);
    List<String> problems = new ArrayList<>();
    for (ValuesLeaf leaf : ValuesLeaf.ofChartValues()) {
      if (AlternativeValues.of(leaf).isEmpty()) {
        problems.add(leaf.dotted() + ": no rule gives an alternative to " + leaf.value()
            + "; add a valid one to AlternativeValues.EXPLICIT");
        continue;
      }
      probe.inert(leaf).ifPresent(problems::add);
    }
    assertThat(problems).as("values keys that change nothing in %s", ValuesContext.ALL).isEmpty();
  }

  @Test
  void everyExplicitAlternativeIsAValuesKey() throws IOException {
    List<String> keys = ValuesLeaf.ofChartValues().stream().map(ValuesLeaf::dotted).toList();
    assertThat(keys).as("keys of values.yaml (remove stale AlternativeValues.EXPLICIT entries)")
        .containsAll(AlternativeValues.explicitKeys());
  }
}
