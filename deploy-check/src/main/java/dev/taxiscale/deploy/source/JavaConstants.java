package dev.taxiscale.deploy.source;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code static final String} constants of one Java source file, such as topic names. */
public final class JavaConstants {
  private static final Pattern CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");

  private JavaConstants() {}

  public static Map<String, String> read(Path file) {
    Map<String, String> constants = new LinkedHashMap<>();
    Matcher m = CONSTANT.matcher(Sources.read(file));
    while (m.find()) {
      constants.put(m.group(1), m.group(2));
    }
    return constants;
  }
}
