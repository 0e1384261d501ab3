package dev.taxiscale.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.taxiscale.s3.S3Location;
import dev.taxiscale.s3.S3Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The cleaning step as an AWS Lambda function ({@code dev.taxiscale.lambda.CleanHandler}), run for
 * each S3 {@code ObjectCreated} event on a raw trip object.
 *
 * <p>An object that can never be cleaned (not a trip CSV, gone, replaced meanwhile) is reported in
 * the log and the result and not retried. Any other failure fails the invocation, so Lambda's own
 * bounded retries and on-failure destination apply; nothing partial is left under a clean name.
 */
public final class CleanHandler implements RequestHandler<S3Event, String> {
  private final ObjectCleaner cleaner;

  /** As Lambda builds it: settings from the environment, one S3 client per container. */
  public CleanHandler() {
    this(
        S3Settings.fromEnvironment(System.getenv(), null).client(),
        CleanSettings.fromEnvironment(System.getenv()));
  }

  public CleanHandler(S3Client client, CleanSettings settings) {
    this.cleaner = new ObjectCleaner(client, settings);
  }

  @Override
  public String handleRequest(S3Event event, Context context) {
    List<String> results = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (S3EventNotificationRecord record : event.getRecords()) {
      if (record.getEventName() == null || !record.getEventName().startsWith("ObjectCreated")) {
        continue;
      }
      S3Location raw =
          new S3Location(
              record.getS3().getBucket().getName(), record.getS3().getObject().getUrlDecodedKey());
      try {
        results.add(cleaner.clean(raw).describe());
      } catch (BadObjectException e) {
        results.add(raw + ": not cleaned: " + e.getMessage());
      } catch (IOException | SdkException e) {
        failures.add(raw + ": failed: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    // stdout goes to the function's log stream, one line per object
    results.forEach(System.out::println);
    failures.forEach(System.out::println);
    if (!failures.isEmpty()) {
      throw new IllegalStateException(String.join("; ", failures));
    }
    return String.join("\n", results);
  }
}
