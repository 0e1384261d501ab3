package dev.taxiscale.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Captures the statements the query engine prepares on one connection. The engine keeps its SQL
 * package-private, so the benchmark's JDBC floor learns it by watching rather than copying it: the
 * floor then runs exactly the engine's statements without the engine. Proxies are used here only,
 * in the benchmark, and only while drawing the request set.
 */
final class StatementRecorder {
  private final List<RecordedStatement> statements = new ArrayList<>();
  private final Map<Array, RecordedStatement.ArrayValue> arrays = new IdentityHashMap<>();

  /** The statements recorded so far, in the order they were prepared. */
  List<RecordedStatement> statements() {
    return List.copyOf(statements);
  }

  /** A data source whose connections behave like {@code real}'s and record their statements. */
  DataSource watch(DataSource real) {
    return proxy(
        DataSource.class,
        real,
        (target, method, args) -> {
          Object result = call(target, method, args);
          return result instanceof Connection c
              ? proxy(Connection.class, c, this::onConnection)
              : result;
        });
  }

  private Object onConnection(Object real, Method method, Object[] args) throws Throwable {
    Object result = call(real, method, args);
    if (method.getName().equals("createArrayOf")) {
      arrays.put(
          (Array) result,
          new RecordedStatement.ArrayValue((String) args[0], Arrays.asList((Object[]) args[1])));
    }
    if (method.getName().equals("prepareStatement") && args.length == 1) {
      Map<Integer, Object> values = new TreeMap<>();
      statements.add(new RecordedStatement((String) args[0], values));
      int index = statements.size() - 1;
      return proxy(
          PreparedStatement.class,
          result,
          (target, m, a) -> {
            if (m.getName().startsWith("set")
                && a != null
                && a.length == 2
                && a[0] instanceof Integer i) {
              values.put(i, recorded(m, a[1]));
              statements.set(index, new RecordedStatement((String) args[0], values));
            }
            return call(target, m, a);
          });
    }
    return result;
  }

  private Object recorded(Method setter, Object value) {
    if (setter.getName().equals("setNull")) {
      return new RecordedStatement.NullValue((Integer) value);
    }
    return value instanceof Array array ? arrays.get(array) : value;
  }

  private interface Handler {
    Object handle(Object real, Method method, Object[] args) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, Object real, Handler handler) {
    InvocationHandler invocation = (p, method, args) -> handler.handle(real, method, args);
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, invocation));
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
