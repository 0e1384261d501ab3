package dev.taxiscale.deploy.kustomize;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes Kubernetes YAML as plain maps and lists, one map per document. */
public final class Yaml {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private Yaml() {}

  /** Every non-empty document of a file. */
  public static List<Map<String, Object>> readAll(Path file) {
    try (MappingIterator<LinkedHashMap<String, Object>> docs =
        MAPPER.readerFor(OBJECT).readValues(file.toFile())) {
      return collect(docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read YAML " + file + ": " + e.getMessage(), e);
    }
  }

  /** Every non-empty document of a text, such as the output of {@code kubectl kustomize}. */
  public static List<Map<String, Object>> readAll(String text) {
    try (MappingIterator<LinkedHashMap<String, Object>> docs =
        MAPPER.readerFor(OBJECT).readValues(text)) {
      return collect(docs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read YAML: " + e.getMessage(), e);
    }
  }

  /** The single document of a file, such as a kustomization. */
  public static Map<String, Object> readOne(Path file) {
    List<Map<String, Object>> docs = readAll(file);
    if (docs.size() != 1) {
      throw new IllegalArgumentException(file + " must hold one YAML document, has " + docs.size());
    }
    return docs.get(0);
  }

  /** Documents separated by {@code ---}, as {@code kubectl apply -f -} reads them. */
  public static String writeAll(List<Map<String, Object>> objects) {
    StringBuilder out = new StringBuilder();
    for (Map<String, Object> object : objects) {
      if (out.length() > 0) {
        out.append("---\n");
      }
      try {
        out.append(MAPPER.writeValueAsString(object));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  private static List<Map<String, Object>> collect(
      MappingIterator<LinkedHashMap<String, Object>> docs) throws IOException {
    List<Map<String, Object>> all = new ArrayList<>();
    while (docs.hasNextValue()) {
      LinkedHashMap<String, Object> doc = docs.nextValue();
      if (doc != null && !doc.isEmpty()) {
        all.add(doc);
      }
    }
    return all;
  }
}
