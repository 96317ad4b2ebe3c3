package io.crewexport.runner.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a batch config from YAML. Every error is one line naming the file, the line and the key,
 * and unknown keys are errors, so a typo never silently changes what runs.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      JsonMapper.builder(new YAMLFactory())
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          // A key given twice would otherwise keep its last value without a word.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .findAndAddModules()
          .build();

  private ConfigLoader() {}

  /** A loaded config and where its keys are, for later errors. */
  public record Loaded(Path file, BatchConfig config, YamlLines lines) {
    /** A configuration error naming the file and the line of {@code path}. */
    public CrewexportException error(String path, String problem) {
      String where = lines.lineOf(path).map(line -> ", line " + line).orElse("");
      return new CrewexportException(
          ErrorCode.CONFIGURATION, file + where + ", " + path + ": " + problem);
    }

    /** A configuration error about two entries, naming the file and the lines of both. */
    public CrewexportException error(String path, String otherPath, String problem) {
      Optional<Integer> line = lines.lineOf(path);
      Optional<Integer> otherLine = lines.lineOf(otherPath);
      String where =
          line.isPresent() && otherLine.isPresent()
              ? ", lines " + line.get() + " and " + otherLine.get()
              : "";
      return new CrewexportException(
          ErrorCode.CONFIGURATION,
          file + where + ", " + path + " and " + otherPath + ": " + problem);
    }
  }

  /** A config built in code, such as from command-line flags; errors name {@code source}. */
  public static Loaded of(String source, BatchConfig config) {
    return new Loaded(Path.of(source), config, YamlLines.none());
  }

  /** Reads and checks {@code file}. */
  public static Loaded load(Path file) {
    YamlLines lines = YamlLines.none();
    try {
      lines = YamlLines.of(file);
      BatchConfig config = YAML.readValue(Files.readAllBytes(file), BatchConfig.class);
      if (config == null) {
        throw new CrewexportException(ErrorCode.CONFIGURATION, file + " is empty.");
      }
      return new Loaded(file, config, lines);
    } catch (NoSuchFileException e) {
      throw new CrewexportException(ErrorCode.CONFIGURATION, "No config file at " + file + ".");
    } catch (JsonMappingException e) {
      throw new CrewexportException(ErrorCode.CONFIGURATION, describe(file, lines, e));
    } catch (JsonProcessingException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          file
              + ", line "
              + e.getLocation().getLineNr()
              + ": not valid YAML: "
              + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new CrewexportException(ErrorCode.CONFIGURATION, "Cannot read " + file + ": " + e);
    }
  }

  private static String describe(Path file, YamlLines lines, JsonMappingException e) {
    String path = path(e);
    // The parser's own location points past buffered keys; the key's line is exact.
    String line =
        lines
            .lineOf(path)
            .or(() -> Optional.ofNullable(e.getLocation()).map(l -> l.getLineNr()))
            .map(n -> ", line " + n)
            .orElse("");
    if (e instanceof UnrecognizedPropertyException unknown) {
      return file
          + line
          + ": unknown key '"
          + unknown.getPropertyName()
          + "'"
          + (path.contains(".") ? " in " + path.substring(0, path.lastIndexOf('.')) : "")
          + "; known keys: "
          + unknown.getKnownPropertyIds();
    }
    Throwable cause = e.getCause() instanceof RuntimeException ? e.getCause() : null;
    String problem =
        cause != null ? cause.getMessage() : e.getOriginalMessage().lines().findFirst().orElse("");
    return file + line + (path.isEmpty() ? "" : ", " + path) + ": " + problem;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
