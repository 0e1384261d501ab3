package dev.taxiscale.app;

import dev.taxiscale.core.format.TripFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a format flag such as {@code yellow-2014}; the error lists the allowed names. */
final class FormatConverter implements ITypeConverter<TripFormat> {

  static String flagName(TripFormat format) {
    return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static String allowed() {
    return Arrays.stream(TripFormat.values())
        .map(FormatConverter::flagName)
        .collect(Collectors.joining(", "));
  }

  @Override
  public TripFormat convert(String value) {
    for (TripFormat format : TripFormat.values()) {
      if (flagName(format).equalsIgnoreCase(value.trim())) {
        return format;
      }
    }
    throw new TypeConversionException("unknown format '" + value + "', allowed: " + allowed());
  }
}
