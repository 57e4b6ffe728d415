package dev.sparkk8s.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the nginx image's entrypoint does before it runs nginx (its {@code 20-envsubst-on-templates.sh}): each
 * {@code *.template} file under {@code NGINX_ENVSUBST_TEMPLATE_DIR} is written to {@code NGINX_ENVSUBST_OUTPUT_DIR}
 * without the suffix, with {@code $NAME} and {@code ${NAME}} of the variables {@code NGINX_ENVSUBST_FILTER} matches
 * replaced by their values; then this machine's nginx runs the container's words.
 */
final class NginxImage {

  static final String NAME = "nginx";
  private static final String SUFFIX = ".template";
  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)\\}|([A-Za-z_][A-Za-z0-9_]*))");

  private NginxImage() {
  }

  /** The nginx binary of this machine (Debian's nginx package puts it in /usr/sbin), or a refusal saying how to get it. */
  static Path binary() {
    String path = System.getenv("PATH");
    return Executables.onPath(NAME, (path == null ? "" : path) + ":/usr/sbin:/usr/local/sbin")
        .orElseThrow(() -> new LocalInputException("the Connect server's TLS proxy (security.connect) runs nginx, which "
            + "this machine lacks; install it (apt-get install nginx)"));
  }

  /**
   * Writes the container's templates, as the image's entrypoint would, each line made local by {@code local}
   * (mounted paths, the pod's ports).
   *
   * @param env the container's environment, its paths already local
   */
  static void renderTemplates(Map<String, String> env, UnaryOperator<String> local) {
    Path templates = Path.of(env.getOrDefault("NGINX_ENVSUBST_TEMPLATE_DIR", "/etc/nginx/templates"));
    if (!Files.isDirectory(templates)) {
      return;
    }
    Path output = Path.of(env.getOrDefault("NGINX_ENVSUBST_OUTPUT_DIR", "/etc/nginx/conf.d"));
    Pattern filter = Pattern.compile(env.getOrDefault("NGINX_ENVSUBST_FILTER", ""));
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path template : files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(SUFFIX))
          .toList()) {
        String relative = templates.relativize(template).toString();
        Path target = output.resolve(relative.substring(0, relative.length() - SUFFIX.length()));
        Files.createDirectories(target.getParent());
        Files.writeString(target, local.apply(substitute(Files.readString(template), env, filter)));
      }
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write nginx's configuration from " + templates + " to " + output + ": "
          + e.getMessage(), e);
    }
  }

  /** envsubst with the list of defined variables the filter matches: any other {@code $name} stays as written. */
  static String substitute(String text, Map<String, String> env, Pattern filter) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = Optional.ofNullable(m.group(1)).orElse(m.group(2));
      boolean defined = env.containsKey(name) && filter.matcher(name).find();
      m.appendReplacement(out, Matcher.quoteReplacement(defined ? env.get(name) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The command line: this machine's nginx with the container's arguments. */
  static List<String> command(List<String> words) {
    return Stream.concat(Stream.of(binary().toString()), words.stream().skip(1)).toList();
  }
}
