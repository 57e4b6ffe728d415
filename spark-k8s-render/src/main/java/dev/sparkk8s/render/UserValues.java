package dev.sparkk8s.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The values a user gives a command: a preset, values files ({@code -f}) and {@code --set} arguments, which
 * {@link RenderRequest.Builder#values} applies in that order after the chart's values.yaml.
 *
 * @param preset       a preset name, or null for none
 * @param valuesFiles  values files, in order
 * @param setArguments {@code --set} arguments as typed ({@code a=1,b=2}), in order
 */
public record UserValues(String preset, List<Path> valuesFiles, List<String> setArguments) {

  public UserValues {
    valuesFiles = List.copyOf(valuesFiles);
    setArguments = List.copyOf(setArguments);
  }

  public static UserValues none() {
    return new UserValues(null, List.of(), List.of());
  }

  /** Only {@code --set} arguments. */
  public static UserValues sets(List<String> setArguments) {
    return new UserValues(null, List.of(), setArguments);
  }

  /** These values on the preset {@code name} when they name none. */
  public UserValues withDefaultPreset(String name) {
    return preset != null ? this : new UserValues(name, valuesFiles, setArguments);
  }

  /** These values with one more values file after the user's, so before the {@code --set} arguments. */
  public UserValues withValuesFile(Path file) {
    List<Path> files = new ArrayList<>(valuesFiles);
    files.add(file);
    return new UserValues(preset, files, setArguments);
  }
}
