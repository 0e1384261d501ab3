package dev.taxiscale.core.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.taxiscale.core.trip.Source;
import java.io.IOException;

/** Sources travel as their lowercase codes ({@code yellow}, {@code green}, {@code fhv}). */
final class SourceCodec {

  private SourceCodec() {}

  static final class Writer extends StdSerializer<Source> {
    Writer() {
      super(Source.class);
    }

    @Override
    public void serialize(Source value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.code());
    }
  }

  static final class Reader extends StdDeserializer<Source> {
    Reader() {
      super(Source.class);
    }

    @Override
    public Source deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        throw new ValidationException("", "must be a source code string, got " + parser.getText());
      }
      try {
        return Source.fromCode(parser.getText());
      } catch (IllegalArgumentException e) {
        throw new ValidationException("", e.getMessage());
      }
    }
  }
}
