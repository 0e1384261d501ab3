package dev.taxiscale.ingest;

import dev.taxiscale.s3.S3Location;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns inputs as given (files, directories, http(s) URLs) into local {@link InputFile}s.
 *
 * <p>A directory contributes its regular, non-hidden files in name order (not recursively); {@code
 * *.rejects.csv} files are skipped because the engine writes them. URLs are downloaded into the
 * cache directory by {@link HttpDownloads}, which reuses a copy only while the server says it is
 * unchanged; {@code s3://} inputs go to the object store given, which streams them in place.
 */
public final class InputResolver {
  private static final Logger log = LoggerFactory.getLogger(InputResolver.class);
  static final String REJECTS_SUFFIX = ".rejects.csv";

  /** Resolves {@code s3://} inputs. */
  @FunctionalInterface
  public interface ObjectStore {
    List<InputFile> resolve(String input) throws IngestException;
  }

  private static final ObjectStore NO_OBJECT_STORE =
      input -> {
        throw new IngestException(input + ": s3:// inputs need an object store, none was given");
      };

  private final HttpDownloads downloads;
  private final ObjectStore objectStore;

  public InputResolver(Path cacheDir) {
    this(cacheDir, NO_OBJECT_STORE);
  }

  public InputResolver(Path cacheDir, ObjectStore objectStore) {
    this(cacheDir, DownloadLimits.fromEnvironment(System.getenv()), objectStore);
  }

  /** A resolver whose downloads stop at {@code limits}. */
  public InputResolver(Path cacheDir, DownloadLimits limits) {
    this(cacheDir, limits, NO_OBJECT_STORE);
  }

  private InputResolver(Path cacheDir, DownloadLimits limits, ObjectStore objectStore) {
    this.downloads = new HttpDownloads(cacheDir, limits);
    this.objectStore = objectStore;
  }

  /** Resolves every input, in order; the first unusable one fails the whole list. */
  public List<InputFile> resolve(List<String> inputs) throws IngestException {
    List<InputFile> files = new ArrayList<>();
    for (String input : inputs) {
      files.addAll(resolve(input));
    }
    return files;
  }

  private List<InputFile> resolve(String input) throws IngestException {
    if (S3Location.isS3(input)) {
      return objectStore.resolve(input);
    }
    try {
      if (input.startsWith("http://") || input.startsWith("https://")) {
        return List.of(InputFile.of(input, downloadOrFail(input)));
      }
      Path path = Path.of(input);
      if (Files.isDirectory(path)) {
        return listDirectory(path);
      }
      if (!Files.isRegularFile(path)) {
        throw new IngestException(input + ": no such file");
      }
      return List.of(InputFile.of(input, path));
    } catch (NoSuchFileException e) {
      throw new IngestException(input + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IngestException(input + ": permission denied", e);
    } catch (IOException e) {
      throw new IngestException(input + ": cannot read: " + Failures.firstLine(e), e);
    }
  }

  private Path downloadOrFail(String url) throws IngestException {
    try {
      return download(url);
    } catch (IllegalArgumentException | IOException e) {
      throw new IngestException(url + ": download failed: " + Failures.firstLine(e), e);
    }
  }

  private static List<InputFile> listDirectory(Path dir) throws IOException {
    List<InputFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (Files.isRegularFile(entry) && !name.startsWith(".") && !name.endsWith(REJECTS_SUFFIX)) {
          files.add(InputFile.of(entry.toString(), entry));
        }
      }
    }
    return files;
  }

  private Path download(String url) throws IOException, IngestException {
    return downloads.fetch(url);
  }
}
