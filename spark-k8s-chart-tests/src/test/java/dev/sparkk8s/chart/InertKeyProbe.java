package dev.sparkk8s.chart;

import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.ValuesException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Renders a key's alternative value under each {@link ValuesContext} and compares the output with
 * that context's own render. Base renders are cached; the first context that differs ends the probe.
 */
final class InertKeyProbe {

  /** A string {@code --set} would turn into a boolean, null or integer. */
  private static final Pattern RETYPED_BY_SET = Pattern.compile("(?i)true|false|null|-?[0-9]+|");

  private final Path dir;
  private final Map<ValuesContext, Path> contextFiles = new HashMap<>();
  private final Map<ValuesContext, String> baseRenders = new HashMap<>();
  private int files;

  InertKeyProbe(Path dir) {
    this.dir = dir;
  }

  /**
   * Empty when the key's alternative changes the output in some context; else why the key looks
   * inert. Where a context sets the key itself, the alternative is derived from the context's value.
   */
  Optional<String> inert(ValuesLeaf leaf) {
    List<String> refusals = new ArrayList<>();
    for (ValuesContext context : ValuesContext.ALL) {
      Optional<Object> alternative = AlternativeValues.of(context.valueIn(leaf));
      if (alternative.isEmpty() || context.sets(leaf, alternative.get())) {
        continue;
      }
      String rendered;
      try {
        rendered = ChartFixture.renderYaml(override(leaf, alternative.get()).apply(base(context)).build());
      } catch (ValuesException e) {
        refusals.add(context + " (" + e.problems().get(0) + ")");
        continue;
      }
      if (!rendered.equals(baseRender(context))) {
        return Optional.empty();
      }
    }
    return Optional.of(leaf + ": its alternative " + AlternativeValues.of(leaf).orElse(null)
        + " changes nothing in any context" + (refusals.isEmpty() ? "" : "; refused in " + refusals));
  }

  /**
   * Adds the alternative after the context: as {@code --set} when Helm types it back exactly,
   * else (maps, lists, decimals, strings that look like other types) as a values file.
   */
  private UnaryOperator<RenderRequest.Builder> override(ValuesLeaf leaf, Object alternative) {
    boolean exactWithSet = alternative instanceof Boolean || alternative instanceof Long
        || alternative instanceof Integer
        || alternative instanceof String s && !RETYPED_BY_SET.matcher(s).matches();
    if (exactWithSet) {
      return b -> b.set(leaf.dotted(), alternative.toString());
    }
    Path file = ChartFixture.writeValues(dir.resolve("alternative-" + files++ + ".yaml"),
        Map.of(leaf.dotted(), alternative));
    return b -> b.valuesFile(file);
  }

  private RenderRequest.Builder base(ValuesContext context) {
    Path file = contextFiles.computeIfAbsent(context, c ->
        ChartFixture.writeValues(dir.resolve("context-" + files++ + ".yaml"), c.values()));
    return ChartFixture.request().valuesFile(file);
  }

  private String baseRender(ValuesContext context) {
    return baseRenders.computeIfAbsent(context, c -> {
      try {
        return ChartFixture.renderYaml(base(c).build());
      } catch (ValuesException e) {
        throw new AssertionError("context '" + c + "' itself is refused: " + e.getMessage(), e);
      }
    });
  }
}
