package io.crewexport.runner.logging;

import ch.qos.logback.classic.pattern.DateConverter;
import ch.qos.logback.classic.pattern.EnsureExceptionHandling;
import ch.qos.logback.classic.pattern.LevelConverter;
import ch.qos.logback.classic.pattern.LineSeparatorConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import io.crewexport.client.Secret;
import java.util.Map;
import java.util.function.Supplier;

/**
 * logback's {@code PatternLayout} for the four conversion words our pattern uses ({@code %d},
 * {@code %level}, {@code %msg}, {@code %n}): the same parser, the same converters, and an exception
 * appended as {@code PatternLayout} appends it. {@code PatternLayout} itself registers every
 * conversion word logback knows when its class loads, some seventy converters and as many lambdas,
 * about 0.05 s of every start.
 *
 * <p>Each line, exception included, is masked of every secret this process holds ({@link
 * Secret#redact}): a library's exception may quote a header or a request it was given.
 */
public final class ConsoleLineLayout extends PatternLayoutBase<ILoggingEvent> {
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static final Map<String, Supplier<DynamicConverter>> CONVERTERS =
      Map.of(
          "d", DateConverter::new,
          "level", LevelConverter::new,
          "msg", MessageConverter::new,
          "n", LineSeparatorConverter::new);

  /** A layout to be given its pattern, as logback's XML configuration does. */
  public ConsoleLineLayout() {
    this.postCompileProcessor = new EnsureExceptionHandling();
  }

  @Override
  protected Map<String, Supplier<DynamicConverter>> getDefaultConverterSupplierMap() {
    return CONVERTERS;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return isStarted() ? Secret.redact(writeLoopOnConverters(event)) : CoreConstants.EMPTY_STRING;
  }
}
